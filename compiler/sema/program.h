// A checked program: the files it read (the main file and everything it
// imports), their ASTs, the diagnostics, and the SemanticModel.
//
// This is the front end's one entry point for the CLI, the C API and the
// language server. Thread-safe in the sense that independent Programs may be
// built on different threads at once (parsing is serialised internally).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/semantic_model.h"
#include "source/source.h"
#include "syntax/ast.h"

namespace icp::sema {

struct CompileOptions {
  // Where `import "std/NAME"` looks (NAME.icp under it). Empty: the default
  // search (next to the executable, then the build tree; see stdlib_dir()).
  std::string stdlib_dir;
  // Text of files that override what is on disk (the language server's open
  // documents), by absolute path.
  std::vector<std::pair<std::string, std::string>> overlays;
  // The import root (LANGUAGE.md section 3, 0.2): every file a relative
  // import reads is a regular .icp file of at most 8 MiB inside this folder,
  // symbolic links resolved (sema/import_rule.h). Empty: the folder of the
  // main file.
  std::string import_root;
  // No import root at all: every relative import is E0104 (source compiled
  // from memory when its host names no root). `std/` imports still work.
  bool no_import_root = false;
};

class Program {
 public:
  SourceManager sources;
  DiagnosticEngine diags;
  ast::NodeIdAllocator ids;
  // modules[i] is the AST of sources.file(i); null when the file could not be read.
  std::vector<std::unique_ptr<ast::Module>> modules;
  FileId main_file = kNoFile;
  // The import root its relative imports were confined to (canonical; see
  // CompileOptions::import_root), or none.
  std::optional<std::string> import_root;
  SemanticModel model;

  const ast::Module* main_module() const {
    return main_file < modules.size() ? modules[main_file].get() : nullptr;
  }
};

// Reads, parses and checks a file and everything it imports. Always returns a
// Program; look at program->diags for errors.
std::unique_ptr<Program> compile_file(const std::string& path, const CompileOptions& opts = {});
// The same for text in memory; `path` names it in diagnostics and anchors
// relative imports.
std::unique_ptr<Program> compile_source(std::string text, const std::string& path,
                                        const CompileOptions& opts = {});

// The standard library folder used when CompileOptions::stdlib_dir is empty.
std::string default_stdlib_dir();

}  // namespace icp::sema
