// The LLVM plug-in: everything of `icp` that links libLLVM (the JIT and
// `icp build`'s code generator from codegen/, the language server from lsp/)
// built as one loadable module, libicp-llvm.so, next to the executable.
//
// Why a module: loading libLLVM costs ~70 ms of start-up (relocations and
// static constructors), more than `icp check` on a 5,000-line model may take
// in all. The executable therefore does not link LLVM; it loads this module
// on first use of the JIT, `icp build` or `icp lsp` (driver/llvm_plugin.cpp).
// libicp.so and the tests link codegen/ and lsp/ directly instead.
//
// The module and the executable come from the same build (same compiler, same
// headers), so the table below may pass C++ types. The loader refuses a
// module whose build id differs from its own (a fresh id is made each time
// CMake configures the build: plugin/CMakeLists.txt), and kAbi documents the
// table's layout.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "codegen/jit.h"
#include "ir/engine.h"
#include "ir/ir.h"
#include "lsp/server.h"

namespace icp::plugin {

// Bump when LlvmPlugin or a type it passes changes.
inline constexpr int kAbi = 2;

struct LlvmPlugin {
  int abi;               // kAbi of the build that made the module
  const char* version;   // ICP_VERSION of that build
  const char* build_id;  // ICP_BUILD_ID of that build
  // codegen::make_jit
  std::unique_ptr<ir::Engine> (*make_jit)(const ir::Function& f, std::string* error);
  // codegen::emit
  bool (*emit)(const std::vector<const ir::Function*>& fns, codegen::EmitKind kind, std::string* out,
               std::string* error);
  // lsp::run_server
  int (*run_lsp)(std::FILE* in, std::FILE* out, const lsp::ServerOptions& opts);
};

}  // namespace icp::plugin

// The module's one exported symbol.
#define ICP_LLVM_PLUGIN_ENTRY "icp_llvm_plugin"
extern "C" const icp::plugin::LlvmPlugin* icp_llvm_plugin();
