// The entry point of libicp-llvm.so (see llvm_plugin.h).
#include "plugin/llvm_plugin.h"

#ifndef ICP_VERSION
#define ICP_VERSION "0.0.0"
#endif
#ifndef ICP_BUILD_ID
#error "ICP_BUILD_ID must be defined by the build (compiler/plugin/CMakeLists.txt)"
#endif

extern "C" __attribute__((visibility("default"))) const icp::plugin::LlvmPlugin* icp_llvm_plugin() {
  static const icp::plugin::LlvmPlugin table{
      icp::plugin::kAbi,
      ICP_VERSION,
      ICP_BUILD_ID,
      [](const icp::ir::Function& f, std::string* error) { return icp::codegen::make_jit(f, error); },
      [](const std::vector<const icp::ir::Function*>& fns, icp::codegen::EmitKind kind, std::string* out,
         std::string* error) { return icp::codegen::emit(fns, kind, out, error); },
      &icp::lsp::run_server,
  };
  return &table;
}
