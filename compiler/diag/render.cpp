#include "diag/render.h"

#include <fmt/format.h>

#include <algorithm>

#include "icp/json.h"

namespace icp {
namespace {

const char* kBold = "\x1b[1m";
const char* kRed = "\x1b[1;31m";
const char* kYellow = "\x1b[1;33m";
const char* kCyan = "\x1b[1;36m";
const char* kGreen = "\x1b[1;32m";
const char* kReset = "\x1b[0m";

std::string paint(bool on, const char* c, std::string_view s) {
  return on ? fmt::format("{}{}{}", c, s, kReset) : std::string(s);
}

std::string location(const SourceManager& sm, const SourceRange& r) {
  if (!r.valid()) return "<unknown>";
  return fmt::format("{}:{}:{}", sm.file(r.file).path(), r.line, r.col);
}

// The source line with a caret under the range (clipped to the first line).
// A very long line (a generated model's one-line expression) is shown as a
// window around the range, with `...` where it was cut.
void append_snippet(std::string& out, const SourceManager& sm, const SourceRange& r, bool color) {
  if (!r.valid() || r.file >= sm.size()) return;
  constexpr size_t kMaxShown = 160, kBefore = 60;
  const SourceFile& f = sm.file(r.file);
  std::string_view line = f.line_text(r.line);
  std::string num = std::to_string(r.line);
  std::string pad(num.size(), ' ');
  size_t width = count_code_points(line);
  size_t start = r.col - 1;
  size_t stop = r.end_line == r.line ? r.end_col - 1 : width;
  if (stop <= start) stop = start + 1;
  size_t from = 0, to = width;  // the code points shown
  if (width > kMaxShown) {
    from = start > kBefore ? start - kBefore : 0;
    to = std::min(width, from + kMaxShown);
  }
  std::string shown = from > 0 ? "..." : "";
  for (size_t i = 0, cp = 0; i < line.size() && cp < to; ++cp) {
    size_t at = i;
    decode_utf8(line, i);
    if (cp >= from) shown.append(line.substr(at, i - at));
  }
  if (to < width) shown += "...";
  // Tabs are shown as one space so the caret lines up.
  std::replace(shown.begin(), shown.end(), '\t', ' ');
  out += fmt::format(" {} | {}\n", num, shown);
  size_t indent = start - from + (from > 0 ? 3 : 0);
  size_t len = std::min(stop, std::max(to, start + 1)) - start;
  std::string marks = "^" + std::string(len - 1, '~');
  out += fmt::format(" {} | {}{}\n", pad, std::string(indent, ' '), paint(color, kGreen, marks));
}

}  // namespace

std::string render_text(const SourceManager& sm, const Diagnostic& d, TextStyle style) {
  std::string out;
  bool err = d.severity == Severity::Error;
  std::string head = fmt::format("{}[{}]", err ? "error" : "warning", d.code);
  out += fmt::format("{}: {}: {}\n", paint(style.color, kBold, location(sm, d.range)),
                     paint(style.color, err ? kRed : kYellow, head),
                     paint(style.color, kBold, d.message));
  append_snippet(out, sm, d.range, style.color);
  for (const auto& n : d.notes) {
    if (n.range.valid() && !(n.range.file == d.range.file && n.range.begin == d.range.begin &&
                             n.range.end == d.range.end)) {
      out += fmt::format("{}: {}: {}\n", location(sm, n.range), paint(style.color, kCyan, "note"),
                         n.message);
      append_snippet(out, sm, n.range, style.color);
    } else {
      out += fmt::format("{}: {}\n", paint(style.color, kCyan, "note"), n.message);
    }
  }
  return out;
}

std::string render_text(const SourceManager& sm, const std::vector<Diagnostic>& ds, TextStyle style) {
  std::string out;
  for (const auto& d : ds) out += render_text(sm, d, style);
  return out;
}

std::string render_json(const SourceManager& sm, const std::vector<Diagnostic>& ds) {
  std::string out = "[";
  bool first = true;
  for (const auto& d : ds) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    std::string file = d.range.valid() ? sm.file(d.range.file).path() : "";
    out += fmt::format(
        "{{\"file\":{},\"line\":{},\"column\":{},\"end_line\":{},\"end_column\":{},"
        "\"severity\":\"{}\",\"code\":\"{}\",\"kind\":\"{}\",\"message\":{},\"notes\":[",
        json::quote(file), d.range.line, d.range.col, d.range.end_line, d.range.end_col,
        d.severity == Severity::Error ? "error" : "warning", d.code, diag_info(d.kind).name,
        json::quote(d.message));
    bool nfirst = true;
    for (const auto& n : d.notes) {
      if (!nfirst) out += ",";
      nfirst = false;
      if (n.range.valid())
        out += fmt::format("{{\"message\":{},\"file\":{},\"line\":{},\"column\":{}}}",
                           json::quote(n.message), json::quote(sm.file(n.range.file).path()),
                           n.range.line, n.range.col);
      else
        out += fmt::format("{{\"message\":{}}}", json::quote(n.message));
    }
    out += "]";
    if (!d.fixes.empty()) {
      out += ",\"fixes\":[";
      for (size_t i = 0; i < d.fixes.size(); ++i) {
        const DiagFix& f = d.fixes[i];
        out += fmt::format(
            "{}{{\"line\":{},\"column\":{},\"end_line\":{},\"end_column\":{},\"replacement\":{}}}",
            i ? "," : "", f.range.line, f.range.col, f.range.end_line, f.range.end_col,
            json::quote(f.replacement));
      }
      out += "]";
    }
    out += "}";
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

}  // namespace icp
