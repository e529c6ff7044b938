// The runtime function of each IR call kind (ir::CallKind, one per overload
// of sema/builtins.def), for the engines: the interpreter calls it through
// rt_invoke(), the JIT emits a call to it (or, for a few arithmetic kinds,
// inlines the same expression). See sema/builtin_rt.h for the convention.
#pragma once
#include "ir/ir.h"
#include "sema/builtin_rt.h"

namespace icp::ir {

using sema::rt_invoke;
using sema::RtKind;
using sema::RtResult;
using sema::RtSig;
using sema::RtValue;
using sema::visit_rt_function;

}  // namespace icp::ir
