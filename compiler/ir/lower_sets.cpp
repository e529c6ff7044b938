// Lowering of the set operators: `x [not] in S`, `s has x`, `s has any S`,
// `s has all S`. Constant sets become table entries (ConstStrSet or an enum
// membership bitmap for InEnumSet); a set literal with non-constant elements
// becomes a chain of comparisons, guarded so that an unknown element still
// makes the whole test unknown (LANGUAGE.md section 6).
#include <variant>

#include "ir/expr_lowerer.h"

namespace icp::ir {

ExprLowerer::SetOperand ExprLowerer::lower_set_operand(const ast::Expr& e, uint32_t enum_size) {
  SetOperand s;
  const sema::ConstValue* c = m_.constant_of(e.id);
  if (!c) {
    if (auto r = m_.ref_of(e.id); r.kind == sema::RefKind::Const && r.decl) {
      auto* decl = static_cast<const ast::ConstDecl*>(r.decl);
      if (decl->value) return lower_set_operand(*decl->value, enum_size);
    }
  }
  if (c && std::holds_alternative<sema::EnumSetValue>(*c)) {
    s.kind = SetOperand::EnumMembers;
    const auto& es = std::get<sema::EnumSetValue>(*c);
    uint32_t n = es.enum_id < m_.enums.size() ? uint32_t(m_.enums[es.enum_id].members.size()) : enum_size;
    s.members.assign(n, false);
    for (uint32_t mbr : es.members) {
      if (mbr >= s.members.size()) s.members.resize(mbr + 1, false);
      s.members[mbr] = true;
    }
    return s;
  }
  if (!c && e.kind == ast::ExprKind::SetLit) {
    s.kind = SetOperand::Elements;
    for (const auto& el : e.as<ast::SetLit>()->elements) s.elements.push_back(lower(*el));
    return s;
  }
  s.kind = SetOperand::Values;
  s.set = lower(e, VType::StrSet);
  return s;
}

ValueId ExprLowerer::lower_in(const ast::InExpr& e) {
  ValueId x = lower(*e.value);
  sema::Type xt = m_.type_of(e.value->id);
  uint32_t enum_size = 0;
  if (xt.kind == sema::TypeKind::Enum && xt.enum_id < m_.enums.size())
    enum_size = uint32_t(m_.enums[xt.enum_id].members.size());
  SetOperand s = lower_set_operand(*e.set, enum_size);
  ValueId r{};  // every case sets it
  switch (s.kind) {
    case SetOperand::EnumMembers:
      if (s.members.size() < enum_size) s.members.resize(enum_size, false);
      r = em_.in_enum_set(x, s.members);
      break;
    case SetOperand::Elements: {
      r = em_.const_bool(false);
      std::vector<ValueId> guards{x};
      for (ValueId el : s.elements) {
        ValueId a = x, b = el;
        if (em_.type(a) == VType::Float || em_.type(b) == VType::Float) { a = em_.to_float(a); b = em_.to_float(b); }
        r = em_.or_(r, em_.cmp(Pred::Eq, a, b));
        if (em_.maybe_unknown(el)) guards.push_back(el);
      }
      r = guard_all(guards, r);
      break;
    }
    case SetOperand::Values:
      if (em_.type(x) != VType::Str) {  // e.g. an enum against an empty set
        r = guard_all({x}, em_.const_bool(false));
        break;
      }
      r = em_.binary(Op::SetHas, VType::Bool, s.set, x);
      break;
  }
  return e.negated ? em_.not_(r) : r;
}

ValueId ExprLowerer::lower_has(const ast::HasExpr& e) {
  ValueId set = lower(*e.set, VType::StrSet);
  if (e.mode == ast::HasMode::One) return em_.binary(Op::SetHas, VType::Bool, set, lower(*e.operand, VType::Str));
  SetOperand s = lower_set_operand(*e.operand, 0);
  bool any = e.mode == ast::HasMode::Any;
  if (s.kind == SetOperand::Values)
    return em_.binary(any ? Op::SetHasAny : Op::SetHasAll, VType::Bool, set, s.set);
  if (s.kind == SetOperand::EnumMembers) fail(e, "`has` with a set of enum members");
  ValueId r = em_.const_bool(!any);
  std::vector<ValueId> guards{set};
  for (ValueId el : s.elements) {
    ValueId t = em_.binary(Op::SetHas, VType::Bool, set, el);
    r = any ? em_.or_(r, t) : em_.and_(r, t);
    if (em_.maybe_unknown(el)) guards.push_back(el);
  }
  return guard_all(guards, r);
}

}  // namespace icp::ir
