// Layout of formatter documents (see doc.h): the classic stack machine with
// a bounded look-ahead "fits" test per group and per fill separator. Unlike
// Prettier, a hard break does not force the groups around it to break: a
// group stays flat when each of its lines fits.
#include "fmt/doc.h"

#include <climits>

#include "source/source.h"

namespace icp::formatter {

namespace {
Doc make(DocNode n) { return std::make_shared<const DocNode>(std::move(n)); }

void absorb(DocNode& n) {
  for (const Doc& p : n.parts) {
    if (!p) continue;
    n.has_hard = n.has_hard || p->has_hard;
    n.flat_width += p->flat_width;
  }
}

DocNode of(DocNode::Kind k) {
  DocNode n;
  n.kind = k;
  return n;
}
}  // namespace

Doc text(std::string s) {
  DocNode n = of(DocNode::Kind::Text);
  size_t nl = s.find('\n');
  // A multi-line text (a block comment) is as wide as its first line and
  // breaks every group around it.
  n.flat_width = static_cast<int>(count_code_points(std::string_view(s).substr(0, nl)));
  n.has_hard = nl != std::string::npos;
  n.text = std::move(s);
  return make(std::move(n));
}
Doc space() {
  DocNode n = of(DocNode::Kind::Space);
  n.flat_width = 1;
  return make(std::move(n));
}
Doc line() {
  DocNode n = of(DocNode::Kind::Line);
  n.flat_width = 1;
  return make(std::move(n));
}
Doc softline() { return make(of(DocNode::Kind::SoftLine)); }
Doc hardline() {
  DocNode n = of(DocNode::Kind::HardLine);
  n.has_hard = true;
  return make(std::move(n));
}
Doc concat(std::vector<Doc> parts) {
  DocNode n = of(DocNode::Kind::Concat);
  n.parts = std::move(parts);
  absorb(n);
  return make(std::move(n));
}
Doc nest(int indent, Doc d) {
  DocNode n = of(DocNode::Kind::Nest);
  n.indent = indent;
  n.parts.push_back(std::move(d));
  absorb(n);
  return make(std::move(n));
}
namespace {
Doc group_of(Doc d, DocNode::Breaks breaks) {
  DocNode n = of(DocNode::Kind::Group);
  n.breaks = breaks;
  n.parts.push_back(std::move(d));
  absorb(n);
  return make(std::move(n));
}
}  // namespace
Doc group(Doc d) { return group_of(std::move(d), DocNode::Breaks::Width); }
Doc block_group(Doc d) { return group_of(std::move(d), DocNode::Breaks::WidthOrHard); }
Doc hard_group(Doc d) { return group_of(std::move(d), DocNode::Breaks::OnlyHard); }
Doc fill(std::vector<Doc> parts) {
  DocNode n = of(DocNode::Kind::Fill);
  n.parts = std::move(parts);
  absorb(n);
  return make(std::move(n));
}

namespace {

enum class Mode : uint8_t { Flat, Break };
struct Frame {
  int indent;
  Mode mode;
  const DocNode* doc;
  size_t fill_index = 0;  // for Fill: the next part to lay out
};

// The mode a group's content gets, given the mode it is laid out in.
Mode group_mode(const DocNode* g, Mode outer) {
  if (g->breaks == DocNode::Breaks::OnlyHard) return g->has_hard ? Mode::Break : Mode::Flat;
  if (g->breaks == DocNode::Breaks::WidthOrHard && g->has_hard) return Mode::Break;
  return outer;
}

int last_line_width(const std::string& s) {
  size_t nl = s.rfind('\n');
  return static_cast<int>(count_code_points(std::string_view(s).substr(nl == std::string::npos ? 0 : nl + 1)));
}

// Whether `first`, laid out flat from column `col` at indentation `indent`,
// keeps each of its lines within `width`, and the rest of the stack fits up
// to its next break. A hard break inside `first` (a comment that ends its
// line) starts a new line there: the group need not break for it.
bool fits(const DocNode* first, int indent, const std::vector<Frame>& stack, int col, int width) {
  struct Work {
    const DocNode* d;
    Mode mode;
    int indent;
  };
  std::vector<Work> work{{first, Mode::Flat, indent}};
  int rem = width - col;
  bool in_first = true;
  size_t next_frame = stack.size();
  while (true) {
    if (work.empty()) {
      if (next_frame == 0) return rem >= 0;
      in_first = false;
      const Frame& f = stack[--next_frame];
      if (f.doc->kind == DocNode::Kind::Fill) {
        for (size_t k = f.doc->parts.size(); k-- > f.fill_index;) work.push_back({f.doc->parts[k].get(), f.mode, f.indent});
      } else {
        work.push_back({f.doc, f.mode, f.indent});
      }
      continue;
    }
    Work w = work.back();
    work.pop_back();
    const DocNode* d = w.d;
    switch (d->kind) {
      case DocNode::Kind::Text:
        rem -= d->flat_width;
        if (rem < 0) return false;
        if (d->has_hard) {
          if (!in_first) return true;
          rem = width - last_line_width(d->text);
        }
        break;
      case DocNode::Kind::Space:
        rem -= 1;
        if (rem < 0) return false;
        break;
      case DocNode::Kind::Line:
      case DocNode::Kind::SoftLine:
        if (w.mode == Mode::Flat) {
          if (d->kind == DocNode::Kind::Line && --rem < 0) return false;
          break;
        }
        [[fallthrough]];
      case DocNode::Kind::HardLine:
        if (!in_first) return true;
        rem = width - w.indent;
        break;
      case DocNode::Kind::Concat:
      case DocNode::Kind::Fill:
        for (size_t k = d->parts.size(); k-- > 0;) work.push_back({d->parts[k].get(), w.mode, w.indent});
        break;
      case DocNode::Kind::Nest: work.push_back({d->parts[0].get(), w.mode, w.indent + d->indent}); break;
      case DocNode::Kind::Group: work.push_back({d->parts[0].get(), group_mode(d, w.mode), w.indent}); break;
    }
  }
}

}  // namespace

namespace {

class Renderer {
 public:
  Renderer(std::string& out, int width) : out_(out), width_(width) {
    size_t nl = out_.rfind('\n');
    col_ = static_cast<int>(count_code_points(std::string_view(out_).substr(nl == std::string::npos ? 0 : nl + 1)));
  }

