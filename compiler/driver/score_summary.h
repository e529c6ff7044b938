// The end-of-run summary of `icp score` on stderr: rows scored and
// rejected, rows per tier (tier order, then out, excluded), the exclusion
// funnel (rows each exclude rule removed) and --lenient's count.
//
//   scored 9000 rows, rejected 3
//   tiers: bullseye 120, inner 300, outer 2000, out 5580, excluded 1000
//   excluded by "Public sector": 600 (matched 720, unknown 35)
//   excluded by "Already on Datadog": 400 (matched 510, unknown 0)
//   lenient: read 12 unreadable values as missing (Employees 9, Founded 3)
//   dates after the scoring date 2026-11-01: Last Funding 4 (a trigger or `within` on them is false)
//   keys that no field reads: "employes" in 3 rows (did you mean `employees`, column `Employee Count`?)
//
// A row excluded by several rules is removed by the first of them in source
// order (so the removed counts add up to `excluded`, a TAM-to-ICP funnel);
// `matched` counts every row whose condition was true, `unknown` every row
// where it was unknown (the rule could not decide, so it let the row through).
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "icp/rt/batch.h"
#include "icp/rt/reader.h"
#include "icp/rt/result.h"
#include "icp/rt/schema.h"

namespace icp::driver {

struct ScoreTally {
  int64_t scored = 0, rejected = 0;
  std::vector<int64_t> tiers;     // per profile tier, then out, then excluded
  std::vector<uint32_t> excludes;  // rule indices of the exclude rules, in order
  std::vector<int64_t> removed, matched, unknown;  // per exclude rule (parallel to excludes)
  std::vector<uint32_t> date_fields;  // schema fields of type date
  std::vector<int64_t> after_as_of;   // per date field: values after the scoring date

  // Zeroed, sized for p (and for the date fields of `schema` when given).
  void init(const rt::ProfileInfo& p, const rt::Schema* schema = nullptr);
  void add(const rt::ResultBatch& results);
  // Counts the scored rows' dates after `as_of` (a trigger on them is false).
  void add_dates(const rt::Batch& batch, int64_t as_of);
  void merge(const ScoreTally& other);
};

// Prints the summary. The lenient line only when `lenient` is on.
// `lenient_by_column`: the count per column (RowSource::lenient_by_column).
// The dates line (when a date is after `as_of`) needs `schema`.
void print_score_summary(std::ostream& os, const ScoreTally& t, const rt::ProfileInfo& p, bool lenient,
                         int64_t lenient_count,
                         const std::vector<std::pair<std::string, int64_t>>& lenient_by_column = {},
                         const rt::Schema* schema = nullptr, int64_t as_of = 0);

// The NDJSON keys no field reads (RowSource::unread_keys), one line; nothing
// when there are none.
void print_unread_keys(std::ostream& os, const std::vector<rt::UnreadKey>& keys, int64_t more);

}  // namespace icp::driver
