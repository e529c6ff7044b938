#include "syntax/literals.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <limits>

#include "source/source.h"

namespace icp::syntax {
namespace {

std::string strip_underscores(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

// Parses a run of decimal digits into an int64, false on overflow.
bool digits_to_int(std::string_view digits, int64_t& out) {
  int64_t v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    int d = c - '0';
    if (v > (std::numeric_limits<int64_t>::max() - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

double strtod_c(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

// Splits a decimal number "12.5e3" into mantissa integer part, fraction and
// exponent (underscores already removed).
struct Decimal {
  std::string int_part, frac;
  long exp = 0;
};
Decimal split_decimal(const std::string& s) {
  Decimal d;
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) d.int_part += s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) d.frac += s[i++];
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) d.exp = std::strtol(s.c_str() + i + 1, nullptr, 10);
  return d;
}

}  // namespace

bool decode_int(std::string_view text, int64_t& out) {
  return digits_to_int(strip_underscores(text), out);
}

double decode_float(std::string_view text) { return strtod_c(strip_underscores(text)); }

Magnitude decode_magnitude(std::string_view text) {
  Magnitude m;
  std::string s = strip_underscores(text);
  char suffix = s.back();
  s.pop_back();
  size_t shift = suffix == 'k' ? 3 : suffix == 'M' ? 6 : 9;
  Decimal d = split_decimal(s);
  // Exact decimal arithmetic: the value is whole iff the fraction digits past
  // the shift are all zero.
  bool whole = true;
  for (size_t i = shift; i < d.frac.size(); ++i)
    if (d.frac[i] != '0') whole = false;
  if (whole) {
    std::string digits = d.int_part + d.frac.substr(0, std::min(shift, d.frac.size()));
    if (d.frac.size() < shift) digits += std::string(shift - d.frac.size(), '0');
    m.is_int = true;
    if (!digits_to_int(digits, m.int_value)) m.overflow = true;
    m.float_value = static_cast<double>(m.int_value);
  } else {
    m.float_value = strtod_c(fmt::format("{}e{}", s, shift));
  }
  return m;
}

double decode_percent(std::string_view text) {
  std::string s = strip_underscores(text);
  s.pop_back();  // '%'
  Decimal d = split_decimal(s);
  std::string mantissa = d.int_part + (d.frac.empty() ? "" : "." + d.frac);
  return strtod_c(fmt::format("{}e{}", mantissa, d.exp - 2));
}

bool decode_duration(std::string_view text, int64_t& days) {
  std::string s = strip_underscores(text);
  int64_t factor = 1;
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, "mo") == 0) {
    factor = 30;
    s.resize(s.size() - 2);
  } else {
    char u = s.back();
    s.pop_back();
    factor = u == 'd' ? 1 : u == 'w' ? 7 : 365;
  }
  int64_t n = 0;
  if (!digits_to_int(s, n)) return false;
  if (n > std::numeric_limits<int64_t>::max() / factor) return false;
  days = n * factor;
  return true;
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<DateValue> decode_date(std::string_view text, DiagnosticEngine& diags, SourceRange r) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  DateValue v;
  v.year = std::atoi(std::string(text.substr(0, 4)).c_str());
  v.month = std::atoi(std::string(text.substr(5, 2)).c_str());
  v.day = std::atoi(std::string(text.substr(8, 2)).c_str());
  if (v.month < 1 || v.month > 12) {
    diags.emit(diag::NoSuchMonth, r, text, v.month);
    return std::nullopt;
  }
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[v.month - 1] + (v.month == 2 && is_leap(v.year) ? 1 : 0);
  if (v.day < 1 || v.day > max_day) {
    if (v.day == 0)
      diags.emit(diag::NoDayZero, r, text);
    else
      diags.emit(diag::NoSuchDay, r, text, kMonths[v.month - 1], v.year, max_day);
    return std::nullopt;
  }
  v.days = static_cast<int32_t>(days_from_civil(v.year, v.month, v.day));
  return v;
}

bool decode_string(std::string_view text, std::string& out, bool& raw, DiagnosticEngine& diags,
                   SourceRange r) {
  out.clear();
  raw = false;
  if (text.size() >= 2 && text[0] == 'r') {
    raw = true;
    if (text[1] == '#') out = std::string(text.substr(3, text.size() - 5));
    else out = std::string(text.substr(2, text.size() - 3));
    return true;
  }
  std::string_view body = text.substr(1, text.size() - 2);
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i + 1 >= body.size()) {
      diags.emit(diag::InvalidEscape, r, "");  // (the lexer lets no string end so)
      return false;
    }
    char e = body[++i];
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'u': {
        size_t close = body.find('}', i);
        bool ok = i + 1 < body.size() && body[i + 1] == '{' && close != std::string_view::npos;
        uint32_t cp = 0;
        if (ok) {
          std::string_view hex = body.substr(i + 2, close - i - 2);
          ok = !hex.empty() && hex.size() <= 6;
          for (char h : hex) {
            if (!std::isxdigit(static_cast<unsigned char>(h))) ok = false;
            else cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                          ? h - '0'
                                                          : (std::tolower(h) - 'a' + 10));
          }
          ok = ok && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        }
        if (!ok) {
          diags.emit(diag::InvalidUnicodeEscape, r);
          return false;
        }
        append_utf8(out, cp);
        i = close;
        break;
      }
      default: {
        size_t j = i;
        uint32_t cp = decode_utf8(body, j);
        std::string shown;
        append_utf8(shown, cp);
        diags.emit(diag::InvalidEscape, r, shown);
        return false;
      }
    }
  }
  return true;
}

