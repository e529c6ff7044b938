// The differential test: random well-typed profiles and random records
// (with missing values) scored by the reference interpreter and the LLVM
// JIT; every result must be identical (tier, rule states and excluded_by
// exactly; points, score and confidence bit-identical).
//
//   icp_diff [--seed N] [--programs N] [--rows N] [--verbose]
//
// ctest runs a fixed seed; `icp_diff --seed $RANDOM --programs 5000` is the
// longer run.
#include <cstdio>
#include <cmath>
#include <cstring>
#include <iostream>
#include <random>
#include <string>

#include "codegen/jit.h"
#include "diag/render.h"
#include "eval/batch_view.h"
#include "eval/runtime_schema.h"
#include "generator.h"
#include "interp/interpreter.h"
#include "ir/engine.h"
#include "ir/lower.h"
#include "sema/program.h"

namespace {

using namespace icp;

bool same_double(double a, double b) {
  if (a == b) return std::signbit(a) == std::signbit(b) || a != 0;
  return std::isnan(a) && std::isnan(b);
}

// Compares two result batches; prints the first difference.
bool same_results(const rt::ResultBatch& a, const rt::ResultBatch& b, const ir::Function& f, std::string& why) {
  for (size_t r = 0; r < a.rows; ++r) {
    auto at = [&](const char* what) {
      why = "row " + std::to_string(r) + ": " + what;
      return false;
    };
    if (a.tier[r] != b.tier[r]) return at("tier");
    if (!same_double(a.score[r], b.score[r])) return at("score");
    if (!same_double(a.confidence[r], b.confidence[r])) return at("confidence");
    for (size_t k = 0; k < a.rules; ++k) {
      size_t i = r * a.rules + k;
      if (a.rule_state[i] != b.rule_state[i]) return at(("state of " + f.rules[k].label).c_str());
      if (!same_double(a.rule_points[i], b.rule_points[i])) return at(("points of " + f.rules[k].label).c_str());
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t seed = 1;
  int programs = 40, rows = 200;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seed" && i + 1 < argc) seed = std::stoull(argv[++i]);
    else if (a == "--programs" && i + 1 < argc) programs = std::stoi(argv[++i]);
    else if (a == "--rows" && i + 1 < argc) rows = std::stoi(argv[++i]);
    else if (a == "--verbose") verbose = true;
    else {
      std::cerr << "usage: icp_diff [--seed N] [--programs N] [--rows N] [--verbose]\n";
      return 2;
    }
  }
  std::mt19937_64 rng(seed);
  int failures = 0, rejected = 0;
  uint64_t states[3] = {0, 0, 0};
  for (int n = 0; n < programs; ++n) {
    std::string text = difftest::random_program(rng);
    auto prog = sema::compile_source(text, "diff_" + std::to_string(n) + ".icp");
    if (prog->diags.has_errors()) {
      ++rejected;
      std::cerr << "program " << n << " was rejected by the checker:\n"
                << text << render_text(prog->sources, prog->diags.sorted(), TextStyle{false});
      continue;
    }
    const sema::ProfileInfo* profile = prog->model.find_profile("P");
    ir::Function f = ir::lower_profile(*prog, *profile);
    if (verbose) std::cout << text << ir::print(f);
    std::string error;
    auto jit = codegen::make_jit(f, &error);
    if (!jit) {
      ++failures;
      std::cerr << "program " << n << ": the JIT failed: " << error << "\n" << text;
      continue;
    }
    auto interp = interp::make_interpreter(f);
    auto schema = eval::runtime_schema(prog->model, prog->model.schemas.at(size_t(profile->schema)));
    rt::Batch batch;
    batch.reset(*schema);
    for (int r = 0; r < rows; ++r) batch.append_record(difftest::random_record(rng), r + 1, r + 1);
    eval::BatchView view(batch);
    rt::ResultBatch ri, rj;
    ri.reset(batch.rows, f.rules.size());
    rj.reset(batch.rows, f.rules.size());
    interp->score(view.view(), difftest::kAsOf, eval::result_view(ri));
    jit->score(view.view(), difftest::kAsOf, eval::result_view(rj));
    for (uint8_t st : ri.rule_state) ++states[st < 3 ? st : 2];
    // Every other program also through the code large profiles get: split
    // into many small functions (a few instructions each) and the light
    // pipeline.
    std::string why;
    bool split_ok = true;
    if (n % 2 == 1) {
      codegen::CodegenOptions split;
      split.segment_cost = 1 + n % 7;
      split.tier = codegen::OptTier::Light;
      auto jit_split = codegen::make_jit(f, &error, split);
      rt::ResultBatch rs;
      rs.reset(batch.rows, f.rules.size());
      if (jit_split) jit_split->score(view.view(), difftest::kAsOf, eval::result_view(rs));
      split_ok = jit_split && same_results(ri, rs, f, why);
      if (!split_ok) {
        ++failures;
        std::cerr << "program " << n << " (seed " << seed << "): interpreter and split JIT differ"
                  << (jit_split ? " at " + why : ": " + error) << "\n" << text << ir::print(f);
      }
    }
    if (split_ok && !same_results(ri, rj, f, why)) {
      ++failures;
      std::cerr << "program " << n << " (seed " << seed << "): interpreter and JIT differ at " << why << "\n"
                << text << ir::print(f);
      size_t r = std::stoul(why.substr(4));
      rt::Record rec = batch.record(r);
      for (size_t k = 0; k < rec.values.size(); ++k)
        std::cerr << "  " << schema->fields[k].name << " = " << rec.values[k].debug_string() << "\n";
    }
  }
  std::cout << programs << " programs, " << rows << " rows each: " << failures << " differ, " << rejected
            << " rejected by the checker (rule states: " << states[ICP_RULE_TRUE] << " true, "
            << states[ICP_RULE_FALSE] << " false, " << states[ICP_RULE_UNKNOWN] << " unknown)\n";
  return failures || rejected ? 1 : 0;
}
