// Consumers of diagnostics: the human-readable text of TOOLS.md and the JSON
// array of `icp check --format json`. Both take diagnostics already sorted.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "source/source.h"

namespace icp {

struct TextStyle {
  bool color = false;  // ANSI colours (only on a terminal, never with NO_COLOR)
};

// file:line:col: error[E0101]: message, the source line, a caret range, notes.
std::string render_text(const SourceManager& sm, const Diagnostic& d, TextStyle style = {});
std::string render_text(const SourceManager& sm, const std::vector<Diagnostic>& ds,
                        TextStyle style = {});

// One JSON array of {"file","line","column","end_line","end_column",
// "severity","code","kind","message","notes":[...]}, and "fixes":[...] when
// there are any. A note is {"message", and "file","line","column" when it
// has a position}; a fix is {"line","column","end_line","end_column",
// "replacement"} (in the diagnostic's file).
std::string render_json(const SourceManager& sm, const std::vector<Diagnostic>& ds);

}  // namespace icp
