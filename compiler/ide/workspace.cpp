// Compiling open documents (workspace.h).
#include "ide/workspace.h"

#include "ide/imports.h"
#include "ide/uri.h"

namespace icp::ide {

namespace {
// The same file, however its path is spelled (as the loader keys files).
std::string file_key(const std::string& path) { return canonical_file_key(path); }
}  // namespace

std::string Workspace::key_of_uri(const std::string& uri) {
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = keys_.find(uri);
    if (it != keys_.end()) return it->second;
  }
  std::string key = file_key(path_from_uri(uri));
  std::lock_guard<std::mutex> lock(cache_mu_);
  return keys_[uri] = key;
}

std::map<std::string, std::string> Workspace::open_documents_by_key() {
  std::map<std::string, std::string> out;
  for (const std::string& uri : docs_.uris()) out[key_of_uri(uri)] = uri;
  return out;
}

bool Workspace::fresh(const Entry& e, const std::map<std::string, std::string>& open_by_key) const {
  if (e.stale) return false;
  for (const Input& in : e.inputs) {
    auto open = open_by_key.find(in.key);
    if (in.file == kNoFile) {
      if (open != open_by_key.end()) return false;  // the missing import is now open
      continue;
    }
    if (open == open_by_key.end()) {
      if (in.overlay) return false;  // closed since: the disk's text applies now
      continue;
    }
    if (!docs_.has_text(open->second, e.program->sources.file(in.file).text())) return false;
  }
  return true;
}

Analysis Workspace::analysis(const std::string& uri) {
  std::lock_guard<std::mutex> compile(compile_mu_);
  std::optional<Document> doc = docs_.get(uri);
  if (!doc) return {};
  std::map<std::string, std::string> open = open_documents_by_key();
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = cache_.find(uri);
    if (it != cache_.end() && it->second.text == doc->text && fresh(it->second, open)) {
      it->second.version = doc->version;
      return {it->second.program, doc->version};
    }
  }
  sema::CompileOptions opts;
  opts.stdlib_dir = stdlib_dir_;
  // The import rule of the CLI: the document's folder (or --import-root);
  // no root for a document that is not a file.
  opts.import_root = import_root_;
  opts.no_import_root = uri.rfind("file://", 0) != 0;
  for (auto& [other, text] : docs_.all_texts())
    if (other != uri) opts.overlays.emplace_back(path_from_uri(other), std::move(text));
  std::shared_ptr<const sema::Program> program = sema::compile_source(doc->text, path_from_uri(uri), opts);
  std::vector<Input> inputs;
  for (const ide::ProgramInput& in : ide::program_inputs(*program)) {
    std::string key = file_key(in.path);
    auto o = open.find(key);
    inputs.push_back({key, in.file, o != open.end() && o->second != uri});
  }
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_[uri] = Entry{doc->text, doc->version, program, std::move(inputs)};
  return {program, doc->version};
}

void Workspace::forget(const std::string& uri) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_.erase(uri);
  keys_.erase(uri);
}

std::vector<std::string> Workspace::dependents(const std::string& uri) {
  std::string key = key_of_uri(uri);
  std::vector<std::string> out;
  std::lock_guard<std::mutex> lock(cache_mu_);
  for (const auto& [other, e] : cache_) {
    if (other == uri) continue;
    for (const Input& in : e.inputs)
      if (in.key == key) {
        out.push_back(other);
        break;
      }
  }
  return out;
}

std::vector<std::string> Workspace::file_changed_on_disk(const std::string& uri) {
  std::vector<std::string> out = dependents(uri);
  std::lock_guard<std::mutex> lock(cache_mu_);
  for (const std::string& d : out)
    if (auto it = cache_.find(d); it != cache_.end()) it->second.stale = true;
  return out;
}

}  // namespace icp::ide
