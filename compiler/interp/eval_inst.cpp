// Evaluation of one IR instruction (see ir.h for the semantics). Unknown
// operands give unknown unless the instruction says otherwise; Kleene logic
// for Not/And/Or; checked int64 arithmetic; non-finite floats are unknown.
// Strings, sets, regexes, pow and every built-in go through icp/rt_calls.h
// (built-ins by the registry, ir/rt_call.h) so the JIT computes the same bits.
#include "interp/eval_inst.h"

#include "ir/rt_call.h"

namespace icp::interp {

using ir::CallKind;
using ir::Op;
using ir::VType;

namespace {

Val read_field(const ir::Function& f, uint32_t index, const RowEnv& env) {
  const icp_column& col = env.in->columns[index];
  uint64_t r = env.row;
  if (col.valid && !col.valid[r]) return Val::unknown();
  switch (f.fields[index].type) {
    case VType::Bool:
    case VType::Int: return Val::of_int(static_cast<const int64_t*>(col.data)[r]);
    case VType::Float: return Val::of_finite(static_cast<const double*>(col.data)[r]);
    case VType::Str: return Val::of_str(static_cast<const icp_str*>(col.data)[r]);
    case VType::StrSet: return Val::of_set(static_cast<const icp_strset*>(col.data)[r]);
  }
  return Val::unknown();
}

bool compare(ir::Pred p, int c) {
  switch (p) {
    case ir::Pred::Eq: return c == 0;
    case ir::Pred::Ne: return c != 0;
    case ir::Pred::Lt: return c < 0;
    case ir::Pred::Le: return c <= 0;
    case ir::Pred::Gt: return c > 0;
    case ir::Pred::Ge: return c >= 0;
  }
  return false;
}

template <typename T>
int three_way(T a, T b) { return a < b ? -1 : b < a ? 1 : 0; }

Val arith_int(Op op, int64_t a, int64_t b) {
  int64_t r = 0;
  bool overflow = op == Op::Add ? __builtin_add_overflow(a, b, &r)
                  : op == Op::Sub ? __builtin_sub_overflow(a, b, &r)
                                  : __builtin_mul_overflow(a, b, &r);
  return overflow ? Val::unknown() : Val::of_int(r);
}

// Add, Sub, Mul or Div.
Val arith_float(Op op, double a, double b) {
  return Val::of_finite(op == Op::Add ? a + b : op == Op::Sub ? a - b : op == Op::Mul ? a * b : a / b);
}

// A call's known arguments as its runtime function's inputs.
struct CallArgs {
  const Val* const* arg;
  icp_rt_ctx* rt;
  icp_rt_ctx* ctx() const { return rt; }
  int64_t int_arg(size_t k) const { return arg[k]->i; }
  double float_arg(size_t k) const { return arg[k]->f; }
  const icp_str* str_arg(size_t k) const { return &arg[k]->s; }
  const icp_strset* set_arg(size_t k) const { return &arg[k]->set; }
};

// Every built-in through the runtime function sema/builtins.def names.
Val call(const ir::Function& f, const ir::Inst& inst, const Val* vals, const RowEnv& env) {
  constexpr uint32_t kMaxArgs = 4;
  const Val* arg[kMaxArgs] = {};
  if (inst.b > kMaxArgs || inst.extra >= ir::kCallKindCount) return Val::unknown();
  for (uint32_t k = 0; k < inst.b; ++k) {
    arg[k] = &vals[f.call_args[inst.a + k]];
    if (!arg[k]->known) return Val::unknown();
  }
  CallArgs in{arg, env.rt};
  return ir::visit_rt_function(CallKind(inst.extra), [&](auto fn, const char*) -> Val {
    ir::RtValue r = ir::rt_invoke(fn, in);
    if (!r.known) return Val::unknown();
    switch (ir::RtSig<decltype(fn)>::result()) {
      case ir::RtResult::Bool: return Val::of_bool(r.i != 0);
      case ir::RtResult::Int: return Val::of_int(r.i);
      case ir::RtResult::Float: return Val::of_float(r.f);
      case ir::RtResult::Str: return Val::of_str(r.s);
      case ir::RtResult::StrSet: return Val::of_set(r.set);
    }
    return Val::unknown();
  });
}

}  // namespace

Val eval_inst(const ir::Function& f, const ir::Inst& inst, const Val* vals, const RowEnv& env) {
  auto A = [&]() -> const Val& { return vals[inst.a]; };
  auto B = [&]() -> const Val& { return vals[inst.b]; };
  switch (inst.op) {
    case Op::ConstBool:
    case Op::ConstInt: return Val::of_int(inst.imm);
    case Op::ConstFloat: return Val::of_float(inst.fimm);
    case Op::ConstStr: {
      const std::string& s = f.strings[inst.extra];
      return Val::of_str(icp_str{s.data(), s.size()});
    }
    case Op::ConstStrSet: return Val::of_set(env.const_sets[inst.extra]);
    case Op::Missing: return Val::unknown();
    case Op::Field: return read_field(f, inst.extra, env);
    case Op::AsOf: return Val::of_int(env.as_of);
    case Op::Score: return Val::of_float(env.score);
    case Op::Confidence: return Val::of_float(env.confidence);
    case Op::IsKnown: return Val::of_bool(A().known);
    case Op::Coalesce: return A().known ? A() : B();
    case Op::Guard: return A().known ? B() : Val::unknown();
    case Op::Not: return A().known ? Val::of_bool(!A().i) : Val::unknown();
    case Op::And: {
      if ((A().known && !A().i) || (B().known && !B().i)) return Val::of_bool(false);
      return A().known && B().known ? Val::of_bool(true) : Val::unknown();
    }
    case Op::Or: {
      if ((A().known && A().i) || (B().known && B().i)) return Val::of_bool(true);
      return A().known && B().known ? Val::of_bool(false) : Val::unknown();
    }
    case Op::Select:
      if (!A().known) return Val::unknown();
      return A().i ? B() : vals[inst.c];
    case Op::IntToFloat: case Op::Neg: case Op::Add: case Op::Sub: case Op::Mul: case Op::Div:
    case Op::Pow: case Op::Cmp: case Op::SetHas: case Op::SetHasAny: case Op::SetHasAll:
    case Op::InEnumSet: case Op::Matches: case Op::Call:
      break;  // below
  }
  // From here on: unknown if any operand is unknown.
  if (inst.op != Op::Call) {
    if (inst.a != ir::kNoValue && !A().known) return Val::unknown();
    if (inst.b != ir::kNoValue && !B().known) return Val::unknown();
  }
  switch (inst.op) {
    case Op::IntToFloat: return Val::of_float(double(A().i));
    case Op::Neg: {
      if (inst.type == VType::Float) return Val::of_float(-A().f);
      int64_t r = 0;
      return __builtin_sub_overflow(int64_t(0), A().i, &r) ? Val::unknown() : Val::of_int(r);
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
      return inst.type == VType::Int ? arith_int(inst.op, A().i, B().i) : arith_float(inst.op, A().f, B().f);
    case Op::Div: return arith_float(Op::Div, A().f, B().f);
    case Op::Pow: return Val::of_finite(icp_rt_pow(A().f, B().f));
    case Op::Cmp: {
      int c = 0;
      switch (inst.operand) {
        case VType::Float: c = three_way(A().f, B().f); break;
        case VType::Str: c = icp_rt_str_cmp(&A().s, &B().s); break;
        case VType::Bool: case VType::Int: c = three_way(A().i, B().i); break;
        case VType::StrSet: return Val::unknown();  // the lowering never compares sets
      }
      return Val::of_bool(compare(inst.pred, c));
    }
    case Op::SetHas: return Val::of_bool(icp_rt_set_has(&A().set, &B().s));
    case Op::SetHasAny: return Val::of_bool(icp_rt_set_has_any(&A().set, &B().set));
    case Op::SetHasAll: return Val::of_bool(icp_rt_set_has_all(&A().set, &B().set));
    case Op::InEnumSet: {
      const auto& bits = f.enum_sets[inst.extra];
      return Val::of_bool(A().i >= 0 && uint64_t(A().i) < bits.size() && bits[size_t(A().i)]);
    }
    case Op::Matches: return Val::of_bool(icp_rt_matches(env.rt, inst.extra, &A().s));
    case Op::Call: return call(f, inst, vals, env);
    case Op::ConstBool: case Op::ConstInt: case Op::ConstFloat: case Op::ConstStr: case Op::ConstStrSet:
    case Op::Missing: case Op::Field: case Op::AsOf: case Op::Score: case Op::Confidence:
    case Op::IsKnown: case Op::Coalesce: case Op::Guard: case Op::Not: case Op::And: case Op::Or:
    case Op::Select:
      break;  // above
  }
  return Val::unknown();
}

}  // namespace icp::interp
