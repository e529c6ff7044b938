// Constant folding (see fold.h). Values follow LANGUAGE.md section 6:
// unknown (std::monostate) propagates through operators, `and`/`or`/`not`
// are Kleene, integer arithmetic is checked (overflow is unknown), `/` is
// float division, a non-finite float is unknown.
#include "sema/fold.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "sema/fold_builtins.h"

namespace icp::sema {
namespace {

using V = ConstValue;

bool unknown(const V& v) { return std::holds_alternative<std::monostate>(v); }

Folded value(V v) { return Folded{true, std::move(v), nullptr, {}, false}; }
Folded not_const(const ast::Node* n, std::string why) {
  return Folded{false, {}, n, std::move(why), false};
}
Folded failed() { return Folded{false, {}, nullptr, {}, true}; }

// Number views: ints, durations (days) and floats.
bool is_int(const V& v) { return std::holds_alternative<int64_t>(v) || std::holds_alternative<DurationValue>(v); }
int64_t as_int(const V& v) {
  if (auto* d = std::get_if<DurationValue>(&v)) return d->days;
  return std::get<int64_t>(v);
}
bool is_num(const V& v) { return is_int(v) || std::holds_alternative<double>(v); }
double as_double(const V& v) {
  if (auto* d = std::get_if<double>(&v)) return *d;
  return static_cast<double>(as_int(v));
}
V finite(double d) { return std::isfinite(d) ? V(d) : V(); }

// -1, 0, 1, or nullopt when the values are not comparable.
std::optional<int> compare(const V& a, const V& b) {
  auto sgn = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (is_int(a) && is_int(b)) return sgn(as_int(a), as_int(b));
  if (is_num(a) && is_num(b)) return sgn(as_double(a), as_double(b));
  if (auto* x = std::get_if<DateValue>(&a))
    if (auto* y = std::get_if<DateValue>(&b)) return sgn(x->days, y->days);
  if (auto* x = std::get_if<std::string>(&a))
    if (auto* y = std::get_if<std::string>(&b)) return sgn(*x, *y);
  if (auto* x = std::get_if<EnumValue>(&a))
    if (auto* y = std::get_if<EnumValue>(&b)) return sgn(x->member, y->member);
  if (auto* x = std::get_if<bool>(&a))
    if (auto* y = std::get_if<bool>(&b)) return sgn(*x, *y);
  return std::nullopt;
}

V arith(ast::BinaryOp op, const V& a, const V& b) {
  if (unknown(a) || unknown(b)) return {};
  auto* da = std::get_if<DateValue>(&a);
  auto* db = std::get_if<DateValue>(&b);
  auto* ua = std::get_if<DurationValue>(&a);
  auto* ub = std::get_if<DurationValue>(&b);
  if (op == ast::BinaryOp::Sub && da && db) return int64_t(da->days) - db->days;
  if (da && ub) {
    int64_t r = op == ast::BinaryOp::Add ? int64_t(da->days) + ub->days : int64_t(da->days) - ub->days;
    if (r < std::numeric_limits<int32_t>::min() || r > std::numeric_limits<int32_t>::max()) return {};
    return DateValue{static_cast<int32_t>(r)};
  }
  if (ua && db && op == ast::BinaryOp::Add) return arith(op, b, a);
  if (!is_num(a) || !is_num(b)) return {};
  if (op == ast::BinaryOp::Div) {
    double y = as_double(b);
    if (y == 0) return {};
    return finite(as_double(a) / y);
  }
  if (is_int(a) && is_int(b)) {
    int64_t x = as_int(a), y = as_int(b), r;
    bool ovf = op == ast::BinaryOp::Add   ? __builtin_add_overflow(x, y, &r)
               : op == ast::BinaryOp::Sub ? __builtin_sub_overflow(x, y, &r)
                                          : __builtin_mul_overflow(x, y, &r);
    if (ovf) return {};
    if (ua && ub && op != ast::BinaryOp::Mul) return DurationValue{r};
    return r;
  }
  double x = as_double(a), y = as_double(b);
  switch (op) {
    case ast::BinaryOp::Add: return finite(x + y);
    case ast::BinaryOp::Sub: return finite(x - y);
    case ast::BinaryOp::Mul: return finite(x * y);
    case ast::BinaryOp::Div:  // above
    case ast::BinaryOp::Or: case ast::BinaryOp::And: case ast::BinaryOp::Eq: case ast::BinaryOp::Ne:
    case ast::BinaryOp::Lt: case ast::BinaryOp::Le: case ast::BinaryOp::Gt: case ast::BinaryOp::Ge:
    case ast::BinaryOp::Coalesce:
      break;  // not arithmetic
  }
  return {};
}

V compare_op(ast::BinaryOp op, const V& a, const V& b) {
  if (unknown(a) || unknown(b)) return {};
  auto c = compare(a, b);
  if (!c) return {};
  switch (op) {
    case ast::BinaryOp::Eq: return *c == 0;
    case ast::BinaryOp::Ne: return *c != 0;
    case ast::BinaryOp::Lt: return *c < 0;
    case ast::BinaryOp::Le: return *c <= 0;
    case ast::BinaryOp::Gt: return *c > 0;
    case ast::BinaryOp::Ge: return *c >= 0;
    case ast::BinaryOp::Or: case ast::BinaryOp::And: case ast::BinaryOp::Coalesce:
    case ast::BinaryOp::Add: case ast::BinaryOp::Sub: case ast::BinaryOp::Mul: case ast::BinaryOp::Div:
      break;  // not a comparison
  }
  return {};
}

// Membership of a string or enum value in a set value.
V member_of(const V& x, const V& set) {
  if (unknown(x) || unknown(set)) return {};
  if (auto* s = std::get_if<StringSetValue>(&set)) {
    auto* v = std::get_if<std::string>(&x);
    return v && std::binary_search(s->begin(), s->end(), *v);
  }
  if (auto* s = std::get_if<EnumSetValue>(&set)) {
    auto* v = std::get_if<EnumValue>(&x);
    return v && std::binary_search(s->members.begin(), s->members.end(), v->member);
  }
  return {};
}

// The elements of a set value as values.
std::vector<V> elements(const V& set) {
  std::vector<V> out;
  if (auto* s = std::get_if<StringSetValue>(&set))
    for (const auto& x : *s) out.emplace_back(x);
  if (auto* s = std::get_if<EnumSetValue>(&set))
    for (auto m : s->members) out.emplace_back(EnumValue{s->enum_id, m});
  return out;
}

class Folder {
 public:
  Folder(SemanticModel& m, bool record, const std::vector<V>* params, int depth)
      : m_(m), record_(record), params_(params), depth_(depth) {}

