// icp_compile_file(_in) / icp_compile_source(_in) / icp_model_*: the front end
// (sema::compile_*) with diagnostics rendered as `icp check` prints them.
#include <exception>
#include <filesystem>

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

// Puts `import_root` (NULL: the default) into `opts`; false, with a message,
// when it is not a folder.
bool root_option(const char* import_root, icp::sema::CompileOptions& opts, char** errors) {
  if (!import_root) return true;
  std::error_code ec;
  if (!*import_root || !std::filesystem::is_directory(import_root, ec)) {
    icp::capi::set_out(errors, std::string("error: the import root '") + import_root + "' is not a folder\n");
    return false;
  }
  opts.import_root = import_root;
  return true;
}

}  // namespace

extern "C" {

icp_model* icp_compile_file_in(const char* path, const char* import_root, char** errors) {
  if (errors) *errors = nullptr;
  if (!path) {
    icp::capi::set_out(errors, "error: no path given\n");
    return nullptr;
  }
  try {
    icp::sema::CompileOptions opts;
    if (!root_option(import_root, opts, errors)) return nullptr;
    return finish(icp::sema::compile_file(path, opts), errors);
  } catch (const std::exception& e) {
    icp::capi::set_out(errors, std::string("internal error: ") + e.what() + "\n");
    return nullptr;
  }
}

icp_model* icp_compile_file(const char* path, char** errors) { return icp_compile_file_in(path, nullptr, errors); }

icp_model* icp_compile_source_in(const char* source, size_t len, const char* name, const char* import_root,
                                 char** errors) {
  if (errors) *errors = nullptr;
  if (!source && len) {
    icp::capi::set_out(errors, "error: no source given\n");
    return nullptr;
  }
  try {
    std::string text(source ? source : "", len);
    std::string path = name ? name : "<source>";
    icp::sema::CompileOptions opts;
    if (!root_option(import_root, opts, errors)) return nullptr;
    if (!import_root) {
      opts.no_import_root = true;  // source from memory without a root
    } else if (!std::filesystem::path(path).is_absolute()) {
      path = (std::filesystem::path(import_root) / path).lexically_normal().string();
    }
    return finish(icp::sema::compile_source(std::move(text), path, opts), errors);
  } catch (const std::exception& e) {
    icp::capi::set_out(errors, std::string("internal error: ") + e.what() + "\n");
    return nullptr;
  }
}

icp_model* icp_compile_source(const char* source, size_t len, const char* name, char** errors) {
  return icp_compile_source_in(source, len, name, nullptr, errors);
}

void icp_model_free(icp_model* m) { delete m; }

const char* icp_model_warnings(const icp_model* m) { return m ? m->warnings.c_str() : ""; }

size_t icp_model_profile_count(const icp_model* m) { return m ? m->profiles.size() : 0; }

const char* icp_model_profile_name(const icp_model* m, size_t i) {
  return m && i < m->profiles.size() ? m->profiles[i].c_str() : nullptr;
}

}  // extern "C"
