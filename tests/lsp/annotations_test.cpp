// The inline markers of tests/lsp/annotations.h.
#include "annotations.h"

#include <gtest/gtest.h>

namespace {

using icp::test::Annotations;
using icp::test::Range;

TEST(Annotations, PointsAndRangesAreOffsetsInTheTextWithoutMarkers) {
  Annotations a("let ^x = $call[[f($arg^y)]] + [[z]]");
  EXPECT_EQ(a.code(), "let x = f(y) + z");
  EXPECT_EQ(a.point(), 4u);
  EXPECT_EQ(a.point("arg"), 10u);
  EXPECT_EQ(a.range("call"), (Range{8, 12}));
  EXPECT_EQ(a.range(), (Range{15, 16}));
  EXPECT_EQ(a.code().substr(a.range("call").begin, 4), "f(y)");
}

TEST(Annotations, NestedAndEmptyRangesAndSeveralUnnamedOnes) {
  Annotations a("[[a $in[[b]] c]]^ [[]]^");
  EXPECT_EQ(a.code(), "a b c ");
  EXPECT_EQ(a.range("in"), (Range{2, 3}));
  EXPECT_EQ(a.ranges(), (std::vector<Range>{{0, 5}, {6, 6}}));
  EXPECT_EQ(a.points(), (std::vector<uint32_t>{5, 6}));
  EXPECT_TRUE(a.points("none").empty());
  // Offsets are bytes: a multi-byte character before a marker counts its bytes.
  EXPECT_EQ(Annotations("\xC3\xA9^").point(), 2u);
}

TEST(Annotations, MistakesAreErrorsNotSilentPositions) {
  EXPECT_THROW(Annotations("a ]] b"), std::invalid_argument);
  EXPECT_THROW(Annotations("a [[ b"), std::invalid_argument);
  EXPECT_THROW(Annotations("a $ b"), std::invalid_argument);      // `$` starts no marker
  EXPECT_THROW(Annotations("a $x b"), std::invalid_argument);     // a name without ^ or [[
  EXPECT_THROW(Annotations("$x^ a $x^"), std::invalid_argument);  // a name used twice
  Annotations two("^a^");
  EXPECT_THROW(two.point(), std::invalid_argument);                // two unnamed: which one?
  EXPECT_THROW(two.point("missing"), std::invalid_argument);
  EXPECT_THROW(two.range(), std::invalid_argument);
  try {
    two.point("cursor");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "the text has no point named `cursor`; exactly one was asked for");
  }
}

}  // namespace
