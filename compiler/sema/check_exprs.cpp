// The expression checker's dispatch, conditions, windows, `if`, set literals,
// type unification and the pairing rule for contextual enum members.
#include "sema/expr_checker.h"
#include "sema/fold.h"

namespace icp::sema {

EnumId expected_enum(const Expected& e) {
  if (!e) return kNoEnum;
  if (e->kind == TypeKind::Enum || e->kind == TypeKind::EnumSet) return e->enum_id;
  return kNoEnum;
}

int member_index(const EnumInfo& e, std::string_view name) {
  for (size_t i = 0; i < e.members.size(); ++i)
    if (e.members[i] == name) return static_cast<int>(i);
  return -1;
}

static bool int_like(TypeKind k) { return k == TypeKind::Int || k == TypeKind::Duration; }

std::optional<Type> ExprChecker::unify(Type a, Type b) {
  bool opt = a.optional || b.optional;
  if (a.is_error() || b.is_error()) return Type::error();
  if (a.same_base(b)) return a.with_optional(opt);
  auto num = [](TypeKind k) { return k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::Duration; };
  if (num(a.kind) && num(b.kind)) {
    if (int_like(a.kind) && int_like(b.kind)) return Type::of(TypeKind::Int, opt);
    return Type::of(TypeKind::Float, opt);
  }
  if (a.kind == TypeKind::EmptySet && b.is_set()) return b.with_optional(opt);
  if (b.kind == TypeKind::EmptySet && a.is_set()) return a.with_optional(opt);
  return std::nullopt;
}

bool ExprChecker::assignable(Type from, Type to) {
  if (from.is_error() || to.is_error()) return true;
  if (from.same_base(to)) return true;
  if (to.kind == TypeKind::Float && (from.kind == TypeKind::Int || from.kind == TypeKind::Duration))
    return true;
  if (to.kind == TypeKind::Int && from.kind == TypeKind::Duration) return true;
  if (from.kind == TypeKind::EmptySet && to.is_set()) return true;
  return false;
}

Type ExprChecker::check(const ast::Expr& e, Expected expected) {
  const bool in_context = context_ == &e;
  context_ = nullptr;
  Type t;
  switch (e.kind) {
    case ast::ExprKind::IntLit: t = Type::of(TypeKind::Int); break;
    case ast::ExprKind::FloatLit: t = Type::of(TypeKind::Float); break;
    case ast::ExprKind::StringLit: t = Type::of(TypeKind::String); break;
    case ast::ExprKind::BoolLit: t = Type::of(TypeKind::Bool); break;
    case ast::ExprKind::DateLit: t = Type::of(TypeKind::Date); break;
    case ast::ExprKind::DurationLit: t = Type::of(TypeKind::Duration); break;
    case ast::ExprKind::MissingLit: t = check_missing(e, expected, in_context); break;
    case ast::ExprKind::Name: t = check_name(*e.as<ast::NameExpr>(), expected); break;
    case ast::ExprKind::Qualified: t = check_qualified(*e.as<ast::QualifiedExpr>()); break;
    case ast::ExprKind::Special: t = check_special(*e.as<ast::SpecialExpr>()); break;
    case ast::ExprKind::Call: t = check_call(*e.as<ast::CallExpr>(), expected); break;
    case ast::ExprKind::Unary: t = check_unary(*e.as<ast::UnaryExpr>(), expected); break;
    case ast::ExprKind::Binary: t = check_binary(*e.as<ast::BinaryExpr>(), expected, in_context); break;
    case ast::ExprKind::In: t = check_in(*e.as<ast::InExpr>()); break;
    case ast::ExprKind::Between: t = check_between(*e.as<ast::BetweenExpr>()); break;
    case ast::ExprKind::Has: t = check_has(*e.as<ast::HasExpr>()); break;
    case ast::ExprKind::Matches: t = check_matches(*e.as<ast::MatchesExpr>()); break;
    case ast::ExprKind::Within: t = check_within(*e.as<ast::WithinExpr>()); break;
    case ast::ExprKind::IsMissing: {
      const auto& im = *e.as<ast::IsMissingExpr>();
      if (im.value) check(*im.value);
      t = Type::of(TypeKind::Bool);
      break;
    }
    case ast::ExprKind::If: t = check_if(*e.as<ast::IfExpr>(), expected, in_context); break;
    case ast::ExprKind::SetLit: t = check_set(*e.as<ast::SetLit>(), expected); break;
    case ast::ExprKind::Error: t = Type::error(); break;
  }
  m_.set_type(e.id, t);
  return t;
}

Type ExprChecker::check_missing(const ast::Expr& e, Expected expected, bool in_context) {
  if (expected && expected->is_error()) return Type::error();  // a sibling failed
  if (in_context && expected && expected->kind != TypeKind::EmptySet) return expected->with_optional(true);
  auto d = c_.diags.emit(diag::MissingHasNoType, e.range);
  if (expected && expected->kind == TypeKind::Bool)
    d.note(e.range, "to test whether a value is missing, write `x is missing`");
  return Type::error();
}

Type ExprChecker::check_cond(const ast::Expr& e, std::string_view what) {
  Type t = check(e, Type::of(TypeKind::Bool));
  if (!t.is_error() && t.kind != TypeKind::Bool)
    c_.diags.emit(diag::ConditionNotBool, e.range, what, tn(t));
  return t;
}

Type ExprChecker::check_window(const ast::Expr& e, std::string_view what, bool positive) {
  Type t = check(e, Type::of(TypeKind::Duration));
  if (t.is_error()) return t;
  if (t.kind != TypeKind::Duration) {
    c_.diags.emit(diag::NotADuration, e.range, what, tn(t));
    return Type::error();
  }
  Folded f = fold(m_, e);
  if (!f.constant) {
    c_.diags.emit(diag::NotADuration, e.range, what, "a value computed for each record");
    return Type::error();
  }
  if (auto* v = std::get_if<DurationValue>(&f.value); v && (positive ? v->days <= 0 : v->days < 0)) {
    // A negative window can never hold (0 <= as_of - date <= window); a
    // half-life of 0 days divides by zero.
    c_.diags.emit(diag::DurationOutOfRange, e.range, what,
                  positive ? "positive" : "zero or more days", value_text(m_, f.value));
    return Type::error();
  }
  return t;
}

bool ExprChecker::needs_context(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Name: {
      const auto& n = *e.as<ast::NameExpr>();
      return !lookup_value(n.name.name);
    }
    case ast::ExprKind::SetLit: {
      const auto& s = *e.as<ast::SetLit>();
      if (s.elements.empty()) return true;
      for (const auto& el : s.elements) {
        if (el && (el->kind == ast::ExprKind::StringLit || el->kind == ast::ExprKind::Qualified))
          return false;
      }
      for (const auto& el : s.elements)
        if (el && needs_context(*el)) return true;
      return false;
    }
    case ast::ExprKind::If: {
      const auto& i = *e.as<ast::IfExpr>();
      return i.then_expr && i.else_expr && needs_context(*i.then_expr) && needs_context(*i.else_expr);
    }
    case ast::ExprKind::Binary: {
      const auto& b = *e.as<ast::BinaryExpr>();
      return b.op == ast::BinaryOp::Coalesce && b.lhs && b.rhs && needs_context(*b.lhs) &&
             needs_context(*b.rhs);
    }
    case ast::ExprKind::MissingLit: return true;
    case ast::ExprKind::IntLit: case ast::ExprKind::FloatLit: case ast::ExprKind::StringLit:
    case ast::ExprKind::BoolLit: case ast::ExprKind::DateLit: case ast::ExprKind::DurationLit:
    case ast::ExprKind::Qualified: case ast::ExprKind::Special:
    case ast::ExprKind::Call: case ast::ExprKind::Unary: case ast::ExprKind::In:
    case ast::ExprKind::Between: case ast::ExprKind::Has: case ast::ExprKind::Matches:
    case ast::ExprKind::Within: case ast::ExprKind::IsMissing: case ast::ExprKind::Error:
      return false;  // typed without an expected type
  }
  return false;
}

