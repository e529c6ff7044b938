// W0003: conditions that are constant after folding literals and consts
// (`when true`, `when MAX > 3`, `if 1 > 2 then ...`). W0002: tiers that can
// never be reached: after a tier that always matches, or a `score >= N` /
// `score > N` tier after one whose threshold already takes every such score.
#include "sema/lints.h"

#include <optional>

#include "syntax/ast_visit.h"
#include "sema/fold.h"

namespace icp::sema {
namespace {

// A tier condition of the form `score >= N` / `score > N` (or mirrored).
struct Threshold {
  double n;
  bool strict;
};

std::optional<double> number(SemanticModel& m, const ast::Expr& e) {
  Folded f = fold(m, e, false);
  if (!f.constant) return std::nullopt;
  if (auto* i = std::get_if<int64_t>(&f.value)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&f.value)) return *d;
  return std::nullopt;
}

bool is_score(const ast::Expr& e) {
  const auto* s = e.as<ast::SpecialExpr>();
  return s && s->which == ast::SpecialName::Score;
}

std::optional<Threshold> threshold(SemanticModel& m, const ast::Expr& e, bool allow_and) {
  const auto* b = e.as<ast::BinaryExpr>();
  if (!b || !b->lhs || !b->rhs) return std::nullopt;
  if (allow_and && b->op == ast::BinaryOp::And) {
    if (auto t = threshold(m, *b->lhs, true)) return t;
    return threshold(m, *b->rhs, true);
  }
  ast::BinaryOp op = b->op;
  const ast::Expr* other = nullptr;
  if (is_score(*b->lhs)) other = b->rhs.get();
  else if (is_score(*b->rhs)) {
    other = b->lhs.get();
    // N <= score is score >= N
    if (op == ast::BinaryOp::Le) op = ast::BinaryOp::Ge;
    else if (op == ast::BinaryOp::Lt) op = ast::BinaryOp::Gt;
    else return std::nullopt;
  }
  if (!other || (op != ast::BinaryOp::Ge && op != ast::BinaryOp::Gt)) return std::nullopt;
  auto n = number(m, *other);
  if (!n) return std::nullopt;
  return Threshold{*n, op == ast::BinaryOp::Gt};
}

std::string fmt_num(double d) { return fmt::format("{}", d); }

}  // namespace

void lint_condition(Checker& c, const ast::Expr& cond) {
  Type t = c.m.type_of(cond.id);
  if (t.kind != TypeKind::Bool) return;
  Folded f = fold(c.m, cond);
  if (!f.constant) return;
  if (auto* b = std::get_if<bool>(&f.value))
    c.diags.emit(diag::ConstantCondition, cond.range, *b ? "true" : "false");
  else if (std::holds_alternative<std::monostate>(f.value))
    c.diags.emit(diag::ConstantCondition, cond.range, "unknown");
}

void lint_if_conditions(Checker& c, const ast::Expr& e) {
  if (const auto* i = e.as<ast::IfExpr>(); i && i->cond) lint_condition(c, *i->cond);
  ast::for_each_child_expr(e, [&](const ast::ExprPtr& ch) { lint_if_conditions(c, *ch); });
}

void lint_tiers(Checker& c, const std::vector<const ast::TierItem*>& tiers) {
  const ast::TierItem* always = nullptr;
  std::vector<std::pair<const ast::TierItem*, Threshold>> earlier;
  for (const ast::TierItem* t : tiers) {
    if (!t->cond || c.m.type_of(t->cond->id).kind != TypeKind::Bool) continue;
    if (always) {
      c.diags.emit(diag::TierAfterAlways, t->name.range, t->name.name, always->name.name)
          .note(always->name.range, "'{}' is here", always->name.name);
      continue;
    }
    if (auto later = threshold(c.m, *t->cond, true)) {
      bool reported = false;
      for (const auto& [e, th] : earlier) {
        bool covers = th.strict ? (later->strict ? th.n <= later->n : th.n < later->n)
                                : th.n <= later->n;
        if (!covers) continue;
        c.diags.emit(diag::TierAfterThreshold, t->name.range, t->name.name, e->name.name,
                     th.strict ? ">" : ">=", fmt_num(th.n))
            .note(e->name.range, "'{}' is here", e->name.name);
        reported = true;
        break;
      }
      if (reported) continue;
    }
    if (auto th = threshold(c.m, *t->cond, false)) earlier.push_back({t, *th});
    Folded f = fold(c.m, *t->cond, false);
    if (f.constant && std::holds_alternative<bool>(f.value) && std::get<bool>(f.value)) always = t;
  }
}

}  // namespace icp::sema
