// Reading and parsing files and resolving imports (see loader.h).
#include "sema/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "sema/import_rule.h"
#include "sema/suggest.h"
#include "syntax/parser.h"

namespace fs = std::filesystem;

namespace icp::sema {
namespace {

std::string canonical_key(const fs::path& p) { return canonical_file_key(p.string()); }

std::optional<std::string> read_file(const fs::path& p, std::string* err) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    if (err) *err = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    if (err) *err = fs::exists(p, ec) ? "permission denied" : "no such file";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Loader {
 public:
  Loader(Checker& c, const CompileOptions& opts) : c_(c), opts_(opts) {
    stdlib_ = opts.stdlib_dir.empty() ? default_stdlib_dir() : opts.stdlib_dir;
    c_.stdlib_dir = stdlib_;
    for (const auto& [path, text] : opts.overlays) overlays_[canonical_key(path)] = &text;
    stdlib_root_ = canonical_root(stdlib_);
  }

  FileId load_main(const std::string& path, std::optional<std::string> text) {
    std::string key = canonical_key(path);
    if (!text) {
      auto it = overlays_.find(key);
      if (it != overlays_.end()) text = *it->second;
    }
    // The import root (LANGUAGE.md section 3): the folder of this file
    // unless the options name one; none for source from memory.
    if (!opts_.no_import_root)
      root_ = canonical_root(!opts_.import_root.empty() ? opts_.import_root
                                                        : fs::path(path).parent_path().string());
    std::string err;
    if (!text) text = read_file(path, &err);
    if (!text) {
      FileId f = add(path, key, "");
      c_.diags.emit(diag::FileNotReadable, c_.prog.sources.file(f).range(0, 0), path, err);
      return f;
    }
    FileId f = add(path, key, std::move(*text));
    visit(f);
    return f;
  }

 std::optional<std::string> root() const {
    if (!root_) return std::nullopt;
    return root_->string();
  }

 private:
  FileId add(const std::string& display, const std::string& key, std::string text) {
    FileId f = c_.prog.sources.add(display, std::move(text));
    by_key_[key] = f;
    if (c_.prog.modules.size() <= f) c_.prog.modules.resize(f + 1);
    if (c_.files.size() <= f) c_.files.resize(f + 1);
    if (state_.size() <= f) state_.resize(f + 1, 0);
    c_.prog.modules[f] = parse_module(c_.prog.sources.file(f), c_.prog.ids, c_.diags);
    return f;
  }

  static bool is_std(const std::string& spec) { return spec.rfind("std/", 0) == 0; }

  // Where an import path points, relative to the importing file.
  fs::path target_of(FileId from, const std::string& spec) const {
    if (is_std(spec)) {
      fs::path p = fs::path(stdlib_) / spec;
      if (p.extension() != ".icp") p += ".icp";
      return p;
    }
    fs::path base = fs::path(c_.prog.sources.file(from).path()).parent_path();
    return (base / spec).lexically_normal();
  }

  // The root the imports of `from` must stay in: the standard library's
  // folder for its own files, else the program's import root.
  std::optional<fs::path> root_for(FileId from, const std::string& spec) const {
    if (is_std(spec) || (from < in_stdlib_.size() && in_stdlib_[from])) return stdlib_root_;
    return root_;
  }

  // Reports an import the rule refuses (E0104). Never quotes the file.
  void refuse(FileId f, const ast::ImportDecl& imp, ImportRefusal why, const fs::path& target,
              const std::optional<fs::path>& root, const std::string& detail) {
    c_.files[f].incomplete = true;
    const std::string& spec = imp.path.value;
    const SourceRange& at = imp.path.range;
    const bool std_lib = is_std(spec);
    switch (why) {
      case ImportRefusal::None:
        return;
      case ImportRefusal::Absolute:
        c_.diags.emit(diag::ImportAbsolute, at, spec)
            .note("write the path relative to the importing file's folder ('./x.icp')");
        return;
      case ImportRefusal::NotIcp: {
        auto b = c_.diags.emit(diag::ImportNotIcpFile, at, spec);
        // `import "./common"` for ./common.icp
        fs::path with_ext = target;
        with_ext += ".icp";
        if (!std_lib && root && !fs::path(spec).has_extension() &&
            check_import_path(spec + ".icp", with_ext, root).refusal == ImportRefusal::None) {
          std::error_code ec;
          if (fs::is_regular_file(with_ext, ec)) {
            b.note("did you mean \"{}.icp\"?", spec);
            b.fix(at, "\"" + spec + ".icp\"");
          }
        }
        return;
      }
      case ImportRefusal::NoRoot:
        c_.diags.emit(diag::ImportWithoutRoot, at, spec)
            .note("the program that compiles it can name an import root (icp_compile_source_in)");
        return;
      case ImportRefusal::OutsideRoot:
        if (std_lib)
          c_.diags.emit(diag::ImportOutsideRoot, at, spec, "the standard library's folder")
              .note("the standard library is '{}'", root ? root->string() : stdlib_);
        else
          c_.diags.emit(diag::ImportOutsideRoot, at, spec, "the import root")
              .note("the import root is '{}'; --import-root DIR names another", root ? root->string() : "");
        return;
      case ImportRefusal::NotFound: {
        auto b = c_.diags.emit(diag::ImportNotFound, at, spec);
        if (std_lib)
          b.note("the standard library is searched in '{}'", stdlib_);
        else
          b.note("looked for '{}'", target.string());
        suggest_import(b, imp, target, std_lib);
        return;
      }
      case ImportRefusal::NotReadable:
        c_.diags.emit(diag::ImportNotReadable, at, spec, detail);
        return;
      case ImportRefusal::NotRegular:
        c_.diags.emit(diag::ImportNotRegularFile, at, spec, detail);
        return;
      case ImportRefusal::TooLarge:
        c_.diags.emit(diag::ImportTooLarge, at, spec, kMaxImportBytes >> 20);
        return;
    }
  }

  void visit(FileId f) {
    state_[f] = 1;
    stack_.push_back(f);
    current_.push_back(nullptr);
    const ast::Module* mod = c_.prog.modules[f].get();
    if (mod) {
      for (const auto& d : mod->decls) {
        const auto* imp = d->as<ast::ImportDecl>();
        if (!imp) continue;
        current_.back() = imp;
        resolve_import(f, *imp);
      }
    }
    stack_.pop_back();
    current_.pop_back();
    state_[f] = 2;
  }

  void resolve_import(FileId f, const ast::ImportDecl& imp) {
    if (imp.path.value.empty()) return;  // the parser already complained
    fs::path target = target_of(f, imp.path.value);
    std::optional<fs::path> root = root_for(f, imp.path.value);
    // A std/ name is checked as the path it makes ("std/geo" -> .../std/geo.icp).
    const std::string spec = is_std(imp.path.value) ? target.filename().string() : imp.path.value;
    ImportPath checked = check_import_path(spec, target, root);
    if (checked.refusal != ImportRefusal::None) {
      refuse(f, imp, checked.refusal, target, root, "");
      return;
    }
    std::string key = checked.resolved.string();
    auto it = by_key_.find(key);
    FileId t;
    if (it != by_key_.end()) {
      t = it->second;
      if (state_[t] == 1) {
        // Reported at the import that enters the cycle from its first file
        // (the main file's, when the main file is part of it).
        std::string chain;
        const ast::ImportDecl* at = &imp;
        bool on = false;
        for (size_t i = 0; i < stack_.size(); ++i) {
          if (stack_[i] == t && !on) {
            on = true;
            at = current_[i];
          }
          if (on) chain += fs::path(c_.prog.sources.file(stack_[i]).path()).filename().string() + " -> ";
        }
        chain += fs::path(c_.prog.sources.file(t).path()).filename().string();
        c_.diags.emit(diag::ImportCycle, at->path.range, chain)
            .note(imp.path.range, "the import that closes the cycle");
        c_.files[f].incomplete = true;
        return;
      }
    } else {
      ImportRead read;
      auto ov = overlays_.find(key);
      if (ov != overlays_.end()) {
        // An open document of the editor: the rule's size limit holds too.
        if (ov->second->size() > kMaxImportBytes) read.refusal = ImportRefusal::TooLarge;
        else read.text = *ov->second;
      } else {
        read = read_import_file(checked.resolved, *root);
      }
      if (read.refusal != ImportRefusal::None) {
        refuse(f, imp, read.refusal, target, root, read.detail);
        return;
      }
      t = add(target.string(), key, std::move(read.text));
      if (in_stdlib_.size() <= t) in_stdlib_.resize(t + 1, false);
      in_stdlib_[t] = root == stdlib_root_;
      visit(t);
    }
    c_.m.set_import_target(imp.id, t);
    FileScope& fs_ = c_.files[f];
    for (FileId e : fs_.imports)
      if (e == t) return;
    fs_.imports.push_back(t);
    fs_.import_decls.push_back(&imp);
  }

  // "did you mean" among the .icp files beside the missing one (for std/,
  // the modules of the standard library), written as the import would be.
  void suggest_import(DiagBuilder& b, const ast::ImportDecl& imp, const fs::path& target, bool std_lib) {
    std::error_code ec;
    std::vector<std::string> stems;
    for (const auto& e : fs::directory_iterator(target.parent_path(), ec))
      if (e.path().extension() == ".icp") stems.push_back(e.path().stem().string());
    std::sort(stems.begin(), stems.end());
    auto s = closest_name(target.stem().string(), stems);
    if (!s) return;
    std::string spec = imp.path.value;
    size_t slash = spec.find_last_of('/');
    std::string dir = slash == std::string::npos ? "" : spec.substr(0, slash + 1);
    bool ext = !std_lib || (spec.size() >= 4 && spec.compare(spec.size() - 4, 4, ".icp") == 0);
    std::string fixed = dir + *s + (ext ? ".icp" : "");
    b.note("did you mean \"{}\"?", fixed);
    b.fix(imp.path.range, "\"" + fixed + "\"");
  }

  Checker& c_;
  const CompileOptions& opts_;
  std::string stdlib_;
  std::unordered_map<std::string, const std::string*> overlays_;
  std::optional<fs::path> root_;  // the import root; none for source from memory without one
  fs::path stdlib_root_;
  std::vector<bool> in_stdlib_;   // by FileId: a file of the standard library (its root is its folder)
  std::unordered_map<std::string, FileId> by_key_;
  std::vector<int> state_;  // 0 unvisited, 1 on the import stack, 2 done
  std::vector<FileId> stack_;
  std::vector<const ast::ImportDecl*> current_;  // the import each stacked file is resolving
};

}  // namespace

void load_program(Checker& c, const std::string& path, std::optional<std::string> text,
                  const CompileOptions& opts) {
  Loader l(c, opts);
  c.prog.main_file = l.load_main(path, std::move(text));
  c.prog.import_root = l.root();
}

}  // namespace icp::sema
