#include "syntax/error_strategy.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>

#include "diag/edit_distance.h"
#include "syntax/literals.h"

namespace icp::syntax {

using antlr4::Parser;
using antlr4::ParserRuleContext;
using antlr4::Token;
using antlr4::misc::IntervalSet;
using P = icp_antlr::ICPParser;

namespace {

const antlr4::dfa::Vocabulary* g_vocab = nullptr;  // set per parse, under the parse mutex

bool in(size_t t, std::initializer_list<size_t> set) {
  return std::find(set.begin(), set.end(), t) != set.end();
}

const std::initializer_list<size_t> kExprStart = {
    P::IDENT,  P::INT,        P::FLOAT,     P::MAGNITUDE, P::PERCENT, P::DATE,   P::DURATION,
    P::STRING, P::RAW_STRING, P::K_TRUE,    P::K_FALSE,   P::BAD_NUMBER, P::BAD_DATE, P::LPAREN,
    P::LBRACE, P::MINUS,      P::PLUS,      P::K_NOT,     P::K_IF,    P::K_SCORE, P::K_CONFIDENCE,
    P::K_AS_OF, P::K_MISSING};
const std::initializer_list<size_t> kValueStart = {
    P::IDENT,  P::INT,        P::FLOAT,  P::MAGNITUDE, P::PERCENT,    P::DATE,     P::DURATION,
    P::STRING, P::RAW_STRING, P::K_TRUE, P::K_FALSE,   P::BAD_NUMBER, P::BAD_DATE, P::LBRACE,
    P::MINUS,  P::PLUS,       P::K_MISSING};
// Tokens that continue an expression: dropped from "expected" lists when
// something more useful is expected too.
const std::initializer_list<size_t> kOperators = {
    P::K_OR, P::K_AND, P::K_NOT, P::EQ, P::NE, P::LT, P::LE, P::GT, P::GE, P::K_IN, P::K_BETWEEN,
    P::K_HAS, P::K_MATCHES, P::K_WITHIN, P::K_IS, P::COALESCE, P::PLUS, P::MINUS, P::STAR,
    P::SLASH, P::LPAREN, P::DOT, P::QUESTION};
// Level-5 operators: they cannot follow a comparison (no chains).
const std::initializer_list<size_t> kComparisons = {
    P::EQ, P::NE, P::LT, P::LE, P::GT, P::GE, P::K_IN, P::K_BETWEEN, P::K_HAS, P::K_MATCHES,
    P::K_WITHIN, P::K_IS};
const std::initializer_list<size_t> kItems = {P::K_LET,  P::K_EXCLUDE, P::K_SIGNAL,
                                              P::K_TRIGGER, P::K_TIER, P::K_GROUP};
const std::initializer_list<size_t> kDecls = {P::K_IMPORT, P::K_ENUM,    P::K_SCHEMA,
                                              P::K_CONST,  P::K_DEF,     P::K_PROFILE,
                                              P::K_PERSONA, P::K_TEST};
const std::initializer_list<size_t> kTestItems = {P::K_PROFILE, P::K_PERSONA, P::K_AS_OF,
                                                  P::K_GIVEN, P::K_EXPECT};
const std::initializer_list<size_t> kTypes = {P::K_INT,  P::K_FLOAT,    P::K_BOOL, P::K_STRING,
                                              P::K_DATE, P::K_DURATION, P::K_SET,  P::IDENT};
const std::initializer_list<size_t> kExpectations = {
    P::K_TIER, P::K_SCORE, P::K_CONFIDENCE, P::K_POINTS, P::K_FIRED,
    P::K_UNKNOWN, P::K_EXCLUDED_BY, P::K_EXCLUDED};
const std::initializer_list<size_t> kCmpOps = {P::EQ, P::NE, P::LT, P::LE, P::GT, P::GE};
const std::initializer_list<size_t> kNumbers = {P::INT, P::FLOAT, P::MAGNITUDE, P::PERCENT};

bool contains_all(const IntervalSet& s, std::initializer_list<size_t> set) {
  for (size_t t : set)
    if (!s.contains(static_cast<size_t>(t))) return false;
  return true;
}
void remove_all(std::vector<size_t>& v, std::initializer_list<size_t> set) {
  v.erase(std::remove_if(v.begin(), v.end(), [&](size_t t) { return in(t, set); }), v.end());
}

std::string join_or(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

// The first real name token directly under a context (not one skipped during
// recovery), e.g. the name of a profile.
std::string first_name(ParserRuleContext* c) {
  if (!c) return "";
  for (auto* ch : c->children) {
    if (dynamic_cast<antlr4::tree::ErrorNode*>(ch)) continue;
    if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(ch))
      if (t->getSymbol()->getType() == P::IDENT && ParseContext::is_real(t->getSymbol()))
        return t->getSymbol()->getText();
  }
  return "";
}

std::string named(const char* what, ParserRuleContext* c) {
  std::string n = first_name(c);
  return n.empty() ? std::string("the ") + what : fmt::format("the {} '{}'", what, n);
}

bool is_expr_rule(size_t r) {
  switch (r) {
    case P::RuleExpr: case P::RuleLogic: case P::RuleCmpTail: case P::RuleCmpOp:
    case P::RuleOperand: case P::RuleLiteral:
      return true;
    default:
      return false;
  }
}

ParserRuleContext* parent_of(antlr4::RuleContext* c) {
  return c ? dynamic_cast<ParserRuleContext*>(c->parent) : nullptr;
}

// What a (possibly partial) expression is for, from its place in the item.
std::string expr_role(ParserRuleContext* ctx) {
  ParserRuleContext* child = nullptr;
  ParserRuleContext* c = ctx;
  while (c && is_expr_rule(c->getRuleIndex())) {
    child = c;
    c = parent_of(c);
  }
  if (!c) return "";
  auto index_of = [&](auto vec) -> int {
    for (size_t i = 0; i < vec.size(); ++i)
      if (vec[i] == child) return static_cast<int>(i);
    return -1;
  };
  switch (c->getRuleIndex()) {
    case P::RuleSignalItem:
      return index_of(static_cast<P::SignalItemContext*>(c)->expr()) == 1
                 ? "the points of the signal"
                 : "the condition of the signal";
    case P::RuleExcludeItem: return "the condition of the exclude";
    case P::RuleTierItem: return "the condition of the tier";
    case P::RuleLetItem: return "the value of the let";
    case P::RuleConstDecl: return "the value of the const";
    case P::RuleSchemaField: return "the default of the field";
    case P::RuleDefDecl: return "the body of the def";
    case P::RuleGroupItem: return "the cap of the group";
    case P::RuleTriggerItem: {
      // The keyword before the operand says which one it is (the labels
      // `on`, `window`, ... are set only once their operand is parsed: too
      // late for an error inside it).
      size_t keyword = P::K_ON;
      for (auto* ch : c->children) {
        if (ch == child) break;
        if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(ch)) {
          size_t ty = t->getSymbol()->getType();
          if (ty == P::K_ON || ty == P::K_WITHIN || ty == P::K_WHEN || ty == P::ARROW || ty == P::K_HALFLIFE)
            keyword = ty;
        }
      }
      switch (keyword) {
        case P::K_WITHIN: return "the window of the trigger";
        case P::K_WHEN: return "the condition of the trigger";
        case P::ARROW: return "the points of the trigger";
        case P::K_HALFLIFE: return "the half-life of the trigger";
        default: return "the date of the trigger";
      }
    }
    case P::RuleExpectation: return "the expected value";
    default: return "";
  }
}

// Inside a helper rule, what the enclosing rule wanted is the news.
ParserRuleContext* skip_helpers(ParserRuleContext* ctx) {
  while (ctx && (ctx->getRuleIndex() == P::RuleStringLit || ctx->getRuleIndex() == P::RuleTypeName ||
                 ctx->getRuleIndex() == P::RuleTierName || ctx->getRuleIndex() == P::RuleCmpOp))
    ctx = parent_of(ctx);
  return ctx;
}

// Extra words for the one token expected, e.g. "`=>` and the points of the signal".
std::string one_token_phrase(size_t tok, ParserRuleContext* ctx) {
  ctx = skip_helpers(ctx);
  size_t rule = ctx ? ctx->getRuleIndex() : static_cast<size_t>(-1);
  std::string t = describe_token_kind(tok, *g_vocab);
  switch (tok) {
    case P::ARROW:
      if (rule == P::RuleSignalItem) return t + " and the points of the signal";
      if (rule == P::RuleTriggerItem) return t + " and the points of the trigger";
      break;
    case P::K_WHEN:
      if (rule == P::RuleSignalItem) return t + " and the condition of the signal";
      if (rule == P::RuleExcludeItem) return t + " and the condition of the exclude";
      if (rule == P::RuleTierItem) return t + " and the condition of the tier";
      break;
    case P::K_WITHIN:
      if (rule == P::RuleTriggerItem) return t + " and the window of the trigger (a duration)";
      break;
    case P::K_ON:
      if (rule == P::RuleTriggerItem) return t + " and the date of the trigger";
      if (rule == P::RuleProfileDecl) return t + " and the schema the profile scores";
      break;
    case P::RBRACE:
      switch (rule) {
        case P::RuleProfileDecl: return t + " to close " + named("profile", ctx);
        case P::RuleGroupItem: return t + " to close the group";
        case P::RuleSchemaDecl: return t + " to close " + named("schema", ctx);
        case P::RuleEnumDecl: return t + " to close " + named("enum", ctx);
        case P::RuleTestDecl: return t + " to close the test";
        case P::RuleTestItem: return t + " to close the `given` block";
        case P::RuleOperand: case P::RuleConstValue: return t + " to close the set";
        default: break;
      }
      break;
    case P::LBRACE:
      switch (rule) {
        case P::RuleProfileDecl: return t + " to open the body of " + named("profile", ctx);
        case P::RuleGroupItem: return t + " to open the group";
        case P::RuleSchemaDecl: return t + " to open the fields of " + named("schema", ctx);
        case P::RuleEnumDecl: return t + " to open the members of " + named("enum", ctx);
        case P::RuleTestDecl: return t + " to open the test";
        default: break;
      }
      break;
    case P::RPAREN:
      if (rule == P::RuleOperand) {
        std::string n = first_name(ctx);
        return n.empty() ? t + " to close the parenthesis" : t + " to close the call of '" + n + "'";
      }
      if (rule == P::RuleDefDecl) return t + " after the parameters";
      if (rule == P::RuleEnumMember) return t + " after the aliases";
      break;
    case P::COLON:
      if (rule == P::RuleSchemaField) return t + " and the type of the field";
      if (rule == P::RuleParam) return t + " and the type of the parameter";
      if (rule == P::RuleDefDecl) return t + " and the result type of the def";
      if (rule == P::RuleGivenField) return t + " and the value of the field";
      break;
    case P::ASSIGN:
      if (rule == P::RuleLetItem) return t + " and the value of the let";
      if (rule == P::RuleConstDecl) return t + " and the value of the const";
      if (rule == P::RuleDefDecl) return t + " and the body of the def";
      break;
    case P::K_THEN: return t + " after the condition of the `if`";
    case P::K_ELSE: return t + ": an `if` needs an `else` branch";
    case P::K_AND:
      if (rule == P::RuleCmpTail) return t + " and the upper bound of `between`";
      break;
    case P::GT:
      if (rule == P::RuleTypeRef) return t + " to close `set<...>`";
      break;
    case P::IDENT:
      switch (rule) {
        case P::RuleEnumDecl: return "a name for the enum";
        case P::RuleEnumMember: return "a member name";
        case P::RuleSchemaDecl: return "a name for the schema";
        case P::RuleSchemaField: return "a field name";
        case P::RuleConstDecl: return "a name for the const";
        case P::RuleDefDecl: return "a name for the def";
        case P::RuleParam: return "a parameter name";
        case P::RuleProfileDecl: return "a name (of the profile or of its schema)";
        case P::RuleLetItem: return "a name for the let";
        case P::RuleTierItem: return "a name for the tier";
        case P::RuleTestItem: return "the name of the profile the test scores";
        case P::RuleGivenField: return "a field name";
        default: break;
      }
      break;
    case P::STRING:
      switch (rule) {
        case P::RuleImportDecl: return "the path of the import, as a string";
        case P::RuleSignalItem: return "the label of the signal, as a string";
        case P::RuleExcludeItem: return "the label of the exclude, as a string";
        case P::RuleTriggerItem: return "the label of the trigger, as a string";
        case P::RuleGroupItem: return "the label of the group, as a string";
        case P::RuleTestDecl: return "the name of the test, as a string";
        case P::RuleExpectation: return "the label of a rule, as a string";
        case P::RuleSchemaField: return "the column name, as a string";
        default: break;
      }
      break;
    default:
      break;
  }
  return t;
}

// Whether the comparison operator at `off` continues a comparison (a chain).
bool continues_comparison(ParseContext& cx, Token* off) {
  int depth = 0;
  size_t i = off->getTokenIndex();
  while (Token* t = cx.previous_token(i)) {
    i = t->getTokenIndex();
    size_t ty = t->getType();
    if (ty == P::RPAREN || ty == P::RBRACE) { ++depth; continue; }
    if (ty == P::LPAREN || ty == P::LBRACE) {
      if (depth == 0) return false;
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (in(ty, kComparisons)) return true;
    if (in(ty, {P::K_AND, P::K_OR, P::K_NOT, P::K_WHEN, P::ARROW, P::ASSIGN, P::K_ON, P::K_THEN,
                P::K_ELSE, P::K_IF, P::COMMA, P::K_CAP, P::K_HALFLIFE, P::COLON}))
      return false;
    if (in(ty, kItems) || in(ty, kDecls)) return false;
  }
  return false;
}

// Whether c is inside a list of schema fields, enum members or `given`
// fields, where a name at the start of a line starts the next element.
bool in_field_list(ParserRuleContext* c) {
  for (; c; c = parent_of(c)) {
    switch (c->getRuleIndex()) {
      case P::RuleSchemaDecl: case P::RuleEnumDecl: case P::RuleGivenField:
        return true;
      case P::RuleTestItem:
        return dynamic_cast<P::TestGivenContext*>(c) != nullptr;
      case P::RuleProfileDecl: case P::RuleTestDecl: case P::RuleDefDecl: case P::RuleConstDecl:
      case P::RuleCompilationUnit:
        return false;
      default:
        break;
    }
  }
  return false;
}

// Position where a statement starts (for "one error per statement").
size_t statement_start(ParserRuleContext* c) {
  for (; c; c = parent_of(c)) {
    switch (c->getRuleIndex()) {
      case P::RuleImportDecl: case P::RuleConstDecl: case P::RuleDefDecl: case P::RuleSchemaField:
      case P::RuleEnumMember: case P::RuleLetItem: case P::RuleExcludeItem: case P::RuleSignalItem:
      case P::RuleTriggerItem: case P::RuleTierItem: case P::RuleGivenField:
        return c->getStart() ? c->getStart()->getTokenIndex() : static_cast<size_t>(-1);
      case P::RuleTestItem:
        if (!dynamic_cast<P::TestGivenContext*>(c))
          return c->getStart() ? c->getStart()->getTokenIndex() : static_cast<size_t>(-1);
        return static_cast<size_t>(-1);
      case P::RuleProfileDecl: case P::RuleGroupItem: case P::RuleTestDecl: case P::RuleSchemaDecl:
      case P::RuleEnumDecl: case P::RuleCompilationUnit:
        return static_cast<size_t>(-1);
      default:
        break;
    }
  }
  return static_cast<size_t>(-1);
}

std::string char_hint(const std::string& c) {
  if (c == ";") return ": ICP needs no `;`";
  if (c == "'") return ": strings are written in double quotes";
  if (c == "&") return ": write `and`";
  if (c == "|") return ": write `or`";
  if (c == "!") return ": write `not` (or `!=`)";
  if (c == "%") return ": a percentage is written right after its number, as in `15%`";
  if (c == "[" || c == "]") return ": sets are written with braces, as in `{\"a\", \"b\"}`";
  return "";
}

bool is_number(size_t t) { return in(t, kNumbers); }

// The keywords in an expected set (`signal`, `when`...), as written, with
// their token types.
std::vector<std::pair<std::string, size_t>> expected_keywords(const IntervalSet& expected) {
  std::vector<std::pair<std::string, size_t>> out;
  for (ssize_t t : expected.toList()) {
    if (t <= 0) continue;
    std::string lit = g_vocab->getLiteralName(static_cast<size_t>(t));
    if (lit.size() > 2 && lit.front() == '\'' && std::isalpha(static_cast<unsigned char>(lit[1])))
      out.emplace_back(lit.substr(1, lit.size() - 2), static_cast<size_t>(t));
  }
  return out;
}

// The keyword a misspelt word most likely is: a few edits away (one for a
// word of up to 4 letters, two for longer; none for a word under 3
// letters, which is likely a name), the closest first.
std::optional<std::pair<std::string, size_t>> closest_keyword(
    const std::string& word, const std::vector<std::pair<std::string, size_t>>& kws) {
  if (word.size() < 3) return std::nullopt;
  const size_t limit = word.size() <= 4 ? 1 : 2;
  std::optional<std::pair<std::string, size_t>> best;
  size_t best_d = limit + 1;
  for (const auto& k : kws) {
    size_t d = edit_distance(word, k.first);
    if (d < best_d) {
      best_d = d;
      best = k;
    }
  }
  return best;
}

// The keyword that a name token, where it is not expected, misspells.
std::optional<std::pair<std::string, size_t>> misspelt_keyword(const Token* t, const IntervalSet& expected) {
  if (!t || t->getType() != P::IDENT || expected.contains(static_cast<size_t>(P::IDENT))) return std::nullopt;
  return closest_keyword(t->getText(), expected_keywords(expected));
}

// The keywords that start a statement: declarations, profile items, test items.
const std::vector<std::pair<std::string, size_t>>& statement_keywords() {
  static const std::vector<std::pair<std::string, size_t>> kws = [] {
    std::vector<std::pair<std::string, size_t>> out;
    for (auto set : {kDecls, kItems, kTestItems, {P::K_EXPECT}})
      for (size_t t : set) {
        std::string lit = g_vocab->getLiteralName(t);
        out.emplace_back(lit.substr(1, lit.size() - 2), t);
      }
    return out;
  }();
  return kws;
}

}  // namespace

std::string describe_token_kind(size_t type, const antlr4::dfa::Vocabulary& vocab) {
  switch (type) {
    case Token::EOF: return "end of file";
    case P::IDENT: return "a name";
    case P::INT: case P::FLOAT: case P::MAGNITUDE: case P::PERCENT: return "a number";
    case P::STRING: case P::RAW_STRING: return "a string";
    case P::DATE: return "a date";
    case P::DURATION: return "a duration";
    default: break;
  }
  // The literal name is quoted: 'when' -> `when`.
  std::string lit = vocab.getLiteralName(type);
  if (lit.size() < 2 || lit.front() != '\'') return "a token";
  lit.front() = '`';
  lit.back() = '`';
  return lit;
}

std::string describe_token(const Token* t) {
  if (!t || t->getType() == Token::EOF) return "end of file";
  std::string text = t->getText();
  if (t->getType() == P::UNTERMINATED_STRING) return "an unterminated string";
  size_t n = count_code_points(text);
  if (n > 30) {
    size_t i = 0;
    for (int k = 0; k < 27; ++k) decode_utf8(text, i);
    text = text.substr(0, i) + "...";
  }
  return "`" + text + "`";
}

std::string ErrorStrategy::expected_phrase(Parser* p, const IntervalSet& expected,
                                           ParserRuleContext* ctx, Token* off) {
  std::vector<size_t> toks;
  for (ssize_t t : expected.toList())
    if (t >= 0 || t == static_cast<ssize_t>(Token::EOF)) toks.push_back(static_cast<size_t>(t));
  std::vector<std::string> groups;
  if (expected.contains(static_cast<size_t>(P::IDENT)) && expected.contains(static_cast<size_t>(P::INT)) && expected.contains(static_cast<size_t>(P::LPAREN))) {
    Token* prev = off ? cx_.previous_token(off->getTokenIndex()) : nullptr;
    std::string role = expr_role(ctx);
    size_t pt = prev ? prev->getType() : 0;
    if (prev && (in(pt, kOperators) || in(pt, {P::K_IF, P::K_THEN, P::K_ELSE, P::K_ANY, P::K_ALL, P::COMMA})) &&
        !(pt == P::LPAREN && ctx && ctx->getRuleIndex() == P::RuleOperand && role.empty()))
      groups.push_back(fmt::format("an expression after `{}`", prev->getText()));
    else if (!role.empty())
      groups.push_back("an expression (" + role + ")");
    else
      groups.push_back("an expression");
    remove_all(toks, kExprStart);
  } else if (expected.contains(static_cast<size_t>(P::IDENT)) && expected.contains(static_cast<size_t>(P::INT)) && expected.contains(static_cast<size_t>(P::K_MISSING))) {
    groups.push_back("a value (a number, string, date, `true`/`false`, enum member, set or `missing`)");
    remove_all(toks, kValueStart);
  }
  if (contains_all(expected, kDecls)) {
    groups.push_back(
        "a declaration (`import`, `enum`, `schema`, `const`, `def`, `profile`, `persona` or `test`)");
    remove_all(toks, kDecls);
  }
  if (contains_all(expected, kItems)) {
    groups.push_back(
        "a profile item (`let`, `exclude`, `signal`, `trigger`, `tier` or `group`)");
    remove_all(toks, kItems);
  }
  if (contains_all(expected, kTestItems)) {
    groups.push_back("`profile`, `persona`, `as_of`, `given` or `expect`");
    remove_all(toks, kTestItems);
  }
  if (contains_all(expected, kExpectations)) {
    groups.push_back(
        "what to expect (`tier`, `score`, `confidence`, `points`, `fired`, `unknown`, "
        "`excluded_by` or `excluded`)");
    remove_all(toks, kExpectations);
    remove_all(toks, {P::K_NOT});
  }
  if (contains_all(expected, kTypes)) {
    groups.push_back("a type");
    remove_all(toks, kTypes);
  }
  if (contains_all(expected, kCmpOps) && groups.empty()) {
    groups.push_back("a comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`)");
    remove_all(toks, kCmpOps);
  }
  // Operators that could continue the expression before are noise when
  // something else is expected as well.
  std::vector<size_t> rest = toks;
  remove_all(rest, kOperators);
  if (!rest.empty() || !groups.empty()) toks = rest;
  if (groups.empty() && toks.size() == 1) return one_token_phrase(toks[0], ctx);
  // A tier's name may be `excluded` only to be told that it cannot.
  ParserRuleContext* owner = skip_helpers(ctx);
  if (groups.empty() && toks.size() == 2 && in(toks[0], {P::IDENT, P::K_EXCLUDED}) &&
      in(toks[1], {P::IDENT, P::K_EXCLUDED}) && owner && owner->getRuleIndex() == P::RuleTierItem)
    return one_token_phrase(P::IDENT, ctx);
  if (groups.empty() && toks.size() == 2 && in(toks[0], {P::STRING, P::RAW_STRING}) &&
      in(toks[1], {P::STRING, P::RAW_STRING}))
    return one_token_phrase(P::STRING, ctx);
  std::vector<std::string> parts = groups;
  bool number = false, string = false;
  for (size_t t : toks) {
    if (in(t, kNumbers)) {
      if (number) continue;
      number = true;
    }
    if (t == P::STRING || t == P::RAW_STRING) {
      if (string) continue;
      string = true;
    }
    std::string d = describe_token_kind(t, *g_vocab);
    if ((t == P::RBRACE || t == P::RPAREN) && ctx) {
      std::string closing = one_token_phrase(t, ctx);
      if (closing != d) d = closing;
    }
    parts.push_back(d);
  }
  if (parts.empty()) return "something else";
  return join_or(parts);
}

void ErrorStrategy::note_lost_statement(Token* off, const IntervalSet* expected) {
  if (!expected || !ParseContext::is_real(off)) return;
  if (!contains_all(*expected, kItems) && !contains_all(*expected, kDecls) &&
      !contains_all(*expected, kTestItems))
    return;
  // `signl "Big" when ...`, `teir top when ...`, `profle P on A {`: the
  // label or name comes right after the word that should have started it.
  if (off->getTokenIndex() + 1 >= cx_.tokens->size()) return;
  Token* next = nullptr;
  for (size_t i = off->getTokenIndex() + 1; i < cx_.tokens->size(); ++i) {
    Token* t = cx_.tokens->get(i);
    if (t->getChannel() == Token::DEFAULT_CHANNEL) {
      next = t;
      break;
    }
  }
  if (!next || next->getLine() != off->getLine()) return;
  if (next->getType() == P::IDENT) {
    cx_.lost_names.push_back(next->getText());
  } else if (next->getType() == P::STRING || next->getType() == P::RAW_STRING) {
    // A label without escapes (the builder reports bad escapes, not this).
    std::string text = next->getText();
    if (next->getType() == P::STRING && text.size() >= 2 && text.find('\\') == std::string::npos)
      cx_.lost_names.push_back(text.substr(1, text.size() - 2));
  }
}

void ErrorStrategy::suspect(Token* off) {
  // `tier top when a = 3` parsed as `tier top when a`, `halflife 2 weeks` as
  // `halflife 2`: what the checker would say of them is not news.
  for (Token* b = cx_.previous_token(off->getTokenIndex()); b; b = cx_.previous_token(b->getTokenIndex()))
    if (in(b->getType(), kItems) || in(b->getType(), kDecls) || b->getType() == P::K_EXPECT) {
      cx_.suspect.push_back(cx_.span(b, off));
      return;
    }
}

bool ErrorStrategy::explain_mistake(Parser* p, Token* off, const IntervalSet* expected) {
  if (!ParseContext::is_real(off)) return false;
  const size_t type = off->getType();
  Token* prev = cx_.previous_token(off->getTokenIndex());
  auto next_of = [&](Token* t) -> Token* {
    for (size_t i = t->getTokenIndex() + 1; i < cx_.tokens->size(); ++i) {
      Token* n = cx_.tokens->get(i);
      if (n->getChannel() == Token::DEFAULT_CHANNEL) return n;
    }
    return nullptr;
  };
  auto glued = [&](Token* a, Token* b) { return cx_.token_end(a) == cx_.token_begin(b); };
  const bool wanted = expected && expected->contains(type);

  // `sector = technology`: `=` declares; `==` compares.
  auto ends_operand = [](size_t t) {
    return in(t, kNumbers) || in(t, {P::IDENT, P::DATE, P::DURATION, P::STRING, P::RAW_STRING, P::K_TRUE,
                                     P::K_FALSE, P::RPAREN, P::RBRACE, P::K_SCORE, P::K_CONFIDENCE,
                                     P::K_AS_OF, P::K_MISSING});
  };
  // Whether t is inside a condition or a value: a word that starts one
  // comes before it in its statement.
  auto in_expression = [&](Token* t) {
    for (Token* b = cx_.previous_token(t->getTokenIndex()); b; b = cx_.previous_token(b->getTokenIndex())) {
      size_t ty = b->getType();
      if (in(ty, {P::K_WHEN, P::K_ON, P::K_IF, P::K_THEN, P::K_ELSE, P::ARROW, P::K_AND, P::K_OR, P::K_NOT,
                  P::K_EXPECT, P::K_WITHIN}))
        return true;
      if (in(ty, kItems) || in(ty, kDecls) || in(ty, {P::LBRACE, P::RBRACE, P::ASSIGN, P::COLON}))
        return false;
    }
    return false;
  };
  if (type == P::ASSIGN && !wanted && prev && ends_operand(prev->getType()) && in_expression(off)) {
    cx_.report(diag::AssignForCompare, cx_.token_range(off))
        .fix(cx_.token_range(off), "==");
    suspect(off);
    return true;
  }

  // `within 6 months`: a duration is one word.
  Token* after = next_of(off);
  if (type == P::IDENT && prev && prev->getType() == P::INT && prev->getLine() == off->getLine() &&
      !(after && after->getType() == P::COLON)) {
    if (auto words = duration_words(prev->getText(), off->getText())) {
      SourceRange r = cx_.span(prev, off);
      std::string lit = words->substr(1, words->find('`', 1) - 1);
      cx_.report(diag::DurationInWords, r, *words).fix(r, lit);
      suspect(off);
      return true;
    }
  }

  // A missing `=>`: `signal "x" when a > 1 +10` reads `a > 1 + 10` as the
  // condition, and the points are gone.
  if (expected && expected->contains(static_cast<size_t>(P::ARROW)) && type != P::ARROW && prev) {
    Token* sign = cx_.previous_token(prev->getTokenIndex());
    Token* before = sign ? cx_.previous_token(sign->getTokenIndex()) : nullptr;
    if (is_number(prev->getType()) && sign && in(sign->getType(), {P::PLUS, P::MINUS}) &&
        glued(sign, prev) && before && !glued(before, sign) && sign->getLine() == prev->getLine()) {
      SourceRange r = cx_.span(sign, prev);
      std::string points = sign->getText() + prev->getText();
      cx_.report(diag::MissingArrowBefore, r, points)
          .fix(r, "=> " + points);
      return true;
    }
    if ((is_number(type) || (in(type, {P::PLUS, P::MINUS}) && next_of(off) &&
                             is_number(next_of(off)->getType()))) &&
        off->getLine() == prev->getLine()) {
      Token* last = is_number(type) ? off : next_of(off);
      SourceRange r = cx_.span(off, last);
      std::string points = is_number(type) ? off->getText() : off->getText() + last->getText();
      cx_.report(diag::MissingArrowBefore, r, points)
          .fix(cx_.token_range(off), "=> " + off->getText());
      return true;
    }
  }

  // `sector in (technology, finance)`: a set is written with braces.
  if (type == P::COMMA && expected && expected->contains(static_cast<size_t>(P::RPAREN))) {
    int depth = 0;
    Token* open = nullptr;
    for (Token* t = prev; t; t = cx_.previous_token(t->getTokenIndex())) {
      size_t ty = t->getType();
      if (ty == P::RPAREN || ty == P::RBRACE) ++depth;
      else if (ty == P::LPAREN || ty == P::LBRACE) {
        if (depth == 0) {
          open = ty == P::LPAREN ? t : nullptr;
          break;
        }
        --depth;
      } else if (in(ty, kItems) || in(ty, kDecls)) {
        break;
      }
    }
    Token* before = open ? cx_.previous_token(open->getTokenIndex()) : nullptr;
    if (before && in(before->getType(), {P::K_IN, P::K_ANY, P::K_ALL})) {
      Token* close = nullptr;
      depth = 0;
      for (Token* t = next_of(open); t && t->getType() != Token::EOF; t = next_of(t)) {
        size_t ty = t->getType();
        if (in(ty, kItems) || in(ty, kDecls)) break;
        if (ty == P::LPAREN || ty == P::LBRACE) ++depth;
        else if (ty == P::RPAREN || ty == P::RBRACE) {
          if (depth == 0) {
            close = ty == P::RPAREN ? t : nullptr;
            break;
          }
          --depth;
        }
      }
      const std::string& text = cx_.file.text();
      if (close) {
        uint32_t b = cx_.token_end(open), e = cx_.token_begin(close);
        std::string braces = "{" + text.substr(b, e - b) + "}";
        SourceRange r = cx_.span(open, close);
        cx_.report(diag::SetInParentheses, r, braces).fix(r, braces);
      } else {
        cx_.report(diag::SetInOpenParenthesis, cx_.token_range(open));
      }
      return true;
    }
  }

  // A misspelt keyword: `signl "x" when ...`, `signal "x" wen ...`.
  if (expected) {
    if (auto kw = misspelt_keyword(off, *expected)) {
      cx_.report(diag::MisspeltKeyword, cx_.token_range(off), off->getText(), kw->first)
          .fix(cx_.token_range(off), kw->first);
      return true;
    }
  }
  (void)p;
  return false;
}

void ErrorStrategy::report(Parser* p, Token* off, bool unwanted, const std::string& wanted,
                           bool after_previous, const IntervalSet* expected) {
  ++cx_.parse_errors;
  SourceRange r = cx_.token_range(off);
  Token* prev = ParseContext::is_real(off) ? cx_.previous_token(off->getTokenIndex()) : nullptr;
  if (after_previous && prev &&
      (off->getType() == Token::EOF || off->getLine() > prev->getLine())) {
    uint32_t e = cx_.token_end(prev);
    r = cx_.file.range(e, e);
  }
  // One error per statement: after an error, stay quiet until the parser
  // reaches the next token that starts a statement (in a schema, an enum or
  // a `given`, also a name at the start of a line: the next field).
  size_t stmt = statement_start(p->getContext());
  size_t index = ParseContext::is_real(off) ? off->getTokenIndex() : 0;
  if ((stmt != static_cast<size_t>(-1) && stmt == last_stmt_) || index < quiet_until_) return;
  last_stmt_ = stmt;
  quiet_until_ = index + 1;
  // When the offending token itself starts a statement (the previous one
  // ended too early), that next statement is checked normally.
  size_t oty = off ? off->getType() : 0;
  bool starts_statement = in(oty, kDecls) || in(oty, kItems) ||
                          in(oty, {P::K_EXPECT, P::K_GIVEN, P::K_AS_OF}) || oty == Token::EOF;
  const bool fields = !starts_statement && in_field_list(p->getContext());
  for (size_t i = index + 1; !starts_statement && i < cx_.tokens->size(); ++i) {
    Token* t = cx_.tokens->get(i);
    if (t->getChannel() != Token::DEFAULT_CHANNEL) continue;
    size_t ty = t->getType();
    quiet_until_ = i;
    if (ty == Token::EOF || in(ty, kDecls) || in(ty, kItems) ||
        in(ty, {P::K_EXPECT, P::K_GIVEN, P::K_AS_OF}))
      break;
    if (ty == P::IDENT) {
      Token* before = cx_.previous_token(i);
      bool line_start = !before || before->getLine() < t->getLine();
      // The next field; or a misspelt keyword that starts the next
      // statement (`exlcude "x" when ...`), itself worth an error.
      if (line_start && (fields || closest_keyword(t->getText(), statement_keywords())))
        break;
    }
  }

  // A broken literal is the real problem: say so (E0002) rather than what
  // the grammar expected.
  std::string text = off ? off->getText() : "";
  size_t type = off ? off->getType() : 0;
  SourceRange tr = cx_.token_range(off);
  if (type == P::UNTERMINATED_STRING) {
    cx_.report(diag::UnterminatedString, tr);
    return;
  }
  if (type == P::BAD_NUMBER) {
    report_bad_number(cx_.diags, tr, text);
    return;
  }
  if (type == P::BAD_DATE) {
    cx_.report(diag::InvalidDate, tr, text);
    return;
  }
  if (type == P::ERROR_CHAR) {
    cx_.report(diag::UnexpectedCharacter, tr, text, char_hint(text));
    return;
  }
  Token* before = ParseContext::is_real(off) ? cx_.previous_token(off->getTokenIndex()) : nullptr;
  note_lost_statement(off, expected);
  if (explain_mistake(p, off, expected)) return;
  if (type == P::LT && before &&
      in(before->getType(), {P::K_INT, P::K_FLOAT, P::K_BOOL, P::K_STRING, P::K_DATE, P::K_DURATION})) {
    cx_.report(diag::TypeTakesNoParameter, tr, before->getText());
    return;
  }
  if (in(type, kComparisons) && (!expected || !expected->contains(type))) {
    if (continues_comparison(cx_, off))
      cx_.report(diag::ChainedComparison, tr, text);
    else
      cx_.report(diag::ComparisonNeedsParens, tr, text);
    return;
  }
  if (unwanted)
    cx_.report(diag::UnexpectedToken, r, describe_token(off), wanted);
  else
    cx_.report(diag::ExpectedToken, r, wanted, describe_token(off));
}

void ErrorStrategy::reportNoViableAlternative(Parser* p, const antlr4::NoViableAltException& e) {
  Token* off = e.getOffendingToken();
  IntervalSet expected = e.getExpectedTokens();
  report(p, off, false, expected_phrase(p, expected, p->getContext(), off), true, &expected);
}

void ErrorStrategy::reportInputMismatch(Parser* p, const antlr4::InputMismatchException& e) {
  Token* off = e.getOffendingToken();
  IntervalSet expected = e.getExpectedTokens();
  report(p, off, false, expected_phrase(p, expected, p->getContext(), off), true, &expected);
}

void ErrorStrategy::reportFailedPredicate(Parser* p, const antlr4::FailedPredicateException& e) {
  // (The grammar has no semantic predicate: this never runs.)
  report(p, e.getOffendingToken(), true, "something else", false, nullptr);
}

void ErrorStrategy::reportUnwantedToken(Parser* p) {
  if (inErrorRecoveryMode(p)) return;
  beginErrorCondition(p);
  Token* off = p->getCurrentToken();
  IntervalSet expected = getExpectedTokens(p);
  report(p, off, true, expected_phrase(p, expected, p->getContext(), off), false, &expected);
}

void ErrorStrategy::reportMissingToken(Parser* p) {
  if (inErrorRecoveryMode(p)) return;
  beginErrorCondition(p);
  Token* off = p->getCurrentToken();
  IntervalSet expected = getExpectedTokens(p);
  report(p, off, false, expected_phrase(p, expected, p->getContext(), off), true, &expected);
}

ErrorStrategy::ErrorStrategy(ParseContext& cx) : cx_(cx) { g_vocab = cx.vocab; }

void ErrorStrategy::consumeUntil(Parser* p, const IntervalSet& set) {
  // Like ANTLR's, but a name only resynchronises at the start of a line:
  // names are everywhere in expressions, while a field, a member or a given
  // field after a broken one starts a new line.
  antlr4::TokenStream* in_stream = p->getTokenStream();
  for (size_t la = in_stream->LA(1); la != Token::EOF; la = in_stream->LA(1)) {
    if (set.contains(la) || la == P::IDENT) {
      Token* t = in_stream->LT(1);
      if (la != P::IDENT) break;
      Token* prev = cx_.previous_token(t->getTokenIndex());
      bool line_start = !prev || prev->getLine() < t->getLine();
      // A misspelt keyword at the start of a line starts the next statement.
      if (line_start && (set.contains(la) || closest_keyword(t->getText(), statement_keywords()))) break;
    }
    p->consume();
  }
}

antlr4::Token* ErrorStrategy::singleTokenDeletion(Parser* p) {
  // Never drop a token that starts a declaration or an item: what is missing
  // is before it, and the next statement must still parse.
  size_t la = p->getTokenStream()->LA(1);
  if (in(la, kDecls) || in(la, kItems) || in(la, {P::K_EXPECT, P::K_GIVEN, P::K_AS_OF})) return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(p);
}

bool ErrorStrategy::read_as_keyword(Parser* p, const IntervalSet& expected) {
  Token* t = p->getCurrentToken();
  auto kw = misspelt_keyword(t, expected);
  if (!kw) return false;
  // Reported (did you mean), then read as the keyword it misspells, so the
  // statement parses: `signl "Big" when ...` is still the signal "Big", and
  // a test that names it, or the checker, has nothing more to say.
  report(p, t, true, "", false, &expected);
  if (auto* w = dynamic_cast<antlr4::WritableToken*>(t)) w->setType(kw->second);
  // The statement now reads normally: what follows is not to be quietened.
  quiet_until_ = t->getTokenIndex() + 1;
  return true;
}

Token* ErrorStrategy::recoverInline(Parser* p) {
  if (!inErrorRecoveryMode(p) && read_as_keyword(p, getExpectedTokens(p))) {
    Token* t = p->getCurrentToken();
    reportMatch(p);
    p->consume();
    return t;
  }
  return DefaultErrorStrategy::recoverInline(p);
}

void ErrorStrategy::sync(Parser* p) {
  size_t la = p->getTokenStream()->LA(1);
  const bool recovering = inErrorRecoveryMode(p);
  if (recovering && la != P::IDENT) return;
  // (getATN(), not getInterpreter<>()->atn: that is a dynamic_cast, and
  // sync runs at every loop iteration of every rule.)
  antlr4::atn::ATNState* s = p->getATN().states[p->getState()];
  const IntervalSet& next = p->getATN().nextTokens(s);  // cached in the ATN: no copy
  if (next.contains(Token::EPSILON) || next.contains(la)) return;
  switch (s->getStateType()) {
    case antlr4::atn::ATNState::STAR_LOOP_ENTRY:
    case antlr4::atn::ATNState::STAR_LOOP_BACK:
    case antlr4::atn::ATNState::PLUS_LOOP_BACK: {
      if (recovering) {
        // Still skipping after an error: a misspelt keyword at the start of
        // a line (`teir top when ...`) starts the next statement.
        Token* t = p->getCurrentToken();
        Token* before = cx_.previous_token(t->getTokenIndex());
        if (before && before->getLine() < t->getLine() && read_as_keyword(p, next)) endErrorCondition(p);
        return;
      }
      // A stray token where a loop of items goes on: report it once and skip
      // to something that can continue the loop or what follows it, rather
      // than abandoning the whole block (ANTLR's default at loop entry).
      // A token that can follow the enclosing block (a declaration keyword
      // after a profile missing its `}`) ends the loop: the missing closer is
      // then reported once, by the match that expects it.
      if (read_as_keyword(p, next)) return;
      if (getErrorRecoverySet(p).contains(la)) return;
      reportUnwantedToken(p);
      IntervalSet expecting = p->getExpectedTokens();
      consumeUntil(p, expecting.Or(getErrorRecoverySet(p)));
      // Skipping stopped at a misspelt keyword (consumeUntil): it goes on
      // the loop as the keyword.
      if (p->getTokenStream()->LA(1) == P::IDENT && read_as_keyword(p, next)) endErrorCondition(p);
      return;
    }
    default:
      if (!recovering) DefaultErrorStrategy::sync(p);
  }
}

}  // namespace icp::syntax
