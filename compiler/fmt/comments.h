// The formatter's view of Module::comments. Each comment is handed out once,
// either by a printed token it is attached to (see attach()) or, at the level
// of lines, as a comment before a row or at the end of one. Plus blank-line
// detection and the scanning of the source between tokens.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "source/source.h"
#include "syntax/ast.h"

namespace icp::formatter {

inline constexpr uint32_t kNoPos = ~0u;

class Comments {
 public:
  Comments(const ast::Module& m, const SourceFile& src);

  // Every comment untaken again.
  void reset();

  // --- lines
  // Takes every remaining comment that begins before `offset`.
  std::vector<const ast::Comment*> take_before(uint32_t offset);
  // Takes the comments that start at or after `end` with only blanks, commas
  // and `)` between: the comments at the end of that node's line.
  std::vector<const ast::Comment*> take_trailing(uint32_t end);
  // The comments the next row (at `begin`) will take before it, after a row
  // that began at `from` and whose line ends at `end` (the row's own comments
  // taken): none is taken.
  std::vector<const ast::Comment*> peek_between(uint32_t from, uint32_t end, uint32_t begin) const;
  // Whether a comment not yet taken begins inside [begin, end).
  bool any_within(uint32_t begin, uint32_t end) const;
  // Whether [a, b) is white space holding exactly one line break: a `///`
  // comment ending at a documents what starts at b.
  bool next_line(uint32_t a, uint32_t b) const;
  // Whether any comment, taken or not, begins inside [begin, end).
  bool any_in(uint32_t begin, uint32_t end) const;
  // Whether the source between a and b (comments skipped) has an empty line.
  bool blank_line_between(uint32_t a, uint32_t b) const;
  // The comment's text as printed (trailing white space removed).
  std::string text(const ast::Comment& c) const;

  // --- tokens
  // Attaches every comment to one of the printed tokens (their source
  // offsets): a comment that starts its line to the next token after it, any
  // other to the last token before it (whatever the formatter drops in
  // between, such as redundant parentheses or a trailing comma).
  void attach(std::vector<uint32_t> printed);
  // Takes the comments attached before (own-line) or after (same line) the
  // token printed at `pos` that begin in [lo, hi).
  std::vector<const ast::Comment*> take_attached(uint32_t pos, bool after, uint32_t lo, uint32_t hi);
  // Whether only blanks (and comments) come before `c` on its line.
  bool own_line(const ast::Comment& c) const;
  // Whether the line ends right after `c`.
  bool line_ends_after(const ast::Comment& c) const;

  // --- source between tokens
  // The first offset at or after `from` that is neither blank nor in a comment.
  uint32_t skip(uint32_t from) const;
  // The last offset before `end` that is neither blank nor in a comment, or kNoPos.
  uint32_t skip_back(uint32_t end) const;

 private:
  bool is_blank(char ch) const { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }
  // The index of the comment that begins at / ends at an offset, or npos.
  size_t begins_at(uint32_t offset) const;
  size_t ends_at(uint32_t offset) const;
  void advance();
  // The comments take_trailing(end) would take.
  std::vector<size_t> trailing(uint32_t end) const;

  const SourceFile& src_;
  std::vector<const ast::Comment*> list_;  // by begin
  std::vector<bool> taken_;
  size_t next_ = 0;  // every comment before it is taken
  std::unordered_map<uint32_t, std::vector<size_t>> before_, after_;
};

}  // namespace icp::formatter
