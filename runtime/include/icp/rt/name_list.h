// Lists of names in messages, bounded: a model with 10,000 profiles or a
// header with 10,000 columns gives a message of a few names, then "and N
// more", never one of 69 KB. Every message that lists names (profiles,
// columns, fields, defs) goes through here.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace icp::rt {

// How many names a message lists before "and N more".
inline constexpr size_t kListedNames = 5;

// "a, b, c"; with `prose`, "a, b and c". Past `max` names: the first `max`,
// then " and N more" ("a, b, c, d, e and 9995 more").
inline std::string name_list(const std::vector<std::string>& names, bool prose = false,
                             size_t max = kListedNames) {
  std::string out;
  size_t shown = names.size() > max ? max : names.size();
  for (size_t i = 0; i < shown; ++i) {
    if (i) out += prose && i + 1 == shown && shown == names.size() ? " and " : ", ";
    out += names[i];
  }
  if (shown < names.size()) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

}  // namespace icp::rt
