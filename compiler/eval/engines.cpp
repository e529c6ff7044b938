// Engine selection. See engines.h. ICP_HAVE_JIT is defined by CMakeLists.txt
// when the codegen phase is part of the build.
#include "eval/engines.h"

#ifdef ICP_HAVE_JIT
#include "codegen/jit.h"
#endif

namespace icp::eval {

bool jit_available() {
#ifdef ICP_HAVE_JIT
  return true;
#else
  return false;
#endif
}

EngineKind default_engine_kind() { return jit_available() ? EngineKind::Jit : EngineKind::Interp; }

bool parse_engine_kind(std::string_view s, EngineKind& out) {
  if (s == "jit") out = EngineKind::Jit;
  else if (s == "interp") out = EngineKind::Interp;
  else return false;
  return true;
}

const char* engine_kind_name(EngineKind k) { return k == EngineKind::Jit ? "jit" : "interp"; }

std::unique_ptr<ir::Engine> make_engine(EngineKind kind, const ir::Function& f, std::string* error) {
  if (kind == EngineKind::Interp) return ir::make_interpreter(f);
#ifdef ICP_HAVE_JIT
  return codegen::make_jit(f, error);
#else
  if (error) *error = "this build of icp has no JIT (use --engine interp)";
  return nullptr;
#endif
}

}  // namespace icp::eval
