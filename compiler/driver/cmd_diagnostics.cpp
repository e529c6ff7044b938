// `icp diagnostics` (hidden): every registered diagnostic code and its
// severity, one per line (`E0101 error`), each code once, in registry order.
// Used by the test suite to check that every code has a golden test.
#include <iostream>
#include <set>

#include "driver/cli.h"

namespace icp::driver {

Command setup_diagnostics(CLI::App& icp) {
  CLI::App* sub = icp.add_subcommand("diagnostics", "List every diagnostic code");
  sub->group("");  // hidden from `icp --help`
  return {sub, [] {
            std::set<std::string_view> seen;
            for (const DiagInfo& d : all_diag_infos()) {
              if (!seen.insert(d.code).second) continue;
              std::cout << d.code << ' ' << (d.severity == Severity::Error ? "error" : "warning") << '\n';
            }
            return kExitOk;
          }};
}

}  // namespace icp::driver
