// Loading libicp-llvm.so. See llvm_plugin.h.
#include "driver/llvm_plugin.h"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "eval/engines.h"

#ifndef ICP_BUILD_ID
#error "ICP_BUILD_ID must be defined by the build (compiler/plugin/CMakeLists.txt)"
#endif

namespace icp::driver {

namespace fs = std::filesystem;

namespace {

constexpr const char* kModuleName = "libicp-llvm.so";

std::vector<fs::path> candidates() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv("ICP_LLVM_PLUGIN"); env && *env) {
    out.emplace_back(env);
    return out;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return out;
  fs::path dir = exe.parent_path();
  out.push_back(dir / kModuleName);
#ifndef ICP_PLUGIN_DIR_FROM_BIN
#define ICP_PLUGIN_DIR_FROM_BIN "../lib/icp"
#endif
  out.push_back((dir / ICP_PLUGIN_DIR_FROM_BIN / kModuleName).lexically_normal());
  return out;
}

struct Loaded {
  const plugin::LlvmPlugin* plugin = nullptr;
  std::string error;
};

Loaded load() {
  Loaded r;
  std::vector<fs::path> paths = candidates();
  std::string tried;
  for (const fs::path& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      tried += "\n  " + p.string() + ": not found";
      continue;
    }
    // Absolute: dlopen would search the library path for a bare file name.
    void* h = dlopen(fs::absolute(p, ec).c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      tried += "\n  " + p.string() + ": " + dlerror();
      continue;
    }
    using Entry = const plugin::LlvmPlugin* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(h, ICP_LLVM_PLUGIN_ENTRY));
    const plugin::LlvmPlugin* table = entry ? entry() : nullptr;
    if (!table || table->abi != plugin::kAbi || std::strcmp(table->build_id, ICP_BUILD_ID) != 0) {
      tried += "\n  " + p.string() + ": not a plug-in of this icp build";
      dlclose(h);
      continue;
    }
    r.plugin = table;  // never unloaded: engines it made live until exit
    return r;
  }
  r.error = std::string("cannot load the LLVM back end (") + kModuleName + "), needed by the JIT, " +
            "`icp build` and `icp lsp`; tried:" + tried +
            "\n  (set ICP_LLVM_PLUGIN to its path; scoring also works with --engine interp)";
  return r;
}

std::unique_ptr<ir::Engine> jit_through_plugin(const ir::Function& f, std::string* error) {
  const plugin::LlvmPlugin* p = llvm_plugin(error);
  return p ? p->make_jit(f, error) : nullptr;
}

}  // namespace

const plugin::LlvmPlugin* llvm_plugin(std::string* error) {
  static const Loaded loaded = load();
  if (!loaded.plugin && error) *error = loaded.error;
  return loaded.plugin;
}

void install_plugin_jit() { eval::set_jit_provider(&jit_through_plugin); }

}  // namespace icp::driver
