// Choosing a scoring engine: the LLVM JIT or the reference interpreter
// (interp/). `--engine jit|interp` in the CLI.
//
// eval/ does not link the code generator: whoever links eval installs a
// JitProvider. libicp.so installs codegen::make_jit; the `icp` executable
// installs a loader of its LLVM plug-in (plugin/llvm_plugin.h), so that
// commands which never JIT do not load libLLVM. Without a provider only the
// interpreter is available.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "ir/engine.h"

namespace icp::eval {

enum class EngineKind { Jit, Interp };

// Compiles `f` into a native engine; null and *error set on failure (for
// example when the back end cannot be loaded).
using JitProvider = std::unique_ptr<ir::Engine> (*)(const ir::Function& f, std::string* error);

// Installs the process's JIT provider (once, before scoring; later calls
// replace it). Thread-safe.
void set_jit_provider(JitProvider p);

// Whether a JIT provider is installed.
bool jit_available();
// The JIT when a provider is installed, else the interpreter.
EngineKind default_engine_kind();
// "jit" / "interp"; false for anything else.
bool parse_engine_kind(std::string_view s, EngineKind& out);
const char* engine_kind_name(EngineKind k);

// An engine over `f` (which must outlive it). Null and *error set when no
// JIT provider is installed or it fails to compile `f`.
std::unique_ptr<ir::Engine> make_engine(EngineKind kind, const ir::Function& f, std::string* error);

}  // namespace icp::eval
