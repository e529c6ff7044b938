// The reference interpreter: one of the two ir::Engine implementations (the
// other is the JIT, codegen/jit.h). It scores row by row in exactly the order
// ir/ir.h states; a differential test keeps the two identical.
#pragma once
#include <memory>

#include "ir/engine.h"
#include "ir/ir.h"

namespace icp::interp {

// The reference interpreter over `f` (which must outlive the engine).
std::unique_ptr<ir::Engine> make_interpreter(const ir::Function& f);

}  // namespace icp::interp
