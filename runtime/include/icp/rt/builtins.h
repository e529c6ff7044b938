// The built-in functions of LANGUAGE.md section 9 that are not plain
// arithmetic, as C++ functions. (The C ABI that compiled code calls is
// icp/rt_calls.h; it should forward to these so both engines share them.)
//
// Strings are UTF-8; comparisons are by code point (= by byte for valid
// UTF-8). lower/upper map ASCII, Latin-1, Latin Extended-A, basic Greek and
// Cyrillic one code point to one code point (ß, final sigma and other
// length-changing mappings are left as they are); other code points are
// unchanged. trim removes Unicode white space (see utf8.h).
//
// Checked arithmetic returns false on overflow / non-finite / invalid input:
// the caller turns that into unknown (LANGUAGE.md section 6).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>


namespace icp::rt {

std::string str_lower(std::string_view s);
std::string str_upper(std::string_view s);
std::string_view str_trim(std::string_view s);  // a view into s
int64_t str_len(std::string_view s);            // code points
bool str_starts_with(std::string_view s, std::string_view p);
bool str_ends_with(std::string_view s, std::string_view p);
bool str_contains(std::string_view s, std::string_view p);
// Lower-cased host of an e-mail address or URL, without a leading `www.`:
// "Jo@GMail.com" -> "gmail.com", "https://www.stock.walmart.com/x" ->
// "stock.walmart.com", "www.amazon.com" -> "amazon.com". Scheme, user info,
// port, path, query, fragment and a trailing dot are dropped. "" when there
// is no host.
std::string str_domain(std::string_view s);

// round(x): half away from zero, to int; false when not finite or out of
// int64 range.
bool checked_round(double x, int64_t& out);
bool checked_add(int64_t a, int64_t b, int64_t& out);
bool checked_sub(int64_t a, int64_t b, int64_t& out);
bool checked_mul(int64_t a, int64_t b, int64_t& out);
bool checked_neg(int64_t a, int64_t& out);
bool checked_abs(int64_t a, int64_t& out);
// log(x): false for x <= 0 or a non-finite result.
bool checked_log(double x, double& out);
// A float result is known only when finite.
inline bool finite_result(double x) { return x - x == 0; }

}  // namespace icp::rt
