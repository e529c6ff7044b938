// One root cause, one diagnostic, across the parser and the checker: in a
// profile item with a syntax error, the AST holds what error recovery
// guessed (a skipped `=>` turns the points into the condition, say), so the
// checker's diagnostics inside that item are consequences of the syntax
// error, not news. This pass drops them; the syntax error stays. The AST
// itself is kept, so names used there still count as used (no W0001) and
// the language server can still hover them.
#include "sema/checker.h"

namespace icp::sema {

void quiet_recovered(Checker& c) {
  std::vector<SourceRange> recovered;
  for (const auto& m : c.prog.modules)
    if (m) recovered.insert(recovered.end(), m->recovered.begin(), m->recovered.end());
  if (recovered.empty()) return;
  auto inside = [&](const SourceRange& r) {
    for (const SourceRange& x : recovered)
      if (x.file == r.file && x.begin <= r.begin && r.end <= x.end) return true;
    return false;
  };
  c.diags.remove_if([&](const Diagnostic& d) {
    bool syntax = d.code.starts_with("E000");  // E0001-E0099: lexical and syntax errors
    return !syntax && inside(d.range);
  });
}

}  // namespace icp::sema
