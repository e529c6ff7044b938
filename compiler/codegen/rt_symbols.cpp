// The table of runtime functions (icp/rt_calls.h) that JIT-compiled code may
// call, by name and address: those the IR's operations call, and the runtime
// function of every built-in overload (sema/builtins.def, through
// ir/rt_call.h). jit.cpp defines them as absolute symbols in the JIT's
// dylib, so the executable need not export them (no -rdynamic), and taking
// their addresses here makes the linker keep them.
#include "codegen/codegen_internal.h"
#include "icp/rt_calls.h"
#include "ir/rt_call.h"

namespace icp::codegen {

const std::vector<RtSymbol>& rt_symbols() {
  static const std::vector<RtSymbol> table = [] {
#define ICP_RT(fn) RtSymbol{#fn, reinterpret_cast<void*>(&fn)}
    std::vector<RtSymbol> t = {
        ICP_RT(icp_rt_ctx_reset),   ICP_RT(icp_rt_ctx_scratch),  ICP_RT(icp_rt_str_cmp),
        ICP_RT(icp_rt_set_has),     ICP_RT(icp_rt_set_has_any), ICP_RT(icp_rt_set_has_all),
        ICP_RT(icp_rt_matches),     ICP_RT(icp_rt_pow),
    };
#undef ICP_RT
    for (size_t k = 0; k < ir::kCallKindCount; ++k)
      ir::visit_rt_function(ir::CallKind(k), [&](auto fn, const char* name) {
        for (const RtSymbol& s : t)
          if (std::string_view(s.name) == name) return;
        t.push_back(RtSymbol{name, reinterpret_cast<void*>(fn)});
      });
    return t;
  }();
  return table;
}

}  // namespace icp::codegen
