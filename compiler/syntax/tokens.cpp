// tokenize(): the token stream of either lexer, as plain records (tokens.h).
#include "syntax/tokens.h"

#include "ICPLexer.h"
#include "antlr4-runtime.h"
#include "syntax/antlr_lock.h"
#include "syntax/code_points.h"
#include "syntax/scanner.h"

namespace icp::syntax {

namespace {
std::vector<TokenRecord> drain(antlr4::TokenSource& source) {
  std::vector<TokenRecord> out;
  for (;;) {
    std::unique_ptr<antlr4::Token> t = source.nextToken();
    out.push_back({t->getType(), t->getChannel(), t->getStartIndex(), t->getStopIndex(), t->getLine(),
                   t->getCharPositionInLine(), t->getText()});
    if (t->getType() == antlr4::Token::EOF) return out;
  }
}
}  // namespace

std::vector<TokenRecord> tokenize(std::string_view utf8, LexerKind kind) {
  std::vector<uint32_t> cp_to_byte;
  CodePointStream input(decode_code_points(utf8, &cp_to_byte));
  std::lock_guard<std::mutex> lock(antlr_mutex());
  if (kind == LexerKind::Antlr) {
    icp_antlr::ICPLexer lexer(&input);
    lexer.removeErrorListeners();
    return drain(lexer);
  }
  Scanner scanner(&input);
  return drain(scanner);
}

std::string token_type_name(size_t type) {
  if (type == antlr4::Token::EOF) return "EOF";
  std::lock_guard<std::mutex> lock(antlr_mutex());
  antlr4::ANTLRInputStream empty;
  icp_antlr::ICPLexer lexer(&empty);
  return lexer.getVocabulary().getSymbolicName(type);
}

TokenClass token_class(size_t type) {
  using L = icp_antlr::ICPLexer;
  switch (type) {
    case antlr4::Token::EOF: return TokenClass::End;
    case L::IDENT: return TokenClass::Word;
    case L::INT: case L::FLOAT: case L::MAGNITUDE: case L::PERCENT: case L::DATE: case L::DURATION:
    case L::BAD_NUMBER: case L::BAD_DATE:
      return TokenClass::Number;
    case L::STRING: case L::RAW_STRING: return TokenClass::String;
    case L::UNTERMINATED_STRING: return TokenClass::OpenString;
    case L::LINE_COMMENT: return TokenClass::LineComment;
    case L::BLOCK_COMMENT: return TokenClass::BlockComment;
    case L::UNTERMINATED_COMMENT: return TokenClass::OpenComment;
    default: break;
  }
  // (The tables are built under the lock the first time.)
  std::lock_guard<std::mutex> lock(antlr_mutex());
  return Scanner::is_keyword_type(type) ? TokenClass::Word : TokenClass::Punct;
}

bool is_keyword(std::string_view word) {
  std::lock_guard<std::mutex> lock(antlr_mutex());
  return Scanner::keyword_type(word) != 0;
}

}  // namespace icp::syntax
