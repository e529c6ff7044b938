// The number syntax of input cells (LANGUAGE.md section 8), read exactly in
// decimal, and its conversion to int64 / double. See icp/rt/convert.h.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

#include "icp/rt/convert.h"

namespace icp::rt {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool eat(std::string_view s, size_t& pos, std::string_view what) {
  if (s.substr(pos).starts_with(what)) {
    pos += what.size();
    return true;
  }
  return false;
}

bool eat_word_icase(std::string_view s, size_t& pos, std::string_view word) {
  if (s.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c != word[i]) return false;
  }
  pos += word.size();
  return true;
}

void skip_spaces(std::string_view s, size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
}

}  // namespace

bool parse_decimal(std::string_view s, DecimalNumber& out) {
  out = DecimalNumber{};
  size_t pos = 0;
  bool have_sign = false;
  auto sign = [&] {
    if (!have_sign && pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      out.negative = s[pos] == '-';
      have_sign = true;
      ++pos;
    }
  };
  sign();
  if (eat(s, pos, "$") || eat(s, pos, "\xE2\x82\xAC") || eat(s, pos, "\xC2\xA3")) {
    skip_spaces(s, pos);
    sign();
  }
  std::string digits;
  // Integer part, with optional thousands separators between groups of three.
  size_t run = 0, groups = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (is_digit(c)) {
      digits += c;
      ++run;
      ++pos;
    } else if ((c == ',' || c == '_') && pos + 1 < s.size() && is_digit(s[pos + 1])) {
      if (run == 0 || (groups == 0 ? run > 3 : run != 3)) return false;
      ++groups;
      run = 0;
      ++pos;
    } else {
      break;
    }
  }
  if (groups > 0 && run != 3) return false;
  size_t int_digits = digits.size();
  int64_t exp10 = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && is_digit(s[pos])) {
      digits += s[pos++];
      --exp10;
    }
  }
  if (digits.empty()) return false;
  (void)int_digits;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E') && pos + 1 < s.size() &&
      (is_digit(s[pos + 1]) || ((s[pos + 1] == '+' || s[pos + 1] == '-') && pos + 2 < s.size() && is_digit(s[pos + 2])))) {
    ++pos;
    bool neg = false;
    if (s[pos] == '+' || s[pos] == '-') neg = s[pos++] == '-';
    int64_t e = 0;
    while (pos < s.size() && is_digit(s[pos])) {
      if (e < 100000) e = e * 10 + (s[pos] - '0');
      ++pos;
    }
    exp10 += neg ? -e : e;
  }
  skip_spaces(s, pos);
  // Magnitude: a word, or one letter not followed by another letter.
  if (eat_word_icase(s, pos, "thousand")) exp10 += 3;
  else if (eat_word_icase(s, pos, "million")) exp10 += 6;
  else if (eat_word_icase(s, pos, "billion")) exp10 += 9;
  else if (pos < s.size() && std::strchr("kKmMbB", s[pos]) && s[pos] != '\0' &&
           (pos + 1 == s.size() || !std::isalpha(static_cast<unsigned char>(s[pos + 1])))) {
    char c = s[pos++];
    exp10 += (c == 'k' || c == 'K') ? 3 : (c == 'm' || c == 'M') ? 6 : 9;
  } else {
    skip_spaces(s, pos);
    if (pos < s.size() && s[pos] == '%') {
      ++pos;
      exp10 -= 2;
      out.percent = true;
    }
  }
  if (pos != s.size()) return false;
  // Canonical form: no leading zeros, no trailing zeros.
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++exp10;
  }
  if (digits.empty()) exp10 = 0;
  if (exp10 > 1000000) exp10 = 1000000;
  if (exp10 < -1000000) exp10 = -1000000;
  out.digits = std::move(digits);
  out.exp10 = int32_t(exp10);
  return true;
}

std::string quote_for_message(std::string_view s) {
  std::string out = "\"";
  size_t cps = 0, i = 0;
  while (i < s.size() && cps < 60) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out.append(s.substr(i, len));
    i += len;
    ++cps;
  }
  if (i < s.size()) out += "...";
  return out + "\"";
}

bool parse_int_cell(std::string_view s, int64_t& out, std::string& reason) {
  DecimalNumber d;
  if (!parse_decimal(s, d)) {
    reason = "cannot read " + quote_for_message(s) + " as an int";
    return false;
  }
  if (d.percent) {
    reason = "cannot read " + quote_for_message(s) + " as an int (a percentage is read only by a float field)";
    return false;
  }
  if (d.exp10 < 0) {
    reason = "cannot read " + quote_for_message(s) + " as an int (not a whole number)";
    return false;
  }
  uint64_t v = 0;
  bool overflow = d.digits.size() + size_t(d.exp10) > 20;
  for (size_t i = 0; !overflow && i < d.digits.size(); ++i)
    overflow = __builtin_mul_overflow(v, uint64_t(10), &v) || __builtin_add_overflow(v, uint64_t(d.digits[i] - '0'), &v);
  for (int32_t i = 0; !overflow && i < d.exp10; ++i) overflow = __builtin_mul_overflow(v, uint64_t(10), &v);
  const uint64_t limit = d.negative ? (uint64_t(1) << 63) : (uint64_t(1) << 63) - 1;
  if (overflow || v > limit) {
    reason = "cannot read " + quote_for_message(s) + " as an int (out of range)";
    return false;
  }
  out = d.negative ? int64_t(0 - v) : int64_t(v);
  return true;
}

bool parse_float_cell(std::string_view s, double& out, std::string& reason) {
  DecimalNumber d;
  if (!parse_decimal(s, d)) {
    reason = "cannot read " + quote_for_message(s) + " as a float";
    return false;
  }
  if (d.digits.empty()) {
    out = d.negative ? -0.0 : 0.0;
    return true;
  }
  // Too many digits for from_chars' buffer is no problem; exponent may be
  // huge: anything beyond ~1e309 overflows, below ~1e-400 underflows.
  int64_t magnitude = int64_t(d.digits.size()) + d.exp10;  // value < 10^magnitude
  if (magnitude > 310) {
    reason = "cannot read " + quote_for_message(s) + " as a float (out of range)";
    return false;
  }
  if (magnitude < -400) {
    out = d.negative ? -0.0 : 0.0;
    return true;
  }
  std::string text = d.digits + "e" + std::to_string(d.exp10);
  double v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    if (magnitude < 0) {
      v = 0;
    } else {
      reason = "cannot read " + quote_for_message(s) + " as a float (out of range)";
      return false;
    }
  } else if (r.ec != std::errc() || !std::isfinite(v)) {
    reason = "cannot read " + quote_for_message(s) + " as a float (out of range)";
    return false;
  }
  out = d.negative ? -v : v;
  return true;
}

}  // namespace icp::rt