std::pair<Type, Type> ExprChecker::check_pair(const ast::Expr& a, const ast::Expr& b,
                                              Expected expected, bool in_context, bool a_by_b,
                                              bool b_by_a) {
  auto is_missing = [](const ast::Expr& x) { return x.kind == ast::ExprKind::MissingLit; };
  // `missing` is typed last: `if c then missing else information` gives
  // `information` the expected enum, then `missing` its type.
  bool b_first = needs_context(a) && (!needs_context(b) || (is_missing(a) && !is_missing(b)));
  auto side = [&](const ast::Expr& x, Expected ex, bool ctx) {
    return ctx ? check_in_context(x, ex) : check(x, ex);
  };
  if (b_first) {
    Type tb = side(b, expected, in_context && b_by_a);
    Type ta = side(a, offer_type(tb), a_by_b);
    return {ta, tb};
  }
  Type ta = side(a, expected, in_context && a_by_b);
  Type tb = side(b, offer_type(ta), b_by_a);
  return {ta, tb};
}

Type ExprChecker::check_if(const ast::IfExpr& e, Expected expected, bool in_context) {
  Type cond = e.cond ? check_cond(*e.cond, "the condition of `if`") : Type::error();
  if (!e.then_expr || !e.else_expr) return Type::error();
  auto [a, b] = check_pair(*e.then_expr, *e.else_expr, expected, in_context, true, true);
  if (a.is_error() || b.is_error()) return Type::error();
  auto u = unify(a, b);
  if (!u) {
    c_.diags.emit(diag::IfBranchTypes, e.range, tn(a), tn(b))
        .note(e.then_expr->range, "this is {}", tn(a))
        .note(e.else_expr->range, "this is {}", tn(b));
    return Type::error();
  }
  return u->with_optional(u->optional || cond.optional);
}

