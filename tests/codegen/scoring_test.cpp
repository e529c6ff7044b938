// The scoring tail of ir.h: rule states, points only when fired, group
// caps, sums in `order`, confidence, excludes, tiers over score/confidence.
#include "ir_fixture.h"

namespace icp::test {

TEST(Scoring, GroupsCapsTiersConfidence) {
  IrBuilder ib;
  ib.field("x", VType::Int);
  ib.field("y", VType::Int);
  ValueId x = ib.load(0), y = ib.load(1);
  auto gt = [&](ValueId v, int64_t n) { return ib.cmp(Pred::Gt, VType::Int, v, ib.ci(n)); };
  ib.exclude("neg x", ib.cmp(Pred::Lt, VType::Int, x, ib.ci(0)));
  int g = ib.group("capped", 30.0);
  ib.signal("x>1", gt(x, 1), ib.cf(25), g);
  ib.signal("x>2", gt(x, 2), ib.cf(25), g);
  ib.signal("y>1", gt(y, 1), ib.cf(0.1));
  int h = ib.group("plain");
  ib.signal("y>2", gt(y, 2), ib.cf(0.2), h);
  ib.signal("y<0", ib.cmp(Pred::Lt, VType::Int, y, ib.ci(0)), ib.cf(-7), h);
  ib.begin_tiers();
  ValueId s = ib.add({.op = Op::Score, .type = VType::Float});
  ValueId c = ib.add({.op = Op::Confidence, .type = VType::Float});
  ib.tier("top", ib.cmp(Pred::Ge, VType::Float, s, ib.cf(30.3)));
  ib.tier("mid", ib.cmp(Pred::Ge, VType::Float, s, ib.cf(25)));
  ib.tier("sure", ib.cmp(Pred::Ge, VType::Float, c, ib.cf(1)));
  auto r = run(ib, {{int64_t(3), int64_t(3)},
                    {int64_t(2), none()},
                    {int64_t(-1), int64_t(-1)},
                    {none(), none()}});
  // row 0: 50 capped at 30, + 0.1 + 0.2 (in order: 0 + 30 + 0.1 + (0 + 0.2 + 0))
  double want0 = ((0.0 + 30.0) + 0.1) + ((0.0 + 0.2) + 0.0);
  EXPECT_EQ(r.score[0], want0);
  EXPECT_EQ(r.tier[0], 0);
  EXPECT_EQ(r.pts(0, 1), 25.0);  // before the cap
  EXPECT_EQ(r.st(0, 0), F);
  EXPECT_EQ(r.confidence[0], 1.0);
  // row 1: 25, y unknown -> three unknown signals of five
  EXPECT_EQ(r.score[1], 25.0);
  EXPECT_EQ(r.tier[1], 1);
  EXPECT_EQ(r.confidence[1], 2.0 / 5.0);
  EXPECT_EQ(r.st(1, 3), U);
  // row 2: excluded, still scored: -7
  EXPECT_EQ(r.tier[2], ICP_TIER_EXCLUDED);
  EXPECT_EQ(r.st(2, 0), T);
  EXPECT_EQ(r.pts(2, 0), 0.0);
  EXPECT_EQ(r.score[2], -7.0);
  EXPECT_EQ(r.pts(2, 5), -7.0);
  // row 3: all unknown
  EXPECT_EQ(r.tier[3], ICP_TIER_OUT);
  EXPECT_EQ(r.confidence[3], 0.0);
  EXPECT_EQ(r.st(3, 0), U);
}

TEST(Scoring, PointsUnknownWhenConditionTrueCountsUnknown) {
  IrBuilder ib;
  ib.field("p", VType::Float);
  ValueId p = ib.load(0);
  ib.signal("true cond", ib.cb(true), p);
  ib.signal("false cond", ib.cb(false), p);
  auto r = run(ib, {{none()}, {2.5}});
  EXPECT_EQ(r.st(0, 0), U);
  EXPECT_EQ(r.st(0, 1), F);  // points are not looked at when the condition is false
  EXPECT_EQ(r.confidence[0], 0.5);
  EXPECT_EQ(r.score[1], 2.5);
  EXPECT_EQ(r.pts(1, 1), 0.0);
}

TEST(Scoring, ManyRowsMatchInterpreter) {
  IrBuilder ib;
  ib.field("n", VType::Int);
  ib.field("f", VType::Float);
  ValueId n = ib.load(0), f = ib.load(1);
  ValueId ratio = ib.op2(Op::Div, VType::Float, f, ib.flt(n));
  ib.signal("ratio", ib.cmp(Pred::Gt, VType::Float, ratio, ib.cf(0.3)), ratio);
  ib.signal("sum", ib.cb(true), ib.op2(Op::Add, VType::Float, f, ib.cf(0.1)));
  std::vector<std::vector<Cell>> rows;
  for (int i = 0; i < 5000; ++i)
    rows.push_back({i % 7 == 0 ? none() : Cell(int64_t(i % 13)), Cell(double(i) * 0.37)});
  auto r = run(ib, rows);
  EXPECT_EQ(r.st(0, 0), U);
  EXPECT_EQ(r.st(13, 0), U);  // 13 % 13 = 0: division by zero
}

}  // namespace icp::test
