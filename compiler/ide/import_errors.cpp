// Errors in imported files, summarised at the imports of the main file
// (diagnostics.h).
#include <algorithm>
#include <filesystem>

#include "ide/diagnostics.h"
#include "ide/imports.h"

namespace icp::ide {

namespace {
constexpr size_t kMaxRelated = 20;  // errors listed as related information per import

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
}  // namespace

std::vector<Diagnostic> imported_file_errors(const sema::Program& p) {
  std::vector<Diagnostic> out;
  const ast::Module* m = p.main_module();
  if (!m) return out;
  std::vector<Diagnostic> all = p.diags.sorted();
  std::vector<FileId> done;  // one diagnostic per imported file
  for (const auto& d : m->decls) {
    const auto* imp = d ? d->as<ast::ImportDecl>() : nullptr;
    if (!imp) continue;
    FileId target = p.model.import_target(imp->id);
    if (target == kNoFile || target == p.main_file || target >= p.sources.size()) continue;
    if (std::find(done.begin(), done.end(), target) != done.end()) continue;
    done.push_back(target);
    std::vector<FileId> files = reachable_files(p, target);
    std::vector<const Diagnostic*> errors;
    size_t own = 0;
    for (const Diagnostic& e : all) {
      if (e.severity != Severity::Error || !e.range.valid() || e.range.file == p.main_file) continue;
      if (std::find(files.begin(), files.end(), e.range.file) == files.end()) continue;
      errors.push_back(&e);
      if (e.range.file == target) ++own;
    }
    if (errors.empty()) continue;
    std::string name = std::filesystem::path(p.sources.file(target).path()).filename().string();
    Diagnostic s;
    s.kind = errors.front()->kind;
    s.severity = Severity::Error;
    s.range = imp->path.range;
    s.message = "the imported file " + name + " has " + plural(errors.size(), "error");
    if (own < errors.size()) s.message += ", counting the files it imports";
    for (size_t i = 0; i < errors.size() && i < kMaxRelated; ++i)
      s.notes.push_back({errors[i]->range, errors[i]->code + ": " + errors[i]->message});
    if (errors.size() > kMaxRelated) s.notes.push_back({SourceRange{}, "and " + plural(errors.size() - kMaxRelated, "more error")});
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace icp::ide
