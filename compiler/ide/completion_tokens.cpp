// The completion lexer (completion_tokens.h).
#include "ide/completion_tokens.h"

#include <algorithm>
#include <cctype>

#include "source/source.h"
#include "syntax/tokens.h"

namespace icp::ide::completion {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool reserved(std::string_view w) { return syntax::is_keyword(w); }
bool declaration_keyword(std::string_view w) {
  return one_of(w, {"import", "enum", "schema", "const", "def", "profile", "persona", "test"});
}

bool completes(const Tok& t) {
  if (t.kind == Tok::Number || t.kind == Tok::String) return true;
  if (t.kind == Tok::Punct) return t.text == ")" || t.text == "}";
  return !reserved(t.text) ||
         one_of(t.text, {"true", "false", "missing", "present", "score", "confidence", "as_of", "excluded"});
}

End lex(std::string_view text, size_t end, std::vector<Tok>& out, size_t& string_start) {
  // The grammar's own tokens (syntax/tokens.h), of the text before the cursor.
  const std::string_view before = text.substr(0, std::min(end, text.size()));
  const std::vector<syntax::TokenRecord> tokens = syntax::tokenize(before, syntax::LexerKind::Scanner);
  // Token positions are code points; string_start is a byte offset.
  auto byte_of = [&](size_t code_point) {
    size_t i = 0;
    for (size_t cp = 0; cp < code_point && i < before.size(); ++cp) decode_utf8(before, i);
    return i;
  };
  const size_t code_points = tokens.empty() ? 0 : tokens.back().start;  // EOF starts at the end
  size_t last_line = 0;
  for (const syntax::TokenRecord& t : tokens) {
    const bool at_end = t.stop + 1 == code_points;
    Tok::Kind kind = Tok::Punct;
    switch (syntax::token_class(t.type)) {
      case syntax::TokenClass::End: return End::Code;
      case syntax::TokenClass::LineComment:
      case syntax::TokenClass::OpenComment:
        if (at_end) return End::Comment;
        continue;
      case syntax::TokenClass::BlockComment: continue;
      case syntax::TokenClass::OpenString:
        if (at_end) {
          // The content begins after `"`, `r"` or `r#"`.
          size_t quote = t.text.find('"');
          string_start = byte_of(t.start) + (quote == std::string::npos ? t.text.size() : quote + 1);
          return End::String;
        }
        [[fallthrough]];
      case syntax::TokenClass::String: kind = Tok::String; break;
      case syntax::TokenClass::Number: kind = Tok::Number; break;
      case syntax::TokenClass::Word: kind = Tok::Word; break;
      case syntax::TokenClass::Punct: kind = Tok::Punct; break;
    }
    out.push_back({kind, t.text, t.line != last_line, t.column == 0});
    last_line = t.line;
  }
  return End::Code;
}

}  // namespace icp::ide::completion
