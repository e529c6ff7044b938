// The lexer rules of grammar/ICP.g4, as direct code (scanner.h says why).
// Each scan_* function returns the length of the longest match at pos_ of
// the rules that can start with the current character; where two rules match
// the same length, the one listed first in the grammar wins, as in ANTLR.
#include "syntax/scanner.h"

#include <array>
#include <deque>
#include <unordered_map>
#include <vector>

#include "ICPLexer.h"  // token types only: the generated lexer is not linked
#include "ICPParser.h"

namespace icp::syntax {

namespace {

using L = icp_antlr::ICPLexer;
constexpr size_t kNone = static_cast<size_t>(-1);

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_alpha_(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char32_t c) { return is_alpha_(c) || is_digit(c); }
bool is_eol(char32_t c) { return c == '\r' || c == '\n'; }
// WS : [ \t\r\n\f\u000B\uFEFF]+
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B || c == 0xFEFF;
}

// Keywords and punctuation, read off the generated vocabulary: every token
// whose grammar rule is a single literal (`K_IMPORT : 'import'`, `ARROW : '=>'`).
struct LiteralTables {
  std::deque<std::string> storage;  // owns the keys below
  std::unordered_map<std::string_view, size_t> keywords;
  std::vector<bool> is_keyword;  // by token type
  size_t longest_keyword = 0;
  // Punctuation by first character, longest first.
  std::array<std::vector<std::pair<std::string_view, size_t>>, 128> punct;
};

// The grammar's vocabulary. ICPParser keeps it in a private static and
// hands it out from an instance; one over an empty token stream will do.
const antlr4::dfa::Vocabulary& grammar_vocabulary() {
  std::vector<std::unique_ptr<antlr4::Token>> eof;
  eof.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF));
  antlr4::ListTokenSource source(std::move(eof));
  antlr4::CommonTokenStream tokens(&source);
  icp_antlr::ICPParser parser(&tokens);
  return parser.getVocabulary();
}

const LiteralTables& literal_tables() {
  static const LiteralTables tables = [] {
    LiteralTables t;
    const antlr4::dfa::Vocabulary& vocab = grammar_vocabulary();
    for (size_t type = 1; type <= vocab.getMaxTokenType(); ++type) {
      std::string lit = vocab.getLiteralName(type);
      // 'text', with no escapes (the grammar has no literal that needs one).
      if (lit.size() < 3 || lit.front() != '\'' || lit.back() != '\'') continue;
      lit = lit.substr(1, lit.size() - 2);
      if (lit.find('\\') != std::string::npos) continue;
      const std::string& key = t.storage.emplace_back(lit);
      if (is_alpha_(static_cast<unsigned char>(key[0]))) {
        t.keywords.emplace(key, type);
        if (t.is_keyword.size() <= type) t.is_keyword.resize(type + 1);
        t.is_keyword[type] = true;
        t.longest_keyword = std::max(t.longest_keyword, key.size());
      } else if (static_cast<unsigned char>(key[0]) < 128) {
        auto& list = t.punct[static_cast<unsigned char>(key[0])];
        list.emplace_back(key, type);
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
      }
    }
    return t;
  }();
  return tables;
}

}  // namespace

Scanner::Scanner(CodePointStream* input) : input_(input), text_(input->code_points()) {
  literal_tables();
}

size_t Scanner::keyword_type(std::string_view word) {
  const LiteralTables& t = literal_tables();
  auto it = t.keywords.find(word);
  return it == t.keywords.end() ? 0 : it->second;
}

bool Scanner::is_keyword_type(size_t type) {
  const LiteralTables& t = literal_tables();
  return type < t.is_keyword.size() && t.is_keyword[type];
}

antlr4::TokenFactory<antlr4::CommonToken>* Scanner::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

