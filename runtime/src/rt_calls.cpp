// The functions both engines call for every non-trivial operation (see
// icp/rt_calls.h): string built-ins, set tests, regular expressions (RE2,
// compiled once per context), pow/log/round and year/month.
//
// The string and checked-arithmetic semantics themselves live in
// icp/rt/builtins.h; this file is the C ABI over them plus the per-call
// context (arena, regexes).
#include "icp/rt_calls.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "icp/rt/arena.h"
#include "icp/rt/builtins.h"
#include "icp/rt/dates.h"
#include "icp/rt/utf8.h"

// `matches` results are memoised by (regex, string address, length) until
// the next reset. Strings read from input are dictionary-encoded (every row
// with the same text points at the same bytes), so a regex runs once per
// distinct string of a batch, not once per row; computed strings live in the
// arena, whose addresses are not reused before the reset that clears this.
struct MatchKey {
  uint32_t re;
  const char* ptr;
  uint64_t len;
  bool operator==(const MatchKey&) const = default;
};
struct MatchKeyHash {
  size_t operator()(const MatchKey& k) const {
    size_t h = std::hash<const void*>()(k.ptr);
    return h ^ (k.len * 0x9E3779B97F4A7C15ull) ^ (size_t(k.re) << 48);
  }
};

struct icp_rt_ctx {
  icp::rt::Arena arena;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::unordered_map<MatchKey, bool, MatchKeyHash> matches;
  uint64_t regex_runs = 0;
  std::unique_ptr<std::max_align_t[]> scratch;
  uint64_t scratch_bytes = 0;
};

namespace {

using icp::rt::Arena;

std::string_view sv(const icp_str* s) { return {s->ptr, size_t(s->len)}; }

icp_str put(Arena& a, std::string_view s) {
  std::string_view c = a.copy(s);
  return icp_str{c.data(), c.size()};
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
void icp_rt_ctx_reset(icp_rt_ctx* ctx) {
  ctx->arena.reset();
  ctx->matches.clear();
}
uint64_t icp_rt_ctx_regex_runs(const icp_rt_ctx* ctx) { return ctx->regex_runs; }
void* icp_rt_ctx_scratch(icp_rt_ctx* ctx, uint64_t bytes) {
  if (bytes > ctx->scratch_bytes) {
    uint64_t n = (bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    ctx->scratch = std::make_unique<std::max_align_t[]>(n);
    ctx->scratch_bytes = n * sizeof(std::max_align_t);
  }
  return ctx->scratch.get();
}

void icp_rt_lower(icp_rt_ctx* ctx, const icp_str* in, icp_str* out) {
  *out = put(ctx->arena, icp::rt::str_lower(sv(in)));
}
void icp_rt_upper(icp_rt_ctx* ctx, const icp_str* in, icp_str* out) {
  *out = put(ctx->arena, icp::rt::str_upper(sv(in)));
}
void icp_rt_trim(icp_rt_ctx*, const icp_str* in, icp_str* out) {
  std::string_view t = icp::rt::str_trim(sv(in));
  *out = icp_str{t.empty() ? in->ptr : t.data(), t.size()};
}
void icp_rt_domain(icp_rt_ctx* ctx, const icp_str* in, icp_str* out) { *out = put(ctx->arena, icp::rt::str_domain(sv(in))); }

void icp_rt_lower_set(icp_rt_ctx* ctx, const icp_strset* in, icp_strset* out) {
  std::vector<std::string> items;
  items.reserve(in->n);
  for (uint64_t i = 0; i < in->n; ++i) items.push_back(icp::rt::str_lower(sv(&in->items[i])));
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

int64_t icp_rt_len(const icp_str* s) { return icp::rt::str_len(sv(s)); }
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
  auto [it, fresh] = ctx->matches.try_emplace(MatchKey{re, s->ptr, s->len}, false);
  if (fresh) {
    const RE2& r = *ctx->regexes.at(re);
    ++ctx->regex_runs;
    it->second = r.ok() && RE2::PartialMatch(re2::StringPiece(s->ptr, size_t(s->len)), r);
  }
  return it->second;
}

int64_t icp_rt_year(int64_t days) { return icp::rt::date_year(days); }
int64_t icp_rt_month(int64_t days) { return icp::rt::date_month(days); }
double icp_rt_pow(double x, double y) { return std::pow(x, y); }
double icp_rt_log(double x) { return std::log(x); }

int32_t icp_rt_round(double x, int64_t* out) { return icp::rt::checked_round(x, *out); }

int64_t icp_rt_min_i(int64_t a, int64_t b) { return b < a ? b : a; }
int64_t icp_rt_max_i(int64_t a, int64_t b) { return a < b ? b : a; }
int32_t icp_rt_abs_i(int64_t x, int64_t* out) { return icp::rt::checked_abs(x, *out); }
int64_t icp_rt_clamp_i(int64_t x, int64_t lo, int64_t hi) { return icp_rt_min_i(icp_rt_max_i(x, lo), hi); }
double icp_rt_min_f(double a, double b) { return b < a ? b : a; }
double icp_rt_max_f(double a, double b) { return a < b ? b : a; }
double icp_rt_abs_f(double x) { return std::fabs(x); }
double icp_rt_clamp_f(double x, double lo, double hi) { return icp_rt_min_f(icp_rt_max_f(x, lo), hi); }

int32_t icp_rt_days_since(int64_t as_of, int64_t d, int64_t* out) { return icp::rt::checked_sub(as_of, d, *out); }

int32_t icp_rt_decay(int64_t as_of, int64_t d, int64_t h, double* out) {
  int64_t age = 0;
  if (!icp::rt::checked_sub(as_of, d, age) || age < 0 || h <= 0) return 0;
  // The trigger's rule (ir/lower.cpp): pow(0.5, float(age) / float(H)).
  *out = icp_rt_pow(0.5, double(age) / double(h));
  return icp::rt::finite_result(*out);
}

}  // extern "C"
