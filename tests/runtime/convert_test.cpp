// Tests of typed cell conversion (LANGUAGE.md section 8).
#include <gtest/gtest.h>

#include <cmath>

#include "icp/rt/convert.h"
#include "test_schemas.h"

using namespace icp::rt;
using namespace icp::rt::testing;

namespace {
int64_t I(std::string_view s) {
  int64_t v = -777;
  std::string reason;
  EXPECT_TRUE(parse_int_cell(s, v, reason)) << s << ": " << reason;
  return v;
}
double F(std::string_view s) {
  double v = -777;
  std::string reason;
  EXPECT_TRUE(parse_float_cell(s, v, reason)) << s << ": " << reason;
  return v;
}
std::string int_error(std::string_view s) {
  int64_t v;
  std::string reason;
  EXPECT_FALSE(parse_int_cell(s, v, reason)) << s << " read as " << v;
  return reason;
}
std::string float_error(std::string_view s) {
  double v;
  std::string reason;
  EXPECT_FALSE(parse_float_cell(s, v, reason)) << s << " read as " << v;
  return reason;
}
}  // namespace

TEST(ConvertInt, PlainAndSigned) {
  EXPECT_EQ(I("0"), 0);
  EXPECT_EQ(I("42"), 42);
  EXPECT_EQ(I("-42"), -42);
  EXPECT_EQ(I("+42"), 42);
  EXPECT_EQ(I("007"), 7);
  EXPECT_EQ(I("9223372036854775807"), INT64_MAX);
  EXPECT_EQ(I("-9223372036854775808"), INT64_MIN);
}

TEST(ConvertInt, ThousandsSeparators) {
  EXPECT_EQ(I("1,200"), 1200);
  EXPECT_EQ(I("1_200"), 1200);
  EXPECT_EQ(I("12,500,000"), 12500000);
  EXPECT_EQ(I("$12,500,000"), 12500000);
  EXPECT_EQ(I("-1,000"), -1000);
  int_error("1,20");
  int_error("1,2000");
  int_error("1234,567");
  int_error(",123");
  int_error("123,");
  int_error("1,,200");
}

TEST(ConvertInt, CurrencyExponentMagnitude) {
  EXPECT_EQ(I("$500"), 500);
  EXPECT_EQ(I("\xE2\x82\xAC" "500"), 500);  // €
  EXPECT_EQ(I("\xC2\xA3" "500"), 500);      // £
  EXPECT_EQ(I("-$5"), -5);
  EXPECT_EQ(I("$-5"), -5);
  EXPECT_EQ(I("2.5e7"), 25000000);
  EXPECT_EQ(I("1E3"), 1000);
  EXPECT_EQ(I("2.01k"), 2010);
  EXPECT_EQ(I("2.5k"), 2500);
  EXPECT_EQ(I("50M"), 50000000);
  EXPECT_EQ(I("50m"), 50000000);
  EXPECT_EQ(I("3B"), 3000000000);
  EXPECT_EQ(I("3b"), 3000000000);
  EXPECT_EQ(I("5 K"), 5000);
  EXPECT_EQ(I("$59.5 million"), 59500000);
  EXPECT_EQ(I("$3.7 billion"), 3700000000);
  EXPECT_EQ(I("12 Thousand"), 12000);
  EXPECT_EQ(I("1.5"  "e1"), 15);
  EXPECT_EQ(I("1200.00"), 1200);
}

TEST(ConvertInt, Rejections) {
  EXPECT_EQ(int_error("twelve"), "cannot read \"twelve\" as an int");
  EXPECT_EQ(int_error("12 people"), "cannot read \"12 people\" as an int");
  EXPECT_EQ(int_error("1.5"), "cannot read \"1.5\" as an int (not a whole number)");
  EXPECT_EQ(int_error("2.0001k"), "cannot read \"2.0001k\" as an int (not a whole number)");
  EXPECT_EQ(int_error("35%"), "cannot read \"35%\" as an int (a percentage is read only by a float field)");
  EXPECT_EQ(int_error("9223372036854775808"), "cannot read \"9223372036854775808\" as an int (out of range)");
  int_error("1e30");
  int_error("50Mb");
  int_error("3m2");
  int_error("90days");
  int_error("$");
  int_error("-");
  int_error(".");
  int_error("1.2.3");
  int_error("0x10");
  int_error("5e");
  int_error("5k%");
  int_error("$$5");
  int_error("1 2");
  int_error("nan");
  int_error("inf");
}

