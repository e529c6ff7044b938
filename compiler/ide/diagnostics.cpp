// File diagnostics and quick fixes (diagnostics.h).
#include "ide/diagnostics.h"

#include <algorithm>

namespace icp::ide {

std::vector<Diagnostic> file_diagnostics(const sema::Program& p, FileId file) {
  if (file == kNoFile) file = p.main_file;
  std::vector<Diagnostic> out;
  for (auto& d : p.diags.sorted())
    if (d.range.file == file || (!d.range.valid() && file == p.main_file)) out.push_back(d);
  if (file == p.main_file) {
    for (auto& d : imported_file_errors(p)) out.push_back(std::move(d));
    auto at = [](const Diagnostic& d) { return d.range.valid() ? d.range.begin : UINT32_MAX; };
    std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) { return at(a) < at(b); });
  }
  return out;
}

bool has_syntax_errors(const sema::Program& p) {
  for (const auto& d : p.diags.diagnostics())
    if ((d.code == "E0001" || d.code == "E0002" || d.code == "E0003") &&
        (d.range.file == p.main_file || !d.range.valid()))
      return true;
  return false;
}

std::vector<CodeAction> code_actions(const sema::Program& p, uint32_t begin, uint32_t end) {
  std::vector<CodeAction> out;
  for (const auto& d : file_diagnostics(p)) {
    if (d.fixes.empty()) continue;
    if (d.range.end < begin || d.range.begin > end) continue;
    for (size_t i = 0; i < d.fixes.size(); ++i) {
      const DiagFix& f = d.fixes[i];
      if (f.range.valid() && f.range.file != p.main_file) continue;
      CodeAction a;
      a.title = f.replacement.empty() ? "Remove this" : "Change to '" + f.replacement + "'";
      a.diagnostic = d;
      a.edits.push_back({f.range.valid() ? f.range : d.range, f.replacement});
      a.preferred = i == 0;
      out.push_back(std::move(a));
    }
  }
  return out;
}

}  // namespace icp::ide
