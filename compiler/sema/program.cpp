// The front end's entry points: load, then run the checking passes in order.
#include "sema/program.h"

#include "source/deep_stack.h"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "sema/checker.h"
#include "sema/loader.h"

namespace fs = std::filesystem;

namespace icp::sema {
namespace {

// Warnings are about the main file: an imported file (the standard library)
// is not the user's to fix. Its errors are still reported.
void drop_foreign_warnings(Checker& c) {
  c.diags.remove_if([&](const Diagnostic& d) {
    return d.severity == Severity::Warning && d.range.file != c.prog.main_file;
  });
}

void run_passes(Checker& c) {
  collect_decls(c);
  check_enums(c);
  check_schema_types(c);
  check_def_signatures(c);
  check_consts(c);
  check_schema_defaults(c);
  check_def_bodies(c);
  check_profiles(c);
  check_tests(c);
  lint_unused(c);
  quiet_recovered(c);
  drop_foreign_warnings(c);
}

std::unique_ptr<Program> compile(const std::string& path, std::optional<std::string> text,
                                 const CompileOptions& opts) {
  auto prog = std::make_unique<Program>();
  Checker c(*prog);
  load_program(c, path, std::move(text), opts);
  run_passes(c);
  return prog;
}

bool has_stdlib(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "std", ec);
}

}  // namespace

// On a deep stack (source/deep_stack.h): checking recurses over expressions
// and over chains of defs and consts.
std::unique_ptr<Program> compile_file(const std::string& path, const CompileOptions& opts) {
  return with_deep_stack([&] { return compile(path, std::nullopt, opts); });
}

std::unique_ptr<Program> compile_source(std::string text, const std::string& path,
                                        const CompileOptions& opts) {
  return with_deep_stack([&] { return compile(path, std::move(text), opts); });
}

std::string default_stdlib_dir() {
  if (const char* env = std::getenv("ICP_STDLIB"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
#ifndef ICP_STDLIB_DIR_FROM_BIN
#define ICP_STDLIB_DIR_FROM_BIN "../share/icp/stdlib"
#endif
    for (fs::path cand : {dir / ICP_STDLIB_DIR_FROM_BIN, dir / "stdlib"})
      if (has_stdlib(cand)) return cand.lexically_normal().string();
  }
#ifdef ICP_BUILD_STDLIB_DIR
  return ICP_BUILD_STDLIB_DIR;
#else
  return "stdlib";
#endif
}

}  // namespace icp::sema
