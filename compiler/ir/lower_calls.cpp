// Lowering of calls: the built-ins of LANGUAGE.md section 9 (to Op::Call,
// or plain instructions for days_since) and `def`s, which are inlined with
// their parameters bound. A plain-typed parameter that receives a value that
// may be unknown wraps the result in Guard: "a call with an unknown argument
// for a parameter of a plain type is unknown" (section 6).
#include "ir/expr_lowerer.h"
#include "ir/lower.h"
#include "source/deep_stack.h"

namespace icp::ir {

using sema::Builtin;

ValueId ExprLowerer::lower_call(const ast::CallExpr& e) {
  sema::Ref r = m_.ref_of(e.id);
  if (r.kind == sema::RefKind::Builtin) return lower_builtin(e, Builtin(r.index));
  if (r.kind == sema::RefKind::Def) return lower_def_call(e, r);
  fail(e, "a call of '" + e.callee.name + "'");
}

ValueId ExprLowerer::lower_builtin(const ast::CallExpr& e, Builtin b) {
  std::vector<ValueId> args;
  for (const auto& a : e.args) args.push_back(lower(*a));
  auto want = [&](size_t n) {
    if (args.size() != n) fail(e, "a call of '" + e.callee.name + "' with the wrong number of arguments");
  };
  auto str1 = [&](CallKind k, VType result) {
    want(1);
    return em_.call(k, result, args);
  };
  // int if every argument is int, else float (converting the ints).
  auto numeric = [&](CallKind ki, CallKind kf) {
    bool flt = false;
    for (ValueId a : args) flt = flt || em_.type(a) == VType::Float;
    if (flt)
      for (ValueId& a : args) a = em_.to_float(a);
    return em_.call(flt ? kf : ki, flt ? VType::Float : VType::Int, args);
  };
  switch (b) {
    case Builtin::Lower:
      want(1);
      if (em_.type(args[0]) == VType::StrSet) return em_.call(CallKind::LowerSet, VType::StrSet, args);
      return em_.call(CallKind::Lower, VType::Str, args);
    case Builtin::Upper: return str1(CallKind::Upper, VType::Str);
    case Builtin::Trim: return str1(CallKind::Trim, VType::Str);
    case Builtin::Domain: return str1(CallKind::Domain, VType::Str);
    case Builtin::Len: return str1(CallKind::Len, VType::Int);
    case Builtin::Count: return str1(CallKind::Count, VType::Int);
    case Builtin::Year: return str1(CallKind::Year, VType::Int);
    case Builtin::Month: return str1(CallKind::Month, VType::Int);
    case Builtin::StartsWith: want(2); return em_.call(CallKind::StartsWith, VType::Bool, args);
    case Builtin::EndsWith: want(2); return em_.call(CallKind::EndsWith, VType::Bool, args);
    case Builtin::Contains: want(2); return em_.call(CallKind::Contains, VType::Bool, args);
    case Builtin::DaysSince: want(1); return age_of(args[0]);
    case Builtin::Min: want(2); return numeric(CallKind::MinI, CallKind::MinF);
    case Builtin::Max: want(2); return numeric(CallKind::MaxI, CallKind::MaxF);
    case Builtin::Abs: want(1); return numeric(CallKind::AbsI, CallKind::AbsF);
    case Builtin::Clamp: want(3); return numeric(CallKind::ClampI, CallKind::ClampF);
    case Builtin::Round:
      want(1);
      return em_.call(CallKind::Round, VType::Int, {em_.to_float(args[0])});
    case Builtin::Log:
      want(1);
      return em_.call(CallKind::Log, VType::Float, {em_.to_float(args[0])});
  }
  fail(e, "an unknown built-in");
}

ValueId ExprLowerer::lower_def_call(const ast::CallExpr& e, const sema::Ref& r) {
  const sema::DefInfo* def = nullptr;
  if (r.index < m_.defs.size() && m_.defs[r.index].decl == r.decl) def = &m_.defs[r.index];
  for (size_t i = 0; !def && i < m_.defs.size(); ++i)
    if (m_.defs[i].decl == r.decl) def = &m_.defs[i];
  if (!def || !def->decl || !def->decl->body) fail(e, "a call of an unknown def '" + e.callee.name + "'");
  if (e.args.size() != def->params.size()) fail(e, "a call of '" + e.callee.name + "' with the wrong arguments");
  if (stack_left() < kStackReserve) fail(e, "a chain of def calls too long to inline ('" + e.callee.name + "')");
  Frame frame{def->decl, {}};
  std::vector<ValueId> guards;
  for (size_t i = 0; i < e.args.size(); ++i) {
    ValueId v = lower_as(*e.args[i], def->params[i]);
    if (!def->params[i].optional && em_.maybe_unknown(v)) guards.push_back(v);
    frame.args.push_back(v);
  }
  frames_.push_back(std::move(frame));
  ValueId body = lower_as(*def->decl->body, def->result);
  frames_.pop_back();
  return guard_all(guards, body);
}

}  // namespace icp::ir