TEST(ConvertFloat, Forms) {
  EXPECT_EQ(F("1.5"), 1.5);
  EXPECT_EQ(F(".5"), 0.5);
  EXPECT_EQ(F("5."), 5.0);
  EXPECT_EQ(F("-0.25"), -0.25);
  EXPECT_EQ(F("35%"), 0.35);
  EXPECT_EQ(F("5%"), 0.05);
  EXPECT_EQ(F("23646%"), 236.46);
  EXPECT_EQ(F("12.5 %"), 0.125);
  EXPECT_EQ(F("2.5e7"), 25000000.0);
  EXPECT_EQ(F("$12,500,000"), 12500000.0);
  EXPECT_EQ(F("$59.5 million"), 59500000.0);
  EXPECT_EQ(F("2.01k"), 2010.0);
  EXPECT_EQ(F("0.1k"), 100.0);
  EXPECT_EQ(F("1.1M"), 1100000.0);  // exact: not 1.1 * 1e6 = 1100000.0000000002
  EXPECT_EQ(F("0.3"), 0.3);
  EXPECT_EQ(F("1e-400"), 0.0);
  EXPECT_EQ(F("4.9406564584124654e-324"), 5e-324);
  EXPECT_EQ(F("1.7976931348623157e308"), 1.7976931348623157e308);
  EXPECT_TRUE(std::signbit(F("-0")));
}

TEST(ConvertFloat, Rejections) {
  EXPECT_EQ(float_error("abc"), "cannot read \"abc\" as a float");
  EXPECT_EQ(float_error("1e309"), "cannot read \"1e309\" as a float (out of range)");
  float_error("35%%");
  float_error("% 35");
  float_error("1,5");
  float_error("NaN");
  float_error("Infinity");
}

TEST(ConvertDecimal, ExactRepresentation) {
  DecimalNumber d;
  ASSERT_TRUE(parse_decimal("-$1,200.50k", d));
  EXPECT_TRUE(d.negative);
  EXPECT_EQ(d.digits, "12005");
  EXPECT_EQ(d.exp10, 2);
  ASSERT_TRUE(parse_decimal("35%", d));
  EXPECT_EQ(d.digits, "35");
  EXPECT_EQ(d.exp10, -2);
  EXPECT_TRUE(d.percent);
  ASSERT_TRUE(parse_decimal("000", d));
  EXPECT_EQ(d.digits, "");
}

TEST(ConvertBool, AllForms) {
  for (const char* t : {"true", "TRUE", "True", "yes", "YES", "y", "Y", "1"}) {
    bool b = false;
    std::string r;
    EXPECT_TRUE(parse_bool_cell(t, b, r)) << t;
    EXPECT_TRUE(b) << t;
  }
  for (const char* f : {"false", "FALSE", "no", "No", "n", "N", "0"}) {
    bool b = true;
    std::string r;
    EXPECT_TRUE(parse_bool_cell(f, b, r)) << f;
    EXPECT_FALSE(b) << f;
  }
  bool b;
  std::string r;
  EXPECT_FALSE(parse_bool_cell("maybe", b, r));
  EXPECT_EQ(r, "cannot read \"maybe\" as a bool (expected true, false, yes, no, y, n, 1 or 0)");
  EXPECT_FALSE(parse_bool_cell("2", b, r));
  EXPECT_FALSE(parse_bool_cell("t", b, r));
  EXPECT_FALSE(parse_bool_cell("yess", b, r));
}

