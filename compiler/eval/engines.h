// Choosing a scoring engine: the LLVM JIT (codegen/, when it is built) or
// the reference interpreter (interp/). `--engine jit|interp` in the CLI.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "ir/engine.h"

namespace icp::eval {

enum class EngineKind { Jit, Interp };

bool jit_available();
// The JIT when it is built, else the interpreter.
EngineKind default_engine_kind();
// "jit" / "interp"; false for anything else.
bool parse_engine_kind(std::string_view s, EngineKind& out);
const char* engine_kind_name(EngineKind k);

// An engine over `f` (which must outlive it). Null and *error set when the
// JIT is not built or fails to compile `f`.
std::unique_ptr<ir::Engine> make_engine(EngineKind kind, const ir::Function& f, std::string* error);

}  // namespace icp::eval
