// The server's view of the code: open documents and, per document, the
// checked Program of its latest text. Compiles are serialised (one at a time)
// and cached, so a hover right after a change reuses the diagnostics pass.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "lsp/documents.h"
#include "sema/program.h"

namespace icp::lsp {

struct Analysis {
  std::shared_ptr<const sema::Program> program;
  int64_t version = 0;
};

class Workspace {
 public:
  explicit Workspace(std::string stdlib_dir) : stdlib_dir_(std::move(stdlib_dir)) {}

  DocumentStore& documents() { return docs_; }
  // The program of an open document's current text; null if it is not open.
  Analysis analysis(const std::string& uri);
  void forget(const std::string& uri);

 private:
  struct Entry {
    std::string text;
    int64_t version = 0;
    std::shared_ptr<const sema::Program> program;
  };
  std::string stdlib_dir_;
  DocumentStore docs_;
  std::mutex compile_mu_;  // one compile at a time
  std::mutex cache_mu_;
  std::map<std::string, Entry> cache_;
};

}  // namespace icp::lsp
