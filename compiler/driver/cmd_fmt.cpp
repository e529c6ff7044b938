// `icp fmt FILE... [-w] [--check]`: the canonical layout (compiler/fmt/).
// Default prints the formatted text to stdout; -w rewrites files in place;
// --check lists the files that are not formatted and exits 1 if any. A file
// with syntax errors is refused (its diagnostics are printed, exit 1).
#include <algorithm>
#include <iostream>
#include <memory>

#include "driver/cli.h"
#include "driver/output_file.h"
#include "fmt/formatter.h"
#include "syntax/parser.h"

namespace icp::driver {

struct FmtOptions {
  std::vector<std::string> files;
  bool write = false;
  bool check = false;
};

int run_fmt(const FmtOptions& opt) {
  SourceManager sm;
  std::vector<FileId> ids;
  if (!load_files(opt.files, sm, ids)) return kExitUsage;
  int rc = kExitOk;
  for (FileId id : ids) {
    const SourceFile& file = sm.file(id);
    DiagnosticEngine diags;
    ast::NodeIdAllocator node_ids;
    std::unique_ptr<ast::Module> module = parse_module(file, node_ids, diags);
    if (diags.has_errors()) {
      print_diagnostics(sm, diags.sorted(), OutputFormat::Text);
      std::cerr << "icp: error: not formatting '" << file.path() << "': it has syntax errors\n";
      rc = kExitFailed;
      continue;
    }
    std::string out = format_module(*module, file);
    if (opt.check) {
      if (out != file.text()) {
        std::cout << file.path() << "\n";
        rc = kExitFailed;
      }
    } else if (opt.write) {
      if (out != file.text()) {
        // A temporary file renamed over the original: a failed write
        // leaves the original as it was (exit 4).
        OutputFile f;
        if (!f.open(file.path())) {
          std::cerr << "icp: error: " << f.error() << "\n";
          rc = std::max(rc, kExitUsage);
          continue;
        }
        f.write(out);
        if (!f.commit()) {
          std::cerr << "icp: error: " << f.error() << "; '" << file.path() << "' is unchanged\n";
          rc = kExitEnvironment;
        }
      }
    } else {
      std::cout << out;
    }
  }
  std::cout.flush();
  return rc;
}

Command setup_fmt(CLI::App& icp) {
  auto opt = std::make_shared<FmtOptions>();
  CLI::App* sub = icp.add_subcommand("fmt", "Format .icp files in the canonical layout");
  sub->add_option("files", opt->files, "The .icp files to format")->required()->type_name("FILE...");
  auto* w = sub->add_flag("-w,--write", opt->write, "Rewrite the files in place");
  sub->add_flag("--check", opt->check, "List the files that are not formatted; exit 1 if any")->excludes(w);
  return {sub, [opt] { return run_fmt(*opt); }};
}

}  // namespace icp::driver
