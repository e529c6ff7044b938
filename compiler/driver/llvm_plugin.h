// Finding and loading libicp-llvm.so, the module holding everything of icp
// that links libLLVM (see plugin/llvm_plugin.h for why it is a module).
#pragma once
#include <string>

#include "plugin/llvm_plugin.h"

namespace icp::driver {

// The plug-in, loaded on the first call (thread-safe). Looks at
// $ICP_LLVM_PLUGIN, then next to the executable (the build tree), then in
// LIBDIR/icp/ relative to it (an installed icp: ../lib/icp/ by default). Null when it cannot be
// loaded; *error then says where it looked and why it failed.
const plugin::LlvmPlugin* llvm_plugin(std::string* error);

// Makes the plug-in's JIT eval's JIT provider. The module itself is loaded
// only when the first profile is compiled.
void install_plugin_jit();

}  // namespace icp::driver
