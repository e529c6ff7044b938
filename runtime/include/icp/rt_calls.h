/* The functions compiled scoring code calls, and the interpreter calls too,
 * so both engines compute every non-trivial operation with the same code (and
 * agree to the last bit). Operands are known values: the callers handle
 * unknowns. Strings produced here live in the context's arena until
 * icp_rt_ctx_reset(); a scoring call resets it once per batch.
 */
#ifndef ICP_RT_CALLS_H
#define ICP_RT_CALLS_H
#include <stdint.h>

#include "icp/abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Per-call scratch: an arena for computed strings and sets, and the compiled
 * regular expressions of one profile. Not shared between threads. */
typedef struct icp_rt_ctx icp_rt_ctx;

/* Builds a context for a profile's regex table (patterns are RE2 syntax and
 * were validated by the checker). */
icp_rt_ctx *icp_rt_ctx_new(const char *const *patterns, uint32_t npatterns);
void icp_rt_ctx_free(icp_rt_ctx *);
void icp_rt_ctx_reset(icp_rt_ctx *);
/* How many times a regular expression actually ran in this context: results
 * of `matches` are memoised per distinct string until the next reset. */
uint64_t icp_rt_ctx_regex_runs(const icp_rt_ctx *);
/* At least `bytes` bytes of 16-byte aligned memory owned by the context, the
 * same block until a call asks for more (reset keeps it). Compiled code that
 * is split into several functions passes values between them through it. */
void *icp_rt_ctx_scratch(icp_rt_ctx *, uint64_t bytes);

void icp_rt_lower(icp_rt_ctx *, const icp_str *in, icp_str *out);
void icp_rt_upper(icp_rt_ctx *, const icp_str *in, icp_str *out);
void icp_rt_trim(icp_rt_ctx *, const icp_str *in, icp_str *out);
void icp_rt_domain(icp_rt_ctx *, const icp_str *in, icp_str *out);
void icp_rt_lower_set(icp_rt_ctx *, const icp_strset *in, icp_strset *out);

int64_t icp_rt_len(const icp_str *);
int32_t icp_rt_starts_with(const icp_str *s, const icp_str *p);
int32_t icp_rt_ends_with(const icp_str *s, const icp_str *p);
int32_t icp_rt_contains(const icp_str *s, const icp_str *p);
int32_t icp_rt_str_cmp(const icp_str *a, const icp_str *b); /* <0, 0, >0 bytewise */
int64_t icp_rt_count(const icp_strset *);

int32_t icp_rt_set_has(const icp_strset *set, const icp_str *s);
int32_t icp_rt_set_has_any(const icp_strset *set, const icp_strset *items);
int32_t icp_rt_set_has_all(const icp_strset *set, const icp_strset *items);

/* 1 if regex number `re` of the context matches s (partial match). */
int32_t icp_rt_matches(icp_rt_ctx *, uint32_t re, const icp_str *s);

int64_t icp_rt_year(int64_t days);
int64_t icp_rt_month(int64_t days);
double icp_rt_pow(double x, double y);
double icp_rt_log(double x);
/* Rounds half away from zero; returns 0 (unknown) when out of int64 range. */
int32_t icp_rt_round(double x, int64_t *out);

/* min/max/abs/clamp of LANGUAGE.md section 9 (the JIT inlines the same
 * expressions): min(a, b) = b < a ? b : a, max(a, b) = a < b ? b : a,
 * clamp(x, lo, hi) = min(max(x, lo), hi); abs of INT64_MIN is unknown. */
int64_t icp_rt_min_i(int64_t a, int64_t b);
int64_t icp_rt_max_i(int64_t a, int64_t b);
int32_t icp_rt_abs_i(int64_t x, int64_t *out);
int64_t icp_rt_clamp_i(int64_t x, int64_t lo, int64_t hi);
double icp_rt_min_f(double a, double b);
double icp_rt_max_f(double a, double b);
double icp_rt_abs_f(double x);
double icp_rt_clamp_f(double x, double lo, double hi);
/* days_since(d) = as_of - d; unknown on overflow. */
int32_t icp_rt_days_since(int64_t as_of, int64_t d, int64_t *out);
/* decay(d, H) = pow(0.5, (as_of - d) / H) (days, as a trigger's half-life);
 * unknown when d is after as_of, H is not positive or on overflow. */
int32_t icp_rt_decay(int64_t as_of, int64_t d, int64_t h, double *out);

#ifdef __cplusplus
}
#endif
#endif /* ICP_RT_CALLS_H */
