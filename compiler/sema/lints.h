// Lints shared by passes: W0003 (constant conditions) and W0002 (unreachable
// tiers). W0001 (unused names) is its own pass, lint_unused().
#pragma once
#include <vector>

#include "sema/checker.h"

namespace icp::sema {

// W0003 when a checked bool condition folds to a constant.
void lint_condition(Checker& c, const ast::Expr& cond);
// W0003 for the condition of every `if` inside e.
void lint_if_conditions(Checker& c, const ast::Expr& e);
// W0002 over a profile's tiers, in order.
void lint_tiers(Checker& c, const std::vector<const ast::TierItem*>& tiers);

}  // namespace icp::sema
