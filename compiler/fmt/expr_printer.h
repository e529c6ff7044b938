// Prints expressions and types as formatter documents with the fewest
// parentheses the precedence table (LANGUAGE.md section 5) allows. Literals
// are printed as written. With a comment cursor, comments found before a
// sub-expression are printed in place (forcing the enclosing group to break);
// without one they are left for the caller (which hoists them above the item).
#pragma once
#include <string>

#include "fmt/comments.h"
#include "fmt/doc.h"
#include "source/source.h"
#include "syntax/ast.h"

namespace icp::formatter {

// Binding strength of an expression's outermost operator: 1 (`if`) to 10
// (primaries).
int precedence(const ast::Expr& e);

class ExprPrinter {
 public:
  ExprPrinter(const SourceFile& src, Comments* comments) : src_(src), comments_(comments) {}

  // `e` as a document, parenthesised if it binds less tightly than `min_prec`.
  Doc print(const ast::Expr& e, int min_prec = 1);
  // `e` on one line (no comments consumed, groups flat).
  std::string flat(const ast::Expr& e, int min_prec = 1);
  std::string type(const ast::TypeRef& t) const;
  // The source text of a range (labels and literals as written).
  std::string slice(const SourceRange& r) const;
  std::string label(const ast::Label& l) const;

 private:
  Doc leading_comments(uint32_t offset);
  Doc print_inner(const ast::Expr& e);
  Doc print_chain(const ast::BinaryExpr& b);
  Doc print_if(const ast::IfExpr& e);
  Doc print_set(const ast::SetLit& s);
  std::string literal(const ast::Expr& e, const std::string& text) const;

  const SourceFile& src_;
  Comments* comments_;
};

}  // namespace icp::formatter
