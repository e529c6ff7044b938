// Layout of formatter documents (see doc.h): the classic stack machine with
// a bounded look-ahead "fits" test per group and per fill separator.
#include "fmt/doc.h"

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
}  // namespace

Doc text(std::string s) {
  DocNode n;
  n.kind = DocNode::Kind::Text;
  n.flat_width = static_cast<int>(count_code_points(s));
  n.text = std::move(s);
  return make(std::move(n));
}
Doc line() {
  DocNode n;
  n.kind = DocNode::Kind::Line;
  n.flat_width = 1;
  return make(std::move(n));
}
Doc softline() { DocNode n;
  n.kind = DocNode::Kind::SoftLine;
  return make(std::move(n)); }
Doc hardline() {
  DocNode n;
  n.kind = DocNode::Kind::HardLine;
  n.has_hard = true;
  return make(std::move(n));
}
Doc concat(std::vector<Doc> parts) {
  DocNode n;
  n.kind = DocNode::Kind::Concat;
  n.parts = std::move(parts);
  absorb(n);
  return make(std::move(n));
}
Doc nest(int indent, Doc d) {
  DocNode n;
  n.kind = DocNode::Kind::Nest;
  n.indent = indent;
  n.parts.push_back(std::move(d));
  absorb(n);
  return make(std::move(n));
}
Doc group(Doc d) {
  DocNode n;
  n.kind = DocNode::Kind::Group;
  n.parts.push_back(std::move(d));
  absorb(n);
  return make(std::move(n));
}
Doc fill(std::vector<Doc> parts) {
  DocNode n;
  n.kind = DocNode::Kind::Fill;
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

// Whether `first` (in flat mode) followed by the rest of the stack up to the
// next break fits in `rem` columns.
bool fits(const DocNode* first, const std::vector<Frame>& stack, int rem) {
  if (first->has_hard) return false;
  rem -= first->flat_width;
  if (rem < 0) return false;
  std::vector<std::pair<const DocNode*, Mode>> work;
  for (size_t i = stack.size(); i-- > 0 && rem >= 0;) {
    const Frame& f = stack[i];
    work.clear();
    if (f.doc->kind == DocNode::Kind::Fill) {
      for (size_t k = f.doc->parts.size(); k-- > f.fill_index;) work.push_back({f.doc->parts[k].get(), f.mode});
    } else {
      work.push_back({f.doc, f.mode});
    }
    while (!work.empty()) {
      auto [d, mode] = work.back();
      work.pop_back();
      switch (d->kind) {
        case DocNode::Kind::Text: rem -= static_cast<int>(d->flat_width); if (rem < 0) return false; break;
        case DocNode::Kind::Line:
          if (mode == Mode::Break) return true;
          rem -= 1;
          if (rem < 0) return false;
          break;
        case DocNode::Kind::SoftLine:
          if (mode == Mode::Break) return true;
          break;
        case DocNode::Kind::HardLine: return true;
        case DocNode::Kind::Concat:
        case DocNode::Kind::Fill:
          for (size_t k = d->parts.size(); k-- > 0;) work.push_back({d->parts[k].get(), mode});
          break;
        case DocNode::Kind::Nest:
        case DocNode::Kind::Group:
          work.push_back({d->parts[0].get(), d->kind == DocNode::Kind::Group && !d->has_hard &&
                                                      mode == Mode::Flat ? Mode::Flat : mode});
          break;
      }
    }
  }
  return rem >= 0;
}

}  // namespace

std::string render(const Doc& root, int width, int base_indent, int start_col) {
  std::string out;
  int col = start_col;
  std::vector<Frame> stack;
  stack.push_back({base_indent, Mode::Break, root.get()});
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const DocNode* d = f.doc;
    switch (d->kind) {
      case DocNode::Kind::Text:
        out += d->text;
        col += d->flat_width;
        break;
      case DocNode::Kind::Line:
      case DocNode::Kind::SoftLine:
        if (f.mode == Mode::Flat) {
          if (d->kind == DocNode::Kind::Line) { out += ' '; ++col; }
          break;
        }
        [[fallthrough]];
      case DocNode::Kind::HardLine:
        out += '\n';
        out.append(static_cast<size_t>(f.indent), ' ');
        col = f.indent;
        break;
      case DocNode::Kind::Concat:
        for (size_t k = d->parts.size(); k-- > 0;) stack.push_back({f.indent, f.mode, d->parts[k].get()});
        break;
      case DocNode::Kind::Nest:
        stack.push_back({f.indent + d->indent, f.mode, d->parts[0].get()});
        break;
      case DocNode::Kind::Group: {
        Mode m = Mode::Flat;
        if (f.mode == Mode::Break && (d->has_hard || !fits(d->parts[0].get(), stack, width - col)))
          m = Mode::Break;
        stack.push_back({f.indent, m, d->parts[0].get()});
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
          Frame rest{f.indent, f.mode, d, i + 2};
          stack.push_back(rest);
          int after = col + content->flat_width + sep->flat_width + next->flat_width;
          bool sep_flat = f.mode == Mode::Flat ||
                          (!content->has_hard && !next->has_hard && !sep->has_hard && after <= width);
          stack.push_back({f.indent, sep_flat ? Mode::Flat : Mode::Break, sep});
        }
        Mode cm = (f.mode == Mode::Flat || (!content->has_hard && col + content->flat_width <= width))
                      ? Mode::Flat : Mode::Break;
        stack.push_back({f.indent, cm, content});
        break;
      }
    }
  }
  return out;
}

}  // namespace icp::formatter
