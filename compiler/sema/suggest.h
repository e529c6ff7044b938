// "Did you mean" suggestions: the closest candidate name by edit distance.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icp::sema {

// Levenshtein distance (with adjacent transpositions counted as one edit).
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if close enough to be a likely typo
// (case-insensitive equality always qualifies). Ties go to the first.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

}  // namespace icp::sema
