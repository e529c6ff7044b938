// `icp lsp [--stdlib DIR] [--import-root DIR] [--debounce-ms N]`: the language server on
// stdin/stdout (compiler/lsp/, loaded from the LLVM plug-in).
#include <cstdio>
#include <memory>

#include <iostream>

#include "driver/cli.h"
#include "driver/llvm_plugin.h"

namespace icp::driver {

Command setup_lsp(CLI::App& icp) {
  auto opt = std::make_shared<lsp::ServerOptions>();
  CLI::App* sub = icp.add_subcommand("lsp", "Run the language server on stdin/stdout (LSP 3.17)");
  sub->add_option("--stdlib", opt->stdlib_dir, "Where `import \"std/...\"` looks")->type_name("DIR");
  sub->add_option("--import-root", opt->import_root,
                  "The folder relative imports must stay inside (default: the folder of each document)")
      ->check(CLI::ExistingDirectory)
      ->type_name("DIR");
  sub->add_option("--debounce-ms", opt->debounce_ms, "Delay between the last change and its diagnostics")
      ->capture_default_str();
  auto stdio = std::make_shared<bool>(false);  // editors pass it; stdio is the only transport
  sub->add_flag("--stdio", *stdio, "Use stdin/stdout (the default and only transport)");
  return {sub, [opt, stdio] {
            std::string error;
            const plugin::LlvmPlugin* backend = llvm_plugin(&error);
            if (!backend) {
              std::cerr << "icp: error: " << error << "\n";
              return kExitInternal;
            }
            return backend->run_lsp(stdin, stdout, *opt);
          }};
}

}  // namespace icp::driver
