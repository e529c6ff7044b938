// Internal to codegen/: the pieces behind jit.h, with LLVM types forward
// declared only. build_module.cpp turns an ir::Function into an LLVM
// function, pipeline.cpp owns the target and the O2 pipeline, jit.cpp the
// ORC LLJIT, rt_symbols.cpp the addresses of the rt_calls.h functions.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "codegen/jit.h"
#include "ir/ir.h"

namespace llvm {
class Module;
class TargetMachine;
}  // namespace llvm

namespace icp::codegen {

// Adds `void icp_score_<name>(batch*, i64 as_of, result*, ctx*)` to `m`
// (external linkage; its segments, helpers and constants are internal).
void build_score_function(llvm::Module& m, const ir::Function& f, const CodegenOptions& options = {});

// InitializeNativeTarget & co, once per process (std::call_once).
void ensure_llvm_initialized();

// The tier for a profile (or module) of `insts` IR instructions.
OptTier choose_tier(const CodegenOptions& options, size_t insts);

// A TargetMachine for the host CPU (with its features): the default code
// generator (O2), or for the Light tier the fast one (O0).
std::unique_ptr<llvm::TargetMachine> host_target_machine(std::string* error, OptTier tier);

// The new-pass-manager O2 pipeline (no fast-math anywhere: the IR carries
// no fast-math flags and none are added).
// Light: a few linear function passes, for large profiles (see OptTier).
void optimize(llvm::Module& m, llvm::TargetMachine* tm, OptTier tier);

// The extern "C" functions of icp/rt_calls.h that generated code calls.
struct RtSymbol {
  const char* name;
  void* address;
};
const std::vector<RtSymbol>& rt_symbols();

}  // namespace icp::codegen
