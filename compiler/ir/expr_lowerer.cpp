// Lowering of expressions (LANGUAGE.md section 5) to IR values. Operand
// types are taken from the lowered values themselves (Int or Float), so
// int -> float conversions happen exactly where an int meets a float; the
// declared types of def parameters and results add the remaining ones.
#include "ir/expr_lowerer.h"

#include <cmath>
#include <variant>

#include "ir/lower.h"

namespace icp::ir {

using sema::RefKind;

void ExprLowerer::fail(const ast::Node& n, const std::string& what) const {
  throw LowerError("cannot lower " + what + " at " + std::to_string(n.range.line) + ":" +
                   std::to_string(n.range.col));
}

VType ExprLowerer::vtype_of_type(const sema::Type& t) { return vtype_of(t); }

VType ExprLowerer::static_type(const ast::Expr& e) { return vtype_of(m_.type_of(e.id)); }

ValueId ExprLowerer::lower_as(const ast::Expr& e, VType want) {
  ValueId v = lower(e, want);
  if (want == VType::Float && em_.type(v) == VType::Int) return em_.to_float(v);
  return v;
}

ValueId ExprLowerer::lower(const ast::Expr& e, VType hint) {
  if (const sema::ConstValue* c = m_.constant_of(e.id);
      c && !std::holds_alternative<sema::EnumSetValue>(*c) && e.kind != ast::ExprKind::Special)
    return lower_constant(e, *c);
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::IntLit: return em_.const_int(e.as<ast::IntLit>()->value);
    case K::FloatLit: {
      double d = e.as<ast::FloatLit>()->value;
      return std::isfinite(d) ? em_.const_float(d) : em_.missing(VType::Float);
    }
    case K::StringLit: return em_.const_str(e.as<ast::StringLit>()->value);
    case K::BoolLit: return em_.const_bool(e.as<ast::BoolLit>()->value);
    case K::DateLit: return em_.const_int(e.as<ast::DateLit>()->days);
    case K::DurationLit: return em_.const_int(e.as<ast::DurationLit>()->days);
    case K::MissingLit: {
      sema::Type t = m_.type_of(e.id);
      return em_.missing(t.is_error() ? hint : vtype_of(t));
    }
    case K::Name:
    case K::Qualified: return lower_name(e, m_.ref_of(e.id));
    case K::Special:
      switch (e.as<ast::SpecialExpr>()->which) {
        case ast::SpecialName::Score: return em_.special(Op::Score, VType::Float);
        case ast::SpecialName::Confidence: return em_.special(Op::Confidence, VType::Float);
        case ast::SpecialName::AsOf: return em_.as_of();
      }
      break;
    case K::Call: return lower_call(*e.as<ast::CallExpr>());
    case K::Unary: return lower_unary(*e.as<ast::UnaryExpr>());
    case K::Binary: return lower_binary(*e.as<ast::BinaryExpr>());
    case K::In: return lower_in(*e.as<ast::InExpr>());
    case K::Between: return lower_between(*e.as<ast::BetweenExpr>());
    case K::Has: return lower_has(*e.as<ast::HasExpr>());
    case K::Matches: return lower_matches(*e.as<ast::MatchesExpr>());
    case K::Within: {
      auto& w = *e.as<ast::WithinExpr>();
      ValueId d = lower(*w.date, VType::Int);
      return in_window(age_of(d), lower(*w.window, VType::Int));
    }
    case K::IsMissing: {
      auto& im = *e.as<ast::IsMissingExpr>();
      ValueId known = em_.unary(Op::IsKnown, VType::Bool, lower(*im.value));
      return im.present ? known : em_.not_(known);
    }
    case K::If: return lower_if(*e.as<ast::IfExpr>());
    case K::SetLit:
      if (e.as<ast::SetLit>()->elements.empty()) return em_.const_str_set({});
      fail(e, "a set literal that is not a constant");
    case K::Error: fail(e, "an erroneous expression");
  }
  fail(e, "an expression");
}

