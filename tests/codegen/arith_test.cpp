// Numbers: checked int64 arithmetic (overflow is unknown), IEEE floats with
// non-finite results unknown (division by zero), pow/log/round via the
// runtime, min/max/abs/clamp, year/month, enum-set membership.
#include <cmath>
#include <limits>

#include "ir_fixture.h"

namespace icp::test {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

TEST(Arith, CheckedIntOverflowIsUnknown) {
  IrBuilder ib;
  ib.field("x", VType::Int);
  ValueId x = ib.load(0);
  auto known = [&](ValueId v) { return ib.op1(Op::IsKnown, VType::Bool, v); };
  ib.probe("add", known(ib.op2(Op::Add, VType::Int, x, ib.ci(kMax))));
  ib.probe("sub", known(ib.op2(Op::Sub, VType::Int, x, ib.ci(kMax))));
  ib.probe("mul", known(ib.op2(Op::Mul, VType::Int, x, ib.ci(kMax / 2 + 1))));
  ib.probe("neg", known(ib.op1(Op::Neg, VType::Int, x)));
  // points are the int result as a float
  ib.signal("value", ib.cb(true), ib.flt(ib.op2(Op::Mul, VType::Int, x, ib.ci(3))));
  auto r = run(ib, {{int64_t(1)}, {int64_t(-2)}, {kMin}, {int64_t(0)}, {kMax}});
  // x = 1: add overflows; sub fine; mul: 1 * (2^62) fine; neg fine
  EXPECT_EQ(r.st(0, 0), F);
  EXPECT_EQ(r.st(0, 1), T);
  EXPECT_EQ(r.st(0, 2), T);
  EXPECT_EQ(r.st(0, 3), T);
  EXPECT_EQ(r.pts(0, 4), 3.0);
  // x = -2: add fine; sub overflows; mul -2 * 2^62 = -2^63 fits
  EXPECT_EQ(r.st(1, 0), T);
  EXPECT_EQ(r.st(1, 1), F);
  EXPECT_EQ(r.st(1, 2), T);
  // x = INT64_MIN: neg overflows, mul overflows
  EXPECT_EQ(r.st(2, 3), F);
  EXPECT_EQ(r.st(2, 2), F);
  EXPECT_EQ(r.st(2, 4), U);  // x*3 overflows: cond true, points unknown
  EXPECT_EQ(r.pts(2, 4), 0.0);
  EXPECT_EQ(r.st(3, 4), T);
  EXPECT_EQ(r.st(4, 4), U);
}

TEST(Arith, DivisionByZeroAndNonFiniteAreUnknown) {
  IrBuilder ib;
  ib.field("x", VType::Float);
  ValueId x = ib.load(0);
  ValueId q = ib.op2(Op::Div, VType::Float, ib.cf(1), x);
  ib.signal("inverse", ib.cb(true), q);
  ValueId big = ib.op2(Op::Mul, VType::Float, x, ib.cf(1e308));
  ib.probe("big known", ib.op1(Op::IsKnown, VType::Bool, big));
  ib.signal("neg", ib.cb(true), ib.op1(Op::Neg, VType::Float, x));
  auto r = run(ib, {{0.0}, {4.0}, {-0.0}, {10.0}, {std::numeric_limits<double>::infinity()}});
  EXPECT_EQ(r.st(0, 0), U);
  EXPECT_EQ(r.st(1, 0), T);
  EXPECT_EQ(r.pts(1, 0), 0.25);
  EXPECT_EQ(r.st(2, 0), U);
  EXPECT_EQ(r.st(0, 1), T);  // 0 * 1e308
  EXPECT_EQ(r.st(1, 1), F);  // 4e308 is inf
  EXPECT_EQ(r.st(3, 1), F);
  EXPECT_EQ(r.st(4, 2), U);  // an infinite input reads as unknown
  EXPECT_EQ(r.pts(1, 2), -4.0);
}

TEST(Arith, PowLogRound) {
  IrBuilder ib;
  ib.field("x", VType::Float);
  ValueId x = ib.load(0);
  // halflife decay: 20 * 0.5^(x / 60)
  ValueId decay = ib.op2(Op::Pow, VType::Float, ib.cf(0.5), ib.op2(Op::Div, VType::Float, x, ib.cf(60)));
  ib.signal("decay", ib.cb(true), ib.op2(Op::Mul, VType::Float, ib.cf(20), decay));
  ib.signal("log", ib.cb(true), ib.call(CallKind::Log, VType::Float, {x}));
  ib.signal("round", ib.cb(true), ib.flt(ib.call(CallKind::Round, VType::Int, {x})));
  auto r = run(ib, {{60.0}, {0.0}, {-2.5}, {1e300}, {2.5}});
  EXPECT_EQ(r.pts(0, 0), 10.0);
  EXPECT_EQ(r.pts(1, 0), 20.0);
  EXPECT_DOUBLE_EQ(r.pts(0, 1), std::log(60.0));
  EXPECT_EQ(r.st(1, 1), U);   // log(0)
  EXPECT_EQ(r.st(2, 1), U);   // log(-2.5)
  EXPECT_EQ(r.pts(2, 2), -3.0);  // half away from zero
  EXPECT_EQ(r.pts(4, 2), 3.0);
  EXPECT_EQ(r.st(3, 2), U);   // out of int64 range
  EXPECT_EQ(r.st(3, 0), T);   // 0.5^(huge) underflows to 0: finite, known
  EXPECT_EQ(r.pts(3, 0), 0.0);
}

TEST(Arith, MinMaxAbsClampYearMonth) {
  IrBuilder ib;
  ib.field("x", VType::Int);
  ib.field("d", VType::Int);
  ValueId x = ib.load(0), d = ib.load(1);
  ib.signal("min", ib.cb(true), ib.flt(ib.call(CallKind::MinI, VType::Int, {x, ib.ci(10)})));
  ib.signal("max", ib.cb(true), ib.flt(ib.call(CallKind::MaxI, VType::Int, {x, ib.ci(10)})));
  ib.signal("abs", ib.cb(true), ib.flt(ib.call(CallKind::AbsI, VType::Int, {x})));
  ib.signal("clamp", ib.cb(true), ib.flt(ib.call(CallKind::ClampI, VType::Int, {x, ib.ci(0), ib.ci(100)})));
  ib.signal("clampf", ib.cb(true),
            ib.call(CallKind::ClampF, VType::Float, {ib.flt(x), ib.cf(0.5), ib.cf(99.5)}));
  ib.signal("year", ib.cb(true), ib.flt(ib.call(CallKind::Year, VType::Int, {d})));
  ib.signal("month", ib.cb(true), ib.flt(ib.call(CallKind::Month, VType::Int, {d})));
  ib.signal("absf", ib.cb(true), ib.call(CallKind::AbsF, VType::Float, {ib.flt(x)}));
  // 2026-11-01 is day 20758
  auto r = run(ib, {{int64_t(-5), int64_t(20758)}, {int64_t(500), int64_t(0)}, {kMin, none()}});
  EXPECT_EQ(r.pts(0, 0), -5.0);
  EXPECT_EQ(r.pts(0, 1), 10.0);
  EXPECT_EQ(r.pts(0, 2), 5.0);
  EXPECT_EQ(r.pts(0, 3), 0.0);
  EXPECT_EQ(r.pts(0, 4), 0.5);
  EXPECT_EQ(r.pts(0, 5), 2026.0);
  EXPECT_EQ(r.pts(0, 6), 11.0);
  EXPECT_EQ(r.pts(0, 7), 5.0);
  EXPECT_EQ(r.pts(1, 3), 100.0);
  EXPECT_EQ(r.pts(1, 4), 99.5);
  EXPECT_EQ(r.pts(1, 5), 1970.0);
  EXPECT_EQ(r.pts(1, 6), 1.0);
  EXPECT_EQ(r.st(2, 2), U);  // abs(INT64_MIN) overflows
  EXPECT_EQ(r.st(2, 5), U);  // year(missing)
}

TEST(Arith, InEnumSetSmallAndLarge) {
  IrBuilder ib;
  ib.field("e", VType::Int);
  ValueId e = ib.load(0);
  ib.probe("small", ib.in_enum(e, {false, true, false, true}));
  std::vector<bool> big(150, false);
  big[0] = big[64] = big[149] = true;
  ib.probe("big", ib.in_enum(e, big));
  auto r = run(ib, {{int64_t(1)}, {int64_t(2)}, {int64_t(64)}, {int64_t(149)}, {int64_t(0)},
                    {none()}, {int64_t(-1)}, {int64_t(1000)}});
  EXPECT_EQ(r.st(0, 0), T);
  EXPECT_EQ(r.st(1, 0), F);
  EXPECT_EQ(r.st(2, 0), F);
  EXPECT_EQ(r.st(2, 1), T);
  EXPECT_EQ(r.st(3, 1), T);
  EXPECT_EQ(r.st(4, 1), T);
  EXPECT_EQ(r.st(4, 0), F);
  EXPECT_EQ(r.st(5, 0), U);
  EXPECT_EQ(r.st(6, 1), F);
  EXPECT_EQ(r.st(7, 1), F);
}

}  // namespace icp::test
