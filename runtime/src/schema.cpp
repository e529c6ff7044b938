// Enum lookup tables and column matching. See icp/rt/schema.h.
#include "icp/rt/schema.h"

#include <algorithm>
#include <cstdint>

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

namespace {

std::string squash(std::string_view s) {
  std::string out;
  for (char c : str_lower(trim_view(s)))
    if (c != ' ' && c != '_' && c != '-' && c != '\t') out += c;
  return out;
}

// Optimal string alignment distance over bytes (names here are short).
size_t osa_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

std::string closest_column(std::string_view name, const std::vector<std::string>& candidates, bool typo_only) {
  const std::string want = squash(name);
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const auto& c : candidates) {
    const std::string k = squash(c);
    if (k.empty()) continue;
    size_t d = osa_distance(want, k);
    bool contains = !want.empty() && (k.find(want) != std::string::npos || want.find(k) != std::string::npos);
    const size_t longer = std::max(want.size(), k.size());
    if (!contains && d > (typo_only ? std::max<size_t>(1, longer / 3) : longer / 2)) continue;
    if (contains) d = std::min(d, std::max(want.size(), k.size()) - std::min(want.size(), k.size()));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string unread_key_hint(std::string_view key, const Schema& schema) {
  std::vector<std::string> columns, names;
  for (const auto& f : schema.fields) {
    columns.push_back(f.column);
    names.push_back(f.name);
  }
  int field = -1;
  std::string c = closest_column(key, columns, true);
  if (!c.empty()) field = schema.find_column(c);
  if (field < 0) {
    std::string n = closest_column(key, names, true);
    for (size_t i = 0; i < names.size() && field < 0 && !n.empty(); ++i)
      if (names[i] == n) field = int(i);
  }
  if (field < 0) return "";
  const FieldSpec& f = schema.fields[size_t(field)];
  if (column_key(key) == column_key(f.name))  // the field's name, but `from` names another column
    return "field `" + f.name + "` reads the key `" + f.column + "` (its `from` name) instead";
  std::string hint = "did you mean `" + f.name + "`";
  if (column_key(f.column) != column_key(f.name)) hint += ", column `" + f.column + "`";
  return hint + "?";
}

}  // namespace icp::rt
