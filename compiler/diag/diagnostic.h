// Diagnostics: the registry (diagnostics.def), the Diagnostic value, and the
// engine every phase emits through. Rendering is separate (render.h).
#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "source/source.h"

namespace icp {

enum class Severity : uint8_t { Error, Warning };

enum class DiagKind : uint16_t {
#define DIAG(kind, code, sev, format) kind,
#include "diag/diagnostics.def"
};

struct DiagInfo {
  std::string_view name;    // the kind, e.g. "UnknownField"
  std::string_view code;    // e.g. "E0101"
  Severity severity;
  std::string_view format;  // fmt format string
};
const DiagInfo& diag_info(DiagKind kind);
// Every registered kind, in registry order.
const std::vector<DiagInfo>& all_diag_infos();

struct DiagNote {
  SourceRange range;  // may be invalid: a note without a position
  std::string message;
};

// A machine-applicable edit (used by "did you mean" code actions).
struct DiagFix {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  std::string code;
  SourceRange range;
  std::string message;
  std::vector<DiagNote> notes;
  std::vector<DiagFix> fixes;
};

class DiagnosticEngine;

// Collects notes and fixes; the diagnostic is recorded when the builder dies.
class DiagBuilder {
 public:
  DiagBuilder(DiagnosticEngine* engine, Diagnostic d) : engine_(engine), d_(std::move(d)) {}
  DiagBuilder(const DiagBuilder&) = delete;
  DiagBuilder(DiagBuilder&& o) noexcept : engine_(o.engine_), d_(std::move(o.d_)) { o.engine_ = nullptr; }
  ~DiagBuilder();

  template <typename... Args>
  DiagBuilder& note(SourceRange r, fmt::format_string<Args...> f, Args&&... args) {
    d_.notes.push_back({r, fmt::format(f, std::forward<Args>(args)...)});
    return *this;
  }
  template <typename... Args>
  DiagBuilder& note(fmt::format_string<Args...> f, Args&&... args) {
    d_.notes.push_back({SourceRange{}, fmt::format(f, std::forward<Args>(args)...)});
    return *this;
  }
  DiagBuilder& fix(SourceRange r, std::string replacement) {
    d_.fixes.push_back({r, std::move(replacement)});
    return *this;
  }

 private:
  DiagnosticEngine* engine_;
  Diagnostic d_;
};

class DiagnosticEngine {
 public:
  template <typename... Args>
  DiagBuilder emit(DiagKind kind, SourceRange range, Args&&... args) {
    const DiagInfo& in = diag_info(kind);
    Diagnostic d{kind, in.severity, std::string(in.code), range,
                 fmt::format(fmt::runtime(in.format), std::forward<Args>(args)...), {}, {}};
    return DiagBuilder(this, std::move(d));
  }

  // Records a finished diagnostic. An identical one (same code, range and
  // message) is dropped: one root cause, one diagnostic.
  void add(Diagnostic d);

  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  // Diagnostics ordered by file, line, column (stable for equal positions).
  std::vector<Diagnostic> sorted() const;
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return diags_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }
  void clear() { diags_.clear(); errors_ = 0; }
  // Drops the diagnostics `drop` selects (for passes that know some are
  // consequences of others, or not the user's to fix).
  template <typename Pred>
  void remove_if(Pred drop) {
    std::erase_if(diags_, drop);
    errors_ = 0;
    for (const auto& d : diags_) errors_ += d.severity == Severity::Error;
  }

 private:
  std::vector<Diagnostic> diags_;
  size_t errors_ = 0;
};

}  // namespace icp
