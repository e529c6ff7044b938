// A small Wadler/Prettier-style document algebra for the formatter.
//
// A Doc is text, a space, a line break that is a space (or nothing) when its
// group fits on the line, a hard line break, nesting, a group that breaks as
// one, or a fill (break only the separators that must). render() lays a Doc
// out in a given width. A group breaks when one of its lines laid out flat
// would not fit; a hard break inside it (after a line comment) just starts a
// new line. A block_group breaks for a hard break as well, and a hard_group
// only for one.
//
// Line starts are kept clean: a break at the start of a line (nothing but
// indentation written since the last one) only re-indents, a space there is
// dropped, and no line ends in spaces. So a line comment can end with a hard
// break and be followed by an ordinary break without leaving an empty line.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace icp::formatter {

struct DocNode;
using Doc = std::shared_ptr<const DocNode>;

struct DocNode {
  enum class Kind : uint8_t { Text, Space, Line, SoftLine, HardLine, Concat, Nest, Group, Fill };
  Kind kind = Kind::Text;
  std::string text;         // Text
  int indent = 0;           // Nest
  enum class Breaks : uint8_t { Width, WidthOrHard, OnlyHard };
  Breaks breaks = Breaks::Width;  // Group: when it breaks
  std::vector<Doc> parts;   // Concat, Nest/Group (one), Fill (content, sep, content, ...)
  bool has_hard = false;    // contains a HardLine (or a multi-line text) somewhere
  int flat_width = 0;       // width when laid out flat (code points)
};

// Text; a text spanning lines (a block comment) counts as a hard break.
Doc text(std::string s);
Doc space();      // " ", except at the start of a line or after a space
Doc line();       // " " when flat
Doc softline();   // "" when flat
Doc hardline();
Doc concat(std::vector<Doc> parts);
Doc nest(int indent, Doc d);
Doc group(Doc d);
// A group that also breaks (all of its lines) when it holds a hard break:
// for vertical layouts such as `if` ... `else`.
Doc block_group(Doc d);
// A group that stays flat (even past the width) unless it holds a hard break,
// which breaks all of its lines.
Doc hard_group(Doc d);
// parts alternate content and separator: c0, s0, c1, s1, ..., cn.
Doc fill(std::vector<Doc> parts);

// Lays out `d` at the end of `out` (starting at the column where `out`'s
// last line ends); line breaks indent to `base_indent` plus the enclosing nests.
void render_into(std::string& out, const Doc& d, int width, int base_indent);
// `d` on one line, whatever its width (its groups flat).
std::string render_flat(const Doc& d);

}  // namespace icp::formatter
