/* The record layout shared by the compiled scoring functions, the reference
 * interpreter and embedders: a columnar batch in, result columns out.
 *
 * Plain C so that JIT-compiled code, the C API and C++ all agree on it. A
 * batch holds `rows` records of one schema; column i is schema field i.
 *
 *   kind of field          data points to               one per row
 *   bool, int, date,       int64_t[rows]                (bool 0/1; date = days
 *   duration, enum                                        since 1970-01-01;
 *                                                         enum = member index)
 *   float                  double[rows]
 *   string                 icp_str[rows]                (UTF-8, not 0-terminated)
 *   set<string>            icp_strset[rows]             (items sorted bytewise, unique)
 *
 * valid[r] is 1 when row r has a value, 0 when it is missing (the data slot
 * then holds zeros). String columns may also carry dictionary ids (str_ids,
 * dict, dict_size) so per-string work such as `matches` runs once per
 * distinct value; str_ids may be NULL.
 *
 * Results: for rule k of the profile (in source order, excludes included) and
 * row r, state[r * nrules + k] is ICP_RULE_FALSE, ICP_RULE_TRUE (fired /
 * excluded) or ICP_RULE_UNKNOWN, and points[r * nrules + k] its points (after
 * decay, before caps; 0 unless fired). tier[r] is the tier's index, or
 * ICP_TIER_OUT / ICP_TIER_EXCLUDED.
 */
#ifndef ICP_ABI_H
#define ICP_ABI_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct icp_str {
  const char *ptr;
  uint64_t len;
} icp_str;

typedef struct icp_strset {
  const icp_str *items;
  uint64_t n;
} icp_strset;

typedef struct icp_column {
  const uint8_t *valid;
  const void *data;
  const uint32_t *str_ids; /* string columns: dictionary id per row, or NULL */
  const icp_str *dict;     /* the distinct strings of the column */
  uint32_t dict_size;
} icp_column;

typedef struct icp_batch_view {
  uint64_t rows;
  const icp_column *columns; /* one per schema field, in schema order */
} icp_batch_view;

enum { ICP_RULE_FALSE = 0, ICP_RULE_TRUE = 1, ICP_RULE_UNKNOWN = 2 };
enum { ICP_TIER_OUT = -1, ICP_TIER_EXCLUDED = -2 };

typedef struct icp_result_view {
  uint64_t nrules;
  double *score;      /* [rows] */
  int32_t *tier;      /* [rows] */
  double *confidence; /* [rows] */
  uint8_t *state;     /* [rows * nrules] */
  double *points;     /* [rows * nrules] */
} icp_result_view;

#ifdef __cplusplus
}
#endif
#endif /* ICP_ABI_H */
