// String and checked-arithmetic built-ins. See icp/rt/builtins.h.
#include "icp/rt/builtins.h"

#include <cmath>

#include "icp/rt/dates.h"
#include "icp/rt/utf8.h"

namespace icp::rt {

namespace {
template <char32_t (*Map)(char32_t)>
std::string map_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += char(Map(c));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = utf8_decode(s, i);
    if (cp == 0xFFFD && i == start + 1) {
      out += char(c);  // keep an invalid byte as it is
      continue;
    }
    utf8_append(out, Map(cp));
  }
  return out;
}
}  // namespace

std::string str_lower(std::string_view s) { return map_case<to_lower_cp>(s); }
std::string str_upper(std::string_view s) { return map_case<to_upper_cp>(s); }
std::string_view str_trim(std::string_view s) { return trim_view(s); }
int64_t str_len(std::string_view s) { return utf8_length(s); }
bool str_starts_with(std::string_view s, std::string_view p) { return s.starts_with(p); }
bool str_ends_with(std::string_view s, std::string_view p) { return s.ends_with(p); }
bool str_contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string str_domain(std::string_view s) {
  s = trim_view(s);
  // "Jo Smith <jo@acme.com>": the address is inside the brackets.
  size_t lt = s.find('<');
  if (lt != std::string_view::npos) {
    size_t gt = s.find('>', lt);
    s = trim_view(s.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos : gt - lt - 1));
  }
  if (s.size() >= 7 && str_lower(s.substr(0, 7)) == "mailto:") s.remove_prefix(7);
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos) {
    s.remove_prefix(scheme + 3);
  } else if (s.starts_with("//")) {
    s.remove_prefix(2);
  }
  // The authority ends at the first / ? # or white space; an e-mail's
  // domain and a URL's host both follow the last '@' in it.
  std::string_view auth = s.substr(0, s.find_first_of("/?# \t<>"));
  size_t at = auth.rfind('@');
  if (at != std::string_view::npos) auth.remove_prefix(at + 1);
  size_t colon = auth.find(':');
  if (colon != std::string_view::npos) auth = auth.substr(0, colon);
  while (!auth.empty() && auth.back() == '.') auth.remove_suffix(1);
  std::string host = str_lower(auth);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

bool checked_round(double x, int64_t& out) {
  if (!std::isfinite(x)) return false;
  double r = std::round(x);  // half away from zero
  if (r < -9223372036854775808.0 || r >= 9223372036854775808.0) return false;
  out = int64_t(r);
  return true;
}
bool checked_add(int64_t a, int64_t b, int64_t& out) { return !__builtin_add_overflow(a, b, &out); }
bool checked_sub(int64_t a, int64_t b, int64_t& out) { return !__builtin_sub_overflow(a, b, &out); }
bool checked_mul(int64_t a, int64_t b, int64_t& out) { return !__builtin_mul_overflow(a, b, &out); }
bool checked_neg(int64_t a, int64_t& out) { return !__builtin_sub_overflow(int64_t(0), a, &out); }
bool checked_abs(int64_t a, int64_t& out) {
  if (a >= 0) { out = a; return true; }
  return checked_neg(a, out);
}
bool checked_log(double x, double& out) {
  if (!(x > 0)) return false;
  out = std::log(x);
  return finite_result(out);
}

}  // namespace icp::rt
