// Calls: the built-in functions of LANGUAGE.md section 9 and `def`s. Wrong
// arity or argument types are E0204; an unknown function E0101. Functions
// have their own namespace, so a field `domain` does not hide `domain()`.
// An optional argument for a plain parameter makes the result optional.
#include "sema/expr_checker.h"
#include "sema/import_hints.h"
#include "sema/suggest.h"

namespace icp::sema {
namespace {

bool numeric_like(TypeKind k) {
  return k == TypeKind::Int || k == TypeKind::Float || k == TypeKind::Duration;
}

// One parameter class of a built-in.
enum class P : uint8_t { Str, StrOrSet, Set, Date, Num };

struct Sig {
  std::vector<P> params;
  TypeKind result;  // Error: "int if every argument is int, else float"
};

Sig signature(Builtin b) {
  using K = TypeKind;
  switch (b) {
    case Builtin::Lower: return {{P::StrOrSet}, K::String};
    case Builtin::Upper: case Builtin::Trim: case Builtin::Domain: return {{P::Str}, K::String};
    case Builtin::Len: return {{P::Str}, K::Int};
    case Builtin::StartsWith: case Builtin::EndsWith: case Builtin::Contains:
      return {{P::Str, P::Str}, K::Bool};
    case Builtin::Count: return {{P::Set}, K::Int};
    case Builtin::DaysSince: case Builtin::Year: case Builtin::Month: return {{P::Date}, K::Int};
    case Builtin::Min: case Builtin::Max: return {{P::Num, P::Num}, K::Error};
    case Builtin::Abs: return {{P::Num}, K::Error};
    case Builtin::Clamp: return {{P::Num, P::Num, P::Num}, K::Error};
    case Builtin::Round: return {{P::Num}, K::Int};
    case Builtin::Log: return {{P::Num}, K::Float};
  }
  return {{}, K::Error};
}

bool accepts(P p, Type t) {
  switch (p) {
    case P::Str: return t.kind == TypeKind::String;
    case P::StrOrSet: return t.kind == TypeKind::String || t.kind == TypeKind::StringSet ||
                             t.kind == TypeKind::EmptySet;
    case P::Set: return t.is_set();
    case P::Date: return t.kind == TypeKind::Date;
    case P::Num: return numeric_like(t.kind);
  }
  return false;
}

const char* param_text(P p) {
  switch (p) {
    case P::Str: return "a string";
    case P::StrOrSet: return "a string or a set<string>";
    case P::Set: return "a set";
    case P::Date: return "a date";
    case P::Num: return "a number";
  }
  return "?";
}

Expected param_expect(P p) {
  switch (p) {
    case P::Str: return Type::of(TypeKind::String);
    case P::Date: return Type::of(TypeKind::Date);
    case P::Set: return Type::of(TypeKind::StringSet);
    default: return std::nullopt;
  }
}

std::string plural(size_t n) { return n == 1 ? "argument" : "arguments"; }

}  // namespace

Type ExprChecker::check_call(const ast::CallExpr& e, Expected expected) {
  const std::string& n = e.callee.name;
  if (auto b = builtin_by_name(n)) {
    m_.set_ref(e.id, Ref{RefKind::Builtin, nullptr, kNoEnum, static_cast<uint32_t>(*b)});
    return check_builtin(e, *b);
  }
  if (const TopDecl* td = c_.lookup_kind(env_.file, n, ast::DeclKind::Def)) {
    m_.set_ref(e.id, Ref{RefKind::Def, td->decl, kNoEnum, td->index});
    c_.used.insert(td->decl);
    return check_def_call(e, td->index);
  }
  for (const auto& a : e.args)
    if (a) check(*a, Type::error());
  if (n.empty() || c_.clashes(env_.file, n)) return Type::error();
  std::vector<std::string> cands;
  for (size_t i = 0; i < kBuiltinCount; ++i) cands.emplace_back(builtin_name(static_cast<Builtin>(i)));
  if (env_.file < c_.files.size())
    for (const auto& [name, td] : c_.files[env_.file].defs) cands.push_back(name);
  // A missing import may declare it: only a likely typo is worth saying.
  if (c_.incomplete(env_.file) && !closest_name(n, cands)) return Type::error();
  auto b = c_.diags.emit(diag::UnknownName, e.callee.range, "function", n);
  // The def it suggests was meant: not also "unused" (W0001).
  if (auto s = add_suggestion(b, e.callee.range, n, cands)) {
    if (const TopDecl* td = c_.lookup_kind(env_.file, *s, ast::DeclKind::Def)) c_.used.insert(td->decl);
  } else {
    add_import_hint(c_, b, env_.file, n);
  }
  return Type::error();
}

Type ExprChecker::check_builtin(const ast::CallExpr& e, Builtin b) {
  Sig sig = signature(b);
  std::string_view name = builtin_name(b);
  if (b == Builtin::DaysSince) env_.uses_as_of = true;
  bool bad = false, opt = false, all_int = true;
  std::vector<Type> types;
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (!e.args[i]) { bad = true; continue; }
    Expected ex = i < sig.params.size() ? param_expect(sig.params[i]) : Expected(Type::error());
    Type t = check_in_context(*e.args[i], ex);
    types.push_back(t);
    if (t.is_error()) { bad = true; continue; }
    opt = opt || t.optional;
    if (t.kind == TypeKind::Float) all_int = false;
    if (i < sig.params.size() && !accepts(sig.params[i], t)) {
      c_.diags.emit(diag::ArgumentType, e.args[i]->range, i + 1, name, param_text(sig.params[i]),
                    tn(t));
      bad = true;
    }
  }
  if (e.args.size() != sig.params.size()) {
    c_.diags.emit(diag::ArgumentCount, e.range, name, sig.params.size(), plural(sig.params.size()),
                  e.args.size());
    return Type::error();
  }
  if (bad) return Type::error();
  if (b == Builtin::Lower && types[0].is_set()) return Type::of(TypeKind::StringSet, opt);
  if (sig.result == TypeKind::Error) return Type::of(all_int ? TypeKind::Int : TypeKind::Float, opt);
  return Type::of(sig.result, opt);
}

Type ExprChecker::check_def_call(const ast::CallExpr& e, uint32_t def) {
  ensure_def_body(c_, def);
  const DefInfo& d = m_.defs[def];
  env_.calls.push_back(DefCall{def, e.range});
  bool bad = false, opt = false;
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (!e.args[i]) { bad = true; continue; }
    Expected ex = i < d.params.size() ? Expected(d.params[i]) : Expected(Type::error());
    Type t = check_in_context(*e.args[i], ex);
    if (t.is_error()) { bad = true; continue; }
    if (i >= d.params.size()) continue;
    Type p = d.params[i];
    if (p.is_error()) { bad = true; continue; }
    if (!assignable(t, p)) {
      c_.diags.emit(diag::ArgumentType, e.args[i]->range, i + 1, d.name, tn(p.plain()), tn(t))
          .note(d.decl->params[i].range, "the parameter is declared here");
      bad = true;
      continue;
    }
    if (t.optional && !p.optional) opt = true;
  }
  if (e.args.size() != d.params.size()) {
    c_.diags.emit(diag::ArgumentCount, e.range, d.name, d.params.size(), plural(d.params.size()),
                  e.args.size())
        .note(d.decl->name.range, "'{}' is declared here", d.name);
    return Type::error();
  }
  if (bad || d.result.is_error()) return Type::error();
  return d.result.with_optional(d.result.optional || opt);
}

}  // namespace icp::sema
