// Private to syntax/: the ANTLR error strategy that words syntax errors in
// the language's terms (E0001; E0002 when the offending token is a broken
// literal) and recovers so that one mistake gives one diagnostic.
#pragma once
#include <string>

#include "syntax/parse_context.h"

namespace icp::syntax {

class ErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit ErrorStrategy(ParseContext& cx);

  void sync(antlr4::Parser* p) override;

 protected:
  void reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* p, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* p) override;
  void reportMissingToken(antlr4::Parser* p) override;
  antlr4::Token* singleTokenDeletion(antlr4::Parser* p) override;
  antlr4::Token* recoverInline(antlr4::Parser* p) override;
  void consumeUntil(antlr4::Parser* p, const antlr4::misc::IntervalSet& set) override;

 private:
  // Emits one diagnostic unless the statement (or line) already has one.
  // `after_previous`: anchor at the end of the previous token when the
  // offending token is on a later line (clang's "expected ';' after").
  // The message, unless a more specific one applies, is "expected WANTED,
  // found OFFENDING" or (`unwanted`) "unexpected OFFENDING, expected WANTED".
  void report(antlr4::Parser* p, antlr4::Token* offending, bool unwanted, const std::string& wanted,
              bool after_previous, const antlr4::misc::IntervalSet* expected);
  // Mistakes a new user makes, said in their terms (a missing `=>` before
  // `+10`, `=` for `==`, `6 months`, `in (a, b)`, a misspelt keyword).
  // True when it reported one.
  // A name where a keyword is expected that misspells it (`signl`, `wen`):
  // reports it and retypes the token as that keyword. True if it did.
  bool read_as_keyword(antlr4::Parser* p, const antlr4::misc::IntervalSet& expected);
  // Marks the statement that ends before `offending` as suspect
  // (ParseContext::suspect): its rule completed, but wrongly.
  void suspect(antlr4::Token* offending);
  bool explain_mistake(antlr4::Parser* p, antlr4::Token* offending,
                       const antlr4::misc::IntervalSet* expected);
  // Remembers the label or name after `offending` when recovery skips the
  // statement it was to start (ParseContext::lost_names).
  void note_lost_statement(antlr4::Token* offending, const antlr4::misc::IntervalSet* expected);
  std::string expected_phrase(antlr4::Parser* p, const antlr4::misc::IntervalSet& expected,
                              antlr4::ParserRuleContext* ctx, antlr4::Token* offending);

  ParseContext& cx_;
  size_t quiet_until_ = 0;  // token index
  size_t last_stmt_ = static_cast<size_t>(-1);
};

}  // namespace icp::syntax
