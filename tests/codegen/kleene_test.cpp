// Three-valued logic: and/or/not over every pair of true/false/unknown,
// IsKnown, Coalesce, Guard and Select with an unknown condition.
#include "ir_fixture.h"

namespace icp::test {

namespace {
Cell tb(int v) { return v == 2 ? none() : Cell(bool(v)); }
}  // namespace

TEST(Kleene, AndOrNotTruthTables) {
  IrBuilder ib;
  ib.field("a", VType::Bool);
  ib.field("b", VType::Bool);
  ValueId a = ib.load(0), b = ib.load(1);
  ib.probe("and", ib.op2(Op::And, VType::Bool, a, b));
  ib.probe("or", ib.op2(Op::Or, VType::Bool, a, b));
  ib.probe("not", ib.op1(Op::Not, VType::Bool, a));
  // not of an unknown stays unknown even under a second not
  ib.probe("notnot", ib.op1(Op::Not, VType::Bool, ib.op1(Op::Not, VType::Bool, a)));
  std::vector<std::vector<Cell>> rows;
  for (int x = 0; x < 3; ++x)
    for (int y = 0; y < 3; ++y) rows.push_back({tb(x), tb(y)});
  auto r = run(ib, rows);
  auto k3 = [](int v) { return v == 2 ? U : v ? T : F; };
  for (int x = 0; x < 3; ++x)
    for (int y = 0; y < 3; ++y) {
      size_t row = size_t(x * 3 + y);
      uint8_t want_and = (x == 0 || y == 0) ? F : (x == 2 || y == 2) ? U : T;
      uint8_t want_or = (x == 1 || y == 1) ? T : (x == 2 || y == 2) ? U : F;
      uint8_t want_not = x == 2 ? U : x ? F : T;
      EXPECT_EQ(r.st(row, 0), want_and) << x << "," << y;
      EXPECT_EQ(r.st(row, 1), want_or) << x << "," << y;
      EXPECT_EQ(r.st(row, 2), want_not) << x;
      EXPECT_EQ(r.st(row, 3), k3(x)) << x;
    }
}

TEST(Kleene, IsKnownCoalesceGuard) {
  IrBuilder ib;
  ib.field("x", VType::Int);
  ValueId x = ib.load(0);
  ib.probe("known", ib.op1(Op::IsKnown, VType::Bool, x));
  ValueId c = ib.op2(Op::Coalesce, VType::Int, x, ib.ci(7));
  ib.probe("coalesce==7", ib.cmp(Pred::Eq, VType::Int, c, ib.ci(7)));
  // Guard(x, true): unknown when x is unknown
  ib.probe("guard", ib.op2(Op::Guard, VType::Bool, x, ib.cb(true)));
  // Coalesce of two missings stays unknown
  ValueId mm = ib.op2(Op::Coalesce, VType::Int, ib.missing(VType::Int), x);
  ib.probe("mm", ib.op1(Op::IsKnown, VType::Bool, mm));
  auto r = run(ib, {{int64_t(3)}, {none()}, {int64_t(7)}});
  EXPECT_EQ(r.st(0, 0), T);
  EXPECT_EQ(r.st(1, 0), F);
  EXPECT_EQ(r.st(0, 1), F);
  EXPECT_EQ(r.st(1, 1), T);
  EXPECT_EQ(r.st(2, 1), T);
  EXPECT_EQ(r.st(0, 2), T);
  EXPECT_EQ(r.st(1, 2), U);
  EXPECT_EQ(r.st(1, 3), F);
  EXPECT_EQ(r.st(0, 3), T);
}

TEST(Kleene, SelectWithUnknownCondition) {
  IrBuilder ib;
  ib.field("c", VType::Bool);
  ib.field("s", VType::Str);
  ValueId c = ib.load(0);
  ValueId v = ib.sel(VType::Int, c, ib.ci(1), ib.ci(2));
  ib.probe("is1", ib.cmp(Pred::Eq, VType::Int, v, ib.ci(1)));
  // strings through select: the two-part payload
  ValueId s = ib.sel(VType::Str, c, ib.load(1), ib.cs("fallback"));
  ib.probe("s==fallback", ib.cmp(Pred::Eq, VType::Str, s, ib.cs("fallback")));
  // the untaken branch being unknown does not matter
  ValueId w = ib.sel(VType::Int, c, ib.ci(5), ib.missing(VType::Int));
  ib.probe("w", ib.op1(Op::IsKnown, VType::Bool, w));
  auto r = run(ib, {{true, std::string("x")}, {false, none()}, {none(), std::string("x")}});
  EXPECT_EQ(r.st(0, 0), T);
  EXPECT_EQ(r.st(1, 0), F);
  EXPECT_EQ(r.st(2, 0), U);
  EXPECT_EQ(r.st(0, 1), F);
  EXPECT_EQ(r.st(1, 1), T);
  EXPECT_EQ(r.st(2, 1), U);
  EXPECT_EQ(r.st(0, 2), T);
  EXPECT_EQ(r.st(1, 2), F);
  EXPECT_EQ(r.st(2, 2), F);
}

}  // namespace icp::test
