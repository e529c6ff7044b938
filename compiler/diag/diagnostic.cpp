#include "diag/diagnostic.h"

#include <algorithm>
#include <string_view>

namespace icp {

const std::vector<DiagInfo>& all_diag_infos() {
  static const std::vector<DiagInfo> infos = {
#define DIAG(kind, code, sev, format, ...) {#kind, #code, Severity::sev, format, #__VA_ARGS__},
#include "diag/diagnostics.def"
  };
  return infos;
}

const std::vector<Explanation>& all_explanations() {
  static const std::vector<Explanation> all = {
#define EXPLAIN(code, summary, text) {#code, summary, text},
#include "diag/explanations.def"
  };
  return all;
}

const Explanation* find_explanation(std::string_view code) {
  for (const auto& e : all_explanations())
    if (e.code == code) return &e;
  return nullptr;
}

const DiagInfo& diag_info(DiagKind kind) { return all_diag_infos()[static_cast<size_t>(kind)]; }

DiagBuilder::~DiagBuilder() {
  if (engine_) engine_->add(std::move(d_));
}

void DiagnosticEngine::add(Diagnostic d) {
  for (const auto& e : diags_)
    if (e.code == d.code && e.range.file == d.range.file && e.range.begin == d.range.begin &&
        e.range.end == d.range.end && e.message == d.message)
      return;
  if (d.severity == Severity::Error) ++errors_;
  diags_.push_back(std::move(d));
}

std::vector<Diagnostic> DiagnosticEngine::sorted() const {
  std::vector<Diagnostic> out = diags_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.file != b.range.file) return a.range.file < b.range.file;
    if (a.range.line != b.range.line) return a.range.line < b.range.line;
    return a.range.col < b.range.col;
  });
  return out;
}

}  // namespace icp
