// Consts: typed and folded on demand (a const may use consts declared later
// or imported), in dependency order. A const that is not a compile-time
// constant (reads `as_of`, calls days_since(), ...) or depends on itself is
// E0208. Folded values land in ConstInfo::value and constant_of().
#include "sema/checker.h"
#include "sema/expr_checker.h"
#include "sema/fold.h"
#include "source/deep_stack.h"

namespace icp::sema {

void ensure_const(Checker& c, uint32_t index) {
  EvalState& st = c.const_state[index];
  ConstInfo& k = c.m.consts[index];
  if (st == EvalState::Done) return;
  if (st == EvalState::InProgress) {
    c.diags.emit(diag::ConstCycle, k.decl->name.range, k.name);
    k.type = Type::error();
    return;
  }
  if (stack_left() < kStackReserve) {  // a chain of consts, each using the next
    st = EvalState::Done;
    k.type = Type::error();
    c.diags.emit(diag::ChainTooDeep, k.decl->name.range, k.name);
    return;
  }
  st = EvalState::InProgress;
  const ast::Expr* e = k.decl->value.get();
  Type t = Type::error();
  if (e) {
    ExprEnv env;
    env.file = k.file;
    env.site = ExprSite::Const;
    ExprChecker x(c, env);
    t = x.check(*e);
    for (const DefCall& call : env.calls) c.used.insert(c.m.defs[call.callee].decl);
  }
  k.type = t;
  if (e && !t.is_error()) {
    Folded f = fold(c.m, *e);
    if (f.constant) {
      k.value = coerce(f.value, t);
      // `const NONE = missing` means it; `10 / 0` does not.
      if (std::holds_alternative<std::monostate>(f.value) && e->kind != ast::ExprKind::MissingLit)
        c.diags.emit(diag::UnknownConst, k.decl->name.range, k.name,
                     "a division by zero, an integer overflow, `log` of a number that is not positive, a "
                     "result that is not finite, or an unknown const");
    } else if (!f.error) {
      auto b = c.diags.emit(diag::ConstNotConstant, e->range, k.name, f.why);
      if (f.culprit && f.culprit != e) b.note(f.culprit->range, "here");
      k.type = Type::error();
    } else {
      k.type = Type::error();
    }
  }
  st = EvalState::Done;
}

void check_consts(Checker& c) {
  for (uint32_t i = 0; i < c.m.consts.size(); ++i) ensure_const(c, i);
}

}  // namespace icp::sema
