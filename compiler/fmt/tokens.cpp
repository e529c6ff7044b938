// Printed tokens and their comments (tokens.h).
#include "fmt/tokens.h"

namespace icp::formatter {

Doc Tokens::tok(std::string s, uint32_t pos) {
  if (recording_) {
    printed_.push_back(pos);
    return text(std::move(s));
  }
  if (!comments_ || pos == kNoPos) return text(std::move(s));
  auto before = comments_->take_attached(pos, false, lo_, hi_);
  auto after = comments_->take_attached(pos, true, lo_, hi_);
  if (before.empty() && after.empty()) return text(std::move(s));
  std::vector<Doc> parts;
  if (!before.empty()) {
    parts.push_back(hardline());
    for (const ast::Comment* c : before) {
      parts.push_back(text(comments_->text(*c)));
      // A block comment stays on the line of what follows it unless the
      // source broke the line there.
      bool ends = c->kind != ast::Comment::Block || comments_->line_ends_after(*c);
      parts.push_back(ends ? hardline() : space());
    }
  }
  parts.push_back(text(std::move(s)));
  for (const ast::Comment* c : after) {
    parts.push_back(space());
    parts.push_back(text(comments_->text(*c)));
    if (c->kind != ast::Comment::Block) parts.push_back(hardline());
  }
  return concat(std::move(parts));
}

uint32_t Tokens::skip(uint32_t from) const {
  if (comments_) return comments_->skip(from);
  const std::string& t = src_.text();
  while (from < t.size() && (t[from] == ' ' || t[from] == '\t' || t[from] == '\r' || t[from] == '\n')) ++from;
  return from;
}

uint32_t Tokens::skip_back(uint32_t end) const {
  if (comments_) return comments_->skip_back(end);
  const std::string& t = src_.text();
  while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\r' || t[end - 1] == '\n')) --end;
  return end > 0 ? end - 1 : kNoPos;
}

uint32_t Tokens::content_end(uint32_t end) const {
  for (uint32_t i = end;;) {
    uint32_t j = skip_back(i);
    if (j == kNoPos) return i;
    if (at(j) != ')') return j + 1;
    i = j;
  }
}

uint32_t Tokens::find(uint32_t from, std::string_view word, std::string_view skippable) const {
  if (!comments_ || from == kNoPos) return kNoPos;
  const std::string& t = src_.text();
  for (uint32_t i = skip(from); i < t.size(); i = skip(i + 1)) {
    if (t.compare(i, word.size(), word) == 0) return i;
    if (skippable.find(t[i]) == std::string_view::npos) break;
  }
  return kNoPos;
}

uint32_t Tokens::find_back(uint32_t before, std::string_view word) const {
  if (!comments_ || before == kNoPos) return kNoPos;
  uint32_t last = skip_back(before);
  if (last == kNoPos || last + 1 < word.size()) return kNoPos;
  uint32_t b = last + 1 - static_cast<uint32_t>(word.size());
  return src_.text().compare(b, word.size(), word) == 0 ? b : kNoPos;
}

}  // namespace icp::formatter
