// icp_compile_file / icp_compile_source / icp_model_*: the front end
// (sema::compile_*) with diagnostics rendered as `icp check` prints them.
#include <exception>

#include "capi_internal.h"
#include "diag/render.h"

namespace {

icp_model* finish(std::unique_ptr<icp::sema::Program> prog, char** errors) {
  std::vector<icp::Diagnostic> ds = prog->diags.sorted();
  std::string text = icp::render_text(prog->sources, ds);
  if (prog->diags.has_errors() || !prog->main_module()) {
    icp::capi::set_out(errors, text.empty() ? "error: the model could not be compiled\n" : text);
    return nullptr;
  }
  auto* m = new icp_model();
  for (const auto& p : prog->model.profiles) m->profiles.push_back(p.name);
  m->warnings = std::move(text);
  m->program = std::move(prog);
  return m;
}

}  // namespace

extern "C" {

icp_model* icp_compile_file(const char* path, char** errors) {
  if (errors) *errors = nullptr;
  if (!path) {
    icp::capi::set_out(errors, "error: no path given\n");
    return nullptr;
  }
  try {
    return finish(icp::sema::compile_file(path), errors);
  } catch (const std::exception& e) {
    icp::capi::set_out(errors, std::string("internal error: ") + e.what() + "\n");
    return nullptr;
  }
}

icp_model* icp_compile_source(const char* source, size_t len, const char* name, char** errors) {
  if (errors) *errors = nullptr;
  if (!source && len) {
    icp::capi::set_out(errors, "error: no source given\n");
    return nullptr;
  }
  try {
    std::string text(source ? source : "", len);
    return finish(icp::sema::compile_source(std::move(text), name ? name : "<source>"), errors);
  } catch (const std::exception& e) {
    icp::capi::set_out(errors, std::string("internal error: ") + e.what() + "\n");
    return nullptr;
  }
}

void icp_model_free(icp_model* m) { delete m; }

const char* icp_model_warnings(const icp_model* m) { return m ? m->warnings.c_str() : ""; }

size_t icp_model_profile_count(const icp_model* m) { return m ? m->profiles.size() : 0; }

const char* icp_model_profile_name(const icp_model* m, size_t i) {
  return m && i < m->profiles.size() ? m->profiles[i].c_str() : nullptr;
}

}  // extern "C"
