// A small Wadler/Prettier-style document algebra for the formatter.
//
// A Doc is text, a line break that is a space (or nothing) when its group
// fits on the line, a hard line break, nesting, a group that breaks as one,
// or a fill (break only the separators that must). render() lays a Doc out in
// a given width; groups that contain a hard break always break.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace icp::formatter {

struct DocNode;
using Doc = std::shared_ptr<const DocNode>;

struct DocNode {
  enum class Kind : uint8_t { Text, Line, SoftLine, HardLine, Concat, Nest, Group, Fill };
  Kind kind = Kind::Text;
  std::string text;         // Text
  int indent = 0;           // Nest
  std::vector<Doc> parts;   // Concat, Nest/Group (one), Fill (content, sep, content, ...)
  bool has_hard = false;    // contains a HardLine somewhere
  int flat_width = 0;       // width when laid out flat (code points)
};

Doc text(std::string s);
Doc line();       // " " when flat
Doc softline();   // "" when flat
Doc hardline();
Doc concat(std::vector<Doc> parts);
Doc nest(int indent, Doc d);
Doc group(Doc d);
// parts alternate content and separator: c0, s0, c1, s1, ..., cn.
Doc fill(std::vector<Doc> parts);

// Lays out `d` starting at column `start_col`; line breaks indent to
// `base_indent` plus the enclosing nests.
std::string render(const Doc& d, int width, int base_indent, int start_col);

}  // namespace icp::formatter
