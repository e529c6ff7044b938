// libicp.so links the code generator and installs it as the JIT of every
// scorer it creates (compiler/eval/engines.h). The executable loads the same
// code from a plug-in instead; a library's users expect one self-contained
// file.
#include "codegen/jit.h"
#include "eval/engines.h"

namespace {
struct InstallJit {
  InstallJit() {
    icp::eval::set_jit_provider(
        [](const icp::ir::Function& f, std::string* error) { return icp::codegen::make_jit(f, error); });
  }
};
// Runs when libicp.so is loaded, before any icp_* call can be made.
InstallJit g_install_jit;
}  // namespace
