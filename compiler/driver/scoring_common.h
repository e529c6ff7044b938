// Shared pieces of the scoring subcommands (test, explain, score): loading a
// checked program, choosing a profile, `--as-of` and `--engine`.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "eval/engines.h"
#include "eval/scorer.h"
#include "sema/program.h"

namespace icp::driver {

// Compiles `path` and prints its diagnostics (errors and warnings) to
// stderr. Null when it has errors; *exit_code is then the code to return
// (kExitFailed, or kExitUsage when the file cannot be read).
std::unique_ptr<sema::Program> load_checked(const std::string& path, int* exit_code);

// The profile named `name`, or the only profile when `name` is empty.
// Prints a usage error and returns null otherwise.
const sema::ProfileInfo* pick_profile(const sema::Program& p, const std::string& name);

// The Scorer of `profile` (or the only one) of the checked model at
// `model_path`, on `engine`. Prints what went wrong and returns null with
// *exit_code set otherwise. `program` receives the checked program.
std::unique_ptr<eval::Scorer> load_scorer(const std::string& model_path, const std::string& profile,
                                          eval::EngineKind engine, int* exit_code,
                                          std::unique_ptr<sema::Program>* program = nullptr);

// `--as-of YYYY-MM-DD` (empty: today UTC). Prints a usage error and returns
// nullopt when malformed.
std::optional<int64_t> parse_as_of(const std::string& text);

// Whether `engine` can be used: for the JIT, loads the LLVM plug-in. Prints
// why not (and returns false) otherwise.
bool engine_ready(eval::EngineKind engine);

// Adds `--engine jit|interp` (default: the JIT, from the LLVM plug-in).
CLI::Option* add_engine_option(CLI::App& sub, eval::EngineKind& kind);

}  // namespace icp::driver