ValueId ExprLowerer::lower_constant(const ast::Expr& e, const sema::ConstValue& c) {
  sema::Type t = m_.type_of(e.id);
  return std::visit(
      [&](const auto& v) -> ValueId {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return em_.missing(t.is_error() ? VType::Bool : vtype_of(t));
        } else if constexpr (std::is_same_v<T, bool>) {
          return em_.const_bool(v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return t.kind == sema::TypeKind::Float ? em_.const_float(double(v)) : em_.const_int(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return std::isfinite(v) ? em_.const_float(v) : em_.missing(VType::Float);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return em_.const_str(v);
        } else if constexpr (std::is_same_v<T, sema::DateValue>) {
          return em_.const_int(v.days);
        } else if constexpr (std::is_same_v<T, sema::DurationValue>) {
          return em_.const_int(v.days);
        } else if constexpr (std::is_same_v<T, sema::StringSetValue>) {
          return em_.const_str_set(v);
        } else if constexpr (std::is_same_v<T, sema::EnumValue>) {
          return em_.const_int(v.member);
        } else {
          fail(e, "a set of enum members used as a value");
        }
      },
      c);
}

ValueId ExprLowerer::lower_name(const ast::Expr& e, const sema::Ref& r) {
  switch (r.kind) {
    case RefKind::Field: return em_.field(r.index);
    case RefKind::Let: {
      auto it = lets_.find(static_cast<const ast::LetItem*>(r.decl));
      if (it == lets_.end()) fail(e, "a let used before its value");
      return it->second;
    }
    case RefKind::Const: {
      auto* decl = static_cast<const ast::ConstDecl*>(r.decl);
      if (!decl || !decl->value) fail(e, "a const without a value");
      return lower(*decl->value);
    }
    case RefKind::Param: {
      if (frames_.empty() || r.index >= frames_.back().args.size()) fail(e, "a parameter outside its def");
      return frames_.back().args[r.index];
    }
    case RefKind::EnumMember: return em_.const_int(r.index);
    default: fail(e, "a name that is not a value");
  }
}

ValueId ExprLowerer::lower_unary(const ast::UnaryExpr& e) {
  switch (e.op) {
    case ast::UnaryOp::Plus: return lower(*e.operand);
    case ast::UnaryOp::Not: return em_.not_(lower(*e.operand));
    case ast::UnaryOp::Neg: {
      ValueId v = lower(*e.operand);
      if (em_.inst(v).op == Op::ConstInt && em_.inst(v).imm != INT64_MIN) return em_.const_int(-em_.inst(v).imm);
      if (em_.inst(v).op == Op::ConstFloat) return em_.const_float(-em_.inst(v).fimm);
      return em_.unary(Op::Neg, em_.type(v), v);
    }
  }
  fail(e, "a unary operator");
}

// Lowers a and b and converts an Int side to Float when the other is Float.
static void unify_numeric(Emitter& em, ValueId& a, ValueId& b) {
  if (em.type(a) == VType::Float && em.type(b) == VType::Int) b = em.to_float(b);
  if (em.type(b) == VType::Float && em.type(a) == VType::Int) a = em.to_float(a);
}

ValueId ExprLowerer::lower_binary(const ast::BinaryExpr& e) {
  using B = ast::BinaryOp;
  switch (e.op) {
    case B::Or: return em_.or_(lower(*e.lhs), lower(*e.rhs));
    case B::And: return em_.and_(lower(*e.lhs), lower(*e.rhs));
    case B::Eq: return lower_compare(Pred::Eq, *e.lhs, *e.rhs);
    case B::Ne: return lower_compare(Pred::Ne, *e.lhs, *e.rhs);
    case B::Lt: return lower_compare(Pred::Lt, *e.lhs, *e.rhs);
    case B::Le: return lower_compare(Pred::Le, *e.lhs, *e.rhs);
    case B::Gt: return lower_compare(Pred::Gt, *e.lhs, *e.rhs);
    case B::Ge: return lower_compare(Pred::Ge, *e.lhs, *e.rhs);
    case B::Coalesce: {
      VType want = static_type(e);
      ValueId a = lower(*e.lhs, want);
      ValueId b = lower(*e.rhs, em_.type(a));
      if (want == VType::Float) { a = em_.to_float(a); b = em_.to_float(b); }
      unify_numeric(em_, a, b);
      return em_.binary(Op::Coalesce, em_.type(a), a, b);
    }
    case B::Add:
    case B::Sub:
    case B::Mul: {
      ValueId a = lower(*e.lhs), b = lower(*e.rhs);
      unify_numeric(em_, a, b);
      Op op = e.op == B::Add ? Op::Add : e.op == B::Sub ? Op::Sub : Op::Mul;
      return em_.binary(op, em_.type(a), a, b);
    }
    case B::Div: {
      ValueId a = em_.to_float(lower(*e.lhs)), b = em_.to_float(lower(*e.rhs));
      return em_.binary(Op::Div, VType::Float, a, b);
    }
  }
  fail(e, "a binary operator");
}

ValueId ExprLowerer::lower_compare(Pred p, const ast::Expr& lhs, const ast::Expr& rhs) {
  ValueId a = lower(lhs);
  ValueId b = lower(rhs, em_.type(a));
  unify_numeric(em_, a, b);
  if (em_.type(a) == VType::StrSet) {  // set equality: each holds the other
    if (p != Pred::Eq && p != Pred::Ne) fail(lhs, "an ordering of sets");
    ValueId eq = em_.and_(em_.binary(Op::SetHasAll, VType::Bool, a, b),
                          em_.binary(Op::SetHasAll, VType::Bool, b, a));
    return p == Pred::Eq ? eq : em_.not_(eq);
  }
  return em_.cmp(p, a, b);
}

ValueId ExprLowerer::lower_between(const ast::BetweenExpr& e) {
  ValueId x = lower(*e.value), lo = lower(*e.lo), hi = lower(*e.hi);
  if (em_.type(x) == VType::Float || em_.type(lo) == VType::Float || em_.type(hi) == VType::Float) {
    x = em_.to_float(x); lo = em_.to_float(lo); hi = em_.to_float(hi);
  }
  ValueId r = em_.and_(em_.cmp(Pred::Le, lo, x), em_.cmp(Pred::Le, x, hi));
  return e.negated ? em_.not_(r) : r;
}

ValueId ExprLowerer::lower_if(const ast::IfExpr& e) {
  ValueId c = lower(*e.cond);
  VType want = static_type(e);
  bool then_missing = e.then_expr->kind == ast::ExprKind::MissingLit;
  ValueId a, b;
  if (then_missing) {
    b = lower(*e.else_expr, want);
    a = lower(*e.then_expr, em_.type(b));
  } else {
    a = lower(*e.then_expr, want);
    b = lower(*e.else_expr, em_.type(a));
  }
  if (want == VType::Float) { a = em_.to_float(a); b = em_.to_float(b); }
  unify_numeric(em_, a, b);
  return em_.select(c, a, b);
}

ValueId ExprLowerer::lower_matches(const ast::MatchesExpr& e) {
  ValueId v = lower(*e.value);
  const sema::ConstValue* c = m_.constant_of(e.pattern->id);
  if (c && std::holds_alternative<std::string>(*c)) return em_.matches(v, std::get<std::string>(*c));
  if (auto* s = e.pattern->as<ast::StringLit>()) return em_.matches(v, s->value);
  fail(e, "`matches` with a pattern that is not a constant");
}

ValueId ExprLowerer::age_of(ValueId date) { return em_.binary(Op::Sub, VType::Int, em_.as_of(), date); }

ValueId ExprLowerer::in_window(ValueId age, ValueId window) {
  return em_.and_(em_.cmp(Pred::Le, em_.const_int(0), age), em_.cmp(Pred::Le, age, window));
}

ValueId ExprLowerer::guard_all(const std::vector<ValueId>& guards, ValueId v) {
  for (ValueId g : guards) v = em_.binary(Op::Guard, em_.type(v), g, v);
  return v;
}

}  // namespace icp::ir
