// Tests of the string built-ins, UTF-8 helpers and checked arithmetic.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "icp/rt/arena.h"
#include "icp/rt/builtins.h"
#include "icp/rt/utf8.h"

using namespace icp::rt;

TEST(Builtins, LowerUpper) {
  EXPECT_EQ(str_lower("Hello WORLD 123"), "hello world 123");
  EXPECT_EQ(str_upper("Hello world"), "HELLO WORLD");
  EXPECT_EQ(str_lower("ÉCOLE Ärger ÖL ÜBER"), "école ärger öl über");
  EXPECT_EQ(str_upper("école ärger straße"), "ÉCOLE ÄRGER STRAßE");  // ß unchanged
  EXPECT_EQ(str_lower("ŁÓDŹ"), "łódź");
  EXPECT_EQ(str_upper("łódź"), "ŁÓDŹ");
  EXPECT_EQ(str_lower("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(str_lower("МОСКВА Ё"), "москва ё");
  EXPECT_EQ(str_upper("москва ё"), "МОСКВА Ё");
  EXPECT_EQ(str_lower("×÷"), "×÷");
  EXPECT_EQ(str_upper("ÿ"), "Ÿ");
  EXPECT_EQ(str_lower("Ÿ"), "ÿ");
  EXPECT_EQ(str_lower("日本 ABC 😀"), "日本 abc 😀");
  EXPECT_EQ(str_lower(std::string("A\xFF" "B")), std::string("a\xFF" "b"));  // invalid byte kept
}

TEST(Builtins, TrimAndLen) {
  EXPECT_EQ(str_trim("  acme \t\r\n"), "acme");
  EXPECT_EQ(str_trim("\xC2\xA0" "acme" "\xE3\x80\x80"), "acme");  // NBSP, ideographic space
  EXPECT_EQ(str_trim("   "), "");
  EXPECT_EQ(str_trim("a b"), "a b");
  EXPECT_EQ(str_len("abc"), 3);
  EXPECT_EQ(str_len("école"), 5);
  EXPECT_EQ(str_len("😀x"), 2);
  EXPECT_EQ(str_len(""), 0);
}

TEST(Builtins, Predicates) {
  EXPECT_TRUE(str_starts_with("kubernetes", "kube"));
  EXPECT_FALSE(str_starts_with("kube", "kubernetes"));
  EXPECT_TRUE(str_ends_with("acme.io", ".io"));
  EXPECT_TRUE(str_contains("VP Engineering", "Eng"));
  EXPECT_FALSE(str_contains("VP Engineering", "eng"));  // code points, exact
  EXPECT_TRUE(str_contains("abc", ""));
}

TEST(Builtins, Domain) {
  EXPECT_EQ(str_domain("Jo@GMail.com"), "gmail.com");
  EXPECT_EQ(str_domain("https://www.stock.walmart.com/x"), "stock.walmart.com");
  EXPECT_EQ(str_domain("www.amazon.com"), "amazon.com");
  EXPECT_EQ(str_domain("https://www.cvshealth.com"), "cvshealth.com");
  EXPECT_EQ(str_domain("http://circuithub.com"), "circuithub.com");
  EXPECT_EQ(str_domain("HTTP://Example.COM:8080/path?q=1#f"), "example.com");
  EXPECT_EQ(str_domain("https://user:pw@www.example.org/"), "example.org");
  EXPECT_EQ(str_domain("example.org."), "example.org");
  EXPECT_EQ(str_domain("  acme.io  "), "acme.io");
  EXPECT_EQ(str_domain("mailto:sales@Acme.IO"), "acme.io");
  EXPECT_EQ(str_domain("Jo Smith <jo@Acme.com>"), "acme.com");
  EXPECT_EQ(str_domain("Jo <jo@X.com"), "x.com");  // unclosed bracket
  EXPECT_EQ(str_domain("//cdn.example.com/a.js"), "cdn.example.com");
  EXPECT_EQ(str_domain("www2.example.com"), "www2.example.com");
  EXPECT_EQ(str_domain(""), "");
}

TEST(Builtins, Round) {
  int64_t r;
  ASSERT_TRUE(checked_round(2.5, r));
  EXPECT_EQ(r, 3);
  ASSERT_TRUE(checked_round(-2.5, r));
  EXPECT_EQ(r, -3);
  ASSERT_TRUE(checked_round(2.4999, r));
  EXPECT_EQ(r, 2);
  ASSERT_TRUE(checked_round(-0.4, r));
  EXPECT_EQ(r, 0);
  ASSERT_TRUE(checked_round(0.49999999999999994, r));
  EXPECT_EQ(r, 0);
  EXPECT_FALSE(checked_round(NAN, r));
  EXPECT_FALSE(checked_round(INFINITY, r));
  EXPECT_FALSE(checked_round(1e19, r));
  EXPECT_TRUE(checked_round(-9223372036854775808.0, r));
  EXPECT_EQ(r, INT64_MIN);
}

TEST(Builtins, CheckedArithmetic) {
  int64_t r;
  EXPECT_TRUE(checked_add(1, 2, r));
  EXPECT_EQ(r, 3);
  EXPECT_FALSE(checked_add(INT64_MAX, 1, r));
  EXPECT_FALSE(checked_sub(INT64_MIN, 1, r));
  EXPECT_TRUE(checked_mul(-4, 5, r));
  EXPECT_EQ(r, -20);
  EXPECT_FALSE(checked_mul(INT64_MAX / 2 + 1, 2, r));
  EXPECT_FALSE(checked_neg(INT64_MIN, r));
  EXPECT_FALSE(checked_abs(INT64_MIN, r));
  EXPECT_TRUE(checked_abs(-7, r));
  EXPECT_EQ(r, 7);
  double d;
  EXPECT_TRUE(checked_log(std::exp(1.0), d));
  EXPECT_DOUBLE_EQ(d, 1.0);
  EXPECT_FALSE(checked_log(0, d));
  EXPECT_FALSE(checked_log(-1, d));
  EXPECT_FALSE(checked_log(NAN, d));
  EXPECT_FALSE(finite_result(INFINITY));
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(utf8_valid("plain ascii text that is long enough"));
  EXPECT_TRUE(utf8_valid("école 日本 😀"));
  EXPECT_EQ(utf8_invalid_at("abc\xFF"), 3u);
  EXPECT_EQ(utf8_invalid_at("\xC0\xAF"), 0u);          // overlong
  EXPECT_EQ(utf8_invalid_at("ab\xED\xA0\x80"), 2u);    // surrogate
  EXPECT_EQ(utf8_invalid_at("\xF4\x90\x80\x80"), 0u);  // > U+10FFFF
  EXPECT_EQ(utf8_invalid_at("\xE6\x97"), 0u);          // truncated
  EXPECT_EQ(utf8_invalid_at("0123456789\x80"), 10u);
}

TEST(Arena, StablePointers) {
  Arena a(16);
  std::string_view first = a.copy("hello");
  for (int i = 0; i < 100; ++i) a.copy("some longer text that needs blocks");
  EXPECT_EQ(first, "hello");
  a.reset();
  EXPECT_EQ(a.bytes_used(), 0u);
  EXPECT_EQ(a.copy("x"), "x");
}