std::optional<std::string> duration_words(std::string_view number, std::string_view unit) {
  std::string u;
  for (char c : unit) u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto one_of = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (u == w) return true;
    return false;
  };
  const char* suffix;
  int per = 1;
  if (one_of({"day", "days"})) suffix = "d";
  else if (one_of({"wk", "wks", "week", "weeks"})) { suffix = "w"; per = 7; }
  else if (one_of({"mo", "mos", "mon", "mth", "mths", "month", "months"})) { suffix = "mo"; per = 30; }
  else if (one_of({"yr", "yrs", "year", "years"})) { suffix = "y"; per = 365; }
  else return std::nullopt;
  int64_t n = 0;
  if (number.empty() || number.find('.') != std::string_view::npos || !decode_int(number, n))
    return std::nullopt;
  std::string lit = fmt::format("`{}{}`", number, suffix);
  if (per == 1 || n > 1'000'000) return lit;
  return fmt::format("{} or `{}d`", lit, n * per);
}

void report_bad_number(DiagnosticEngine& diags, SourceRange r, std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
                             text[i] == '.'))
    ++i;
  std::string_view num = text.substr(0, i), rest = text.substr(i);
  std::string lower;
  for (char c : rest) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string hint;
  if (rest.empty() || num.find("__") != std::string_view::npos || num.back() == '_' ||
      num.back() == '.')
    hint = "`_` may only separate digits";
  else if (lower == "m")
    hint = fmt::format("write `{}mo` for months or `{}M` for millions", num, num);
  else if (auto words = duration_words(num, rest))
    hint = fmt::format("write the duration as {}", *words);
  else if (lower.starts_with("k") || lower.starts_with("m") || lower.starts_with("b"))
    hint = "the magnitudes are `k`, `M` and `B`";
  else if (rest[0] == 'e' || rest[0] == 'E')
    hint = "an exponent needs digits, as in `2e6`";
  if (hint.empty())
    hint = "durations are written `90d`, `6w`, `3mo`, `1y`; magnitudes `50k`, `2M`, `1B`";
  diags.emit(diag::InvalidNumber, r, text, hint);
}

}  // namespace icp::syntax