TEST(ConvertDate, FormsAndReasons) {
  int32_t d = 0;
  std::string r;
  EXPECT_TRUE(parse_date_value("2026-11-01", DateFormat::Ymd, d, r));
  EXPECT_EQ(d, 20758);
  EXPECT_TRUE(parse_date_value("2026-11-01T08:00:00Z", DateFormat::Ymd, d, r));
  EXPECT_EQ(d, 20758);
  EXPECT_FALSE(parse_date_value("11/01/2026", DateFormat::Ymd, d, r));
  EXPECT_EQ(r, "cannot read \"11/01/2026\" as a date (expected YYYY-MM-DD; --date-format mdy or dmy reads dates with slashes)");
  EXPECT_TRUE(parse_date_value("11/01/2026", DateFormat::Mdy, d, r));
  EXPECT_EQ(d, 20758);
  EXPECT_FALSE(parse_date_value("2026-02-30", DateFormat::Ymd, d, r));
  EXPECT_EQ(r, "cannot read \"2026-02-30\" as a date (expected YYYY-MM-DD)");
  EXPECT_FALSE(parse_date_value("2026-10-20 (approx)", DateFormat::Ymd, d, r));
  EXPECT_EQ(r, "cannot read \"2026-10-20 (approx)\" as a date (a date may be followed only by T or a space and a "
               "time hh:mm[:ss[.fff]], then Z, +hh:mm or -hh:mm if any)");
}

TEST(ConvertDuration, Forms) {
  int64_t d = 0;
  std::string r;
  EXPECT_TRUE(parse_duration_cell("90", d, r));
  EXPECT_EQ(d, 90);
  EXPECT_TRUE(parse_duration_cell("90d", d, r));
  EXPECT_EQ(d, 90);
  EXPECT_TRUE(parse_duration_cell("6w", d, r));
  EXPECT_EQ(d, 42);
  EXPECT_TRUE(parse_duration_cell("3mo", d, r));
  EXPECT_EQ(d, 90);
  EXPECT_TRUE(parse_duration_cell("1y", d, r));
  EXPECT_EQ(d, 365);
  EXPECT_FALSE(parse_duration_cell("90days", d, r));
  EXPECT_FALSE(parse_duration_cell("3m", d, r));
  EXPECT_FALSE(parse_duration_cell("d", d, r));
}

TEST(ConvertEnum, NamesAliasesDefault) {
  auto region = make_enum("Region", {"americas", "emea", "apac"});
  int32_t m = -1;
  std::string r;
  EXPECT_TRUE(parse_enum_cell("EMEA", *region, m, r));
  EXPECT_EQ(m, 1);
  EXPECT_TRUE(parse_enum_cell("apac", *region, m, r));
  EXPECT_EQ(m, 2);
  EXPECT_FALSE(parse_enum_cell("Mars", *region, m, r));
  EXPECT_EQ(r, "\"Mars\" is not a Region (expected one of americas, emea, apac)");

  auto industry = make_enum("Industry", {"information", "finance_insurance", "other"},
                            {{}, {"Finance and Insurance", "fintech"}}, 2);
  EXPECT_TRUE(parse_enum_cell("Finance and Insurance", *industry, m, r));
  EXPECT_EQ(m, 1);
  EXPECT_TRUE(parse_enum_cell("finance-insurance", *industry, m, r));
  EXPECT_EQ(m, 1);
  EXPECT_TRUE(parse_enum_cell("FINANCE  AND   INSURANCE", *industry, m, r));
  EXPECT_EQ(m, 1);
  EXPECT_TRUE(parse_enum_cell("FinTech", *industry, m, r));
  EXPECT_EQ(m, 1);
  EXPECT_TRUE(parse_enum_cell("biotech", *industry, m, r));
  EXPECT_EQ(m, 2);  // the default member

  auto stage = make_enum("FundingStage", {"seed", "series_a", "series_b"});
  EXPECT_TRUE(parse_enum_cell("Series B", *stage, m, r));
  EXPECT_EQ(m, 2);
  EXPECT_TRUE(parse_enum_cell("series-a", *stage, m, r));
  EXPECT_EQ(m, 1);
  auto article = make_enum("Industry", {"a"});
  EXPECT_FALSE(parse_enum_cell("zzz", *article, m, r));
  EXPECT_EQ(r, "\"zzz\" is not an Industry (expected one of a)");
}

