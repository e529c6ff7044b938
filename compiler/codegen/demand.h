// Which instructions a row needs, and when. The IR is eager and pure, so
// code generation may skip instructions nothing uses and may evaluate the
// instructions that only one rule's points need inside a branch taken when
// that rule's condition is true (the points are looked at only then). This
// changes no result, only the work: e.g. a trigger's pow() decay is computed
// only for rows where the trigger fires.
#pragma once
#include <cstdint>
#include <vector>

#include "ir/ir.h"

namespace icp::codegen {

inline constexpr int32_t kUnused = -1;  // no rule, tier or other needed value uses it
inline constexpr int32_t kEager = -2;   // needed by a condition, tier or several rules
// Otherwise: the index of the one rule whose points alone need it.

std::vector<int32_t> demand(const ir::Function& f);

// The value operands of `in` (a, b, c as the op uses them, or call_args).
std::vector<ir::ValueId> operands(const ir::Function& f, const ir::Inst& in);

}  // namespace icp::codegen
