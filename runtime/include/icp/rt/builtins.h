// The built-in functions of LANGUAGE.md section 9 that are not plain
// arithmetic, as C++ functions (for the interpreter) and extern "C" wrappers
// with simple signatures (for JIT-compiled code).
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

#include "icp/rt/arena.h"

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

// ---- C ABI for JIT code -------------------------------------------------
// String results are written into `arena` (an icp::rt::Arena*); the result
// pointer goes to *out and the byte length is returned. Booleans are 0/1.
// Checked functions return 1 when the result is known and store it in *out.
extern "C" {
int64_t icp_rt_lower(void* arena, const char* p, int64_t n, const char** out);
int64_t icp_rt_upper(void* arena, const char* p, int64_t n, const char** out);
int64_t icp_rt_trim(const char* p, int64_t n, const char** out);  // no copy
int64_t icp_rt_domain(void* arena, const char* p, int64_t n, const char** out);
int64_t icp_rt_len(const char* p, int64_t n);
int32_t icp_rt_starts_with(const char* s, int64_t sn, const char* p, int64_t pn);
int32_t icp_rt_ends_with(const char* s, int64_t sn, const char* p, int64_t pn);
int32_t icp_rt_contains(const char* s, int64_t sn, const char* p, int64_t pn);
int32_t icp_rt_str_eq(const char* a, int64_t an, const char* b, int64_t bn);
int32_t icp_rt_round(double x, int64_t* out);
int32_t icp_rt_add_i64(int64_t a, int64_t b, int64_t* out);
int32_t icp_rt_sub_i64(int64_t a, int64_t b, int64_t* out);
int32_t icp_rt_mul_i64(int64_t a, int64_t b, int64_t* out);
int32_t icp_rt_log(double x, double* out);
int32_t icp_rt_date_year(int32_t days);
int32_t icp_rt_date_month(int32_t days);
}
