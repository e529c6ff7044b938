// ECMAScript Number::toString for doubles, from the shortest round-trip
// digits that std::to_chars gives. See icp/rt/jsnum.h.
#include "icp/rt/jsnum.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace icp::rt {

void append_js_number(std::string& out, double v) {
  if (std::isnan(v)) { out += "NaN"; return; }
  if (std::isinf(v)) { out += v < 0 ? "-Infinity" : "Infinity"; return; }
  if (v == 0) { out += '0'; return; }  // also -0
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  // buf: [-]d[.ddd]e(+|-)xx
  std::string_view s(buf, size_t(r.ptr - buf));
  if (s[0] == '-') { out += '-'; s.remove_prefix(1); }
  size_t e = s.find('e');
  std::string digits;
  digits += s[0];
  if (e > 1) digits.append(s.substr(2, e - 2));
  int exp10 = std::atoi(std::string(s.substr(e + 1)).c_str());
  int k = int(digits.size());
  int n = exp10 + 1;  // value = 0.digits * 10^n
  if (k <= n && n <= 21) {
    out += digits;
    out.append(size_t(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, size_t(n));
    out += '.';
    out.append(digits, size_t(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(size_t(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
}

std::string format_js_number(double v) {
  std::string s;
  append_js_number(s, v);
  return s;
}

void append_json_number(std::string& out, double v) {
  if (!std::isfinite(v)) { out += "null"; return; }
  append_js_number(out, v);
}

}  // namespace icp::rt
