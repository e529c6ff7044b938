// Basics of the JIT: an empty profile, a batch of zero rows, emission of
// LLVM IR / asm / object for `icp build`.
#include "ir_fixture.h"

namespace icp::test {

TEST(Codegen, EmptyProfileScoresZeroOut) {
  IrBuilder ib;
  auto r = run(ib, {{}, {}});
  EXPECT_EQ(r.score[0], 0.0);
  EXPECT_EQ(r.tier[1], ICP_TIER_OUT);
  EXPECT_EQ(r.confidence[0], 1.0);
}

TEST(Codegen, ZeroRowsWritesNothing) {
  IrBuilder ib;
  ib.field("x", VType::Int);
  ib.probe("p", ib.cmp(Pred::Gt, VType::Int, ib.load(0), ib.ci(1)));
  auto r = run(ib, {});
  EXPECT_EQ(r.rows, 0u);
}

TEST(Codegen, EmitsIrAsmAndObject) {
  IrBuilder ib;
  ib.f.name = "Demo";
  ib.field("x", VType::Int);
  ib.probe("p", ib.cmp(Pred::Gt, VType::Int, ib.load(0), ib.ci(1)));
  ib.finish();
  std::string out, err;
  ASSERT_TRUE(codegen::emit({&ib.f}, codegen::EmitKind::LlvmIr, &out, &err)) << err;
  EXPECT_NE(out.find("define void @icp_score_Demo("), std::string::npos) << out;
  ASSERT_TRUE(codegen::emit({&ib.f}, codegen::EmitKind::Asm, &out, &err)) << err;
  EXPECT_NE(out.find("icp_score_Demo:"), std::string::npos);
  ASSERT_TRUE(codegen::emit({&ib.f}, codegen::EmitKind::Obj, &out, &err)) << err;
  ASSERT_GT(out.size(), 4u);
  EXPECT_EQ(out.substr(0, 4), "\x7f" "ELF");
  codegen::EmitKind k;
  EXPECT_TRUE(codegen::parse_emit_kind("asm", k));
  EXPECT_FALSE(codegen::parse_emit_kind("bitcode", k));
}

}  // namespace icp::test
