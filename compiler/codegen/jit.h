// The LLVM back end's public face (no LLVM types here).
//
// make_jit compiles one profile's ir::Function into a native batch scorer
//   void icp_score_<name>(const icp_batch_view*, int64_t as_of,
//                         const icp_result_view*, icp_rt_ctx*)
// (O2, no fast-math) and wraps it in an ir::Engine. emit() writes the same
// code as LLVM IR text, assembly or an object file for `icp build`.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "ir/engine.h"
#include "ir/ir.h"

namespace icp::codegen {

// JIT-compiles `f` (copied: it need not outlive the engine). Returns null and
// sets *error (if given) when LLVM fails. Thread-safe: may be called from
// several threads at once. The engine's score() may be called from many
// threads at once.
std::unique_ptr<ir::Engine> make_jit(const ir::Function& f, std::string* error = nullptr);

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
// target, optimised at O2, and writes it to *out as LLVM IR text, assembly
// or an ELF object. Returns false and sets *error on failure.
bool emit(const std::vector<const ir::Function*>& fns, EmitKind kind, std::string* out,
          std::string* error);

// The native symbol of a profile's scoring function: "icp_score_<name>".
std::string score_symbol(const ir::Function& f);

}  // namespace icp::codegen