std::unique_ptr<antlr4::Token> Scanner::nextToken() {
  const std::pair<antlr4::TokenSource*, antlr4::CharStream*> source(this, input_);
  for (;;) {
    if (pos_ >= text_.size()) {
      // As antlr4::Lexer::emitEOF: empty, at the end, at the current line.
      return std::make_unique<antlr4::CommonToken>(source, antlr4::Token::EOF, antlr4::Token::DEFAULT_CHANNEL,
                                                   text_.size(), text_.size() - 1);
    }
    size_t type = 0, channel = antlr4::Token::DEFAULT_CHANNEL;
    size_t n = scan(&type, &channel);
    if (type == L::WS) {  // -> skip
      advance(n);
      continue;
    }
    // CommonToken takes its line and column from this source: the token's start.
    auto token = std::make_unique<antlr4::CommonToken>(source, type, channel, pos_, pos_ + n - 1);
    advance(n);
    return token;
  }
}

void Scanner::advance(size_t n) {
  // As ANTLR's LexerATNSimulator::consume: '\n' starts a line; every other
  // code point (a '\r' too) is one column.
  for (size_t end = pos_ + n; pos_ < end; ++pos_) {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 0;
    } else {
      ++col_;
    }
  }
}

size_t Scanner::scan(size_t* type, size_t* channel) const {
  char32_t c = text_[pos_];
  if (is_space(c)) {
    size_t j = pos_ + 1;
    while (has(j) && is_space(text_[j])) ++j;
    *type = L::WS;
    return j - pos_;
  }
  if (is_digit(c)) return scan_number(type);
  if (c == '"') return scan_string(type);
  if (c == 'r' && (at(pos_ + 1) == '"' || (at(pos_ + 1) == '#' && at(pos_ + 2) == '"'))) return scan_raw(type);
  if (is_alpha_(c)) return scan_word(type);
  if (c == '/') return scan_slash(type, channel);
  return scan_punct(type);
}

// STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"'
// UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '\\'?
size_t Scanner::scan_string(size_t* type) const {
  *type = L::UNTERMINATED_STRING;
  size_t j = pos_ + 1;
  for (;;) {
    if (!has(j)) return j - pos_;
    char32_t c = text_[j];
    if (c == '\\') {
      if (has(j + 1) && !is_eol(text_[j + 1])) {
        j += 2;
        continue;
      }
      return j + 1 - pos_;  // a trailing backslash belongs to the unterminated string
    }
    if (c == '"') {
      *type = L::STRING;
      return j + 1 - pos_;
    }
    if (is_eol(c)) return j - pos_;
    ++j;
  }
}

// RAW_STRING : 'r"' ~["\r\n]* '"' | 'r#"' .*? '"#'
// UNTERMINATED_STRING : 'r"' ~["\r\n]* | 'r#"' ( ~["\r\n] | '"' ~["#\r\n] )*
size_t Scanner::scan_raw(size_t* type) const {
  if (text_[pos_ + 1] == '"') {
    size_t j = pos_ + 2;
    while (has(j) && text_[j] != '"' && !is_eol(text_[j])) ++j;
    if (at(j) == '"') {
      *type = L::RAW_STRING;
      return j + 1 - pos_;
    }
    *type = L::UNTERMINATED_STRING;
    return j - pos_;
  }
  for (size_t j = pos_ + 3; j + 1 < text_.size(); ++j) {
    if (text_[j] == '"' && text_[j + 1] == '#') {
      *type = L::RAW_STRING;
      return j + 2 - pos_;
    }
  }
  size_t j = pos_ + 3;
  for (;;) {
    if (!has(j)) break;
    char32_t c = text_[j];
    if (c != '"' && !is_eol(c)) {
      ++j;
    } else if (c == '"' && has(j + 1) && text_[j + 1] != '"' && text_[j + 1] != '#' && !is_eol(text_[j + 1])) {
      j += 2;
    } else {
      break;
    }
  }
  *type = L::UNTERMINATED_STRING;
  return j - pos_;
}

