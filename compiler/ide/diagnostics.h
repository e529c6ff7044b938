// The diagnostics an editor shows for a file, and quick fixes from the
// machine-applicable "did you mean" edits they carry.
#pragma once
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

// Diagnostics located in `file` (the main file by default), sorted.
std::vector<Diagnostic> file_diagnostics(const sema::Program& p, FileId file = kNoFile);
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
