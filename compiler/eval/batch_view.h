// Adapts a runtime Batch (icp/rt/batch.h: dictionary ids, i32 dates and
// enums, sets in first-seen order) to the engines' columnar view
// (icp/abi.h: int64 ints/dates/enums/bools, icp_str strings with their
// dictionary ids, sets sorted bytewise). Owns the converted arrays; the
// batch must outlive the view.
#pragma once
#include <cstdint>
#include <vector>

#include "icp/abi.h"
#include "icp/rt/batch.h"
#include "icp/rt/result.h"

namespace icp::eval {

class BatchView {
 public:
  explicit BatchView(const rt::Batch& batch);
  BatchView(const BatchView&) = delete;
  BatchView& operator=(const BatchView&) = delete;
  const icp_batch_view& view() const { return view_; }

 private:
  struct Col {
    std::vector<int64_t> ints;
    std::vector<icp_str> strs;
    std::vector<icp_str> set_items;
    std::vector<icp_strset> sets;
  };
  std::vector<icp_str> dict_;
  std::vector<Col> cols_;
  std::vector<icp_column> columns_;
  icp_batch_view view_{};
};

// The engines' result view over a runtime ResultBatch (same layout), which
// must already be reset() to the batch's rows and the profile's rules.
icp_result_view result_view(rt::ResultBatch& r);

}  // namespace icp::eval
