// One interface, two implementations: the reference interpreter
// (interp/interpreter.h) and the LLVM JIT (codegen/jit.h). Both score a
// columnar batch (icp/abi.h) and fill the same result columns; a
// differential test keeps them identical.
#pragma once
#include <memory>
#include <string>

#include "icp/abi.h"
#include "ir/ir.h"

namespace icp::ir {

class Engine {
 public:
  virtual ~Engine() = default;
  // Scores in.rows records as of `as_of` (days since 1970-01-01) into out,
  // whose arrays hold in.rows entries (state/points: rows * rules).
  // Thread-safe: may be called from many threads at once.
  virtual void score(const icp_batch_view& in, int64_t as_of, const icp_result_view& out) const = 0;
  virtual const Function& function() const = 0;
};

}  // namespace icp::ir
