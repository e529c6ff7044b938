// icp_bench [MODEL.icp] [--rows N] [--batch N] [--llvm-ir]: the JIT compile time of the
// LANGUAGE.md section 1 profile, and batch throughput (rows/s) of the JIT and
// the interpreter on the same synthetic columnar rows, single-threaded,
// with their ratio. Also checks that both engines give identical bits.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "bench_data.h"
#include "codegen/jit.h"
#include "interp/interpreter.h"
#include "ir/engine.h"

using namespace icp;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

static double run(const ir::Engine& e, const bench::Data& d, uint64_t batch, int64_t as_of, bench::Results& out) {
  std::vector<icp_column> cols;
  auto t = Clock::now();
  for (uint64_t b = 0; b < d.rows(); b += batch) {
    uint64_t n = std::min(batch, d.rows() - b);
    icp_batch_view in = d.slice(b, n, cols);
    icp_result_view rv = out.slice(b);
    e.score(in, as_of, rv);
  }
  return seconds_since(t);
}

int main(int argc, char** argv) {
  std::string path;
  uint64_t rows = 1'000'000, batch = 65'536;
  bool dump_ir = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rows" && i + 1 < argc) rows = std::stoull(argv[++i]);
    else if (a == "--batch" && i + 1 < argc) batch = std::stoull(argv[++i]);
    else if (a == "--llvm-ir") dump_ir = true;
    else path = a;
  }
  bench::Model m = bench::load_model(path);
  const int64_t as_of = 20758;  // 2026-11-01
  if (dump_ir) {  // the optimised LLVM IR of the scoring function, and stop
    std::string out, err;
    if (!codegen::emit({&m.fn}, codegen::EmitKind::LlvmIr, &out, &err)) return std::fprintf(stderr, "%s\n", err.c_str()), 1;
    std::fputs(out.c_str(), stdout);
    return 0;
  }
  std::printf("model: %s (profile %s: %zu fields, %zu instructions, %zu rules)\n", m.path.c_str(),
              m.fn.name.c_str(), m.fn.fields.size(), m.fn.insts.size(), m.fn.rules.size());

  // JIT compile time: IR -> LLVM IR -> O2 -> machine code, fresh LLJIT each time.
  std::vector<double> times;
  std::unique_ptr<ir::Engine> jit;
  for (int i = 0; i < 15; ++i) {
    std::string err;
    auto t = Clock::now();
    jit = codegen::make_jit(m.fn, &err);
    times.push_back(seconds_since(t) * 1e3);
    if (!jit) {
      std::fprintf(stderr, "JIT failed: %s\n", err.c_str());
      return 1;
    }
  }
  std::sort(times.begin(), times.end());
  std::printf("JIT compile: first %.2f ms; median of 15 %.2f ms; min %.2f ms\n", times.back(),
              times[times.size() / 2], times.front());
  auto interp = interp::make_interpreter(m.fn);

  bench::Data data(m, rows, as_of);
  bench::Results rj(rows, m.fn.rules.size()), ri(rows, m.fn.rules.size());
  run(*jit, data, batch, as_of, rj);  // warm-up
  double tj = 1e9, ti = 1e9;
  for (int rep = 0; rep < 3; ++rep) tj = std::min(tj, run(*jit, data, batch, as_of, rj));
  for (int rep = 0; rep < 2; ++rep) ti = std::min(ti, run(*interp, data, batch, as_of, ri));
  bool same = rj.score == ri.score && rj.tier == ri.tier && rj.state == ri.state &&
              std::memcmp(rj.points.data(), ri.points.data(), rj.points.size() * sizeof(double)) == 0 &&
              std::memcmp(rj.confidence.data(), ri.confidence.data(), rows * sizeof(double)) == 0;
  std::printf("rows: %llu in batches of %llu, single thread\n", (unsigned long long)rows,
              (unsigned long long)batch);
  std::printf("JIT:         %8.1f ms  %12.0f rows/s\n", tj * 1e3, double(rows) / tj);
  std::printf("interpreter: %8.1f ms  %12.0f rows/s\n", ti * 1e3, double(rows) / ti);
  std::printf("JIT / interpreter: %.1fx (target >= 10x)\n", ti / tj);
  std::printf("results identical: %s\n", same ? "yes" : "NO");
  return same ? 0 : 1;
}
