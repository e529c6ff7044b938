// `icp lsp [--stdlib DIR] [--debounce-ms N]`: the language server on
// stdin/stdout (compiler/lsp/).
#include <cstdio>
#include <memory>

#include "driver/cli.h"
#include "lsp/server.h"

namespace icp::driver {

Command setup_lsp(CLI::App& icp) {
  auto opt = std::make_shared<lsp::ServerOptions>();
  CLI::App* sub = icp.add_subcommand("lsp", "Run the language server on stdin/stdout (LSP 3.17)");
  sub->add_option("--stdlib", opt->stdlib_dir, "Where `import \"std/...\"` looks")->type_name("DIR");
  sub->add_option("--debounce-ms", opt->debounce_ms, "Delay between the last change and its diagnostics")
      ->capture_default_str();
  auto stdio = std::make_shared<bool>(false);  // editors pass it; stdio is the only transport
  sub->add_flag("--stdio", *stdio, "Use stdin/stdout (the default and only transport)");
  return {sub, [opt, stdio] { return lsp::run_server(stdin, stdout, *opt); }};
}

}  // namespace icp::driver
