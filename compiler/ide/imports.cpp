// The import graph (imports.h).
#include "ide/imports.h"

#include <filesystem>

namespace icp::ide {

namespace {
template <typename F> void for_each_import(const sema::Program& p, FileId file, F f) {
  if (file >= p.modules.size() || !p.modules[file]) return;
  for (const auto& d : p.modules[file]->decls)
    if (const auto* imp = d ? d->as<ast::ImportDecl>() : nullptr) f(*imp);
}
}  // namespace

std::vector<FileId> direct_imports(const sema::Program& p, FileId file) {
  std::vector<FileId> out;
  for_each_import(p, file, [&](const ast::ImportDecl& imp) {
    FileId t = p.model.import_target(imp.id);
    if (t == kNoFile || t == file) return;
    for (FileId o : out)
      if (o == t) return;
    out.push_back(t);
  });
  return out;
}

std::vector<FileId> reachable_files(const sema::Program& p, FileId file) {
  std::vector<FileId> out{file};
  std::vector<bool> seen(p.sources.size(), false);
  if (file < seen.size()) seen[file] = true;
  for (size_t i = 0; i < out.size(); ++i)
    for (FileId t : direct_imports(p, out[i]))
      if (t < seen.size() && !seen[t]) {
        seen[t] = true;
        out.push_back(t);
      }
  return out;
}

std::vector<ProgramInput> program_inputs(const sema::Program& p) {
  std::vector<ProgramInput> out;
  for (size_t i = 0; i < p.sources.size(); ++i) {
    FileId f = static_cast<FileId>(i);
    if (f != p.main_file) out.push_back({p.sources.file(f).path(), f});
    for_each_import(p, f, [&](const ast::ImportDecl& imp) {
      const std::string& spec = imp.path.value;
      // A missing standard library module is the installation's problem, not a file to watch.
      if (spec.empty() || spec.rfind("std/", 0) == 0 || p.model.import_target(imp.id) != kNoFile) return;
      std::filesystem::path base = std::filesystem::path(p.sources.file(f).path()).parent_path();
      out.push_back({(base / spec).lexically_normal().string(), kNoFile});
    });
  }
  return out;
}

}  // namespace icp::ide
