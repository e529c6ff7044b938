// The LLVM back end's public face (no LLVM types here).
//
// make_jit compiles one profile's ir::Function into a native batch scorer
//   void icp_score_<name>(const icp_batch_view*, int64_t as_of,
//                         const icp_result_view*, icp_rt_ctx*)
// (O2, no fast-math) and wraps it in an ir::Engine. emit() writes the same
// code as LLVM IR text, assembly or an object file for `icp build`.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ir/engine.h"
#include "ir/ir.h"

namespace icp::codegen {

// How code is generated. A profile whose row takes more than
// `segment_cost` IR instructions (roughly) is split into several LLVM
// functions of about that size, each optimised and compiled on its own: the
// optimiser's and register allocator's time grows faster than linearly with
// the size of one function. Tests set it low to exercise the split.
//
// How hard it optimises: Full is the O2 pipeline and LLVM's default code
// generator; Light runs a few linear passes and the fast instruction
// selector and register allocator (about six times less compile time,
// slower code). Auto picks Light for a profile of more than
// `light_above` IR instructions (about 1,000 typical rules).
enum class OptTier : uint8_t { Auto, Full, Light };

struct CodegenOptions {
  uint32_t segment_cost = 500;
  OptTier tier = OptTier::Auto;
  uint32_t light_above = 8000;
};

// JIT-compiles `f` (copied: it need not outlive the engine). Returns null and
// sets *error (if given) when LLVM fails. Thread-safe: may be called from
// several threads at once. The engine's score() may be called from many
// threads at once.
std::unique_ptr<ir::Engine> make_jit(const ir::Function& f, std::string* error = nullptr,
                                     const CodegenOptions& options = {});

enum class EmitKind { LlvmIr, Asm, Obj };

// "llvm-ir" / "asm" / "obj" -> kind; false when unknown. Inline: the
// executable uses it without linking this library (plugin/llvm_plugin.h).
inline bool parse_emit_kind(const std::string& s, EmitKind& out) {
  if (s == "llvm-ir") out = EmitKind::LlvmIr;
  else if (s == "asm") out = EmitKind::Asm;
  else if (s == "obj") out = EmitKind::Obj;
  else return false;
  return true;
}

// Compiles the scoring functions of `fns` into one module for the host
// target, optimised as the JIT would (CodegenOptions; the tier from their
// total size), and writes it to *out as LLVM IR text, assembly or an ELF
// object. Returns false and sets *error on failure.
bool emit(const std::vector<const ir::Function*>& fns, EmitKind kind, std::string* out,
          std::string* error, const CodegenOptions& options = {});

// The native symbol of a profile's scoring function: "icp_score_<name>".
std::string score_symbol(const ir::Function& f);

}  // namespace icp::codegen
