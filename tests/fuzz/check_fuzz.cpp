// Fuzz target `check`: the whole front end (parse, the type checker, the
// constant folder, lints) on an untrusted model, compiled from memory with no
// import root (relative imports are refused; `std/` imports read the
// repository's stdlib).
//
// Properties (each aborts when violated):
//   - every diagnostic has a code, a message and a position inside a file of
//     the program whose line/column agree with its byte offsets;
//   - has_errors() is true exactly when an error was reported;
//   - a model without errors formats (the canonical layout) into a model
//     that still checks without errors and with the same warnings.
#include <algorithm>
#include <string>
#include <vector>

#include "fmt/formatter.h"
#include "fuzz_common.h"
#include "sema/program.h"

namespace {

const icp::sema::CompileOptions& options() {
  static const icp::sema::CompileOptions opts = [] {
    icp::sema::CompileOptions o;
    o.stdlib_dir = fuzz::env_or("ICP_STDLIB", ICP_FUZZ_SOURCE_DIR "/stdlib");
    o.no_import_root = true;
    return o;
  }();
  return opts;
}

void check_position(const icp::sema::Program& p, const icp::SourceRange& r, const std::string& what) {
  FUZZ_CHECK(r.valid(), "%s has no position", what.c_str());
  FUZZ_CHECK(r.file < p.sources.size(), "%s names file %u of %zu", what.c_str(), r.file, p.sources.size());
  const icp::SourceFile& f = p.sources.file(r.file);
  FUZZ_CHECK(r.begin <= r.end && r.end <= f.text().size(), "%s: range %u-%u in a file of %zu bytes", what.c_str(),
             r.begin, r.end, f.text().size());
  auto [line, col] = f.line_col(r.begin);
  auto [end_line, end_col] = f.line_col(r.end);
  FUZZ_CHECK(line == r.line && col == r.col && end_line == r.end_line && end_col == r.end_col,
             "%s: range %u:%u-%u:%u, its offsets %u-%u are %u:%u-%u:%u", what.c_str(), r.line, r.col, r.end_line,
             r.end_col, r.begin, r.end, line, col, end_line, end_col);
}

// The codes of the warnings, sorted (positions differ after formatting).
std::vector<std::string> warning_codes(const icp::sema::Program& p) {
  std::vector<std::string> out;
  for (const auto& d : p.diags.diagnostics())
    if (d.severity == icp::Severity::Warning) out.push_back(d.code + " " + d.message);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(fuzz::as_text(data, size));
  auto p = icp::sema::compile_source(text, "/fuzz/model.icp", options());
  FUZZ_CHECK(p != nullptr, "compile_source returned null");
  bool errors = false;
  for (const auto& d : p->diags.diagnostics()) {
    std::string what = "diagnostic " + d.code + " '" + d.message + "'";
    FUZZ_CHECK(!d.code.empty() && !d.message.empty(), "%s: empty code or message", what.c_str());
    check_position(*p, d.range, what);
    for (const auto& n : d.notes)
      if (n.range.valid()) check_position(*p, n.range, what + ", note '" + n.message + "'");
    for (const auto& f : d.fixes) check_position(*p, f.range, what + ", a fix");
    errors = errors || d.severity == icp::Severity::Error;
  }
  FUZZ_CHECK(errors == p->diags.has_errors(), "has_errors() is %d, errors reported: %d", p->diags.has_errors(),
             errors);
  if (errors || !p->main_module()) return 0;

  // Formatting keeps the meaning: the canonical layout checks the same.
  std::string formatted = icp::format_module(*p->main_module(), p->sources.file(p->main_file));
  auto q = icp::sema::compile_source(formatted, "/fuzz/model.icp", options());
  FUZZ_CHECK(!q->diags.has_errors(), "the formatted model has errors (first: %s %s)\n--- formatted:\n%s",
             q->diags.diagnostics().empty() ? "" : q->diags.sorted().front().code.c_str(),
             q->diags.diagnostics().empty() ? "" : q->diags.sorted().front().message.c_str(), formatted.c_str());
  auto w1 = warning_codes(*p), w2 = warning_codes(*q);
  FUZZ_CHECK(w1 == w2, "%zu warnings before formatting, %zu after\n--- formatted:\n%s", w1.size(), w2.size(),
             formatted.c_str());
  return 0;
}
