// Comment cursor and blank-line detection for the formatter (comments.h).
#include "fmt/comments.h"

#include <algorithm>

namespace icp::formatter {

Comments::Comments(const ast::Module& m, const SourceFile& src) : src_(src) {
  for (const auto& c : m.comments) list_.push_back(&c);
  std::stable_sort(list_.begin(), list_.end(), [](const ast::Comment* a, const ast::Comment* b) {
    return a->range.begin < b->range.begin;
  });
}

std::vector<const ast::Comment*> Comments::take_before(uint32_t offset) {
  std::vector<const ast::Comment*> out;
  while (next_ < list_.size() && list_[next_]->range.begin < offset) out.push_back(list_[next_++]);
  return out;
}

std::vector<const ast::Comment*> Comments::take_trailing(uint32_t end) {
  std::vector<const ast::Comment*> out;
  const std::string& t = src_.text();
  uint32_t pos = end;
  while (next_ < list_.size()) {
    const ast::Comment* c = list_[next_];
    if (c->range.begin < pos) break;
    bool same_line = true;
    for (uint32_t i = pos; i < c->range.begin && i < t.size(); ++i) {
      char ch = t[i];
      if (ch != ' ' && ch != '\t' && ch != ',' && ch != '\r') { same_line = false; break; }
    }
    if (!same_line) break;
    out.push_back(c);
    ++next_;
    pos = c->range.end;
    // A line comment ends the line; a block comment may be followed by more.
    if (c->kind != ast::Comment::Block) break;
  }
  return out;
}

bool Comments::any_within(uint32_t begin, uint32_t end) const {
  for (size_t i = next_; i < list_.size(); ++i) {
    if (list_[i]->range.begin >= end) break;
    if (list_[i]->range.begin >= begin) return true;
  }
  return false;
}

bool Comments::blank_line_between(uint32_t a, uint32_t b) const {
  const std::string& t = src_.text();
  b = std::min<uint32_t>(b, static_cast<uint32_t>(t.size()));
  if (b <= a) return false;
  // Comments starting inside [a, b) are skipped; find them by binary search.
  auto it = std::lower_bound(list_.begin(), list_.end(), a, [](const ast::Comment* c, uint32_t off) {
    return c->range.begin < off;
  });
  bool newline = false;
  for (uint32_t i = a; i < b;) {
    if (it != list_.end() && (*it)->range.begin == i) {
      i = std::max(i + 1, (*it)->range.end);
      ++it;
      newline = false;
      continue;
    }
    char ch = t[i];
    if (ch == '\n') {
      if (newline) return true;
      newline = true;
    } else if (ch != ' ' && ch != '\t' && ch != '\r') {
      newline = false;
    }
    ++i;
  }
  return false;
}

std::string Comments::text(const ast::Comment& c) const {
  std::string s = c.text;
  if (s.empty() && c.range.end > c.range.begin && c.range.end <= src_.text().size())
    s = src_.text().substr(c.range.begin, c.range.end - c.range.begin);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.pop_back();
  return s;
}

}  // namespace icp::formatter
