// Bounded lists of names in messages (icp/rt/name_list.h).
#include "icp/rt/name_list.h"

#include <gtest/gtest.h>

namespace {

using icp::rt::name_list;

std::vector<std::string> names(size_t n) {
  std::vector<std::string> v;
  for (size_t i = 0; i < n; ++i) v.push_back("p" + std::to_string(i));
  return v;
}

TEST(NameList, ShortListsAreWhole) {
  EXPECT_EQ(name_list({}), "");
  EXPECT_EQ(name_list({"a"}), "a");
  EXPECT_EQ(name_list({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(name_list({"a", "b", "c"}, true), "a, b and c");
  EXPECT_EQ(name_list({"a"}, true), "a");
  EXPECT_EQ(name_list(names(5)), "p0, p1, p2, p3, p4");
}

TEST(NameList, LongListsStopAfterAFewNames) {
  EXPECT_EQ(name_list(names(6)), "p0, p1, p2, p3, p4 and 1 more");
  EXPECT_EQ(name_list(names(6), true), "p0, p1, p2, p3, p4 and 1 more");
  std::string big = name_list(names(10000));
  EXPECT_EQ(big, "p0, p1, p2, p3, p4 and 9995 more");
  EXPECT_EQ(name_list(names(4), false, 2), "p0, p1 and 2 more");
}

}  // namespace
