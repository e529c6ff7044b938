// Private to syntax/: the lexer the parser reads from.
//
// The lexer rules of grammar/ICP.g4 are the specification; ANTLR's generated
// ICPLexer implements them through a lexer ATN simulator that costs several
// hundred instructions per character (a lock and a hash lookup per DFA edge),
// which was half of `icp check`'s time on a large model. Scanner produces the
// same tokens (type, channel, code-point start/stop, line, column) by direct
// code over the same code points, for the same ANTLR parser.
//
// It cannot drift from the grammar unnoticed:
// - keyword and punctuation tokens come from the generated vocabulary (their
//   literal names), so a keyword added to the grammar is scanned as one;
// - the named tokens (numbers, dates, strings, comments) use the generated
//   token type constants, and tests/syntax/lexer_test.cpp compares Scanner
//   with ICPLexer on every .icp file of the repository and on random input.
//
// Includes ANTLR headers: never include it from outside compiler/syntax.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "antlr4-runtime.h"

namespace icp::syntax {

// ANTLR's input stream over code points decoded by syntax/code_points.h
// (ANTLR's own constructor would decode UTF-8 a second time, and throws on
// invalid input). Tokens index it; it answers their getText().
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::u32string code_points) {
    _data = std::move(code_points);
    p = 0;
  }
  std::u32string_view code_points() const { return _data; }
};

class Scanner : public antlr4::TokenSource {
 public:
  explicit Scanner(CodePointStream* input);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return line_; }
  size_t getCharPositionInLine() override { return col_; }
  antlr4::CharStream* getInputStream() override { return input_; }
  std::string getSourceName() override { return input_->getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

  // The token type of a keyword, or 0 when `word` is not one.
  static size_t keyword_type(std::string_view word);
  static bool is_keyword_type(size_t type);

 private:
  // Length in code points of the longest token at pos_, and its type and
  // channel; 0 for white space (skipped).
  size_t scan(size_t* type, size_t* channel) const;
  size_t scan_number(size_t* type) const;
  size_t scan_slash(size_t* type, size_t* channel) const;
  size_t scan_string(size_t* type) const;    // at `"`
  size_t scan_raw(size_t* type) const;       // at `r"` or `r#"`
  size_t scan_word(size_t* type) const;      // identifiers and keywords
  size_t scan_punct(size_t* type) const;     // operators, or one ERROR_CHAR
  void advance(size_t n);                    // moves pos_, counting lines

  // The code point at i, or 0 past the end (no rule accepts a 0 there).
  char32_t at(size_t i) const { return i < text_.size() ? text_[i] : 0; }
  bool has(size_t i) const { return i < text_.size(); }

  CodePointStream* input_;
  std::u32string_view text_;  // input_'s code points
  size_t pos_ = 0;
  size_t line_ = 1;  // ANTLR's conventions: 1-based lines, 0-based columns
  size_t col_ = 0;
};

// A CommonTokenStream over a Scanner. ANTLR's fetch() asks of every token
// whether it is writable (a dynamic_cast); the Scanner's always are.
class ScannerTokenStream : public antlr4::CommonTokenStream {
 public:
  explicit ScannerTokenStream(Scanner* scanner) : antlr4::CommonTokenStream(scanner) {}

 protected:
  size_t fetch(size_t n) override;
};

}  // namespace icp::syntax
