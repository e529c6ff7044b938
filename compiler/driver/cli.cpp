#include "driver/cli.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "diag/render.h"

namespace icp::driver {

CLI::Option* add_format_option(CLI::App& sub, OutputFormat& format) {
  return sub
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& v) { format = v == "json" ? OutputFormat::Json : OutputFormat::Text; },
          "Diagnostics as human-readable text (stderr) or one JSON array (stdout)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
}

namespace {
std::string g_import_root;  // --import-root of the subcommand that runs
}  // namespace

CLI::Option* add_import_root_option(CLI::App& sub) {
  return sub
      .add_option("--import-root", g_import_root,
                  "The folder relative imports must stay inside (default: the folder of the file compiled)")
      ->check(CLI::ExistingDirectory)
      ->type_name("DIR");
}

sema::CompileOptions compile_options() {
  sema::CompileOptions o;
  o.import_root = g_import_root;
  return o;
}

bool use_color(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(::fileno(stream)) == 1;
}

int usage_error(const std::string& message) {
  std::cerr << "icp: error: " << message << "\n";
  return kExitUsage;
}

bool load_files(const std::vector<std::string>& paths, SourceManager& sm, std::vector<FileId>& ids) {
  bool ok = true;
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      usage_error("cannot read '" + path + "': Is a directory");
      ok = false;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      usage_error("cannot read '" + path + "': " + std::strerror(errno));
      ok = false;
      continue;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
      usage_error("cannot read '" + path + "': " + std::strerror(errno));
      ok = false;
      continue;
    }
    ids.push_back(sm.add(path, ss.str()));
  }
  return ok;
}

void print_diagnostics(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                       OutputFormat format) {
  if (format == OutputFormat::Json) {
    std::cout << render_json(sm, diags);
    std::cout.flush();
    return;
  }
  TextStyle style{use_color(stderr)};
  std::cerr << render_text(sm, diags, style);
  std::cerr.flush();
}

int diagnostics_exit_code(const DiagnosticEngine& diags, bool werror) {
  if (diags.has_errors()) return kExitFailed;
  if (werror && diags.warning_count() > 0) return kExitFailed;
  return kExitOk;
}

}  // namespace icp::driver
