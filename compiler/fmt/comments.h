// The formatter's view of Module::comments: a cursor that hands each comment
// out exactly once, in source order, as a leading comment (before a node) or a
// trailing one (at the end of a node's line), plus blank-line detection.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "source/source.h"
#include "syntax/ast.h"

namespace icp::formatter {

class Comments {
 public:
  Comments(const ast::Module& m, const SourceFile& src);

  // The next comment not yet emitted, or null.
  const ast::Comment* peek() const { return next_ < list_.size() ? list_[next_] : nullptr; }
  // Takes every remaining comment that begins before `offset`.
  std::vector<const ast::Comment*> take_before(uint32_t offset);
  // Takes the comments that start at or after `end` with only blanks and
  // commas between: the comments at the end of that node's line.
  std::vector<const ast::Comment*> take_trailing(uint32_t end);
  // Whether a comment begins inside [begin, end).
  bool any_within(uint32_t begin, uint32_t end) const;
  // Whether the source between a and b (comments skipped) has an empty line.
  bool blank_line_between(uint32_t a, uint32_t b) const;
  // The comment's text as printed (trailing white space removed).
  std::string text(const ast::Comment& c) const;

 private:
  const SourceFile& src_;
  std::vector<const ast::Comment*> list_;
  size_t next_ = 0;
};

}  // namespace icp::formatter
