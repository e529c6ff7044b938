// The end-of-run summary of `icp score` on stderr: rows scored and
// rejected, rows per tier (tier order, then out, excluded), the exclusion
// funnel (rows each exclude rule removed) and --lenient's count.
//
//   scored 9000 rows, rejected 3
//   tiers: bullseye 120, inner 300, outer 2000, out 5580, excluded 1000
//   excluded by "Public sector": 600 (matched 720, unknown 35)
//   excluded by "Already on Datadog": 400 (matched 510, unknown 0)
//   lenient: read 12 unreadable values as missing (Employees 9, Founded 3)
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

#include "icp/rt/result.h"

namespace icp::driver {

struct ScoreTally {
  int64_t scored = 0, rejected = 0;
  std::vector<int64_t> tiers;     // per profile tier, then out, then excluded
  std::vector<uint32_t> excludes;  // rule indices of the exclude rules, in order
  std::vector<int64_t> removed, matched, unknown;  // per exclude rule (parallel to excludes)

  void init(const rt::ProfileInfo& p);  // zeroed, sized for p
  void add(const rt::ResultBatch& results);
  void merge(const ScoreTally& other);
};

// Prints the summary. The lenient line only when `lenient` is on.
// `lenient_by_column`: the count per column (RowSource::lenient_by_column).
void print_score_summary(std::ostream& os, const ScoreTally& t, const rt::ProfileInfo& p, bool lenient,
                         int64_t lenient_count,
                         const std::vector<std::pair<std::string, int64_t>>& lenient_by_column = {});

}  // namespace icp::driver
