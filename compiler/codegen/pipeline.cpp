// The host target, the O2 pass pipeline (new pass manager) and `icp build`'s
// emission of LLVM IR text, assembly or an object file.
#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/IPO/AlwaysInliner.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Support/CodeGen.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/TargetParser/SubtargetFeature.h>

#include <mutex>
#include <stdexcept>

#include "codegen/codegen_internal.h"
#include "codegen/jit.h"

namespace icp::codegen {

void ensure_llvm_initialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

OptTier choose_tier(const CodegenOptions& options, size_t insts) {
  if (options.tier != OptTier::Auto) return options.tier;
  return insts > options.light_above ? OptTier::Light : OptTier::Full;
}

std::unique_ptr<llvm::TargetMachine> host_target_machine(std::string* error, OptTier tier) {
  ensure_llvm_initialized();
  std::string triple = llvm::sys::getProcessTriple();
  std::string err;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, err);
  if (!target) {
    if (error) *error = err;
    return nullptr;
  }
  llvm::SubtargetFeatures features;
  for (const auto& [name, on] : llvm::sys::getHostCPUFeatures()) features.AddFeature(name, on);
  llvm::TargetOptions opts;  // no unsafe-fp-math, no fp contraction
  opts.AllowFPOpFusion = llvm::FPOpFusion::Strict;
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(), opts, llvm::Reloc::PIC_,
      std::nullopt, tier == OptTier::Light ? llvm::CodeGenOptLevel::None : llvm::CodeGenOptLevel::Default));
  if (!tm && error) *error = "cannot create a target machine for " + triple;
  return tm;
}

void optimize(llvm::Module& m, llvm::TargetMachine* tm, OptTier tier) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  if (tier == OptTier::Light) {
    // Per function, cheap passes only: allocas to registers, common
    // subexpressions, CFG cleanup. No InstCombine (on a 10,000-rule profile
    // it cost three times all the others together, for 10% faster code), no
    // inlining, loop or vectorising passes.
    llvm::FunctionPassManager fpm;
    fpm.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
    fpm.addPass(llvm::EarlyCSEPass());
    fpm.addPass(llvm::SimplifyCFGPass());
    llvm::ModulePassManager mpm;
    mpm.addPass(llvm::AlwaysInlinerPass());
    mpm.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(fpm)));
    mpm.run(m, mam);
    return;
  }
  llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
  mpm.run(m, mam);
}

bool emit(const std::vector<const ir::Function*>& fns, EmitKind kind, std::string* out,
          std::string* error, const CodegenOptions& options) {
  try {
    size_t insts = 0;
    for (const ir::Function* f : fns) insts += f->insts.size();
    OptTier tier = choose_tier(options, insts);
    auto tm = host_target_machine(error, tier);
    if (!tm) return false;
    llvm::LLVMContext ctx;
    llvm::Module m("icp", ctx);
    m.setTargetTriple(tm->getTargetTriple().str());
    m.setDataLayout(tm->createDataLayout());
    for (const ir::Function* f : fns) build_score_function(m, *f, options);
    optimize(m, tm.get(), tier);
    out->clear();
    if (kind == EmitKind::LlvmIr) {
      llvm::raw_string_ostream os(*out);
      m.print(os, nullptr);
      return true;
    }
    llvm::SmallVector<char, 0> buf;
    llvm::raw_svector_ostream os(buf);
    llvm::legacy::PassManager pm;
    auto ft = kind == EmitKind::Asm ? llvm::CodeGenFileType::AssemblyFile
                                    : llvm::CodeGenFileType::ObjectFile;
    if (tm->addPassesToEmitFile(pm, os, nullptr, ft)) {
      if (error) *error = "the target cannot emit this file type";
      return false;
    }
    pm.run(m);
    out->assign(buf.begin(), buf.end());
    return true;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
}

}  // namespace icp::codegen
