// Strings and sets through icp/rt_calls.h: has / has any / has all,
// matches (regex table in the runtime context), comparisons, lower/len/
// starts_with/contains/domain/count/trim, lower() of a set.
#include "ir_fixture.h"

namespace icp::test {

using Set = std::vector<std::string>;

TEST(Strings, SetMembership) {
  IrBuilder ib;
  ib.field("tech", VType::StrSet);
  ValueId t = ib.load(0);
  ib.probe("has datadog", ib.op2(Op::SetHas, VType::Bool, t, ib.cs("datadog")));
  ib.probe("has all", ib.op2(Op::SetHasAll, VType::Bool, t, ib.cset({"kubernetes", "terraform"})));
  ib.probe("has any", ib.op2(Op::SetHasAny, VType::Bool, t, ib.cset({"mainframe", "cobol"})));
  ib.probe("count>=2", ib.cmp(Pred::Ge, VType::Int, ib.call(CallKind::Count, VType::Int, {t}), ib.ci(2)));
  ValueId low = ib.call(CallKind::LowerSet, VType::StrSet, {t});
  ib.probe("lower has", ib.op2(Op::SetHas, VType::Bool, low, ib.cs("aws")));
  auto r = run(ib, {{Set{"kubernetes", "terraform", "AWS"}},
                    {Set{"datadog", "cobol"}},
                    {Set{}},
                    {none()}});
  EXPECT_EQ(r.st(0, 0), F);
  EXPECT_EQ(r.st(0, 1), T);
  EXPECT_EQ(r.st(0, 2), F);
  EXPECT_EQ(r.st(0, 3), T);
  EXPECT_EQ(r.st(0, 4), T);
  EXPECT_EQ(r.st(1, 0), T);
  EXPECT_EQ(r.st(1, 1), F);
  EXPECT_EQ(r.st(1, 2), T);
  EXPECT_EQ(r.st(2, 3), F);
  EXPECT_EQ(r.st(2, 4), F);
  for (size_t k = 0; k < 5; ++k) EXPECT_EQ(r.st(3, k), U) << k;
}

TEST(Strings, MatchesAndComparisons) {
  IrBuilder ib;
  ib.field("title", VType::Str);
  ib.field("email", VType::Str);
  ValueId t = ib.load(0), e = ib.load(1);
  ib.probe("sre", ib.matches(t, R"((?i)\bsre\b|site reliability)"));
  ib.probe("anchored", ib.matches(t, "^VP"));
  ib.probe("eq", ib.cmp(Pred::Eq, VType::Str, t, ib.cs("VP Engineering")));
  ib.probe("lt", ib.cmp(Pred::Lt, VType::Str, t, ib.cs("M")));
  ValueId low = ib.call(CallKind::Lower, VType::Str, {t});
  ib.probe("lower eq", ib.cmp(Pred::Eq, VType::Str, low, ib.cs("vp engineering")));
  ib.probe("len", ib.cmp(Pred::Eq, VType::Int, ib.call(CallKind::Len, VType::Int, {t}), ib.ci(8)));
  ib.probe("starts", ib.call(CallKind::StartsWith, VType::Bool, {t, ib.cs("VP")}));
  ib.probe("contains", ib.call(CallKind::Contains, VType::Bool, {t, ib.cs("ngin")}));
  ValueId dom = ib.call(CallKind::Domain, VType::Str, {e});
  ib.probe("domain", ib.cmp(Pred::Eq, VType::Str, dom, ib.cs("acme.io")));
  ValueId tr = ib.call(CallKind::Trim, VType::Str, {e});
  ib.probe("trim", ib.cmp(Pred::Eq, VType::Str, tr, ib.cs("jo@www.acme.io")));
  ValueId up = ib.call(CallKind::Upper, VType::Str, {t});
  ib.probe("upper ends", ib.call(CallKind::EndsWith, VType::Bool, {up, ib.cs("ING")}));
  auto r = run(ib, {{std::string("VP Engineering"), std::string("  jo@www.acme.io ")},
                    {std::string("Sr. SRE"), none()},
                    {none(), std::string("https://acme.io/x")},
                    {std::string("Größe ÄÖ"), std::string("")}});
  EXPECT_EQ(r.st(0, 0), F);
  EXPECT_EQ(r.st(0, 1), T);
  EXPECT_EQ(r.st(0, 2), T);
  EXPECT_EQ(r.st(0, 3), F);
  EXPECT_EQ(r.st(0, 4), T);
  EXPECT_EQ(r.st(0, 5), F);
  EXPECT_EQ(r.st(0, 6), T);
  EXPECT_EQ(r.st(0, 7), T);
  EXPECT_EQ(r.st(0, 8), T);
  EXPECT_EQ(r.st(0, 9), T);
  EXPECT_EQ(r.st(0, 10), T);
  EXPECT_EQ(r.st(1, 0), T);
  EXPECT_EQ(r.st(1, 3), F);  // "Sr. SRE" > "M"
  EXPECT_EQ(r.st(1, 8), U);
  EXPECT_EQ(r.st(2, 0), U);
  EXPECT_EQ(r.st(2, 8), T);
  EXPECT_EQ(r.st(3, 5), T);  // 8 code points
}

}  // namespace icp::test
