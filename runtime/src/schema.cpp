// Enum lookup tables and column matching. See icp/rt/schema.h.
#include "icp/rt/schema.h"

#include "icp/rt/builtins.h"
#include "icp/rt/utf8.h"

namespace icp::rt {

std::string normalize_enum_text(std::string_view s) {
  std::string low = str_lower(trim_view(s));
  std::string out;
  out.reserve(low.size());
  bool sep = false;
  for (char c : low) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      sep = true;
      continue;
    }
    if (sep) out += '_';
    sep = false;
    out += c;
  }
  if (sep) out += '_';
  return out;
}

std::string EnumSpec::build() {
  index_.clear();
  std::string conflicts;
  auto add = [&](const std::string& text, int32_t m) {
    auto [it, inserted] = index_.emplace(normalize_enum_text(text), m);
    if (!inserted && it->second != m) {
      if (!conflicts.empty()) conflicts += "; ";
      conflicts += "\"" + text + "\" names both " + members[size_t(it->second)] + " and " + members[size_t(m)];
    }
  };
  for (size_t m = 0; m < members.size(); ++m) add(members[m], int32_t(m));
  for (size_t m = 0; m < aliases.size() && m < members.size(); ++m)
    for (const auto& a : aliases[m]) add(a, int32_t(m));
  return conflicts;
}

int32_t EnumSpec::find(std::string_view text) const {
  auto it = index_.find(normalize_enum_text(text));
  return it == index_.end() ? -1 : it->second;
}

std::string EnumSpec::member_list(size_t max) const {
  std::string out;
  for (size_t i = 0; i < members.size() && i < max; ++i) {
    if (i) out += ", ";
    out += members[i];
  }
  if (members.size() > max) out += ", ...";
  return out;
}

std::string column_key(std::string_view s) { return str_lower(trim_view(s)); }

int Schema::find_column(std::string_view column) const {
  std::string key = column_key(column);
  for (size_t i = 0; i < fields.size(); ++i)
    if (column_key(fields[i].column) == key) return int(i);
  return -1;
}

}  // namespace icp::rt
