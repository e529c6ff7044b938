// Private to the completion code: the tokens of the text before the cursor,
// from a lexer that needs no valid program (a string or comment left open at
// the cursor is reported, not an error), and how tokens are classed.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace icp::ide::completion {

struct Tok {
  enum Kind : uint8_t { Word, Number, String, Punct } kind;
  std::string text;
  bool line_start = false;  // the first token on its line
  bool col0 = false;        // at the very start of its line
};

bool ident_start(char c);
bool ident_char(char c);
bool one_of(std::string_view s, std::initializer_list<std::string_view> set);
// A keyword of LANGUAGE.md section 2.
bool reserved(std::string_view w);
// import, enum, schema, const, def, profile, persona, test.
bool declaration_keyword(std::string_view w);
// A token that ends an operand: a name, a literal, `)` or `}`.
bool completes(const Tok& t);

// What the lexer found where the text before the cursor ends.
enum class End : uint8_t { Code, String, Comment };

// Tokens of text[0, end). `string_start` is where the content of a string
// left open at `end` begins.
End lex(std::string_view text, size_t end, std::vector<Tok>& out, size_t& string_start);

}  // namespace icp::ide::completion
