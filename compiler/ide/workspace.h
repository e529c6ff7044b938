// The server's view of the code: open documents and, per document, the
// checked Program of its latest text. Compiles are serialised (one at a time)
// and cached, so a hover right after a change reuses the diagnostics pass.
//
// A cached analysis also depends on the other files its program read (and
// on the relative imports it did not find): it is reused only while every
// open document among them has the text it was compiled with, no document
// it read as an overlay has been closed, and no file it read from disk has
// been reported changed (workspace/didChangeWatchedFiles). dependents()
// names the open documents to re-check when one of those files changes.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ide/documents.h"
#include "sema/program.h"

namespace icp::ide {

struct Analysis {
  std::shared_ptr<const sema::Program> program;
  int64_t version = 0;
};

class Workspace {
 public:
  // `import_root`: empty for the folder of each document (LANGUAGE.md
  // section 3); a document that is not a file (untitled:) has no root.
  explicit Workspace(std::string stdlib_dir, std::string import_root = "")
      : stdlib_dir_(std::move(stdlib_dir)), import_root_(std::move(import_root)) {}

  DocumentStore& documents() { return docs_; }
  // The program of an open document's current text; null if it is not open.
  Analysis analysis(const std::string& uri);
  void forget(const std::string& uri);

  // The open documents (other than `uri`) whose cached analysis read the file
  // of `uri` or looked for it: their diagnostics may change with it.
  std::vector<std::string> dependents(const std::string& uri);
  // A file changed, appeared or disappeared on disk: analyses that depend on
  // it are recompiled when next used. Returns dependents(uri).
  std::vector<std::string> file_changed_on_disk(const std::string& uri);

 private:
  struct Input {
    std::string key;   // file_key() of the path
    FileId file;       // in the program's sources; kNoFile: an import not found
    bool overlay;      // read from an open document, not from disk
  };
  struct Entry {
    std::string text;
    int64_t version = 0;
    std::shared_ptr<const sema::Program> program;
    std::vector<Input> inputs;
    bool stale = false;  // an input changed on disk
  };
  bool fresh(const Entry& e, const std::map<std::string, std::string>& open_by_key) const;
  std::map<std::string, std::string> open_documents_by_key();  // file key -> uri
  std::string key_of_uri(const std::string& uri);

  std::string stdlib_dir_;
  std::string import_root_;
  DocumentStore docs_;
  std::mutex compile_mu_;  // one compile at a time
  std::mutex cache_mu_;
  std::map<std::string, Entry> cache_;
  std::map<std::string, std::string> keys_;  // uri -> file key (under cache_mu_)
};

}  // namespace icp::ide
