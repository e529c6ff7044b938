// Compiled by ctest, not linked: with no macro it must compile; with
// WRONG_COUNT or WRONG_TYPE it must not (a diagnostic's arguments are checked
// against diagnostics.def at compile time, diagnostic.h).
#include "diag/diagnostic.h"

namespace icp {

void emit_examples(DiagnosticEngine& diags, SourceRange r, const std::string& name) {
  diags.emit(diag::UnknownName, r, "field", name);
  diags.emit(diag::NestedTooDeeply, r, 1000);
  diags.emit(diag::CapNegative, r).note("a note {}", 1);
#if defined(WRONG_COUNT)
  diags.emit(diag::UnknownName, r, name);
#elif defined(WRONG_TYPE)
  diags.emit(diag::NestedTooDeeply, r, name);
#endif
}

}  // namespace icp
