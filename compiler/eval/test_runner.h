// Runs the `test` blocks of a checked program (LANGUAGE.md section 7): each
// test's `given` is scored against its profile as of its `as_of` (default:
// today UTC) and every `expect` is checked. Score and confidence `==`/`!=`
// are within 1e-9 (absolute).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "eval/engines.h"
#include "sema/program.h"
#include "source/source.h"
#include "syntax/ast.h"

namespace icp::eval {

struct ExpectFailure {
  SourceRange range;        // the `expect` (or the test when it could not run)
  std::string expectation;  // as written: `tier == primary`
  std::string actual;       // `tier is out`
};

struct TestOutcome {
  const ast::TestDecl* test = nullptr;
  std::vector<ExpectFailure> failures;  // empty: passed
  bool passed() const { return failures.empty(); }
};

// Runs every test of the program's main file, in order. Engine creation
// errors (an internal error) go to *error, and the function returns early.
std::vector<TestOutcome> run_tests(const sema::Program& program, EngineKind engine, std::string* error);

}  // namespace icp::eval
