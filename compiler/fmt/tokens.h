// The tokens the formatter prints, each with the source offset of the token
// it reproduces, and the comments that travel with them.
//
// Formatting runs twice: the first run records where every printed token came
// from; Comments::attach() then gives each comment to one printed token (an
// own-line comment to the next one, any other to the one before it); the
// second run prints each token with its comments. Comments outside the
// current window (the row being built) are left to the line-level code.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fmt/comments.h"
#include "fmt/doc.h"
#include "source/source.h"

namespace icp::formatter {

class Tokens {
 public:
  // Without comments, tokens are plain text.
  Tokens(const SourceFile& src, Comments* comments) : src_(src), comments_(comments) {}

  // The recording run: remember each token's offset, print no comment.
  void start_recording() { recording_ = true; printed_.clear(); }
  std::vector<uint32_t> stop_recording() { recording_ = false; return std::move(printed_); }

  // Only comments beginning in [lo, hi) are printed with tokens.
  class Window {
   public:
    Window(Tokens& t, uint32_t lo, uint32_t hi) : t_(t), lo_(t.lo_), hi_(t.hi_) { t.lo_ = lo; t.hi_ = hi; }
    ~Window() { t_.lo_ = lo_; t_.hi_ = hi_; }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

   private:
    Tokens& t_;
    uint32_t lo_, hi_;
  };

  // `s`, printed for the source token at `pos` (kNoPos: none), with the
  // comments attached to it: own-line ones on lines of their own before it,
  // the others after it on its line (a line comment then ends the line).
  Doc tok(std::string s, uint32_t pos);

  // The offset of `word` at or after `from`, skipping blanks, comments and
  // any of `skippable`; kNoPos when something else comes first.
  uint32_t find(uint32_t from, std::string_view word, std::string_view skippable = "()") const;
  // The offset of `word` when it is the token right before `before`.
  uint32_t find_back(uint32_t before, std::string_view word) const;
  // Where the last token before `end` that is not a `)` ends: a row's
  // comments after it are the row's trailing comments (the parentheses
  // around an expression may be dropped).
  uint32_t content_end(uint32_t end) const;
  // The first offset at or after `from` that is not blank or comment.
  uint32_t skip(uint32_t from) const;
  // The last offset before `end` that is not blank or comment (kNoPos: none).
  uint32_t skip_back(uint32_t end) const;
  // Whether the source has a comment beginning inside [begin, end).
  bool has_comments(uint32_t begin, uint32_t end) const { return comments_ && comments_->any_in(begin, end); }
  char at(uint32_t pos) const { return pos < src_.text().size() ? src_.text()[pos] : '\0'; }
  const SourceFile& source() const { return src_; }

 private:
  const SourceFile& src_;
  Comments* comments_;
  bool recording_ = false;
  std::vector<uint32_t> printed_;
  uint32_t lo_ = 0, hi_ = 0;
};

}  // namespace icp::formatter
