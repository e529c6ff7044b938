// `icp build MODEL.icp --emit llvm-ir|asm|obj|ir [-o OUT] [--profile NAME]`:
// writes the optimised LLVM IR, assembly or an object file of the scoring
// functions (`icp_score_<Profile>`, one per profile, all profiles of the
// file unless --profile names one), or the readable ICP IR (`ir`).
// Text goes to stdout by default; an object file to MODEL.o (the model's
// name with `.o`, in the current directory). `-o -` is stdout.
#include <filesystem>
#include <iostream>
#include <memory>

#include "codegen/jit.h"
#include "driver/cli.h"
#include "driver/llvm_plugin.h"
#include "driver/output_file.h"
#include "driver/scoring_common.h"
#include "ir/lower.h"

namespace icp::driver {

namespace {

struct BuildOptions {
  std::string model, emit, output, profile;
};

int run_build(const BuildOptions& opt) {
  bool icp_ir = opt.emit == "ir";
  codegen::EmitKind kind = codegen::EmitKind::LlvmIr;
  if (!icp_ir && !codegen::parse_emit_kind(opt.emit, kind))
    return usage_error("--emit: '" + opt.emit + "' is not one of llvm-ir, asm, obj, ir");
  int code = kExitOk;
  std::unique_ptr<sema::Program> program = load_checked(opt.model, &code);
  if (!program) return code;

  std::vector<const sema::ProfileInfo*> profiles;
  if (!opt.profile.empty()) {
    const sema::ProfileInfo* p = pick_profile(*program, opt.profile);
    if (!p) return kExitUsage;
    profiles.push_back(p);
  } else {
    for (const auto& p : program->model.profiles) profiles.push_back(&p);
    if (profiles.empty()) return usage_error("the model has no profile or persona");
  }
  std::vector<ir::Function> fns;
  try {
    for (const auto* p : profiles) fns.push_back(ir::lower_profile(*program, *p));
  } catch (const ir::LowerError& e) {
    std::cerr << "icp: internal error: " << e.what() << "\n";
    return kExitInternal;
  }

  std::string out, error;
  if (icp_ir) {
    for (const auto& f : fns) out += ir::print(f);
  } else {
    std::vector<const ir::Function*> ptrs;
    for (const auto& f : fns) ptrs.push_back(&f);
    const plugin::LlvmPlugin* backend = llvm_plugin(&error);
    if (!backend) {
      std::cerr << "icp: error: " << error << "\n";
      return kExitInternal;
    }
    if (!backend->emit(ptrs, kind, &out, &error)) {
      std::cerr << "icp: internal error: code generation failed: " << error << "\n";
      return kExitInternal;
    }
  }

  std::string path = opt.output;
  if (path.empty() && !icp_ir && kind == codegen::EmitKind::Obj)
    path = std::filesystem::path(opt.model).stem().string() + ".o";
  if (path.empty()) path = "-";
  // The output may not be the model or one of its imports.
  FileRoles roles;
  for (size_t f = 0; f < program->sources.size(); ++f)
    roles.input(FileId(f) == program->main_file ? "the model" : "an import of the model",
                program->sources.file(FileId(f)).path());
  roles.output(opt.output.empty() ? "the output" : "-o", path);
  if (!roles.check()) return kExitUsage;
  OutputFile file;
  if (!file.open(path)) return usage_error(file.error());
  file.write(out);
  if (!file.commit()) {
    std::cerr << "icp: error: " << file.error() << "\n";
    return kExitEnvironment;
  }
  return kExitOk;
}

}  // namespace

Command setup_build(CLI::App& icp) {
  auto opt = std::make_shared<BuildOptions>();
  CLI::App* sub = icp.add_subcommand(
      "build", "Write the optimised LLVM IR, assembly or object code of the scoring functions");
  sub->add_option("model", opt->model, "The .icp model")->required()->type_name("MODEL.icp");
  sub->add_option("--emit", opt->emit, "What to write: llvm-ir, asm, obj (or ir: the ICP IR)")
      ->required()
      ->check(CLI::IsMember({"llvm-ir", "asm", "obj", "ir"}))
      ->type_name("llvm-ir|asm|obj");
  sub->add_option("-o,--output", opt->output, "Output file (default: stdout; MODEL.o for obj; - is stdout)")
      ->type_name("OUT");
  sub->add_option("--profile", opt->profile, "Only this profile or persona (default: all of them)");
  add_import_root_option(*sub);
  return {sub, [opt] { return run_build(*opt); }};
}

}  // namespace icp::driver
