// Tests of JavaScript-style number printing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "icp/rt/jsnum.h"

using icp::rt::format_js_number;

TEST(JsNumber, Integers) {
  EXPECT_EQ(format_js_number(80), "80");
  EXPECT_EQ(format_js_number(0), "0");
  EXPECT_EQ(format_js_number(-0.0), "0");
  EXPECT_EQ(format_js_number(-10), "-10");
  EXPECT_EQ(format_js_number(25000000), "25000000");
  EXPECT_EQ(format_js_number(1e20), "100000000000000000000");
  EXPECT_EQ(format_js_number(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(format_js_number(9007199254740993.0), "9007199254740992");
}

TEST(JsNumber, Fractions) {
  EXPECT_EQ(format_js_number(62.5), "62.5");
  EXPECT_EQ(format_js_number(2.5), "2.5");
  EXPECT_EQ(format_js_number(0.8333333333333334), "0.8333333333333334");
  EXPECT_EQ(format_js_number(5.0 / 6.0), "0.8333333333333334");
  EXPECT_EQ(format_js_number(2.0 / 3.0), "0.6666666666666666");
  EXPECT_EQ(format_js_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_js_number(0.0001), "0.0001");
  EXPECT_EQ(format_js_number(0.000001), "0.000001");
  EXPECT_EQ(format_js_number(-1.5), "-1.5");
  EXPECT_EQ(format_js_number(123.456), "123.456");
}

TEST(JsNumber, ExponentForms) {
  EXPECT_EQ(format_js_number(1e21), "1e+21");
  EXPECT_EQ(format_js_number(1.5e21), "1.5e+21");
  EXPECT_EQ(format_js_number(1e-7), "1e-7");
  EXPECT_EQ(format_js_number(1.25e-7), "1.25e-7");
  EXPECT_EQ(format_js_number(5e-324), "5e-324");
  EXPECT_EQ(format_js_number(-5e-324), "-5e-324");
  EXPECT_EQ(format_js_number(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(format_js_number(2.2250738585072014e-308), "2.2250738585072014e-308");
}

TEST(JsNumber, NonFinite) {
  EXPECT_EQ(format_js_number(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_js_number(INFINITY), "Infinity");
  EXPECT_EQ(format_js_number(-INFINITY), "-Infinity");
  std::string s;
  icp::rt::append_json_number(s, NAN);
  EXPECT_EQ(s, "null");
}

TEST(JsNumber, RoundTripsRandomDoubles) {
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    double d;
    std::memcpy(&d, &x, sizeof d);
    if (!std::isfinite(d)) continue;
    std::string s = format_js_number(d);
    ASSERT_EQ(std::strtod(s.c_str(), nullptr), d == 0 ? 0.0 : d) << s;
  }
}
