// The C functions both engines call (icp/rt_calls.h): regexes are partial
// matches, compiled once per context, and run once per distinct string of a
// batch (dictionary-encoded input shares the bytes of equal strings).
#include "icp/rt_calls.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

icp_str str(const std::string& s) { return icp_str{s.data(), s.size()}; }

TEST(RtCalls, MatchesIsAPartialMatch) {
  const char* pats[] = {R"((?i)\bvp\b)", "^cfo$"};
  icp_rt_ctx* ctx = icp_rt_ctx_new(pats, 2);
  std::string a = "SVP, VP Sales", b = "svp", c = "cfo", d = "acting cfo";
  icp_str sa = str(a), sb = str(b), sc = str(c), sd = str(d);
  EXPECT_EQ(icp_rt_matches(ctx, 0, &sa), 1);
  EXPECT_EQ(icp_rt_matches(ctx, 0, &sb), 0);
  EXPECT_EQ(icp_rt_matches(ctx, 1, &sc), 1);
  EXPECT_EQ(icp_rt_matches(ctx, 1, &sd), 0);
  icp_rt_ctx_free(ctx);
}

TEST(RtCalls, MatchesRunsOncePerDistinctStringOfABatch) {
  const char* pats[] = {"(?i)engineer"};
  icp_rt_ctx* ctx = icp_rt_ctx_new(pats, 1);
  // A dictionary of three titles and 3,000 rows pointing into it.
  std::vector<std::string> dict = {"Staff Engineer", "CFO", "Engineering Manager"};
  int hits = 0;
  for (int r = 0; r < 3000; ++r) {
    icp_str s = str(dict[r % 3]);
    hits += icp_rt_matches(ctx, 0, &s);
  }
  EXPECT_EQ(hits, 2000);
  EXPECT_EQ(icp_rt_ctx_regex_runs(ctx), 3u);
  // After a reset (the next batch) the memo is gone, and results stay right
  // even if the same address now holds other text.
  icp_rt_ctx_reset(ctx);
  dict[1] = "Engineer";
  icp_str s = str(dict[1]);
  EXPECT_EQ(icp_rt_matches(ctx, 0, &s), 1);
  EXPECT_EQ(icp_rt_ctx_regex_runs(ctx), 4u);
  icp_rt_ctx_free(ctx);
}

TEST(RtCalls, DomainAndLowerGoThroughTheBuiltins) {
  icp_rt_ctx* ctx = icp_rt_ctx_new(nullptr, 0);
  std::string in = "Jo Smith <jo@GMail.com>";
  icp_str s = str(in), out{};
  icp_rt_domain(ctx, &s, &out);
  EXPECT_EQ(std::string(out.ptr, out.len), "gmail.com");
  std::string t = "ÉCOLE";
  icp_str st = str(t);
  icp_rt_lower(ctx, &st, &out);
  EXPECT_EQ(std::string(out.ptr, out.len), "école");
  icp_rt_ctx_free(ctx);
}

}  // namespace
