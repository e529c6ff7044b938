// `icp check FILE... [--format text|json] [--werror] [--dump-ast] [--stdlib DIR]`
#include <iostream>
#include <memory>
#include <unordered_map>

#include "driver/cli.h"
#include "sema/program.h"
#include "syntax/ast_dump.h"

namespace icp::driver {

struct CheckOptions {
  std::vector<std::string> files;
  OutputFormat format = OutputFormat::Text;
  bool werror = false;
  bool dump_ast = false;
  std::string stdlib;  // empty: sema::default_stdlib_dir()
};

// Copies a program's diagnostics into one engine over one SourceManager, so
// several checked files print as one list (one JSON array).
static void merge_diagnostics(const sema::Program& prog, SourceManager& all, DiagnosticEngine& out) {
  std::unordered_map<FileId, FileId> ids;
  auto remap = [&](SourceRange& r) {
    if (!r.valid()) return;
    auto it = ids.find(r.file);
    if (it == ids.end()) {
      const SourceFile& f = prog.sources.file(r.file);
      FileId id = all.find(f.path());
      if (id == kNoFile) id = all.add(f.path(), f.text());
      it = ids.emplace(r.file, id).first;
    }
    r.file = it->second;
  };
  for (Diagnostic d : prog.diags.diagnostics()) {
    remap(d.range);
    for (auto& n : d.notes) remap(n.range);
    for (auto& f : d.fixes) remap(f.range);
    out.add(std::move(d));
  }
}

// Reads, checks and reports every file; returns the exit code.
// Each file is checked on its own (with what it imports) by sema::compile_source.
int run_check(const CheckOptions& opt) {
  SourceManager sm;
  std::vector<FileId> ids;
  if (!load_files(opt.files, sm, ids)) return kExitUsage;

  sema::CompileOptions copts = compile_options();
  copts.stdlib_dir = opt.stdlib;
  SourceManager all;
  DiagnosticEngine diags;
  for (FileId id : ids) {
    const SourceFile& file = sm.file(id);
    std::unique_ptr<sema::Program> prog = sema::compile_source(file.text(), file.path(), copts);
    if (opt.dump_ast && prog->main_module()) {
      if (ids.size() > 1) std::cout << "== " << file.path() << "\n";
      std::cout << dump_ast(*prog->main_module());
    }
    merge_diagnostics(*prog, all, diags);
  }
  print_diagnostics(all, diags.sorted(), opt.format);
  return diagnostics_exit_code(diags, opt.werror);
}

Command setup_check(CLI::App& icp) {
  auto opt = std::make_shared<CheckOptions>();
  CLI::App* sub = icp.add_subcommand("check", "Parse and type-check .icp files");
  sub->add_option("files", opt->files, "The .icp files to check")->required()->type_name("FILE...");
  add_format_option(*sub, opt->format);
  sub->add_flag("--werror", opt->werror, "Make warnings fail (exit code 1)");
  sub->add_flag("--dump-ast", opt->dump_ast, "Print the syntax tree of each file to stdout");
  sub->add_option("--stdlib", opt->stdlib,
                  "Where `import \"std/NAME\"` looks (default: $ICP_STDLIB, then next to icp)")
      ->type_name("DIR");
  add_import_root_option(*sub);
  return {sub, [opt] { return run_check(*opt); }};
}

}  // namespace icp::driver
