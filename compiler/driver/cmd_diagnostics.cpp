// `icp diagnostics` (hidden): every registered diagnostic code and its
// severity, one per line (`E0101 error`), each code once, in registry order.
// `--kinds`: every kind instead (`UnknownField E0101 error`), as the golden
// tests' coverage check reads them.
#include <iostream>
#include <memory>
#include <set>

#include "driver/cli.h"

namespace icp::driver {

Command setup_diagnostics(CLI::App& icp) {
  CLI::App* sub = icp.add_subcommand("diagnostics", "List every diagnostic code");
  sub->group("");  // hidden from `icp --help`
  auto kinds = std::make_shared<bool>(false);
  sub->add_flag("--kinds", *kinds, "List every diagnostic kind (name, code, severity)");
  return {sub, [kinds] {
            std::set<std::string_view> seen;
            for (const DiagInfo& d : all_diag_infos()) {
              const char* sev = d.severity == Severity::Error ? "error" : "warning";
              if (*kinds) {
                std::cout << d.name << ' ' << d.code << ' ' << sev << '\n';
                continue;
              }
              if (!seen.insert(d.code).second) continue;
              std::cout << d.code << ' ' << sev << '\n';
            }
            return kExitOk;
          }};
}

}  // namespace icp::driver
