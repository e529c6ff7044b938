// Compiling open documents (workspace.h).
#include "lsp/workspace.h"

#include "lsp/uri.h"

namespace icp::lsp {

Analysis Workspace::analysis(const std::string& uri) {
  std::lock_guard<std::mutex> compile(compile_mu_);
  std::optional<Document> doc = docs_.get(uri);
  if (!doc) return {};
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = cache_.find(uri);
    if (it != cache_.end() && it->second.text == doc->text) {
      it->second.version = doc->version;
      return {it->second.program, doc->version};
    }
  }
  sema::CompileOptions opts;
  opts.stdlib_dir = stdlib_dir_;
  for (auto& [other, text] : docs_.all_texts())
    if (other != uri) opts.overlays.emplace_back(path_from_uri(other), std::move(text));
  std::shared_ptr<const sema::Program> program = sema::compile_source(doc->text, path_from_uri(uri), opts);
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_[uri] = Entry{doc->text, doc->version, program};
  return {program, doc->version};
}

void Workspace::forget(const std::string& uri) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  cache_.erase(uri);
}

}  // namespace icp::lsp
