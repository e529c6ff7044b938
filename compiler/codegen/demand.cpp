// Demand analysis for code generation. See demand.h.
#include "codegen/demand.h"

namespace icp::codegen {

std::vector<ir::ValueId> operands(const ir::Function& f, const ir::Inst& in) {
  using ir::Op;
  switch (in.op) {
    case Op::ConstBool: case Op::ConstInt: case Op::ConstFloat: case Op::ConstStr:
    case Op::ConstStrSet: case Op::Missing: case Op::Field: case Op::AsOf: case Op::Score:
    case Op::Confidence:
      return {};
    case Op::IsKnown: case Op::Not: case Op::IntToFloat: case Op::Neg: case Op::InEnumSet:
    case Op::Matches:
      return {in.a};
    case Op::Select: return {in.a, in.b, in.c};
    case Op::Call: {
      std::vector<ir::ValueId> out;
      for (uint32_t i = 0; i < in.b; ++i) out.push_back(f.call_args.at(in.a + i));
      return out;
    }
    case Op::Coalesce: case Op::Guard: case Op::And: case Op::Or: case Op::Add: case Op::Sub:
    case Op::Mul: case Op::Div: case Op::Pow: case Op::Cmp: case Op::SetHas: case Op::SetHasAny:
    case Op::SetHasAll:
      return {in.a, in.b};
  }
  return {in.a, in.b, in.c};  // not an Op: every operand that may be one
}

std::vector<int32_t> demand(const ir::Function& f) {
  std::vector<int32_t> d(f.insts.size(), kUnused);
  auto mark = [&](ir::ValueId v, int32_t m) {
    if (v >= d.size()) return;
    if (d[v] == kUnused) d[v] = m;
    else if (d[v] != m) d[v] = kEager;
  };
  for (const auto& r : f.rules) mark(r.cond, kEager);
  for (const auto& t : f.tiers) mark(t.cond, kEager);
  for (size_t k = 0; k < f.rules.size(); ++k)
    if (f.rules[k].kind != ir::RuleKind::Exclude) mark(f.rules[k].points, int32_t(k));
  // Users have larger indices than their operands: one backward pass.
  for (size_t i = f.insts.size(); i-- > 0;) {
    if (d[i] == kUnused) continue;
    for (ir::ValueId op : operands(f, f.insts[i])) mark(op, d[i]);
  }
  return d;
}

}  // namespace icp::codegen
