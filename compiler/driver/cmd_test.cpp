// `icp test FILE... [--engine jit|interp]`: runs every `test` block
// (LANGUAGE.md section 7). One line per failed expectation:
//   model.icp:37:3: test "label": expect tier == primary: tier is out
// then `N passed, N failed`. Exit 1 when a test failed or a file has errors.
#include <iostream>
#include <memory>

#include "driver/cli.h"
#include "driver/scoring_common.h"
#include "eval/test_runner.h"

namespace icp::driver {

namespace {

struct TestOptions {
  std::vector<std::string> files;
  eval::EngineKind engine = eval::EngineKind::Interp;
};

int run_test(const TestOptions& opt) {
  int passed = 0, failed = 0, exit_code = kExitOk;
  for (const std::string& path : opt.files) {
    int code = kExitOk;
    std::unique_ptr<sema::Program> program = load_checked(path, &code);
    if (!program) {
      exit_code = std::max(exit_code, code);
      continue;
    }
    // After the first check: a broken model's diagnostics come first.
    if (!engine_ready(opt.engine)) return kExitInternal;
    std::string error;
    std::vector<eval::TestOutcome> outcomes = eval::run_tests(*program, opt.engine, &error);
    if (!error.empty()) {
      std::cerr << "icp: internal error: " << error << "\n";
      return kExitInternal;
    }
    for (const eval::TestOutcome& t : outcomes) {
      if (t.passed()) {
        ++passed;
        continue;
      }
      ++failed;
      for (const eval::ExpectFailure& f : t.failures)
        std::cout << path << ":" << f.range.line << ":" << f.range.col << ": test \"" << t.test->label.value
                  << "\": " << f.expectation << ": " << f.actual << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  if (failed > 0) exit_code = std::max(exit_code, kExitFailed);
  return exit_code;
}

}  // namespace

Command setup_test(CLI::App& icp) {
  auto opt = std::make_shared<TestOptions>();
  CLI::App* sub = icp.add_subcommand("test", "Run the test blocks of .icp files");
  sub->add_option("files", opt->files, "The .icp files whose tests to run")->required()->type_name("FILE...");
  add_engine_option(*sub, opt->engine);
  add_import_root_option(*sub);
  return {sub, [opt] { return run_test(*opt); }};
}

}  // namespace icp::driver
