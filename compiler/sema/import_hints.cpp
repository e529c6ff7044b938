// "Declared in a file this one does not import": the note added to an
// unknown name, type or function when another file of the program, or a
// module of the standard library, declares it. Imports are not re-exported
// (LANGUAGE.md section 3), so `import "./lib.icp"` does not make what lib.icp
// imports visible; a user who misses that is told where the name lives.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "sema/checker.h"
#include "sema/import_hints.h"

namespace fs = std::filesystem;

namespace icp::sema {
namespace {

// Top-level names of the standard library's modules, read off their text:
// every stdlib file is in the canonical layout (fmt --check), where a
// declaration starts a line with its keyword. Read once per folder, and only
// on the error path.
const std::map<std::string, std::string>& stdlib_names(const std::string& dir) {
  static std::mutex mu;
  static std::map<std::string, std::map<std::string, std::string>> by_dir;
  std::lock_guard<std::mutex> lock(mu);
  auto [it, fresh] = by_dir.try_emplace(dir);
  if (!fresh) return it->second;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "std", ec)) {
    std::error_code rec;  // only regular files (the import rule): a FIFO would block
    if (e.path().extension() == ".icp" && e.is_regular_file(rec)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream in(p);
    std::string line, module = "std/" + p.stem().string();
    while (std::getline(in, line)) {
      for (const char* kw : {"enum ", "schema ", "const ", "def "}) {
        if (line.rfind(kw, 0) != 0) continue;
        size_t b = std::string_view(kw).size(), e = b;
        while (e < line.size() && (std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '_')) ++e;
        if (e > b) it->second.emplace(line.substr(b, e - b), module);
      }
    }
  }
  return it->second;
}

// `std/geo` for a file of the standard library, else its path as shown.
std::string import_spec(const Checker& c, FileId g) {
  fs::path p = fs::path(c.prog.sources.file(g).path()).lexically_normal();
  fs::path std_dir = (fs::path(c.stdlib_dir) / "std").lexically_normal();
  if (p.parent_path() == std_dir) return "std/" + p.stem().string();
  return p.string();
}

// A declaration of `name` in a file of the program other than f.
const TopDecl* declared_in_other_file(const Checker& c, FileId f, const std::string& name) {
  for (FileId g = 0; g < c.files.size(); ++g) {
    if (g == f) continue;
    const FileScope& s = c.files[g];
    if (auto it = s.own.find(name); it != s.own.end()) return &it->second;
    if (auto d = s.own_defs.find(name); d != s.own_defs.end()) return &d->second;
  }
  return nullptr;
}

}  // namespace

bool declared_elsewhere(const Checker& c, FileId f, const std::string& name) {
  return declared_in_other_file(c, f, name) ||
         (!c.stdlib_dir.empty() && stdlib_names(c.stdlib_dir).count(name) > 0);
}

void add_import_hint(Checker& c, DiagBuilder& b, FileId f, const std::string& name) {
  if (const TopDecl* found = declared_in_other_file(c, f, name)) {
    std::string spec = import_spec(c, found->file);
    if (spec.rfind("std/", 0) == 0)
      b.note("'{}' is declared in {}, which this file does not import: add `import \"{}\"` (imports are not "
             "re-exported)",
             name, spec, spec);
    else
      b.note(found->name->range,
             "'{}' is declared in '{}', which this file does not import (imports are not re-exported)", name,
             spec);
    return;
  }
  if (c.stdlib_dir.empty()) return;
  const auto& names = stdlib_names(c.stdlib_dir);
  if (auto it = names.find(name); it != names.end())
    b.note("'{}' is declared in {}: add `import \"{}\"`", name, it->second, it->second);
}

}  // namespace icp::sema
