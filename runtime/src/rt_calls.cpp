// The functions both engines call for every non-trivial operation (see
// icp/rt_calls.h): string built-ins, set tests, regular expressions (RE2,
// compiled once per context), pow/log/round and year/month.
//
// String case mapping, trimming and length use the runtime's UTF-8 helpers
// (icp/rt/utf8.h), so they follow the same rules as input reading.
// Note: this file deliberately does not use icp/rt/builtins.h: that header's
// extern "C" block declares functions with the same names as rt_calls.h
// (icp_rt_lower, icp_rt_trim, ...) but other signatures.
#include "icp/rt_calls.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "icp/rt/arena.h"
#include "icp/rt/dates.h"
#include "icp/rt/utf8.h"

struct icp_rt_ctx {
  icp::rt::Arena arena;
  std::vector<std::unique_ptr<RE2>> regexes;
};

namespace {

using icp::rt::Arena;

std::string_view sv(const icp_str* s) { return {s->ptr, size_t(s->len)}; }

icp_str put(Arena& a, std::string_view s) {
  std::string_view c = a.copy(s);
  return icp_str{c.data(), c.size()};
}

// Maps every code point; invalid bytes are kept as they are.
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
    char32_t cp = icp::rt::utf8_decode(s, i);
    if (cp == 0xFFFD && i == start + 1) {
      out += char(c);
      continue;
    }
    icp::rt::utf8_append(out, Map(cp));
  }
  return out;
}

// The lower-cased host of an e-mail address or URL, without `www.`.
std::string domain_of(std::string_view s) {
  s = icp::rt::trim_view(s);
  // "Jo <jo@x.com>": the address is inside the angle brackets.
  if (size_t lt = s.find('<'); lt != std::string_view::npos) {
    size_t gt = s.find('>', lt);
    return domain_of(s.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos : gt - lt - 1));
  }
  if (s.starts_with("mailto:") || s.starts_with("MAILTO:")) s.remove_prefix(7);
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos) {
    s.remove_prefix(scheme + 3);
  } else if (s.starts_with("//")) {
    s.remove_prefix(2);
  }
  size_t end = s.find_first_of("/?# \t<>");
  std::string_view auth = s.substr(0, end);
  size_t at = auth.rfind('@');
  if (at != std::string_view::npos) {
    auth.remove_prefix(at + 1);
  }
  size_t colon = auth.find(':');
  if (colon != std::string_view::npos) auth = auth.substr(0, colon);
  while (!auth.empty() && auth.back() == '.') auth.remove_suffix(1);
  std::string host = map_case<icp::rt::to_lower_cp>(auth);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

bool set_contains(const icp_strset* set, std::string_view s) {
  const icp_str* lo = set->items;
  const icp_str* hi = set->items + set->n;
  const icp_str* it = std::lower_bound(lo, hi, s, [](const icp_str& a, std::string_view b) { return sv(&a) < b; });
  return it != hi && sv(it) == s;
}

}  // namespace

extern "C" {

icp_rt_ctx* icp_rt_ctx_new(const char* const* patterns, uint32_t npatterns) {
  auto* ctx = new icp_rt_ctx;
  RE2::Options opts;
  opts.set_log_errors(false);
  for (uint32_t i = 0; i < npatterns; ++i) ctx->regexes.push_back(std::make_unique<RE2>(patterns[i], opts));
  return ctx;
}

void icp_rt_ctx_free(icp_rt_ctx* ctx) { delete ctx; }
void icp_rt_ctx_reset(icp_rt_ctx* ctx) { ctx->arena.reset(); }

void icp_rt_lower(icp_rt_ctx* ctx, const icp_str* in, icp_str* out) {
  *out = put(ctx->arena, map_case<icp::rt::to_lower_cp>(sv(in)));
}
void icp_rt_upper(icp_rt_ctx* ctx, const icp_str* in, icp_str* out) {
  *out = put(ctx->arena, map_case<icp::rt::to_upper_cp>(sv(in)));
}
void icp_rt_trim(icp_rt_ctx*, const icp_str* in, icp_str* out) {
  std::string_view t = icp::rt::trim_view(sv(in));
  *out = icp_str{t.empty() ? in->ptr : t.data(), t.size()};
}
void icp_rt_domain(icp_rt_ctx* ctx, const icp_str* in, icp_str* out) { *out = put(ctx->arena, domain_of(sv(in))); }

void icp_rt_lower_set(icp_rt_ctx* ctx, const icp_strset* in, icp_strset* out) {
  std::vector<std::string> items;
  items.reserve(in->n);
  for (uint64_t i = 0; i < in->n; ++i) items.push_back(map_case<icp::rt::to_lower_cp>(sv(&in->items[i])));
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  // An aligned array of icp_str in the arena.
  size_t bytes = items.size() * sizeof(icp_str) + alignof(icp_str);
  char* raw = ctx->arena.alloc(bytes == alignof(icp_str) ? bytes + 1 : bytes);
  auto addr = reinterpret_cast<uintptr_t>(raw);
  auto* arr = reinterpret_cast<icp_str*>((addr + alignof(icp_str) - 1) & ~uintptr_t(alignof(icp_str) - 1));
  for (size_t i = 0; i < items.size(); ++i) arr[i] = put(ctx->arena, items[i]);
  *out = icp_strset{arr, items.size()};
}

int64_t icp_rt_len(const icp_str* s) { return icp::rt::utf8_length(sv(s)); }
int32_t icp_rt_starts_with(const icp_str* s, const icp_str* p) { return sv(s).starts_with(sv(p)); }
int32_t icp_rt_ends_with(const icp_str* s, const icp_str* p) { return sv(s).ends_with(sv(p)); }
int32_t icp_rt_contains(const icp_str* s, const icp_str* p) { return sv(s).find(sv(p)) != std::string_view::npos; }
int32_t icp_rt_str_cmp(const icp_str* a, const icp_str* b) {
  int c = sv(a).compare(sv(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}
int64_t icp_rt_count(const icp_strset* s) { return int64_t(s->n); }

int32_t icp_rt_set_has(const icp_strset* set, const icp_str* s) { return set_contains(set, sv(s)); }
int32_t icp_rt_set_has_any(const icp_strset* set, const icp_strset* items) {
  for (uint64_t i = 0; i < items->n; ++i)
    if (set_contains(set, sv(&items->items[i]))) return 1;
  return 0;
}
int32_t icp_rt_set_has_all(const icp_strset* set, const icp_strset* items) {
  for (uint64_t i = 0; i < items->n; ++i)
    if (!set_contains(set, sv(&items->items[i]))) return 0;
  return 1;
}

int32_t icp_rt_matches(icp_rt_ctx* ctx, uint32_t re, const icp_str* s) {
  const RE2& r = *ctx->regexes.at(re);
  return r.ok() && RE2::PartialMatch(re2::StringPiece(s->ptr, size_t(s->len)), r);
}

int64_t icp_rt_year(int64_t days) { return icp::rt::date_year(days); }
int64_t icp_rt_month(int64_t days) { return icp::rt::date_month(days); }
double icp_rt_pow(double x, double y) { return std::pow(x, y); }
double icp_rt_log(double x) { return std::log(x); }

int32_t icp_rt_round(double x, int64_t* out) {
  if (!std::isfinite(x)) return 0;
  double r = std::round(x);  // half away from zero
  if (r < -9223372036854775808.0 || r >= 9223372036854775808.0) return 0;
  *out = int64_t(r);
  return 1;
}

}  // extern "C"
