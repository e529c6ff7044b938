// Diagnostics: the registry (diagnostics.def), the Diagnostic value, and the
// engine every phase emits through. Rendering is separate (render.h).
#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "source/source.h"

namespace icp {

enum class Severity : uint8_t { Error, Warning };

// The argument types a registry format may take (diagnostics.def).
namespace diag {
using Str = std::string_view;
using Int = long long;
}  // namespace diag

enum class DiagKind : uint16_t {
#define DIAG(kind, code, sev, format, ...) kind,
#include "diag/diagnostics.def"
};

struct DiagInfo {
  std::string_view name;    // the kind, e.g. "UnknownField"
  std::string_view code;    // e.g. "E0101"
  Severity severity;
  std::string_view format;  // fmt format string
  std::string_view args;    // its argument types as written, e.g. "Str, Str"
};
const DiagInfo& diag_info(DiagKind kind);
// Every registered kind, in registry order.
const std::vector<DiagInfo>& all_diag_infos();

// A kind as a value that carries its argument types: `diag::UnknownName` is a
// DiagDef<DiagKind::UnknownName, Str, Str>, and DiagnosticEngine::emit takes
// exactly those arguments, so a wrong count or type does not compile.
template <DiagKind K, typename... A>
struct DiagDef {
  static constexpr DiagKind kind = K;
};
namespace diag {
#define DIAG(kind, code, sev, format, ...) \
  inline constexpr DiagDef<DiagKind::kind __VA_OPT__(, ) __VA_ARGS__> kind{};
#include "diag/diagnostics.def"
}  // namespace diag

// Each kind's format, checked against its argument types at compile time
// (fmt::format_string's constructor is consteval).
namespace diag {
template <DiagKind K>
struct Format;
#define DIAG(kind, code, sev, format, ...)                          \
  template <>                                                      \
  struct Format<DiagKind::kind> {                                  \
    static constexpr fmt::format_string<__VA_ARGS__> value{format}; \
  };
#include "diag/diagnostics.def"
}  // namespace diag

// The long explanation of a code (explanations.def): a one-line summary and
// markdown text (what triggers it, an example, the fix).
struct Explanation {
  std::string_view code;
  std::string_view summary;
  std::string_view text;
};
const std::vector<Explanation>& all_explanations();
const Explanation* find_explanation(std::string_view code);

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
  // emit(diag::UnknownName, range, "schema", name): the arguments are the
  // kind's, in number and type (diagnostics.def), checked at compile time.
  template <DiagKind K, typename... A>
  DiagBuilder emit(DiagDef<K, A...>, SourceRange range, std::type_identity_t<A>... args) {
    const DiagInfo& in = diag_info(K);
    std::string message =
        fmt::vformat(static_cast<fmt::string_view>(diag::Format<K>::value), fmt::make_format_args(args...));
    Diagnostic d{K, in.severity, std::string(in.code), range, std::move(message), {}, {}};
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