// IDENT : [A-Za-z_] [A-Za-z0-9_]* ; a keyword when the whole word is one.
size_t Scanner::scan_word(size_t* type) const {
  size_t j = pos_ + 1;
  while (has(j) && is_word_char(text_[j])) ++j;
  size_t n = j - pos_;
  *type = L::IDENT;
  const LiteralTables& t = literal_tables();
  char buf[64];
  if (n <= t.longest_keyword && n <= sizeof buf) {
    for (size_t i = 0; i < n; ++i) buf[i] = static_cast<char>(text_[pos_ + i]);
    auto it = t.keywords.find(std::string_view(buf, n));
    if (it != t.keywords.end()) *type = it->second;
  }
  return n;
}

// LINE_COMMENT : '//' ~[\r\n]*           -> channel(HIDDEN)
// BLOCK_COMMENT : '/*' .*? '*/'          -> channel(HIDDEN)
// UNTERMINATED_COMMENT : '/*' ... EOF    -> channel(HIDDEN)
// SLASH : '/'
size_t Scanner::scan_slash(size_t* type, size_t* channel) const {
  char32_t next = at(pos_ + 1);
  if (next == '/') {
    size_t j = pos_ + 2;
    while (has(j) && !is_eol(text_[j])) ++j;
    *type = L::LINE_COMMENT;
    *channel = antlr4::Token::HIDDEN_CHANNEL;
    return j - pos_;
  }
  if (next == '*') {
    *channel = antlr4::Token::HIDDEN_CHANNEL;
    for (size_t j = pos_ + 2; j + 1 < text_.size(); ++j) {
      if (text_[j] == '*' && text_[j + 1] == '/') {
        *type = L::BLOCK_COMMENT;
        return j + 2 - pos_;
      }
    }
    *type = L::UNTERMINATED_COMMENT;  // runs to the end of the file
    return text_.size() - pos_;
  }
  *type = L::SLASH;
  return 1;
}

