// Prints expressions and types as formatter documents with the fewest
// parentheses the precedence table (LANGUAGE.md section 5) allows. Literals
// are printed as written. Every token goes through Tokens, so comments stay
// next to the token they were written by.
//
// Break points: before each `and`/`or` of a chain (one group), before each
// `else` of an `if`, inside set literals (a fill); calls and parentheses
// break only around a comment that ends its line. Continuation lines are
// indented by the caller (a statement nests its expression) and by brackets.
#pragma once
#include <memory>
#include <string>

#include "fmt/doc.h"
#include "fmt/tokens.h"
#include "source/source.h"
#include "syntax/ast.h"

namespace icp::formatter {

// Binding strength of an expression's outermost operator: 1 (`if`) to 10
// (primaries).
int precedence(const ast::Expr& e);

class ExprPrinter {
 public:
  // With null tokens: no comments (one-line descriptions for the IDE).
  ExprPrinter(const SourceFile& src, Tokens* tokens);

  // `e` as a document, parenthesised if it binds less tightly than `min_prec`.
  Doc print(const ast::Expr& e, int min_prec = 1);
  // `e` on one line.
  std::string flat(const ast::Expr& e, int min_prec = 1);
  // Whether `e` ends in a set literal that brings its own indentation (a set,
  // `x in {...}`, `s has any {...}`) with no comment before the set: then the
  // statement around it need not indent it.
  bool hugs(const ast::Expr& e) const;
  Doc type_doc(const ast::TypeRef& t);
  std::string type(const ast::TypeRef& t);
  Doc label(const ast::Label& l);
  // A label as written (or quoted from its value).
  std::string label_text(const ast::Label& l) const;
  // The source text of a range.
  std::string slice(const SourceRange& r) const;
  Tokens& tokens() { return *t_; }

 private:
  // How many pairs of parentheses the source wrapped around `e` itself.
  int paren_levels(const ast::Expr& e) const;
  // Where `e`'s own text starts (inside its parentheses).
  uint32_t own_begin(const ast::Expr& e) const;
  Doc print_inner(const ast::Expr& e);
  Doc print_chain(const ast::BinaryExpr& b);
  Doc print_if(const ast::IfExpr& e);
  Doc print_set(const ast::SetLit& s);
  Doc print_call(const ast::CallExpr& c);
  Doc sub(const ast::ExprPtr& p, int min_prec);
  // `word` found after offset `from`.
  Doc kw(const char* word, uint32_t from);
  std::string literal(const ast::Expr& e, const std::string& text) const;

  const SourceFile& src_;
  std::unique_ptr<Tokens> own_;
  Tokens* t_;
};

}  // namespace icp::formatter