Type ExprChecker::check_set(const ast::SetLit& e, Expected expected) {
  Expected elem;
  if (EnumId en = expected_enum(expected); en != kNoEnum) elem = Type::enumeration(en);
  else if (expected && expected->kind == TypeKind::StringSet) elem = Type::of(TypeKind::String);
  else if (expected && expected->is_error()) elem = Type::error();
  else {
    for (const auto& el : e.elements) {
      if (!el) continue;
      if (const auto* q = el->as<ast::QualifiedExpr>()) {
        if (EnumId en = c_.lookup_enum(env_.file, q->enum_name.name); en != kNoEnum) {
          elem = Type::enumeration(en);
          break;
        }
      }
      if (el->kind == ast::ExprKind::StringLit) {
        elem = Type::of(TypeKind::String);
        break;
      }
    }
  }
  if (e.elements.empty()) {
    if (expected && expected->is_set()) return expected->plain();
    if (EnumId en = expected_enum(expected); en != kNoEnum) return Type::enum_set(en);
    return Type::of(TypeKind::EmptySet);
  }
  std::optional<Type> first;
  bool bad = false;
  for (const auto& el : e.elements) {
    if (!el) continue;
    Type t = check(*el, first ? offer_type(*first) : elem);
    if (t.is_error()) {
      bad = true;
      // After `Unknwn.member`, the enum meant is unknown: the unqualified
      // members after it cannot know theirs and stay quiet.
      if (!first && !elem && el->kind == ast::ExprKind::Qualified) elem = Type::error();
      continue;
    }
    if (t.kind != TypeKind::String && t.kind != TypeKind::Enum) {
      c_.diags.emit(diag::SetElementType, el->range, tn(t));
      bad = true;
      continue;
    }
    if (first && !first->same_base(t)) {
      c_.diags.emit(diag::SetMixedTypes, el->range, tn(t.plain()), tn(first->plain()));
      bad = true;
      continue;
    }
    Folded f = fold(m_, *el);
    if (!f.constant) {
      c_.diags.emit(diag::SetElementNotConstant, el->range);
      bad = true;
      continue;
    }
    if (!first) first = t;
  }
  if (bad || !first) return Type::error();
  if (first->kind == TypeKind::String) {
    // Recorded, so that a set literal used as a value (an `if` branch, a
    // def's result) lowers as the constant it is.
    fold(m_, e);
    return Type::of(TypeKind::StringSet);
  }
  return Type::enum_set(first->enum_id);
}

}  // namespace icp::sema
