// Import path candidates (completion_paths.h).
#include "ide/completion_paths.h"

#include <algorithm>
#include <filesystem>

#include "sema/import_rule.h"

namespace fs = std::filesystem;

namespace icp::ide {

std::vector<ImportCandidate> import_candidates(const sema::Program& p, std::string_view typed,
                                               std::string_view stdlib_dir) {
  std::vector<ImportCandidate> out;
  std::error_code ec;
  bool std_like = typed.size() <= 4 ? std::string_view("std/").substr(0, typed.size()) == typed : typed.rfind("std/", 0) == 0;
  if (std_like) {
    fs::path dir = fs::path(stdlib_dir.empty() ? sema::default_stdlib_dir() : std::string(stdlib_dir)) / "std";
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".icp") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    for (const auto& n : names) out.push_back({"std/" + n, CompletionKind::Module, "standard library"});
  }
  if (!typed.empty() && typed[0] != '.') return out;
  const std::string& main = p.sources.file(p.main_file).path();
  if (main.empty() || main[0] != '/' || !p.import_root) return out;  // no folder to look in
  // Only what the import rule allows (sema/import_rule.h): folders and
  // regular .icp files inside the import root.
  const fs::path root(*p.import_root);
  // The folder part typed so far: "./", "../common/"; nothing typed reads as "./".
  size_t slash = typed.rfind('/');
  std::string folder = slash == std::string_view::npos ? "./" : std::string(typed.substr(0, slash + 1));
  fs::path base = fs::path(main).parent_path() / folder;
  fs::path self = fs::path(main).lexically_normal();
  std::vector<ImportCandidate> found;
  for (const auto& e : fs::directory_iterator(base, ec)) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code dec;
    fs::path resolved = fs::weakly_canonical(e.path(), dec);
    if (dec || !sema::inside_root(resolved, root)) continue;
    if (e.is_directory(dec)) {
      found.push_back({folder + name + "/", CompletionKind::Folder, "folder"});
    } else if (e.path().extension() == ".icp" && resolved.extension() == ".icp" && e.is_regular_file(dec) &&
               e.path().lexically_normal() != self) {
      found.push_back({folder + name, CompletionKind::File, "file"});
    }
  }
  std::sort(found.begin(), found.end(), [](const ImportCandidate& a, const ImportCandidate& b) { return a.label < b.label; });
  out.insert(out.end(), found.begin(), found.end());
  return out;
}

}  // namespace icp::ide
