// Evaluation of one IR instruction for one row, exactly as ir.h specifies.
#pragma once
#include <cstdint>

#include "icp/abi.h"
#include "icp/rt_calls.h"
#include "interp/value.h"
#include "ir/ir.h"

namespace icp::interp {

// What an instruction may read besides earlier values.
struct RowEnv {
  const icp_batch_view* in = nullptr;
  uint64_t row = 0;
  int64_t as_of = 0;
  double score = 0, confidence = 1;  // valid from Function::tiers_begin on
  icp_rt_ctx* rt = nullptr;
  const icp_strset* const_sets = nullptr;  // Function::str_sets as views
};

// Computes vals[index of inst] from earlier entries of vals.
Val eval_inst(const ir::Function& f, const ir::Inst& inst, const Val* vals, const RowEnv& env);

}  // namespace icp::interp
