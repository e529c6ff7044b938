// make_jit from several threads at once, and one engine used by many
// threads at once (each call takes its own runtime context).
#include <thread>

#include "ir_fixture.h"

namespace icp::test {

namespace {
ir::Function regex_profile(int variant) {
  IrBuilder ib;
  ib.f.name = "P" + std::to_string(variant);
  ib.field("t", VType::Str);
  ib.signal("re", ib.matches(ib.load(0), "a+b"), ib.cf(double(variant)));
  ValueId low = ib.call(CallKind::Lower, VType::Str, {ib.load(0)});
  ib.signal("low", ib.cmp(Pred::Eq, VType::Str, low, ib.cs("aab")), ib.cf(1));
  ib.finish();
  return ib.f;
}
}  // namespace

TEST(Threads, ConcurrentCompileAndScore) {
  constexpr int kThreads = 6;
  std::vector<std::unique_ptr<ir::Engine>> engines(kThreads);
  std::vector<ir::Function> fns;
  for (int i = 0; i < kThreads; ++i) fns.push_back(regex_profile(i));
  std::vector<std::thread> ts;
  std::vector<std::string> errs(kThreads);
  for (int i = 0; i < kThreads; ++i)
    ts.emplace_back([&, i] { engines[i] = codegen::make_jit(fns[i], &errs[i]); });
  for (auto& t : ts) t.join();
  for (int i = 0; i < kThreads; ++i) ASSERT_TRUE(engines[i]) << errs[i];

  std::vector<std::vector<Cell>> rows;
  for (int i = 0; i < 2000; ++i) rows.push_back({Cell(std::string(i % 2 ? "aab" : "zzz"))});
  Batch b(fns[3], rows);
  ts.clear();
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t)
    ts.emplace_back([&, t] {
      for (int rep = 0; rep < 20; ++rep) {
        Results r = score_with(*engines[3], b);
        bool good = true;
        for (size_t i = 0; i < rows.size(); ++i)
          good = good && r.score[i] == (i % 2 ? 4.0 : 0.0);
        ok[t] += good;
      }
    });
  for (auto& t : ts) t.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(ok[t], 20);
}

}  // namespace icp::test
