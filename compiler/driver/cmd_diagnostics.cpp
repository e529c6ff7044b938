// `icp diagnostics` (hidden from --help): every registered diagnostic code,
// its severity and one-line meaning (`E0101 error unknown name`), each code
// once, in registry order. `--explain CODE`: the long explanation
// (diag/explanations.def). `--kinds`: every kind instead
// (`UnknownField E0101 error`), as the golden tests' coverage check reads them.
#include <cctype>
#include <iostream>
#include <memory>
#include <set>

#include "driver/cli.h"

namespace icp::driver {

Command setup_diagnostics(CLI::App& icp) {
  CLI::App* sub = icp.add_subcommand("diagnostics", "List every diagnostic code, or explain one");
  sub->group("");  // hidden from `icp --help`
  struct Options {
    bool kinds = false;
    std::string explain;
  };
  auto opt = std::make_shared<Options>();
  sub->add_flag("--kinds", opt->kinds, "List every diagnostic kind (name, code, severity)");
  sub->add_option("--explain", opt->explain, "Explain a code: what triggers it, an example, the fix")
      ->type_name("CODE");
  return {sub, [opt] {
            if (!opt->explain.empty()) {
              std::string code = opt->explain;
              for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
              const Explanation* e = find_explanation(code);
              if (!e)
                return usage_error("'" + opt->explain +
                                   "' is not a diagnostic code; `icp diagnostics` lists them");
              std::cout << e->code << ": " << e->summary << "\n" << e->text;
              return kExitOk;
            }
            std::set<std::string_view> seen;
            for (const DiagInfo& d : all_diag_infos()) {
              const char* sev = d.severity == Severity::Error ? "error" : "warning";
              if (opt->kinds) {
                std::cout << d.name << ' ' << d.code << ' ' << sev << '\n';
                continue;
              }
              if (!seen.insert(d.code).second) continue;
              const Explanation* e = find_explanation(d.code);
              std::cout << d.code << ' ' << sev << ' ' << (e ? e->summary : "") << '\n';
            }
            return kExitOk;
          }};
}

}  // namespace icp::driver