// DATE, DURATION, PERCENT, MAGNITUDE, FLOAT, INT, BAD_DATE, BAD_NUMBER, in
// that order of priority. Each helper returns the end of its match or kNone.
size_t Scanner::scan_number(size_t* type) const {
  const size_t p = pos_;
  // at() is 0 past the end, which no test below accepts.
  auto digit_at = [&](size_t i) { return is_digit(at(i)); };
  // fragment DIGITS : DIGIT ('_'? DIGIT)*
  auto digits = [&](size_t i) {
    if (!digit_at(i)) return kNone;
    ++i;
    for (;;) {
      if (digit_at(i)) ++i;
      else if (at(i) == '_' && digit_at(i + 1)) i += 2;
      else return i;
    }
  };
  // fragment EXPONENT : [eE] [+-]? DIGIT+
  auto exponent = [&](size_t i) {
    if (!has(i) || (text_[i] != 'e' && text_[i] != 'E')) return kNone;
    size_t j = i + 1;
    if (has(j) && (text_[j] == '+' || text_[j] == '-')) ++j;
    if (!digit_at(j)) return kNone;
    while (digit_at(j)) ++j;
    return j;
  };
  size_t best = 0;
  auto consider = [&](size_t end, size_t t) {
    if (end != kNone && end - p > best) {
      best = end - p;
      *type = t;
    }
  };
  const bool four_digits = digit_at(p) && digit_at(p + 1) && digit_at(p + 2) && digit_at(p + 3);

  // DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT
  if (four_digits && at(p + 4) == '-' && digit_at(p + 5) && digit_at(p + 6) && at(p + 7) == '-' &&
      digit_at(p + 8) && digit_at(p + 9))
    consider(p + 10, L::DATE);
  const size_t ds = digits(p);
  // DURATION : DIGITS ('d' | 'w' | 'mo' | 'y')
  if (has(ds)) {
    char32_t u = text_[ds];
    if (u == 'd' || u == 'w' || u == 'y') consider(ds + 1, L::DURATION);
    else if (u == 'm' && at(ds + 1) == 'o') consider(ds + 2, L::DURATION);
  }
  const size_t frac = at(ds) == '.' ? digits(ds + 1) : kNone;  // after DIGITS '.' DIGITS
  const size_t mantissa = frac != kNone ? frac : ds;
  // PERCENT : DIGITS ('.' DIGITS)? EXPONENT? '%'
  {
    size_t e = exponent(mantissa);
    size_t q = e != kNone ? e : mantissa;
    if (at(q) == '%') consider(q + 1, L::PERCENT);
  }
  // MAGNITUDE : DIGITS ('.' DIGITS)? [kMB]
  if (has(mantissa) && (text_[mantissa] == 'k' || text_[mantissa] == 'M' || text_[mantissa] == 'B'))
    consider(mantissa + 1, L::MAGNITUDE);
  // FLOAT : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT
  if (frac != kNone) {
    size_t e = exponent(frac);
    consider(e != kNone ? e : frac, L::FLOAT);
  } else {
    consider(exponent(ds), L::FLOAT);
  }
  // INT : DIGITS
  consider(ds, L::INT);
  // BAD_DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT+ '-' DIGIT+ [A-Za-z0-9_]*
  if (four_digits && at(p + 4) == '-' && digit_at(p + 5)) {
    size_t j = p + 5;
    while (digit_at(j)) ++j;
    if (at(j) == '-' && digit_at(j + 1)) {
      ++j;
      while (digit_at(j)) ++j;
      while (has(j) && is_word_char(text_[j])) ++j;
      consider(j, L::BAD_DATE);
    }
  }
  // BAD_NUMBER : DIGIT [0-9_]* ('.' [0-9_]+)? ([eE] [+-]? DIGIT+)? [A-Za-z_0-9]*
  {
    auto digit_or_ = [&](size_t i) { return has(i) && (is_digit(text_[i]) || text_[i] == '_'); };
    size_t j = p + 1;
    while (digit_or_(j)) ++j;
    if (at(j) == '.' && digit_or_(j + 1)) {
      j += 2;
      while (digit_or_(j)) ++j;
    }
    // Only a signed exponent reaches further than the trailing word characters.
    if (has(j) && (text_[j] == 'e' || text_[j] == 'E') && has(j + 1) &&
        (text_[j + 1] == '+' || text_[j + 1] == '-') && digit_at(j + 2)) {
      j += 3;
      while (digit_at(j)) ++j;
    }
    while (has(j) && is_word_char(text_[j])) ++j;
    consider(j, L::BAD_NUMBER);
  }
  return best;
}

// Operators and punctuation (longest first), else ERROR_CHAR : . ;
size_t Scanner::scan_punct(size_t* type) const {
  char32_t c = text_[pos_];
  if (c < 128) {
    for (const auto& [lit, t] : literal_tables().punct[c]) {
      if (pos_ + lit.size() > text_.size()) continue;
      bool match = true;
      for (size_t i = 1; i < lit.size() && match; ++i)
        match = text_[pos_ + i] == static_cast<unsigned char>(lit[i]);
      if (match) {
        *type = t;
        return lit.size();
      }
    }
  }
  *type = L::ERROR_CHAR;
  return 1;
}

size_t ScannerTokenStream::fetch(size_t n) {
  // As BufferedTokenStream::fetch, for tokens known to be CommonTokens.
  if (_fetchedEOF) return 0;
  for (size_t i = 0; i < n; ++i) {
    std::unique_ptr<antlr4::Token> t = _tokenSource->nextToken();
    static_cast<antlr4::CommonToken*>(t.get())->setTokenIndex(_tokens.size());
    const bool eof = t->getType() == antlr4::Token::EOF;
    _tokens.push_back(std::move(t));
    if (eof) {
      _fetchedEOF = true;
      return i + 1;
    }
  }
  return n;
}

}  // namespace icp::syntax
