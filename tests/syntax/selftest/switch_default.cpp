// Input of the self-test of check_switch_defaults.py (never compiled): the
// second switch has a `default:` over an AST kind and must be reported.
namespace icp::ast {
enum class ExprKind { IntLit, Name };
enum class Other { A, B };
}  // namespace icp::ast

int fine(icp::ast::ExprKind k, icp::ast::Other o) {
  switch (o) {
    case icp::ast::Other::A: return 1;
    default: return 0;  // not an AST kind
  }
}

int silent_default(icp::ast::ExprKind k) {
  using K = icp::ast::ExprKind;
  switch (k) {
    case K::IntLit: return 1;
    default: return 0;
  }
}
