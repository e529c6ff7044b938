// The token stream of a text, without ANTLR types: what tests (and tools that
// want tokens, not a tree) see. Two lexers produce it: the Scanner the parser
// uses (syntax/scanner.h) and ANTLR's generated ICPLexer, the executable form
// of the grammar's lexer rules, kept as the reference the Scanner is tested
// against (tests/syntax/lexer_test.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace icp::syntax {

struct TokenRecord {
  size_t type = 0;      // ICPLexer's token type (EOF is -1 as size_t)
  size_t channel = 0;   // 0 default, 1 hidden (comments)
  size_t start = 0;     // code-point index of the first code point
  size_t stop = 0;      // code-point index of the last one (start - 1 for EOF)
  size_t line = 0;      // 1-based
  size_t column = 0;    // 0-based, in code points
  std::string text;
  bool operator==(const TokenRecord&) const = default;
};

enum class LexerKind { Scanner, Antlr };

// Every token of `utf8` up to and including EOF (white space is skipped, as
// the grammar says). Invalid UTF-8 bytes read as U+FFFD, as in parse_module.
std::vector<TokenRecord> tokenize(std::string_view utf8, LexerKind kind);

// The grammar's name of a token type (`K_WHEN`, `IDENT`, `EOF`).
std::string token_type_name(size_t type);

// How a tool that reads tokens (completion) classes them.
enum class TokenClass : uint8_t {
  Word,          // a name or a keyword
  Number,        // numbers, dates, durations (also malformed ones)
  String,        // a string or raw string
  OpenString,    // a string with no closing quote
  LineComment,
  BlockComment,  // also one left open: it runs to the end of the text
  OpenComment,   // a block comment with no `*/`
  Punct,         // operators, brackets, anything else
  End,           // EOF
};
TokenClass token_class(size_t type);
// Whether `word` is a keyword of LANGUAGE.md section 2 (the grammar's).
bool is_keyword(std::string_view word);

}  // namespace icp::syntax
