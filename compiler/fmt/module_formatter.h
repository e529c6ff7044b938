// Internal to fmt/: the state of formatting one module. Output is built line
// by line; blocks (schemas, enums, profiles, groups, tests, `given`) are lists
// of rows. A row is a document (which breaks where it must), or cells that
// align with neighbouring rows of the same category when every row of the run
// fits on one line, or a custom printer (a nested block).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "fmt/comments.h"
#include "fmt/expr_printer.h"
#include "fmt/tokens.h"
#include "syntax/ast.h"

namespace icp::formatter {

inline constexpr int kWidth = 100;
inline constexpr int kIndent = 2;

// A statement's first token and the rest, whose continuation lines (after a
// comment that ends a line, say) are indented one level deeper.
// (A comment after the first token ends its line inside the indentation too.)
inline Doc hang(Doc first, std::vector<Doc> rest) {
  rest.insert(rest.begin(), std::move(first));
  return nest(kIndent, concat(std::move(rest)));
}

struct Row {
  uint32_t begin = 0, end = 0;     // source range of the row's node
  int category = 0;                // rows of one category > 0 align their cells
  std::vector<Doc> cells;          // the columns, when category > 0
  Doc doc;                         // the row when not aligned
  std::string suffix;              // appended after the row (e.g. ",")
  std::function<void()> custom;    // prints the row itself (without its trailing comments)
};

class ModuleFormatter {
 public:
  ModuleFormatter(const ast::Module& m, const SourceFile& src)
      : m_(m), src_(src), comments_(m, src), tokens_(src, &comments_), expr_(src, &tokens_) {}
  std::string run();

 private:
  std::string run_once();

  // --- output primitives (blocks.cpp)
  void write_indent() { out_.append(static_cast<size_t>(indent_), ' '); }
  // Ends the current line at source offset `end`, appending trailing comments.
  void end_line(uint32_t end);
  // Writes the comments before `offset` on their own lines; `blank_first`
  // puts an empty line before the first one if the source had one.
  void leading(uint32_t offset, bool blank_first);
  // A document rendered at the current indentation (the caller wrote the indent).
  void write_doc(const Doc& d);
  // Prints rows between braces (the caller wrote the opening line); `open_end`
  // is where the opening brace's line ends in the source, `close` the offset
  // of the closing brace.
  void block(std::vector<Row>& rows, uint32_t open_end, uint32_t close);
  void rows(std::vector<Row>& rows, bool first_in_block);
  // Whether a blank line will be printed between two consecutive rows.
  bool blank_between(const Row& a, const Row& b) const;
  // Whether a row can be printed as aligned cells on one line: within the
  // width, and no comment ends a line inside it.
  bool one_line(const Row& r) const;
  // Prints one row after its leading comments (and a blank line if the source
  // had one, or `force_blank`); `widths` aligns cells.
  void emit_row(Row& r, bool first, bool force_blank, const std::vector<size_t>* widths);
  // Where a blank line must go among the comments printed above a row so
  // that the `///` lines directly above it are those that documented it in
  // the source (lead.size() + 1: nowhere).
  size_t doc_cut(const std::vector<const ast::Comment*>& lead, uint32_t begin) const;
  // The offset just after the next `{` from `from` (comments skipped).
  uint32_t after_brace(uint32_t from) const;
  // A token found after `from`.
  Doc kw(const char* word, uint32_t from) { return tokens_.tok(word, tokens_.find(from, word)); }
  // `keyword name = value` (const, let): continuation lines are indented,
  // except inside a value ending in a set literal, which brings its own
  // indentation (ExprPrinter::hugs).
  Doc binding(Doc keyword, const ast::Ident& name, const ast::ExprPtr& value);

  // --- declarations (decls.cpp)
  void decl(const ast::Decl& d);
  void enum_decl(const ast::EnumDecl& d);
  void schema_decl(const ast::SchemaDecl& d);
  void def_decl(const ast::DefDecl& d);

  // --- tests (tests.cpp)
  void test_decl(const ast::TestDecl& d);
  void given(const ast::TestDecl& d);
  Doc expect(const ast::Expect& e);

  // --- profile items (items.cpp)
  void profile_decl(const ast::ProfileDecl& d);
  std::vector<Row> item_rows(const std::vector<ast::ItemPtr>& items);
  Row rule_row(const ast::Item& it);
  void group_item(const ast::GroupItem& g);

  const ast::Module& m_;
  const SourceFile& src_;
  Comments comments_;
  Tokens tokens_;
  ExprPrinter expr_;
  std::string out_;
  int indent_ = 0;
  uint32_t last_end_ = 0;  // source offset of the last thing written
};

}  // namespace icp::formatter
