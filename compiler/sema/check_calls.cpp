// Calls: the built-in functions of LANGUAGE.md section 9 and `def`s. Wrong
// arity or argument types are E0204; an unknown function E0101. Functions
// have their own namespace, so a field `domain` does not hide `domain()`.
// An optional argument for a plain parameter makes the result optional.
#include "sema/expr_checker.h"
#include "sema/fold.h"
#include "sema/import_hints.h"
#include "sema/suggest.h"

namespace icp::sema {
namespace {

// The type a parameter's argument is checked against, when every overload
// wants the same one (it resolves `{}` and enum literals).
Expected param_expect(Builtin b, size_t i) {
  std::optional<Type> want;
  for (const Overload& o : builtin_info(b).overloads) {
    TypeKind k = param_info(o.params[i]).expected;
    if (k == TypeKind::Error) return std::nullopt;
    Type t = Type::of(k);
    if (want && !(*want == t)) return std::nullopt;
    want = t;
  }
  return want;
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
  for (const BuiltinInfo& bi : all_builtins()) cands.emplace_back(bi.name);
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
  const BuiltinInfo& info = builtin_info(b);
  std::string_view name = info.name;
  if (info.reads_as_of()) env_.uses_as_of = true;
  bool bad = false, opt = false;
  std::vector<Type> types;
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (!e.args[i]) { bad = true; continue; }
    Expected ex = i < info.arity() ? param_expect(b, i) : Expected(Type::error());
    Type t = check_in_context(*e.args[i], ex);
    types.push_back(t);
    if (t.is_error()) { bad = true; continue; }
    opt = opt || t.optional;
    if (i >= info.arity()) continue;
    bool ok = false;
    for (const Overload& o : info.overloads) ok = ok || param_accepts(o.params[i], t);
    if (!ok) {
      c_.diags.emit(diag::ArgumentType, e.args[i]->range, i + 1, name, param_expectation(b, i), tn(t));
      bad = true;
    }
  }
  if (e.args.size() != info.arity()) {
    c_.diags.emit(diag::ArgumentCount, e.range, name, info.arity(), plural(info.arity()), e.args.size());
    return Type::error();
  }
  if (bad) return Type::error();
  const Overload* o = choose_overload(b, types);
  if (!o) {
    // Each argument suits some overload, but no overload takes them all
    // (not the case of any built-in today): say what the first one wants.
    c_.diags.emit(diag::ArgumentType, e.args[0]->range, 1, name,
                  std::string(param_info(info.overloads[0].params[0]).expectation), tn(types[0]));
    return Type::error();
  }
  for (size_t i = 0; i < o->params.size(); ++i) {
    const ParamInfo& p = param_info(o->params[i]);
    switch (p.rule) {
      case ParamRule::None: break;
      case ParamRule::PositiveConstant: {  // decay's half-life (LANGUAGE.md 11.1)
        Folded f = fold(m_, *e.args[i]);
        if (f.error) return Type::error();
        const ConstValue& v = f.value;
        bool positive = f.constant && (std::holds_alternative<DurationValue>(v)  ? std::get<DurationValue>(v).days > 0
                                       : std::holds_alternative<int64_t>(v) ? std::get<int64_t>(v) > 0
                                       : std::holds_alternative<double>(v)  ? std::get<double>(v) > 0
                                                                            : false);
        if (!positive) {
          c_.diags.emit(diag::ArgumentNotPositiveConstant, e.args[i]->range, i + 1, name, std::string(p.type),
                        f.constant ? value_text(m_, v) : "a value computed for each record");
          return Type::error();
        }
        break;
      }
    }
  }
  return Type::of(o->result, opt);
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