  void run(const Doc& root, int base_indent) {
    stack_.push_back({base_indent, Mode::Break, root.get()});
    while (!stack_.empty()) {
      Frame f = stack_.back();
      stack_.pop_back();
      step(f);
    }
  }

 private:
  void write(const std::string& s, int width) {
    out_ += s;
    size_t nl = s.rfind('\n');
    if (nl == std::string::npos) col_ += width;
    else col_ = static_cast<int>(count_code_points(std::string_view(s).substr(nl + 1)));
  }
  // A line break to `indent`; at the start of a line only the indentation
  // changes. No line keeps trailing spaces.
  void newline(int indent) {
    size_t i = out_.size();
    while (i > 0 && out_[i - 1] == ' ') --i;
    bool at_start = i == 0 || out_[i - 1] == '\n';
    out_.resize(i);
    if (!at_start) out_ += '\n';
    out_.append(static_cast<size_t>(indent), ' ');
    col_ = indent;
  }

  void step(const Frame& f) {
    const DocNode* d = f.doc;
    switch (d->kind) {
      case DocNode::Kind::Text: write(d->text, d->flat_width); break;
      case DocNode::Kind::Space:
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') write(" ", 1);
        break;
      case DocNode::Kind::Line:
      case DocNode::Kind::SoftLine:
        if (f.mode == Mode::Flat) {
          if (d->kind == DocNode::Kind::Line && !out_.empty() && out_.back() != ' ' && out_.back() != '\n')
            write(" ", 1);
          break;
        }
        newline(f.indent);
        break;
      case DocNode::Kind::HardLine: newline(f.indent); break;
      case DocNode::Kind::Concat:
        for (size_t k = d->parts.size(); k-- > 0;) stack_.push_back({f.indent, f.mode, d->parts[k].get()});
        break;
      case DocNode::Kind::Nest: stack_.push_back({f.indent + d->indent, f.mode, d->parts[0].get()}); break;
      case DocNode::Kind::Group: {
        Mode m = group_mode(d, Mode::Flat);
        if (m == Mode::Flat && f.mode == Mode::Break && d->breaks != DocNode::Breaks::OnlyHard &&
            !fits(d->parts[0].get(), f.indent, stack_, col_, width_))
          m = Mode::Break;
        stack_.push_back({f.indent, m, d->parts[0].get()});
        break;
      }
      case DocNode::Kind::Fill: {
        // Lay out content i, then decide its following separator by whether
        // the next content fits flat after it.
        size_t i = f.fill_index;
        if (i >= d->parts.size()) break;
        const DocNode* content = d->parts[i].get();
        if (i + 2 < d->parts.size()) {
          const DocNode* sep = d->parts[i + 1].get();
          const DocNode* next = d->parts[i + 2].get();
          stack_.push_back({f.indent, f.mode, d, i + 2});
          int after = col_ + content->flat_width + sep->flat_width + next->flat_width;
          bool sep_flat = f.mode == Mode::Flat ||
                          (!content->has_hard && !next->has_hard && !sep->has_hard && after <= width_);
          stack_.push_back({f.indent, sep_flat ? Mode::Flat : Mode::Break, sep});
        }
        Mode cm = (f.mode == Mode::Flat || (!content->has_hard && col_ + content->flat_width <= width_))
                      ? Mode::Flat : Mode::Break;
        stack_.push_back({f.indent, cm, content});
        break;
      }
    }
  }

  std::string& out_;
  int width_;
  int col_ = 0;
  std::vector<Frame> stack_;
};

}  // namespace

void render_into(std::string& out, const Doc& root, int width, int base_indent) {
  Renderer(out, width).run(root, base_indent);
}

std::string render_flat(const Doc& d) {
  std::string out;
  Renderer(out, INT_MAX / 2).run(d, 0);
  return out;
}

}  // namespace icp::formatter
