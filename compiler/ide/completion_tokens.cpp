// The completion lexer (completion_tokens.h).
#include "ide/completion_tokens.h"

#include <algorithm>
#include <cctype>

namespace icp::ide::completion {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool reserved(std::string_view w) {
  return one_of(w, {"import", "enum", "schema", "const", "def", "profile", "persona", "test", "let", "exclude",
                    "signal", "trigger", "tier", "group", "cap", "when", "on", "within", "halflife", "from", "if",
                    "then", "else", "and", "or", "not", "in", "has", "any", "all", "matches", "is", "missing",
                    "present", "between", "true", "false", "int", "float", "bool", "string", "date", "duration",
                    "set", "as_of", "given", "expect", "fired", "unknown", "points", "excluded", "excluded_by",
                    "score", "confidence", "default"});
}
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
  size_t i = 0;
  bool line_start = true;
  size_t line_begin = 0;
  auto push = [&](Tok::Kind k, size_t from) {
    out.push_back({k, std::string(text.substr(from, i - from)), line_start, from == line_begin});
    line_start = false;
  };
  while (i < end) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      ++i;
      line_start = true;
      line_begin = i;
    } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '/' && i + 1 < end && text[i + 1] == '/') {
      while (i < end && text[i] != '\n' && text[i] != '\r') ++i;
      if (i >= end) return End::Comment;
    } else if (c == '/' && i + 1 < end && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      if (close == std::string_view::npos || close + 2 > end) return End::Comment;
      for (size_t k = i; k < close; ++k)
        if (text[k] == '\n' || text[k] == '\r') {
          line_start = true;
          line_begin = close + 2;
        }
      i = close + 2;
    } else if (c == '"' || (c == 'r' && i + 1 < end && (text[i + 1] == '"' || text[i + 1] == '#'))) {
      size_t from = i;
      bool raw = c == 'r';
      std::string_view close = "\"";
      if (raw) {
        ++i;
        if (text[i] == '#') {
          close = "\"#";
          ++i;
          if (i >= end || text[i] != '"') {  // `r#` and no quote: a name `r` and a stray `#`
            i = from + 1;
            push(Tok::Word, from);
            continue;
          }
        }
      }
      ++i;  // the opening quote
      size_t content = i;
      bool closed = false;
      while (i < end && text[i] != '\n' && text[i] != '\r') {
        if (!raw && text[i] == '\\') {
          i += 2;
          continue;
        }
        if (text.substr(i, close.size()) == close) {
          i += close.size();
          closed = true;
          break;
        }
        ++i;
      }
      if (!closed && i >= end) {
        string_start = content;
        return End::String;
      }
      i = std::min(i, end);
      push(Tok::String, from);
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t from = i;
      while (i < end && (ident_char(text[i]) || text[i] == '.' || text[i] == '%' ||
                         (text[i] == '-' && i + 1 < end && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
                          i - from <= 7)))  // a date: 2026-11-01
        ++i;
      push(Tok::Number, from);
    } else if (ident_start(c)) {
      size_t from = i;
      while (i < end && ident_char(text[i])) ++i;
      push(Tok::Word, from);
    } else {
      size_t from = i;
      std::string_view two = text.substr(i, 2);
      if (i + 1 < end && (two == "=>" || two == "==" || two == "!=" || two == "<=" || two == ">=" || two == "??"))
        i += 2;
      else
        for (++i; i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;) ++i;  // a whole code point
      push(Tok::Punct, from);
    }
  }
  return End::Code;
}

}  // namespace icp::ide::completion