  Folded run(const ast::Expr& e) {
    Folded f = fold(e);
    if (record_ && f.constant) m_.set_constant(e.id, f.value);
    return f;
  }

 private:
  Folded fold(const ast::Expr& e) {
    switch (e.kind) {
      case ast::ExprKind::IntLit: return value(e.as<ast::IntLit>()->value);
      case ast::ExprKind::FloatLit: return value(e.as<ast::FloatLit>()->value);
      case ast::ExprKind::StringLit: return value(e.as<ast::StringLit>()->value);
      case ast::ExprKind::BoolLit: return value(e.as<ast::BoolLit>()->value);
      case ast::ExprKind::DateLit: return value(DateValue{e.as<ast::DateLit>()->days});
      case ast::ExprKind::DurationLit: return value(DurationValue{e.as<ast::DurationLit>()->days});
      case ast::ExprKind::MissingLit: return value(std::monostate{});
      case ast::ExprKind::Name: case ast::ExprKind::Qualified: return name(e);
      case ast::ExprKind::Special: {
        auto w = e.as<ast::SpecialExpr>()->which;
        return not_const(&e, w == ast::SpecialName::AsOf   ? "it reads 'as_of', the scoring date"
                              : w == ast::SpecialName::Score ? "it reads 'score'"
                                                             : "it reads 'confidence'");
      }
      case ast::ExprKind::Call: return call(*e.as<ast::CallExpr>());
      case ast::ExprKind::Unary: return unary(*e.as<ast::UnaryExpr>());
      case ast::ExprKind::Binary: return binary(*e.as<ast::BinaryExpr>());
      case ast::ExprKind::In: {
        const auto& x = *e.as<ast::InExpr>();
        return combine({x.value.get(), x.set.get()}, [&](const std::vector<V>& v) -> V {
          V r = member_of(v[0], v[1]);
          if (x.negated && !unknown(r)) return !std::get<bool>(r);
          return r;
        });
      }
      case ast::ExprKind::Between: {
        const auto& x = *e.as<ast::BetweenExpr>();
        return combine({x.value.get(), x.lo.get(), x.hi.get()}, [&](const std::vector<V>& v) -> V {
          V lo = compare_op(ast::BinaryOp::Ge, v[0], v[1]);
          V hi = compare_op(ast::BinaryOp::Le, v[0], v[2]);
          if (unknown(lo) || unknown(hi)) return {};
          bool in = std::get<bool>(lo) && std::get<bool>(hi);
          return x.negated ? !in : in;
        });
      }
      case ast::ExprKind::Has: {
        const auto& x = *e.as<ast::HasExpr>();
        return combine({x.set.get(), x.operand.get()}, [&](const std::vector<V>& v) -> V {
          if (unknown(v[0]) || unknown(v[1])) return {};
          if (x.mode == ast::HasMode::One) return member_of(v[1], v[0]);
          bool any = false, all = true;
          for (const V& el : elements(v[1])) {
            bool in = std::get<bool>(member_of(el, v[0]));
            any = any || in;
            all = all && in;
          }
          return x.mode == ast::HasMode::Any ? any : all;
        });
      }
      case ast::ExprKind::Matches: {
        const auto& x = *e.as<ast::MatchesExpr>();
        return combine({x.value.get(), x.pattern.get()}, [&](const std::vector<V>& v) -> V {
          auto* s = std::get_if<std::string>(&v[0]);
          auto* p = std::get_if<std::string>(&v[1]);
          if (!s || !p) return {};
          RE2::Options o;
          o.set_log_errors(false);
          RE2 re(*p, o);
          if (!re.ok()) return {};
          return RE2::PartialMatch(*s, re);
        });
      }
      case ast::ExprKind::Within:
        return not_const(&e, "`within` reads 'as_of', the scoring date");
      case ast::ExprKind::IsMissing: {
        const auto& x = *e.as<ast::IsMissingExpr>();
        return combine(
            {x.value.get()},
            [&](const std::vector<V>& v) -> V { return x.present ? !unknown(v[0]) : unknown(v[0]); },
            /*strict=*/false);
      }
      case ast::ExprKind::If: return if_expr(*e.as<ast::IfExpr>());
      case ast::ExprKind::SetLit: return set(*e.as<ast::SetLit>());
      case ast::ExprKind::Error: return failed();
    }
    return failed();
  }

