// Visiting the direct children of an expression (for lints and scans).
#pragma once
#include "syntax/ast.h"

namespace icp::sema {

template <typename F>
void for_each_child(const ast::Expr& e, F&& f) {
  auto go = [&](const ast::ExprPtr& p) {
    if (p) f(*p);
  };
  switch (e.kind) {
    case ast::ExprKind::Call:
      for (const auto& a : e.as<ast::CallExpr>()->args) go(a);
      break;
    case ast::ExprKind::Unary: go(e.as<ast::UnaryExpr>()->operand); break;
    case ast::ExprKind::Binary: go(e.as<ast::BinaryExpr>()->lhs); go(e.as<ast::BinaryExpr>()->rhs); break;
    case ast::ExprKind::In: go(e.as<ast::InExpr>()->value); go(e.as<ast::InExpr>()->set); break;
    case ast::ExprKind::Between: {
      const auto* b = e.as<ast::BetweenExpr>();
      go(b->value); go(b->lo); go(b->hi);
      break;
    }
    case ast::ExprKind::Has: go(e.as<ast::HasExpr>()->set); go(e.as<ast::HasExpr>()->operand); break;
    case ast::ExprKind::Matches:
      go(e.as<ast::MatchesExpr>()->value); go(e.as<ast::MatchesExpr>()->pattern);
      break;
    case ast::ExprKind::Within: go(e.as<ast::WithinExpr>()->date); go(e.as<ast::WithinExpr>()->window); break;
    case ast::ExprKind::IsMissing: go(e.as<ast::IsMissingExpr>()->value); break;
    case ast::ExprKind::If: {
      const auto* i = e.as<ast::IfExpr>();
      go(i->cond); go(i->then_expr); go(i->else_expr);
      break;
    }
    case ast::ExprKind::SetLit:
      for (const auto& a : e.as<ast::SetLit>()->elements) go(a);
      break;
    default: break;
  }
}

}  // namespace icp::sema
