// Shared by the benchmarks: loading the example profile (with its std
// imports, or the import-free copy beside this file when the standard
// library is not there yet), and synthetic columnar rows for its schema.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "icp/abi.h"
#include "ir/ir.h"

namespace icp::bench {

struct Model {
  std::string path;
  ir::Function fn;
  std::vector<uint32_t> enum_sizes;  // per field: member count for enums, 0 otherwise
  std::vector<bool> is_date;         // per field
};

// Compiles `path` (empty: examples/observability/model.icp, else the
// import-free copy) and lowers its first profile. Exits on errors.
Model load_model(const std::string& path);

// `rows` synthetic records for the model's schema (fixed seed).
class Data {
 public:
  Data(const Model& m, uint64_t rows, int64_t as_of);
  // A view of rows [begin, begin + n).
  icp_batch_view slice(uint64_t begin, uint64_t n, std::vector<icp_column>& cols) const;
  uint64_t rows() const { return rows_; }

 private:
  struct Col {
    std::vector<uint8_t> valid;
    std::vector<int64_t> ints;
    std::vector<double> dbls;
    std::vector<icp_str> strs;
    std::vector<icp_strset> sets;
    ir::VType type;
  };
  uint64_t rows_;
  std::vector<Col> cols_;
  std::deque<std::string> strings_;
  std::deque<std::vector<icp_str>> set_items_;
};

// Result columns for `rows` rows of `nrules` rules.
struct Results {
  std::vector<double> score, confidence, points;
  std::vector<int32_t> tier;
  std::vector<uint8_t> state;
  uint64_t nrules;
  Results(uint64_t rows, uint64_t nrules);
  icp_result_view slice(uint64_t begin) ;
};

}  // namespace icp::bench
