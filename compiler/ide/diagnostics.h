// The diagnostics an editor shows for a file, and quick fixes from the
// machine-applicable "did you mean" edits they carry.
#pragma once
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

// Diagnostics located in `file` (the main file by default), sorted. The main
// file's include imported_file_errors().
std::vector<Diagnostic> file_diagnostics(const sema::Program& p, FileId file = kNoFile);
// One error per import of the main file that brings in errors (in the file
// it names or the files that one imports): "the imported file bad.icp has 1
// error", at the import's path, with the errors as notes at their places.
// It has no code of its own (it is not a check; `icp check` prints the
// errors themselves).
std::vector<Diagnostic> imported_file_errors(const sema::Program& p);
// Whether the main file has syntax errors (E0001-E0003): formatting refuses.
bool has_syntax_errors(const sema::Program& p);

struct TextEdit {
  SourceRange range;
  std::string new_text;
};
struct CodeAction {
  std::string title;
  Diagnostic diagnostic;  // the one it fixes
  std::vector<TextEdit> edits;
  bool preferred = false;
};

// Quick fixes for main-file diagnostics that overlap [begin, end].
std::vector<CodeAction> code_actions(const sema::Program& p, uint32_t begin, uint32_t end);

}  // namespace icp::ide
