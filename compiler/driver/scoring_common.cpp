// Shared pieces of the scoring subcommands. See scoring_common.h.
#include "driver/scoring_common.h"

#include <filesystem>
#include <iostream>
#include <vector>

#include "driver/cli.h"
#include "driver/llvm_plugin.h"
#include "icp/rt/dates.h"
#include "icp/rt/name_list.h"
#include "sema/suggest.h"

namespace icp::driver {

std::unique_ptr<sema::Program> load_checked(const std::string& path, int* exit_code) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    *exit_code = usage_error("cannot read '" + path + "': No such file");
    return nullptr;
  }
  std::unique_ptr<sema::Program> p = sema::compile_file(path, compile_options());
  if (!p->diags.diagnostics().empty()) print_diagnostics(p->sources, p->diags.sorted(), OutputFormat::Text);
  if (p->diags.has_errors() || !p->main_module()) {
    *exit_code = kExitFailed;
    return nullptr;
  }
  *exit_code = kExitOk;
  return p;
}

namespace {
// The profiles' names for a message: a few, then "and N more".
std::string profile_names(const std::vector<sema::ProfileInfo>& profiles) {
  std::vector<std::string> names;
  for (const auto& x : profiles) names.push_back(x.name);
  return rt::name_list(names);
}
}  // namespace

const sema::ProfileInfo* pick_profile(const sema::Program& p, const std::string& name) {
  const auto& profiles = p.model.profiles;
  if (!name.empty()) {
    if (const sema::ProfileInfo* pi = p.model.find_profile(name)) return pi;
    std::string list = profile_names(profiles);
    std::vector<std::string> names;
    for (const auto& x : profiles) names.push_back(x.name);
    std::string msg = "--profile: no profile or persona named '" + name + "'";
    if (auto near = sema::closest_name(name, names)) msg += "; did you mean '" + *near + "'?";
    usage_error(msg + (list.empty() ? "" : " (there are: " + list + ")"));
    return nullptr;
  }
  if (profiles.size() == 1) return &profiles[0];
  if (profiles.empty()) {
    usage_error("the model has no profile or persona");
    return nullptr;
  }
  usage_error("the model has " + std::to_string(profiles.size()) + " profiles; pick one with --profile (" +
              profile_names(profiles) + ")");
  return nullptr;
}

std::optional<int64_t> parse_as_of(const std::string& text) {
  if (text.empty()) return rt::today_utc();
  if (auto d = rt::parse_iso_date(text)) return *d;
  usage_error("--as-of: '" + text + "' is not a date (YYYY-MM-DD)");
  return std::nullopt;
}

bool engine_ready(eval::EngineKind engine) {
  if (engine != eval::EngineKind::Jit) return true;
  std::string error;
  if (llvm_plugin(&error)) return true;
  std::cerr << "icp: error: " << error << "\n";
  return false;
}

CLI::Option* add_engine_option(CLI::App& sub, eval::EngineKind& kind) {
  kind = eval::default_engine_kind();
  return sub
      .add_option_function<std::string>(
          "--engine", [&kind](const std::string& v) { eval::parse_engine_kind(v, kind); },
          "The LLVM JIT (default) or the reference interpreter; results are identical")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->type_name("jit|interp");
}

std::unique_ptr<eval::Scorer> load_scorer(const std::string& model_path, const std::string& profile,
                                          eval::EngineKind engine, int* exit_code,
                                          std::unique_ptr<sema::Program>* program_out) {
  *exit_code = kExitOk;
  std::unique_ptr<sema::Program> program = load_checked(model_path, exit_code);
  if (!program) return nullptr;
  // After the check: a broken model's diagnostics come first.
  if (!engine_ready(engine)) {
    *exit_code = kExitInternal;
    return nullptr;
  }
  const sema::ProfileInfo* p = pick_profile(*program, profile);
  if (!p) {
    *exit_code = kExitUsage;
    return nullptr;
  }
  std::string error;
  std::unique_ptr<eval::Scorer> scorer = eval::Scorer::create(*program, *p, engine, &error);
  if (!scorer) {
    std::cerr << "icp: internal error: " << error << "\n";
    *exit_code = kExitInternal;
  }
  if (program_out) *program_out = std::move(program);
  return scorer;
}

}  // namespace icp::driver
