// Lowering of calls: the built-ins of LANGUAGE.md section 9 (to Op::Call of
// the overload sema/builtins.def lists for the arguments' types) and `def`s, which are inlined with
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
  // The overload the checker chose, from the arguments' IR types.
  auto takes = [&](const sema::Overload& o) {
    if (o.params.size() != args.size()) return false;
    for (size_t i = 0; i < args.size(); ++i) {
      VType t = em_.type(args[i]);
      switch (sema::param_ir(o.params[i])) {
        case sema::ParamIr::Str: if (t != VType::Str) return false; break;
        case sema::ParamIr::StrSet: if (t != VType::StrSet) return false; break;
        case sema::ParamIr::Int: if (t != VType::Int) return false; break;
        case sema::ParamIr::Float: if (t != VType::Int && t != VType::Float) return false; break;
      }
    }
    return true;
  };
  const sema::Overload* o = nullptr;
  for (const sema::Overload& cand : sema::builtin_info(b).overloads)
    if (!o && takes(cand)) o = &cand;
  if (!o) fail(e, "a call of '" + e.callee.name + "' with arguments no overload takes");
  for (size_t i = 0; i < args.size(); ++i)
    if (sema::param_ir(o->params[i]) == sema::ParamIr::Float) args[i] = em_.to_float(args[i]);
  if (o->reads_as_of()) args.insert(args.begin(), em_.as_of());
  VType result = VType::Float;
  switch (o->result) {
    case sema::TypeKind::Bool: result = VType::Bool; break;
    case sema::TypeKind::Int: result = VType::Int; break;
    case sema::TypeKind::Float: result = VType::Float; break;
    case sema::TypeKind::String: result = VType::Str; break;
    case sema::TypeKind::StringSet: result = VType::StrSet; break;
    case sema::TypeKind::Error: case sema::TypeKind::Date: case sema::TypeKind::Duration:
    case sema::TypeKind::Enum: case sema::TypeKind::EnumSet: case sema::TypeKind::EmptySet:
      fail(e, "a built-in whose result has no IR type");
  }
  return em_.call(o->call, result, args);
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