TEST(ConvertEnum, LongMemberListIsShortened) {
  std::vector<std::string> members;
  for (int i = 0; i < 30; ++i) members.push_back("m" + std::to_string(i));
  auto e = make_enum("Country", members);
  int32_t m;
  std::string r;
  EXPECT_FALSE(parse_enum_cell("Atlantis", *e, m, r));
  EXPECT_EQ(r, "\"Atlantis\" is not a Country (expected one of m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, ...)");
}

TEST(ConvertEnum, BuildReportsConflicts) {
  EnumSpec e;
  e.name = "E";
  e.members = {"a_b", "c"};
  e.aliases = {{}, {"A-B"}};
  EXPECT_EQ(e.build(), "\"A-B\" names both a_b and c");
  EXPECT_EQ(e.find("a b"), 0);
  EXPECT_EQ(normalize_enum_text("  Series - B "), "series_b");
}

TEST(ConvertSet, SplitTrimDropDedupe) {
  std::vector<std::string_view> items;
  split_set_cell(" kubernetes ; terraform;;aws ; kubernetes ;", ";", items);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0], "kubernetes");
  EXPECT_EQ(items[1], "terraform");
  EXPECT_EQ(items[2], "aws");
  split_set_cell("a|b", "|", items);
  EXPECT_EQ(items.size(), 2u);
  split_set_cell("a;b", "|", items);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0], "a;b");
}

TEST(ConvertText, DispatchByKind) {
  ReadOptions o;
  Value v;
  std::string r;
  EXPECT_TRUE(convert_text("1,200", field("x", ValueKind::Int), o, v, r));
  EXPECT_EQ(v, Value::integer(1200));
  EXPECT_TRUE(convert_text("35%", field("x", ValueKind::Float), o, v, r));
  EXPECT_EQ(v, Value::real(0.35));
  EXPECT_TRUE(convert_text("Acme", field("x", ValueKind::String), o, v, r));
  EXPECT_EQ(v, Value::string("Acme"));
  EXPECT_TRUE(convert_text("yes", field("x", ValueKind::Bool), o, v, r));
  EXPECT_EQ(v, Value::boolean(true));
  EXPECT_TRUE(convert_text("2026-11-01", field("x", ValueKind::Date), o, v, r));
  EXPECT_EQ(v, Value::date(20758));
  EXPECT_TRUE(convert_text("6w", field("x", ValueKind::Duration), o, v, r));
  EXPECT_EQ(v, Value::duration(42));
  EXPECT_TRUE(convert_text("mainframe; sap", field("x", ValueKind::StringSet), o, v, r));
  EXPECT_EQ(v, Value::set({"mainframe", "sap"}));
  EXPECT_TRUE(convert_text("[\"a\", \" b \", \"a\"]", field("x", ValueKind::StringSet), o, v, r));
  EXPECT_EQ(v, Value::set({"a", "b"}));
  EXPECT_TRUE(convert_text("[beta]", field("x", ValueKind::StringSet), o, v, r));  // not JSON: split
  EXPECT_EQ(v, Value::set({"[beta]"}));
  o.list_sep = "|";
  EXPECT_TRUE(convert_text("a|b", field("x", ValueKind::StringSet), o, v, r));
  EXPECT_EQ(v, Value::set({"a", "b"}));
  FieldSpec e = field("region", ValueKind::Enum);
  auto region = make_enum("Region", {"americas", "emea", "apac"});
  e.enum_spec = region.get();
  EXPECT_TRUE(convert_text("Emea", e, o, v, r));
  EXPECT_EQ(v, Value::enumeration(1));
  EXPECT_FALSE(convert_text("twelve", field("x", ValueKind::Int), o, v, r));
  EXPECT_EQ(r, "cannot read \"twelve\" as an int");
}

TEST(ConvertMessages, LongTextIsShortened) {
  std::string long_text(100, 'x');
  EXPECT_EQ(quote_for_message(long_text), "\"" + std::string(60, 'x') + "...\"");
  EXPECT_EQ(quote_for_message("a\nb"), "\"a\\nb\"");
}