  // Folds every operand; constant only when all are.
  template <typename F>
  Folded combine(std::initializer_list<const ast::Expr*> ops, F f, bool strict = true) {
    std::vector<V> vals;
    std::optional<Folded> varying;  // the first operand that is not constant
    bool unknown_operand = false;
    for (const ast::Expr* op : ops) {
      if (!op) return failed();
      Folded r = run(*op);
      if (r.error) return r;
      if (!r.constant) {
        if (!varying) varying = std::move(r);
        continue;
      }
      unknown_operand = unknown_operand || unknown(r.value);
      vals.push_back(std::move(r.value));
    }
    // A strict operator with an unknown operand is unknown, whatever the
    // others are (LANGUAGE.md section 6): `employees > 10 / 0` is constant.
    if (strict && unknown_operand) return value(std::monostate{});
    if (varying) return *varying;
    return value(f(vals));
  }

  Folded name(const ast::Expr& e) {
    Ref r = m_.ref_of(e.id);
    switch (r.kind) {
      case RefKind::EnumMember: return value(EnumValue{r.enum_id, r.index});
      case RefKind::Const: {
        const ConstInfo& k = m_.consts[r.index];
        if (!k.value) return failed();
        return value(*k.value);
      }
      case RefKind::Param:
        if (params_ && r.index < params_->size()) return value((*params_)[r.index]);
        return not_const(&e, "it reads a parameter");
      case RefKind::Field: return not_const(&e, "it reads a field of the record");
      case RefKind::Let: return not_const(&e, "it reads a `let`");
      default: return failed();
    }
  }

  Folded unary(const ast::UnaryExpr& x) {
    return combine({x.operand.get()}, [&](const std::vector<V>& v) -> V {
      const V& a = v[0];
      if (unknown(a)) return {};
      switch (x.op) {
        case ast::UnaryOp::Not: {
          auto* b = std::get_if<bool>(&a);
          return b ? V(!*b) : V();
        }
        case ast::UnaryOp::Plus: return a;
        case ast::UnaryOp::Neg:
          if (auto* d = std::get_if<double>(&a)) return -*d;
          if (auto* u = std::get_if<DurationValue>(&a)) {
            if (u->days == std::numeric_limits<int64_t>::min()) return {};
            return DurationValue{-u->days};
          }
          if (auto* i = std::get_if<int64_t>(&a)) {
            if (*i == std::numeric_limits<int64_t>::min()) return {};
            return -*i;
          }
          return {};
      }
      return {};
    });
  }

