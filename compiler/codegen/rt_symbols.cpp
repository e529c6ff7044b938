// The table of runtime functions (icp/rt_calls.h) that JIT-compiled code may
// call, by name and address. jit.cpp defines them as absolute symbols in the
// JIT's dylib, so the executable need not export them (no -rdynamic), and
// taking their addresses here makes the linker keep them.
#include "codegen/codegen_internal.h"
#include "icp/rt_calls.h"

namespace icp::codegen {

const std::vector<RtSymbol>& rt_symbols() {
#define ICP_RT(fn) RtSymbol{#fn, reinterpret_cast<void*>(&fn)}
  static const std::vector<RtSymbol> table = {
      ICP_RT(icp_rt_ctx_reset),  ICP_RT(icp_rt_ctx_scratch), ICP_RT(icp_rt_lower),       ICP_RT(icp_rt_upper),
      ICP_RT(icp_rt_trim),       ICP_RT(icp_rt_domain),      ICP_RT(icp_rt_lower_set),
      ICP_RT(icp_rt_len),        ICP_RT(icp_rt_starts_with), ICP_RT(icp_rt_ends_with),
      ICP_RT(icp_rt_contains),   ICP_RT(icp_rt_str_cmp),     ICP_RT(icp_rt_count),
      ICP_RT(icp_rt_set_has),    ICP_RT(icp_rt_set_has_any), ICP_RT(icp_rt_set_has_all),
      ICP_RT(icp_rt_matches),    ICP_RT(icp_rt_year),        ICP_RT(icp_rt_month),
      ICP_RT(icp_rt_pow),        ICP_RT(icp_rt_log),         ICP_RT(icp_rt_round),
  };
#undef ICP_RT
  return table;
}

}  // namespace icp::codegen
