// Operators (LANGUAGE.md sections 4-5): logic, comparisons, arithmetic with
// int -> float and duration -> int, date arithmetic, `??`, `in`, `between`,
// `has`, `matches` (RE2-checked constant patterns, E0207) and `within`
// (E0205). A result may be unknown when any operand may be.
#include <re2/re2.h>

#include "sema/expr_checker.h"
#include "sema/suggest.h"
#include "sema/fold.h"

namespace icp::sema {
namespace {

bool numeric_like(TypeKind k) {
  return k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::Duration;
}

// Whether values of a and b can be compared; `ordered` for < <= > >= between.
bool comparable(Type a, Type b, bool ordered) {
  if (numeric_like(a.kind) && numeric_like(b.kind)) return true;
  if (!a.same_base(b)) return false;
  switch (a.kind) {
    case TypeKind::Date: case TypeKind::String: case TypeKind::Enum: return true;
    case TypeKind::Bool: return !ordered;
    default: return false;
  }
}

}  // namespace

Type ExprChecker::check_unary(const ast::UnaryExpr& e, Expected expected) {
  if (!e.operand) return Type::error();
  if (e.op == ast::UnaryOp::Not) {
    Type t = check(*e.operand, Type::of(TypeKind::Bool));
    if (t.is_error()) return t;
    if (t.kind != TypeKind::Bool) {
      c_.diags.emit(diag::NotNeedsBool, e.operand->range, tn(t));
      return Type::error();
    }
    return t;
  }
  Type t = check(*e.operand, expected);
  if (t.is_error()) return t;
  if (!numeric_like(t.kind)) {
    c_.diags.emit(diag::SignNeedsNumber, e.operand->range, e.op == ast::UnaryOp::Neg ? "-" : "+",
                  tn(t));
    return Type::error();
  }
  return t;
}

Type ExprChecker::check_binary(const ast::BinaryExpr& e, Expected expected, bool in_context) {
  if (!e.lhs || !e.rhs) return Type::error();
  switch (e.op) {
    case ast::BinaryOp::Or: case ast::BinaryOp::And: return check_logic(e);
    case ast::BinaryOp::Eq: case ast::BinaryOp::Ne: case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le: case ast::BinaryOp::Gt: case ast::BinaryOp::Ge:
      return check_compare(e);
    case ast::BinaryOp::Coalesce: return check_coalesce(e, expected, in_context);
    case ast::BinaryOp::Add: case ast::BinaryOp::Sub: case ast::BinaryOp::Mul: case ast::BinaryOp::Div:
      return check_arith(e, expected);
  }
  return Type::error();
}

Type ExprChecker::check_logic(const ast::BinaryExpr& e) {
  bool bad = false, opt = false;
  for (const ast::Expr* side : {e.lhs.get(), e.rhs.get()}) {
    Type t = check(*side, Type::of(TypeKind::Bool));
    if (t.is_error()) { bad = true; continue; }
    if (t.kind != TypeKind::Bool) {
      c_.diags.emit(diag::LogicNeedsBools, side->range, ast::spelling(e.op), tn(t));
      bad = true;
    }
    opt = opt || t.optional;
  }
  return bad ? Type::error() : Type::of(TypeKind::Bool, opt);
}

Type ExprChecker::check_compare(const ast::BinaryExpr& e) {
  auto [a, b] = check_pair(*e.lhs, *e.rhs, std::nullopt);
  if (a.is_error() || b.is_error()) return Type::error();
  bool ordered = e.op != ast::BinaryOp::Eq && e.op != ast::BinaryOp::Ne;
  if (!comparable(a, b, ordered)) {
    // `employees > "150000"`: the number (or date) in quotes is a string.
    std::optional<std::pair<const ast::Expr*, std::string>> unquote;
    for (auto [val, other] : {std::pair{e.lhs.get(), b}, std::pair{e.rhs.get(), a}})
      if (const auto* str = val->as<ast::StringLit>(); str && !unquote)
        if (auto lit = unquoted_literal(str->value, other))
          unquote.emplace(val, *lit);
    const char* what = unquote && (unquote->first == e.lhs.get() ? b : a).kind == TypeKind::Date ? "date"
                                                                                                   : "number";
    auto d = a.same_base(b) && a.kind == TypeKind::Bool
                 ? c_.diags.emit(diag::BoolsNotOrdered, e.range, ast::spelling(e.op))
             : a.is_set() || b.is_set()
                 ? c_.diags.emit(diag::SetsNotComparable, e.range, ast::spelling(e.op))
             : unquote ? c_.diags.emit(diag::ComparedWithQuoted, e.range, tn(a), tn(b), what, unquote->second)
                       : c_.diags.emit(diag::NotComparable, e.range, tn(a), tn(b));
    if (unquote) d.fix(unquote->first->range, unquote->second);
    d.note(e.lhs->range, "this is {}", tn(a)).note(e.rhs->range, "this is {}", tn(b));
    // `industry == "information"`: the string names a member; the code must too.
    for (auto [val, other] : {std::pair{e.lhs.get(), b}, std::pair{e.rhs.get(), a}}) {
      const auto* str = val->as<ast::StringLit>();
      if (!str || other.kind != TypeKind::Enum) continue;
      auto member = member_read_as(m_.enums[other.enum_id], str->value);
      if (!member) continue;
      d.note(val->range, "write the {} member without quotes: `{}`", m_.enums[other.enum_id].name, *member);
      d.fix(val->range, *member);
    }
    return Type::error();
  }
  return Type::of(TypeKind::Bool, a.optional || b.optional);
}

Type ExprChecker::check_arith(const ast::BinaryExpr& e, Expected expected) {
  Expected sub = expected && numeric_like(expected->kind) ? expected : std::nullopt;
  Type a = check(*e.lhs, sub), b = check(*e.rhs, sub);
  if (a.is_error() || b.is_error()) return Type::error();
  bool opt = a.optional || b.optional;
  TypeKind x = a.kind, y = b.kind;
  using K = TypeKind;
  if (e.op == ast::BinaryOp::Sub && x == K::Date && y == K::Date) return Type::of(K::Int, opt);
  if ((e.op == ast::BinaryOp::Add || e.op == ast::BinaryOp::Sub) && x == K::Date && y == K::Duration)
    return Type::of(K::Date, opt);
  if (e.op == ast::BinaryOp::Add && x == K::Duration && y == K::Date) return Type::of(K::Date, opt);
  if ((e.op == ast::BinaryOp::Add || e.op == ast::BinaryOp::Sub) && x == K::Duration &&
      y == K::Duration)
    return Type::of(K::Duration, opt);
  if (numeric_like(x) && numeric_like(y)) {
    if (e.op == ast::BinaryOp::Div) return Type::of(K::Float, opt);
    bool ints = x != K::Float && y != K::Float;
    return Type::of(ints ? K::Int : K::Float, opt);
  }
  (x == K::Date && y == K::Int
       ? c_.diags.emit(diag::DatePlusInt, e.range, ast::spelling(e.op), tn(a), tn(b))
       : c_.diags.emit(diag::NotCombinable, e.range, ast::spelling(e.op), tn(a), tn(b)))
      .note(e.lhs->range, "this is {}", tn(a))
      .note(e.rhs->range, "this is {}", tn(b));
  return Type::error();
}

Type ExprChecker::check_coalesce(const ast::BinaryExpr& e, Expected expected, bool in_context) {
  auto [a, b] = check_pair(*e.lhs, *e.rhs, expected, in_context, /*a_by_b=*/false, /*b_by_a=*/true);
  if (a.is_error() || b.is_error()) return Type::error();
  auto u = unify(a, b);
  if (!u) {
    c_.diags.emit(diag::FallbackTypes, e.range, tn(a), tn(b));
    return Type::error();
  }
  // `a ?? b` is known whenever b is.
  return u->with_optional(b.optional);
}

Type ExprChecker::check_in(const ast::InExpr& e) {
  if (!e.value || !e.set) return Type::error();
  Type v, s;
  if (needs_context(*e.value) && !needs_context(*e.set)) {
    s = check(*e.set);
    Expected ex = s.kind == TypeKind::EnumSet ? Expected(Type::enumeration(s.enum_id))
                  : s.is_error()              ? Expected(Type::error())
                                              : std::nullopt;
    v = check(*e.value, ex);
  } else {
    v = check(*e.value);
    Expected ex = v.kind == TypeKind::Enum     ? Expected(Type::enum_set(v.enum_id))
                  : v.kind == TypeKind::String ? Expected(Type::of(TypeKind::StringSet))
                  : v.is_error()               ? Expected(Type::error())
                                               : std::nullopt;
    s = check(*e.set, ex);
  }
  if (v.is_error() || s.is_error()) return Type::error();
  const char* kw = e.negated ? "not in" : "in";
  if (!s.is_set()) {
    // `sector in (technology)`: the parentheses were meant as a set.
    const std::string& text = c_.prog.sources.file(e.set->range.file).text();
    const SourceRange& r = e.set->range;
    if (r.end > r.begin + 1 && r.end <= text.size() && text[r.begin] == '(' && text[r.end - 1] == ')') {
      std::string braces = "{" + text.substr(r.begin + 1, r.end - r.begin - 2) + "}";
      c_.diags.emit(diag::InParentheses, e.set->range, kw, tn(s), braces).fix(e.set->range, braces);
    } else {
      c_.diags.emit(diag::InNeedsSet, e.set->range, kw, tn(s));
    }
    return Type::error();
  }
  bool ok = (v.kind == TypeKind::String &&
             (s.kind == TypeKind::StringSet || s.kind == TypeKind::EmptySet)) ||
            (v.kind == TypeKind::Enum &&
             ((s.kind == TypeKind::EnumSet && s.enum_id == v.enum_id) || s.kind == TypeKind::EmptySet));
  if (!ok) {
    c_.diags.emit(diag::InWrongElement, e.range, tn(v), tn(s))
        .note(e.value->range, "this is {}", tn(v));
    return Type::error();
  }
  return Type::of(TypeKind::Bool, v.optional || s.optional);
}

Type ExprChecker::check_between(const ast::BetweenExpr& e) {
  if (!e.value || !e.lo || !e.hi) return Type::error();
  Type v;
  const ast::Expr* first_bound = nullptr;
  Type first_t;
  if (needs_context(*e.value)) {
    for (const ast::Expr* b : {e.lo.get(), e.hi.get()})
      if (!needs_context(*b)) { first_bound = b; break; }
  }
  if (first_bound) {
    first_t = check(*first_bound);
    v = check(*e.value, offer_type(first_t));
  } else {
    v = check(*e.value);
  }
  bool opt = v.optional, bad = v.is_error();
  for (const ast::Expr* b : {e.lo.get(), e.hi.get()}) {
    Type t = b == first_bound ? first_t : check(*b, offer_type(v));
    if (t.is_error() || v.is_error()) { bad = true; continue; }
    opt = opt || t.optional;
    if (!comparable(v, t, true)) {
      c_.diags.emit(diag::BetweenBounds, b->range, tn(t), tn(v));
      bad = true;
    }
  }
  return bad ? Type::error() : Type::of(TypeKind::Bool, opt);
}

Type ExprChecker::check_has(const ast::HasExpr& e) {
  if (!e.set || !e.operand) return Type::error();
  Type s = check(*e.set);
  if (s.is_error()) {
    check(*e.operand, Type::error());
    return s;
  }
  if (!s.is_set()) {
    c_.diags.emit(diag::HasNeedsSet, e.set->range, tn(s));
    check(*e.operand, Type::error());
    return Type::error();
  }
  Type elem = s.kind == TypeKind::EnumSet ? Type::enumeration(s.enum_id) : Type::of(TypeKind::String);
  if (e.mode == ast::HasMode::One) {
    Type t = check(*e.operand, elem);
    if (t.is_error()) return t;
    if (!t.same_base(elem) && s.kind != TypeKind::EmptySet) {
      c_.diags.emit(diag::HasWrongElement, e.operand->range, tn(elem), tn(t));
      return Type::error();
    }
    return Type::of(TypeKind::Bool, s.optional || t.optional);
  }
  Type want = s.kind == TypeKind::EnumSet ? Type::enum_set(s.enum_id) : Type::of(TypeKind::StringSet);
  Type t = check(*e.operand, want);
  if (t.is_error()) return t;
  bool ok = t.kind == TypeKind::EmptySet || s.kind == TypeKind::EmptySet ||
            (t.is_set() && t.same_base(want));
  if (!ok) {
    c_.diags.emit(diag::HasAnyAllNeedsSet, e.operand->range, e.mode == ast::HasMode::Any ? "any" : "all", tn(want), tn(t));
    return Type::error();
  }
  return Type::of(TypeKind::Bool, s.optional || t.optional);
}

Type ExprChecker::check_matches(const ast::MatchesExpr& e) {
  if (!e.value || !e.pattern) return Type::error();
  Type v = check(*e.value);
  Type p = check(*e.pattern, Type::of(TypeKind::String));
  bool bad = v.is_error() || p.is_error();
  if (!v.is_error() && v.kind != TypeKind::String) {
    c_.diags.emit(diag::MatchesNeedsString, e.value->range, tn(v));
    bad = true;
  }
  if (!p.is_error()) {
    if (p.kind != TypeKind::String) {
      c_.diags.emit(diag::PatternNotString, e.pattern->range, tn(p));
      bad = true;
    } else {
      Folded f = fold(m_, *e.pattern);
      const std::string* pat = f.constant ? std::get_if<std::string>(&f.value) : nullptr;
      if (!pat) {
        c_.diags.emit(diag::PatternNotConstant, e.pattern->range);
        bad = true;
      } else {
        RE2::Options o;
        o.set_log_errors(false);
        RE2 re(*pat, o);
        if (!re.ok()) {
          // A const's pattern is reported once, at the const, however often
          // it is used (the engine drops the repeats).
          Ref r = e.pattern->kind == ast::ExprKind::Name ? m_.ref_of(e.pattern->id) : Ref{};
          const auto* k = r.kind == RefKind::Const ? static_cast<const ast::ConstDecl*>(r.decl) : nullptr;
          if (k && k->value)
            c_.diags.emit(diag::InvalidRegex, k->value->range, re.error())
                .note(e.pattern->range, "'{}' is used as a pattern here", k->name.name);
          else
            c_.diags.emit(diag::InvalidRegex, e.pattern->range, re.error());
          bad = true;
        }
      }
    }
  }
  return bad ? Type::error() : Type::of(TypeKind::Bool, v.optional);
}

Type ExprChecker::check_within(const ast::WithinExpr& e) {
  if (!e.date || !e.window) return Type::error();
  env_.uses_as_of = true;
  Type d = check(*e.date);
  Type w = check_window(*e.window, "the window of `within`");
  if (d.is_error()) return d;
  if (d.kind != TypeKind::Date) {
    c_.diags.emit(diag::NotADate, e.date->range, "the left side of `within`", tn(d));
    return Type::error();
  }
  if (w.is_error()) return w;
  return Type::of(TypeKind::Bool, d.optional);
}

}  // namespace icp::sema
