// Google Benchmark version of icp_bench: JIT compile, and scoring a batch of
// 64Ki synthetic rows with the JIT and with the interpreter.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "codegen/jit.h"
#include "interp/interpreter.h"
#include "ir/engine.h"

namespace {

using namespace icp;
constexpr int64_t kAsOf = 20758;
constexpr uint64_t kRows = 65536;

const bench::Model& model() {
  static bench::Model m = bench::load_model("");
  return m;
}

void BM_JitCompile(benchmark::State& st) {
  for (auto _ : st) benchmark::DoNotOptimize(codegen::make_jit(model().fn));
}

void score(benchmark::State& st, const ir::Engine& e) {
  static bench::Data data(model(), kRows, kAsOf);
  bench::Results res(kRows, model().fn.rules.size());
  std::vector<icp_column> cols;
  icp_batch_view in = data.slice(0, kRows, cols);
  icp_result_view out = res.slice(0);
  for (auto _ : st) e.score(in, kAsOf, out);
  st.SetItemsProcessed(int64_t(st.iterations() * kRows));
}

void BM_ScoreJit(benchmark::State& st) {
  static auto e = codegen::make_jit(model().fn);
  score(st, *e);
}

void BM_ScoreInterp(benchmark::State& st) {
  static auto e = interp::make_interpreter(model().fn);
  score(st, *e);
}

BENCHMARK(BM_JitCompile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoreJit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoreInterp)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
