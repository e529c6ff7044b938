// Engine selection. See engines.h.
#include "eval/engines.h"

#include <atomic>

#include "interp/interpreter.h"

namespace icp::eval {

namespace {
std::atomic<JitProvider> g_jit_provider{nullptr};
}  // namespace

void set_jit_provider(JitProvider p) { g_jit_provider.store(p, std::memory_order_release); }

bool jit_available() { return g_jit_provider.load(std::memory_order_acquire) != nullptr; }

EngineKind default_engine_kind() { return jit_available() ? EngineKind::Jit : EngineKind::Interp; }

bool parse_engine_kind(std::string_view s, EngineKind& out) {
  if (s == "jit") out = EngineKind::Jit;
  else if (s == "interp") out = EngineKind::Interp;
  else return false;
  return true;
}

const char* engine_kind_name(EngineKind k) { return k == EngineKind::Jit ? "jit" : "interp"; }

std::unique_ptr<ir::Engine> make_engine(EngineKind kind, const ir::Function& f, std::string* error) {
  if (kind == EngineKind::Interp) return interp::make_interpreter(f);
  if (JitProvider p = g_jit_provider.load(std::memory_order_acquire)) return p(f, error);
  if (error) *error = "this build of icp has no JIT (use --engine interp)";
  return nullptr;
}

}  // namespace icp::eval
