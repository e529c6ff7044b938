// The edit distance behind every "did you mean" (names in the checker,
// keywords in the parser): one implementation for both phases.
#pragma once
#include <cstddef>
#include <string_view>

namespace icp {

// Levenshtein distance with adjacent transpositions counted as one edit
// (optimal string alignment): `signl` -> `signal` is 1, `exlcude` ->
// `exclude` is 1.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace icp
