// Civil date arithmetic (Howard Hinnant, "chrono-Compatible Low-Level Date
// Algorithms"), date parsing and formatting. See icp/rt/dates.h.
#include "icp/rt/dates.h"

#include <chrono>
#include <cstdio>

namespace icp::rt {

std::optional<DateFormat> parse_date_format(std::string_view name) {
  if (name == "ymd") return DateFormat::Ymd;
  if (name == "mdy") return DateFormat::Mdy;
  if (name == "dmy") return DateFormat::Dmy;
  return std::nullopt;
}

bool is_leap_year(int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

uint32_t days_in_month(int32_t y, uint32_t m) {
  static const uint8_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool is_valid_date(int32_t y, uint32_t m, uint32_t d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int64_t days_from_civil(int32_t y0, uint32_t m, uint32_t d) {
  int64_t y = int64_t(y0) - (m <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const uint64_t yoe = uint64_t(y - era * 400);                           // [0, 399]
  const uint64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + int64_t(doe) - 719468;
}

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const uint64_t doe = uint64_t(z - era * 146097);
  const uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = int64_t(yoe) + era * 400;
  const uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const uint64_t mp = (5 * doy + 2) / 153;
  const uint32_t d = uint32_t(doy - (153 * mp + 2) / 5 + 1);
  const uint32_t m = uint32_t(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{int32_t(y + (m <= 2)), m, d};
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly n digits at s[pos...].
bool fixed_digits(std::string_view s, size_t pos, size_t n, uint32_t& out) {
  if (pos + n > s.size()) return false;
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + uint32_t(c - '0');
  }
  out = v;
  return true;
}

// Reads 1..max digits at s[pos...], advancing pos.
bool var_digits(std::string_view s, size_t& pos, size_t max, uint32_t& out) {
  size_t start = pos;
  uint32_t v = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < max) v = v * 10 + uint32_t(s[pos++] - '0');
  if (pos == start || (pos < s.size() && is_digit(s[pos]))) return false;
  out = v;
  return true;
}

std::optional<int32_t> make(uint32_t y, uint32_t m, uint32_t d) {
  if (!is_valid_date(int32_t(y), m, d)) return std::nullopt;
  return int32_t(days_from_civil(int32_t(y), m, d));
}

}  // namespace

bool is_time_part(std::string_view s) {
  // hh:mm[:ss[.f+]] then optionally Z or ±hh:mm (LANGUAGE.md 11.1, "Input").
  uint32_t h, m, sec;
  if (!fixed_digits(s, 0, 2, h) || s.size() < 5 || s[2] != ':' || !fixed_digits(s, 3, 2, m)) return false;
  if (h > 23 || m > 59) return false;
  size_t p = 5;
  if (p < s.size() && s[p] == ':') {
    if (!fixed_digits(s, p + 1, 2, sec) || sec > 59) return false;
    p += 3;
    if (p < s.size() && s[p] == '.') {
      size_t start = ++p;
      while (p < s.size() && is_digit(s[p])) ++p;
      if (p == start) return false;
    }
  }
  if (p == s.size()) return true;
  if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) return true;
  if (s[p] != '+' && s[p] != '-') return false;
  uint32_t zh, zm;
  if (s.size() != p + 6 || !fixed_digits(s, p + 1, 2, zh) || s[p + 3] != ':' || !fixed_digits(s, p + 4, 2, zm))
    return false;
  return zh <= 23 && zm <= 59;
}

std::optional<int32_t> parse_iso_date(std::string_view s) {
  uint32_t y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!fixed_digits(s, 0, 4, y) || !fixed_digits(s, 5, 2, m) || !fixed_digits(s, 8, 2, d)) return std::nullopt;
  return make(y, m, d);
}

std::optional<int32_t> parse_date_cell(std::string_view s, DateFormat fmt) {
  if (s.size() >= 10 && s[4] == '-') {
    if (s.size() > 10 && ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !is_time_part(s.substr(11))))
      return std::nullopt;
    return parse_iso_date(s.substr(0, 10));
  }
  if (fmt == DateFormat::Ymd) return std::nullopt;
  size_t pos = 0;
  uint32_t a, b, y;
  if (!var_digits(s, pos, 2, a) || pos >= s.size() || s[pos++] != '/') return std::nullopt;
  if (!var_digits(s, pos, 2, b) || pos >= s.size() || s[pos++] != '/') return std::nullopt;
  if (!fixed_digits(s, pos, 4, y)) return std::nullopt;
  pos += 4;
  if (pos < s.size() && ((s[pos] != ' ' && s[pos] != 'T' && s[pos] != 't') || !is_time_part(s.substr(pos + 1))))
    return std::nullopt;
  return fmt == DateFormat::Mdy ? make(y, a, b) : make(y, b, a);
}

std::string format_date(int64_t days) {
  CivilDate c = civil_from_days(days);
  char buf[32];
  if (c.year >= 0 && c.year <= 9999)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(c.year), c.month, c.day);
  else
    std::snprintf(buf, sizeof buf, "%+05d-%02u-%02u", int(c.year), c.month, c.day);
  return buf;
}

int32_t today_utc() {
  auto now = std::chrono::system_clock::now();
  return int32_t(std::chrono::floor<std::chrono::days>(now).time_since_epoch().count());
}

int32_t date_year(int64_t days) { return civil_from_days(days).year; }
int32_t date_month(int64_t days) { return int32_t(civil_from_days(days).month); }

}  // namespace icp::rt
