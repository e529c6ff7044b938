// guard_nesting(): cuts what nests too deeply out of the token stream before
// ANTLR's recursive descent sees it (nesting.h).
//
// One pass over the tokens keeps a stack of what is open: brackets, `if`s
// (and which of their parts is being read), `not`s and signs. Block braces
// (a profile's, a schema's, a `given`'s ...) are on the stack too, so that
// their `}` closes the right thing, but do not count. The stack follows the
// grammar's binding: a sign holds until the next binary operator, a `not`
// until `and`/`or`, an `if` until the bracket, comma or statement around it
// ends. Every statement keyword closes whatever an unbalanced expression
// left open, so a syntax error does not add up to a false E0003 later on.
#include "syntax/nesting.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace icp::syntax {

using P = icp_antlr::ICPParser;
using antlr4::Token;

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

enum class Open : uint8_t { Block, Paren, Brace, If, IfThen, IfElse, Not, Sign };

bool one_of(size_t t, std::initializer_list<size_t> set) {
  return std::find(set.begin(), set.end(), t) != set.end();
}

// No expression goes on past one of these.
bool starts_statement(size_t t) {
  return one_of(t, {P::K_IMPORT, P::K_ENUM, P::K_SCHEMA, P::K_CONST, P::K_DEF, P::K_PROFILE,
                    P::K_PERSONA, P::K_TEST, P::K_LET, P::K_EXCLUDE, P::K_SIGNAL, P::K_TRIGGER,
                    P::K_TIER, P::K_GROUP, P::K_EXPECT, P::K_GIVEN}) ||
         t == Token::EOF;
}

// An expression ends before one of these, and another may start after it.
bool ends_expression(size_t t) {
  return one_of(t, {P::ARROW, P::K_WHEN, P::K_HALFLIFE, P::K_FROM, P::ASSIGN});
}

// Tokens an operand can end with: after one, `-`, `+` and `not` are infix
// and `{` opens a block, not a set.
bool ends_operand(size_t t) {
  return one_of(t, {P::IDENT, P::INT, P::FLOAT, P::MAGNITUDE, P::PERCENT, P::DATE, P::DURATION,
                    P::STRING, P::RAW_STRING, P::UNTERMINATED_STRING, P::BAD_NUMBER, P::BAD_DATE,
                    P::K_TRUE, P::K_FALSE, P::RPAREN, P::RBRACE, P::K_MISSING, P::K_PRESENT,
                    P::K_SCORE, P::K_CONFIDENCE, P::K_AS_OF});
}

// Binary operators other than `and`/`or` (a sign binds tighter than each).
bool binary_operator(size_t t) {
  return one_of(t, {P::STAR, P::SLASH, P::PLUS, P::MINUS, P::COALESCE, P::EQ, P::NE, P::LT, P::LE,
                    P::GT, P::GE, P::K_IN, P::K_BETWEEN, P::K_HAS, P::K_MATCHES, P::K_WITHIN,
                    P::K_IS, P::K_NOT});
}

bool is_prefix_operator(size_t t) { return t == P::K_NOT || t == P::MINUS || t == P::PLUS; }

class Guard {
 public:
  explicit Guard(ParseContext& cx) : cx_(cx), tokens_(*cx.tokens) {}

  void run() {
    const size_t n = tokens_.size();
    for (size_t i = 0; i < n;) {
      Token* t = tokens_.get(i);
      if (t->getChannel() != Token::DEFAULT_CHANNEL) {
        ++i;
        continue;
      }
      const size_t ty = t->getType();
      if (ty == Token::EOF) break;
      const size_t before = prev_;
      const bool infix = before != kNone && ends_operand(before);
      prev_ = ty;
      size_t resume = i + 1;
      if (starts_statement(ty)) {
        pop_to_block();
        armed_ = true;
      } else if (ends_expression(ty)) {
        pop_to_block();
      } else if (ty == P::LPAREN) {
        resume = open(i, Open::Paren);
      } else if (ty == P::LBRACE) {
        // A set follows an operator, `(`, `,` ...; a block follows a name,
        // a label, a cap or `given`.
        if (infix || before == P::K_GIVEN || before == kNone) push(Open::Block);
        else resume = open(i, Open::Brace);
      } else if (ty == P::RPAREN) {
        close(Open::Paren);
      } else if (ty == P::RBRACE) {
        close(Open::Brace);
      } else if (ty == P::COMMA) {
        while (!stack_.empty() && !is_bracket(stack_.back())) pop();
      } else if (ty == P::K_IF) {
        resume = open(i, Open::If);
      } else if (ty == P::K_THEN) {
        advance_if(Open::If, Open::IfThen);
      } else if (ty == P::K_ELSE) {
        advance_if(Open::IfThen, Open::IfElse);
      } else if (ty == P::K_AND || ty == P::K_OR) {
        while (!stack_.empty() && (stack_.back() == Open::Sign || stack_.back() == Open::Not)) pop();
      } else if (is_prefix_operator(ty) && !infix) {
        resume = open(i, ty == P::K_NOT ? Open::Not : Open::Sign);
      } else if (binary_operator(ty)) {
        while (!stack_.empty() && stack_.back() == Open::Sign) pop();
      }
      i = resume;
    }
  }

 private:
  static bool is_bracket(Open o) { return o == Open::Block || o == Open::Paren || o == Open::Brace; }

