// rt::Batch -> icp_batch_view. See batch_view.h.
#include "eval/batch_view.h"

#include <algorithm>
#include <string_view>

namespace icp::eval {

namespace {
std::string_view sv(const icp_str& s) { return {s.ptr, size_t(s.len)}; }
}  // namespace

BatchView::BatchView(const rt::Batch& b) {
  size_t n = b.rows;
  dict_.reserve(b.dict.size());
  for (uint32_t id = 0; id < b.dict.size(); ++id) {
    std::string_view s = b.dict.get(id);
    dict_.push_back(icp_str{s.data(), s.size()});
  }
  cols_.resize(b.columns.size());
  columns_.resize(b.columns.size());
  for (size_t f = 0; f < b.columns.size(); ++f) {
    const rt::Column& c = b.columns[f];
    Col& o = cols_[f];
    icp_column& col = columns_[f];
    col.valid = c.valid.data();
    switch (c.kind) {
      case rt::ValueKind::Bool:
        o.ints.assign(c.b8.begin(), c.b8.begin() + long(n));
        col.data = o.ints.data();
        break;
      case rt::ValueKind::Int:
      case rt::ValueKind::Duration: col.data = c.i64.data(); break;
      case rt::ValueKind::Float: col.data = c.f64.data(); break;
      case rt::ValueKind::Date:
      case rt::ValueKind::Enum:
        o.ints.assign(c.i32.begin(), c.i32.begin() + long(n));
        col.data = o.ints.data();
        break;
      case rt::ValueKind::String:
        o.strs.resize(n);
        for (size_t r = 0; r < n; ++r) o.strs[r] = c.valid[r] ? dict_[c.str[r]] : icp_str{nullptr, 0};
        col.data = o.strs.data();
        col.str_ids = c.str.data();
        col.dict = dict_.data();
        col.dict_size = uint32_t(dict_.size());
        break;
      case rt::ValueKind::StringSet: {
        o.set_items.reserve(c.set_ids.size());
        std::vector<size_t> begin(n + 1);
        for (size_t r = 0; r < n; ++r) {
          begin[r] = o.set_items.size();
          for (uint32_t i = c.set_offsets[r]; i < c.set_offsets[r + 1]; ++i) o.set_items.push_back(dict_[c.set_ids[i]]);
          auto first = o.set_items.begin() + long(begin[r]);
          std::sort(first, o.set_items.end(), [](const icp_str& x, const icp_str& y) { return sv(x) < sv(y); });
          o.set_items.erase(std::unique(first, o.set_items.end(),
                                        [](const icp_str& x, const icp_str& y) { return sv(x) == sv(y); }),
                            o.set_items.end());
        }
        begin[n] = o.set_items.size();
        o.sets.resize(n);
        for (size_t r = 0; r < n; ++r)
          o.sets[r] = icp_strset{o.set_items.data() + begin[r], uint64_t(begin[r + 1] - begin[r])};
        col.data = o.sets.data();
        break;
      }
    }
  }
  view_.rows = n;
  view_.columns = columns_.data();
}

icp_result_view result_view(rt::ResultBatch& r) {
  return icp_result_view{r.rules, r.score.data(), r.tier.data(), r.confidence.data(), r.rule_state.data(),
                         r.rule_points.data()};
}

}  // namespace icp::eval
