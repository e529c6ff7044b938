// "Did you mean" suggestions: the closest candidate name by edit distance.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/semantic_model.h"

namespace icp::sema {

// Levenshtein distance (with adjacent transpositions counted as one edit).
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate most likely meant by `name`: the same name in another case;
// else the only candidate that is `name` followed by `_` and more; else the
// closest by edit distance, if close enough to be a typo (ties go to the
// first). None for a one-letter name unless only its case differs.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

// Adds closest_name()'s answer to a diagnostic: "did you mean 'x'?" and
// the fix replacing `at` with it. Returns the suggestion.
std::optional<std::string> add_suggestion(DiagBuilder& b, SourceRange at, std::string_view name,
                                          const std::vector<std::string>& candidates);

// The member that input text reads as (LANGUAGE.md section 8: its name or
// an alias, case-insensitively, spaces and hyphens as `_`); `alias`
// receives the alias when it is one.
std::optional<std::string> member_read_as(const EnumInfo& en, std::string_view text,
                                          std::string* alias = nullptr);
// The member of `en` that `name` most likely means: one that `name` would
// read as in input data (an alias, `USA` -> `US`; `alias` receives it), else
// closest_name() over the members.
std::optional<std::string> suggest_member(const EnumInfo& en, std::string_view name,
                                          std::string* alias = nullptr);
// Adds suggest_member()'s answer to an unknown-member diagnostic: the note
// and the fix replacing `at`.
void add_member_suggestion(DiagBuilder& b, SourceRange at, const EnumInfo& en, std::string_view name);

}  // namespace icp::sema