  Folded binary(const ast::BinaryExpr& x) {
    if (!x.lhs || !x.rhs) return failed();
    if (x.op == ast::BinaryOp::And || x.op == ast::BinaryOp::Or) {
      bool is_and = x.op == ast::BinaryOp::And;
      Folded a = run(*x.lhs), b = run(*x.rhs);
      if (a.error || b.error) return failed();
      auto dominant = [&](const Folded& f) {
        return f.constant && std::holds_alternative<bool>(f.value) && std::get<bool>(f.value) != is_and;
      };
      if (dominant(a) || dominant(b)) return value(!is_and);
      if (!a.constant) return a;
      if (!b.constant) return b;
      if (unknown(a.value) || unknown(b.value)) return value(std::monostate{});
      return value(is_and);  // both are the neutral value
    }
    if (x.op == ast::BinaryOp::Coalesce) {
      Folded a = run(*x.lhs);
      if (!a.constant) return a;
      if (!unknown(a.value)) {
        run(*x.rhs);
        return a;
      }
      return run(*x.rhs);
    }
    return combine({x.lhs.get(), x.rhs.get()}, [&](const std::vector<V>& v) -> V {
      switch (x.op) {
        case ast::BinaryOp::Add: case ast::BinaryOp::Sub: case ast::BinaryOp::Mul:
        case ast::BinaryOp::Div:
          return arith(x.op, v[0], v[1]);
        case ast::BinaryOp::Eq: case ast::BinaryOp::Ne: case ast::BinaryOp::Lt:
        case ast::BinaryOp::Le: case ast::BinaryOp::Gt: case ast::BinaryOp::Ge:
          return compare_op(x.op, v[0], v[1]);
        case ast::BinaryOp::Or: case ast::BinaryOp::And: case ast::BinaryOp::Coalesce:
          break;  // folded above
      }
      return V{};
    });
  }

  Folded if_expr(const ast::IfExpr& x) {
    if (!x.cond || !x.then_expr || !x.else_expr) return failed();
    Folded c = run(*x.cond);
    Folded a = run(*x.then_expr), b = run(*x.else_expr);
    if (!c.constant) return c;
    if (unknown(c.value)) return value(std::monostate{});
    auto* cv = std::get_if<bool>(&c.value);
    if (!cv) return failed();
    return *cv ? a : b;
  }

  Folded set(const ast::SetLit& x) {
    StringSetValue strs;
    EnumSetValue ens{kNoEnum, {}};
    for (const auto& el : x.elements) {
      if (!el) return failed();
      Folded f = run(*el);
      if (!f.constant) return f;
      if (auto* s = std::get_if<std::string>(&f.value)) strs.push_back(*s);
      else if (auto* ev = std::get_if<EnumValue>(&f.value)) {
        ens.enum_id = ev->enum_id;
        ens.members.push_back(ev->member);
      } else
        return failed();
    }
    Type t = m_.type_of(x.id);
    if (ens.enum_id != kNoEnum || t.kind == TypeKind::EnumSet) {
      if (ens.enum_id == kNoEnum) ens.enum_id = t.enum_id;
      std::sort(ens.members.begin(), ens.members.end());
      ens.members.erase(std::unique(ens.members.begin(), ens.members.end()), ens.members.end());
      return value(ens);
    }
    std::sort(strs.begin(), strs.end());
    strs.erase(std::unique(strs.begin(), strs.end()), strs.end());
    return value(strs);
  }

  Folded call(const ast::CallExpr& x) {
    Ref r = m_.ref_of(x.id);
    std::vector<V> args;
    for (const auto& a : x.args) {
      if (!a) return failed();
      Folded f = run(*a);
      if (!f.constant) return f;
      args.push_back(std::move(f.value));
    }
    if (r.kind == RefKind::Builtin) {
      auto b = static_cast<Builtin>(r.index);
      std::string why;
      auto v = fold_builtin(b, args, &why);
      if (!v) return not_const(&x, why);
      return value(std::move(*v));
    }
    if (r.kind != RefKind::Def || r.index >= m_.defs.size()) return failed();
    const DefInfo& d = m_.defs[r.index];
    if (!d.decl || !d.decl->body || d.broken || args.size() != d.params.size() || depth_ > 32) return failed();
    for (size_t i = 0; i < args.size(); ++i) {
      if (unknown(args[i]) && !d.params[i].optional) return value(std::monostate{});
      args[i] = coerce(args[i], d.params[i]);
    }
    Folder inner(m_, false, &args, depth_ + 1);
    Folded f = inner.run(*d.decl->body);
    if (f.constant) f.value = coerce(f.value, d.result);
    else if (!f.error) f.culprit = &x;
    return f;
  }

  SemanticModel& m_;
  bool record_;
  const std::vector<V>* params_;
  int depth_;
};

}  // namespace

Folded fold(SemanticModel& m, const ast::Expr& e, bool record) {
  return Folder(m, record, nullptr, 0).run(e);
}

ConstValue coerce(const ConstValue& v, Type to) {
  if (to.kind == TypeKind::Float) {
    if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
    if (auto* d = std::get_if<DurationValue>(&v)) return static_cast<double>(d->days);
  }
  if (to.kind == TypeKind::Int)
    if (auto* d = std::get_if<DurationValue>(&v)) return d->days;
  if (to.kind == TypeKind::EnumSet)
    if (auto* s = std::get_if<StringSetValue>(&v); s && s->empty()) return EnumSetValue{to.enum_id, {}};
  return v;
}

}  // namespace icp::sema
