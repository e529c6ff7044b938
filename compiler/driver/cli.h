// Shared pieces of the `icp` command line: how a subcommand plugs in, the
// common options, reading files and printing diagnostics. Driver-only.
//
// Adding a subcommand `foo`:
//   1. write cmd_foo.cpp defining `Command setup_foo(CLI::App& icp)`, which
//      adds the subcommand with its options and returns the function that
//      runs it (returning the exit code);
//   2. add `X(foo)` to ICP_SUBCOMMANDS in main.cpp.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/program.h"
#include "source/source.h"

namespace icp::driver {

// Exit codes (TOOLS.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;    // the input was checked and is wrong
inline constexpr int kExitUsage = 2;     // bad flags, missing file, an output that is an input
inline constexpr int kExitInternal = 3;  // a bug
inline constexpr int kExitEnvironment = 4;  // a write failed (a full disk); nothing half-written is left

struct Command {
  CLI::App* app = nullptr;    // the subcommand
  std::function<int()> run;   // runs it once the command line is parsed
};

enum class OutputFormat { Text, Json };

// Adds `--format text|json` (default text).
CLI::Option* add_format_option(CLI::App& sub, OutputFormat& format);

// Adds `--import-root DIR` (LANGUAGE.md section 3, 0.2): the folder every
// relative import must stay inside (default: the folder of the file being
// compiled). The value is kept for compile_options(); a folder that does
// not exist is a usage error.
CLI::Option* add_import_root_option(CLI::App& sub);

// The compile options the command line asked for (the import root).
sema::CompileOptions compile_options();

// Colour on this stream: only on a terminal, and never when NO_COLOR is set.
bool use_color(std::FILE* stream);

// Prints `icp: error: <message>` to stderr and returns kExitUsage.
int usage_error(const std::string& message);

// Reads every file into `sm`, in order. A file that cannot be read is a usage
// error: prints `icp: error: cannot read 'x.icp': <reason>` for each and
// returns false.
bool load_files(const std::vector<std::string>& paths, SourceManager& sm, std::vector<FileId>& ids);

// Text (stderr, coloured on a terminal) or one JSON array (stdout).
void print_diagnostics(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                       OutputFormat format);

// 1 when there are errors, or warnings under --werror; 0 otherwise.
int diagnostics_exit_code(const DiagnosticEngine& diags, bool werror);

}  // namespace icp::driver
