// Typed reading of cells other than numbers: bool, date, duration, enum,
// set<string>, and the dispatch by field kind. See icp/rt/convert.h.
#include "icp/rt/convert.h"

#include <cstring>

#include "icp/rt/utf8.h"
#include "json_line.h"

namespace icp::rt {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c != b[i]) return false;
  }
  return true;
}
}  // namespace

bool parse_bool_cell(std::string_view s, bool& out, std::string& reason) {
  static const std::string_view kTrue[] = {"true", "yes", "y", "1"};
  static const std::string_view kFalse[] = {"false", "no", "n", "0"};
  for (auto t : kTrue)
    if (iequals(s, t)) { out = true; return true; }
  for (auto f : kFalse)
    if (iequals(s, f)) { out = false; return true; }
  reason = "cannot read " + quote_for_message(s) + " as a bool (expected true, false, yes, no, y, n, 1 or 0)";
  return false;
}

bool parse_date_value(std::string_view s, DateFormat fmt, int32_t& out, std::string& reason) {
  if (auto d = parse_date_cell(s, fmt)) {
    out = *d;
    return true;
  }
  reason = "cannot read " + quote_for_message(s) + " as a date";
  const bool date_then_text = s.size() > 10 && s[4] == '-' && parse_iso_date(s.substr(0, 10));
  if (date_then_text)
    reason += " (a date may be followed only by T or a space and a time hh:mm[:ss[.fff]], then Z, +hh:mm or "
              "-hh:mm if any)";
  else if (fmt == DateFormat::Ymd && s.find('/') != std::string_view::npos)
    reason += " (expected YYYY-MM-DD; --date-format mdy or dmy reads dates with slashes)";
  else if (fmt == DateFormat::Mdy)
    reason += " (expected YYYY-MM-DD or MM/DD/YYYY)";
  else if (fmt == DateFormat::Dmy)
    reason += " (expected YYYY-MM-DD or DD/MM/YYYY)";
  else
    reason += " (expected YYYY-MM-DD)";
  return false;
}

bool parse_duration_cell(std::string_view s, int64_t& out, std::string& reason) {
  size_t pos = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  std::string_view num = s.substr(0, pos), unit = s.substr(pos);
  int64_t n = 0, mult = 0;
  std::string dummy;
  if (!num.empty() && parse_int_cell(num, n, dummy)) {
    if (unit.empty() || unit == "d") mult = 1;
    else if (unit == "w") mult = 7;
    else if (unit == "mo") mult = 30;
    else if (unit == "y") mult = 365;
  }
  if (mult == 0 || __builtin_mul_overflow(n, mult, &out)) {
    reason = "cannot read " + quote_for_message(s) + " as a duration (expected days, or 90d, 6w, 3mo, 1y)";
    return false;
  }
  return true;
}

bool parse_enum_cell(std::string_view s, const EnumSpec& e, int32_t& out, std::string& reason) {
  int32_t m = e.find(s);
  if (m < 0) m = e.default_member;
  if (m < 0) {
    reason = quote_for_message(s) + " is not a" + (e.name.empty() || !std::strchr("AEIOUaeiou", e.name[0]) ? " " : "n ") +
             e.name + " (expected one of " + e.member_list() + ")";
    return false;
  }
  out = m;
  return true;
}

void split_set_cell(std::string_view s, std::string_view sep, std::vector<std::string_view>& items) {
  items.clear();
  auto add = [&](std::string_view item) {
    item = trim_view(item);
    if (item.empty()) return;
    for (auto seen : items)
      if (seen == item) return;
    items.push_back(item);
  };
  if (sep.empty()) {
    add(s);
    return;
  }
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      add(s.substr(start));
      return;
    }
    add(s.substr(start, at - start));
    start = at + sep.size();
  }
}

bool convert_text(std::string_view s, const FieldSpec& f, const ReadOptions& o, Value& out, std::string& reason) {
  switch (f.kind) {
    case ValueKind::Bool: {
      bool b;
      if (!parse_bool_cell(s, b, reason)) return false;
      out = Value::boolean(b);
      return true;
    }
    case ValueKind::Int: {
      int64_t i;
      if (!parse_int_cell(s, i, reason)) return false;
      out = Value::integer(i);
      return true;
    }
    case ValueKind::Float: {
      double d;
      if (!parse_float_cell(s, d, reason)) return false;
      out = Value::real(d);
      return true;
    }
    case ValueKind::String: out = Value::string(std::string(s)); return true;
    case ValueKind::Date: {
      int32_t d;
      if (!parse_date_value(s, o.date_format, d, reason)) return false;
      out = Value::date(d);
      return true;
    }
    case ValueKind::Duration: {
      int64_t d;
      if (!parse_duration_cell(s, d, reason)) return false;
      out = Value::duration(d);
      return true;
    }
    case ValueKind::Enum: {
      int32_t m;
      if (!f.enum_spec) {
        reason = "internal error: enum field '" + f.name + "' has no EnumSpec";
        return false;
      }
      if (!parse_enum_cell(s, *f.enum_spec, m, reason)) return false;
      out = Value::enumeration(m);
      return true;
    }
    case ValueKind::StringSet: {
      std::vector<std::string_view> items;
      JsonLineParser json;
      if (s.front() == '[' && s.back() == ']' && json.parse_string_array(s, items)) {
        // read as a JSON array
      } else {
        split_set_cell(s, o.list_sep, items);
      }
      StringSet set;
      for (auto item : items) set.emplace_back(item);
      out = Value::set(std::move(set));
      return true;
    }
  }
  return false;
}

}  // namespace icp::rt