  void push(Open o) {
    stack_.push_back(o);
    if (o != Open::Block) ++depth_;
  }
  void pop() {
    if (stack_.back() != Open::Block) --depth_;
    stack_.pop_back();
  }
  void pop_to_block() {
    while (!stack_.empty() && stack_.back() != Open::Block) pop();
  }
  // `)` closes the innermost bracket if it is a parenthesis, `}` if it is a
  // brace or a block; a closer that matches nothing open is left to the
  // parser to report.
  void close(Open kind) {
    auto it = std::find_if(stack_.rbegin(), stack_.rend(), is_bracket);
    if (it == stack_.rend()) return;
    if (kind == Open::Paren ? *it != Open::Paren : *it == Open::Paren) return;
    size_t keep = static_cast<size_t>(stack_.rend() - it) - 1;
    while (stack_.size() > keep) pop();
  }
  // `then` moves the innermost `if` from its condition to its branch,
  // `else` from its branch to its `else` branch; what was open after it ends.
  void advance_if(Open from, Open to) {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (is_bracket(stack_[k])) return;
      if (stack_[k] == from) {
        while (stack_.size() > k + 1) pop();
        stack_[k] = to;
        return;
      }
    }
  }

  // The next default-channel token after i (the EOF token at worst).
  size_t next(size_t i) const {
    const size_t n = tokens_.size();
    for (++i; i + 1 < n; ++i)
      if (tokens_.get(i)->getChannel() == Token::DEFAULT_CHANNEL) return i;
    return n - 1;
  }
  size_t type(size_t i) const { return tokens_.get(i)->getType(); }

  // Opens `o` at token i; past the limit, cuts the deeper part out instead
  // and returns where to go on.
  size_t open(size_t i, Open o) {
    if (depth_ < kMaxNesting) {
      push(o);
      return i + 1;
    }
    if (armed_) {
      cx_.diags.emit(diag::NestedTooDeeply, cx_.token_range(tokens_.get(i)), kMaxNesting);
      armed_ = false;
    }
    cx_.cuts.push_back(i);
    switch (o) {
      case Open::Paren:
      case Open::Brace: {
        // The bracket stays, with one placeholder inside.
        size_t end = matching_closer(i, o == Open::Paren ? P::LPAREN : P::LBRACE,
                                     o == Open::Paren ? P::RPAREN : P::RBRACE);
        if (placeholder(i + 1, end)) prev_ = P::IDENT;
        push(o);
        return end;
      }
      case Open::If: {
        // `if c then a else b` reads as `b`; without its `else`, as a name.
        size_t end = kNone;
        size_t else_at = matching_else(i, &end);
        if (else_at != kNone) {
          cut(i, else_at + 1);
          prev_ = P::K_ELSE;
          return else_at + 1;
        }
        placeholder(i, end);
        prev_ = P::IDENT;
        return end;
      }
      default: {
        // The rest of the run of prefix operators goes; their operand stays.
        size_t end = i;
        while (type(end) != Token::EOF && is_prefix_operator(type(end))) end = next(end);
        cut(i, end);
        return end;
      }
    }
  }

  // The closer matching the opener at i, or the statement keyword (or EOF)
  // where an unbalanced bracket stops.
  size_t matching_closer(size_t i, size_t opener, size_t closer) const {
    size_t depth = 1;
    for (size_t k = next(i);; k = next(k)) {
      size_t ty = type(k);
      if (starts_statement(ty)) return k;
      if (ty == opener) ++depth;
      if (ty == closer && --depth == 0) return k;
    }
  }

  // The `else` of the `if` at i, or kNone with *end where the `if` stops
  // without one.
  size_t matching_else(size_t i, size_t* end) const {
    size_t ifs = 1, brackets = 0;
    for (size_t k = next(i);; k = next(k)) {
      size_t ty = type(k);
      bool closes = ty == P::RPAREN || ty == P::RBRACE;
      if (starts_statement(ty) || (brackets == 0 && (closes || ty == P::COMMA || ends_expression(ty)))) {
        *end = k;
        return kNone;
      }
      if (ty == P::LPAREN || ty == P::LBRACE) ++brackets;
      else if (closes) --brackets;
      else if (brackets == 0 && ty == P::K_IF) ++ifs;
      else if (brackets == 0 && ty == P::K_ELSE && --ifs == 0) return k;
    }
  }

  // Moves the default-channel tokens in [from, to) to the cut channel.
  void cut(size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      auto* t = static_cast<antlr4::CommonToken*>(tokens_.get(k));
      if (t->getChannel() == Token::DEFAULT_CHANNEL) t->setChannel(kCutChannel);
    }
  }
  // Turns the first default-channel token in [from, to) into a name and cuts
  // the others; false when there is none.
  bool placeholder(size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      auto* t = static_cast<antlr4::CommonToken*>(tokens_.get(k));
      if (t->getChannel() != Token::DEFAULT_CHANNEL) continue;
      t->setType(P::IDENT);
      cut(k + 1, to);
      return true;
    }
    return false;
  }

  ParseContext& cx_;
  antlr4::CommonTokenStream& tokens_;
  std::vector<Open> stack_;
  size_t depth_ = 0;      // entries of stack_ other than blocks
  size_t prev_ = kNone;   // the type of the last token the parser will see
  bool armed_ = true;     // no E0003 yet in this statement
};

}  // namespace

void guard_nesting(ParseContext& cx) {
  Guard(cx).run();
  // The stream's position was computed before the cuts.
  if (!cx.cuts.empty()) cx.tokens->seek(0);
}

}  // namespace icp::syntax
