// The formatter's ICP string quoter (fmt/quote.h): every value it quotes
// parses back, through the real parser, to exactly that value, with ICP's
// escapes only (LANGUAGE.md section 2: \" \\ \n \t \u{...}).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fmt/quote.h"
#include "fmt_support.h"
#include "icp/rt/utf8.h"

namespace {

using icp::formatter::quote_string;

// The value of `const S = <literal>` as the parser reads it, or the errors.
std::string parse_back(const std::string& literal, std::string* errors) {
  fmt_test::Parsed p = fmt_test::parse("quote.icp", "const S = " + literal + "\n");
  *errors = p.errors;
  if (!p.errors.empty() || !p.module || p.module->decls.size() != 1) return "<no module>";
  const auto* c = p.module->decls[0]->as<icp::ast::ConstDecl>();
  if (!c || !c->value) return "<no const>";
  const auto* s = c->value->as<icp::ast::StringLit>();
  if (!s) return "<not a string>";
  EXPECT_FALSE(s->raw);
  EXPECT_EQ(s->text, literal);
  return s->value;
}

void expect_round_trip(const std::string& value) {
  std::string q = quote_string(value), errors;
  EXPECT_EQ(parse_back(q, &errors), value) << "quoted as " << q;
  EXPECT_EQ(errors, "") << "quoted as " << q;
}

TEST(QuoteString, UsesIcpEscapesNotJsonOnes) {
  EXPECT_EQ(quote_string(""), "\"\"");
  EXPECT_EQ(quote_string("plain é 😀"), "\"plain é 😀\"");
  EXPECT_EQ(quote_string("say \"hi\" \\ n"), "\"say \\\"hi\\\" \\\\ n\"");
  EXPECT_EQ(quote_string("a\nb\tc"), "\"a\\nb\\tc\"");
  // JSON would write \r, \b, \f and \u0001; ICP has none of them.
  EXPECT_EQ(quote_string("\r\b\f\x01\x1f\x7f"), "\"\\u{D}\\u{8}\\u{C}\\u{1}\\u{1F}\\u{7F}\"");
  EXPECT_EQ(quote_string(std::string(1, '\0')), "\"\\u{0}\"");
}

TEST(QuoteString, JsonQuotingWouldNotParse) {
  // Why the formatter has its own quoter: a JSON escape is an ICP error.
  for (const char* json : {"\"a\\rb\"", "\"\\b\"", "\"\\u000d\""}) {
    std::string errors;
    parse_back(json, &errors);
    EXPECT_NE(errors.find("E0002"), std::string::npos) << json << ": " << errors;
  }
}

TEST(QuoteString, EveryAsciiCharacterRoundTrips) {
  for (int c = 0; c < 0x80; ++c) {
    expect_round_trip(std::string(1, char(c)));
    expect_round_trip("x" + std::string(1, char(c)) + "\\u{41}");
  }
}

TEST(QuoteString, RandomStringsRoundTrip) {
  // Code points from every UTF-8 length, with the characters that need care
  // (quotes, backslashes, controls, `{`/`}` after a backslash) over-weighted.
  const uint32_t tricky[] = {'"', '\\', '\n', '\t', '\r', 0, 0x1F, 0x7F, 'u', '{', '}', 'r', '#'};
  std::mt19937 rng(20261205);
  for (int round = 0; round < 2000; ++round) {
    std::string value;
    int n = int(rng() % 12);
    for (int i = 0; i < n; ++i) {
      uint32_t cp;
      switch (rng() % 5) {
        case 0: cp = tricky[rng() % std::size(tricky)]; break;
        case 1: cp = 0x20 + rng() % 0x5F; break;
        case 2: cp = 0x80 + rng() % 0x780; break;
        case 3: cp = 0x800 + rng() % 0xD000; break;  // below the surrogates
        default: cp = 0x10000 + rng() % 0x100000; break;
      }
      icp::rt::utf8_append(value, cp);
    }
    expect_round_trip(value);
    if (HasFailure()) break;
  }
}

}  // namespace
