// Comment cursor, attachment to tokens and blank-line detection for the
// formatter (comments.h).
#include "fmt/comments.h"

#include <algorithm>

namespace icp::formatter {

Comments::Comments(const ast::Module& m, const SourceFile& src) : src_(src) {
  for (const auto& c : m.comments) list_.push_back(&c);
  std::stable_sort(list_.begin(), list_.end(), [](const ast::Comment* a, const ast::Comment* b) {
    return a->range.begin < b->range.begin;
  });
  taken_.assign(list_.size(), false);
}

void Comments::reset() {
  taken_.assign(list_.size(), false);
  next_ = 0;
}

void Comments::advance() {
  while (next_ < list_.size() && taken_[next_]) ++next_;
}

std::vector<const ast::Comment*> Comments::take_before(uint32_t offset) {
  std::vector<const ast::Comment*> out;
  for (size_t i = next_; i < list_.size() && list_[i]->range.begin < offset; ++i) {
    if (taken_[i]) continue;
    taken_[i] = true;
    out.push_back(list_[i]);
  }
  advance();
  return out;
}

std::vector<size_t> Comments::trailing(uint32_t end) const {
  std::vector<size_t> out;
  const std::string& t = src_.text();
  uint32_t pos = end;
  auto it = std::lower_bound(list_.begin(), list_.end(), end, [](const ast::Comment* c, uint32_t off) {
    return c->range.begin < off;
  });
  for (size_t i = static_cast<size_t>(it - list_.begin()); i < list_.size(); ++i) {
    const ast::Comment* c = list_[i];
    if (taken_[i]) break;
    bool same_line = true;
    for (uint32_t k = pos; k < c->range.begin && k < t.size(); ++k) {
      char ch = t[k];
      if (ch != ' ' && ch != '\t' && ch != ',' && ch != ')' && ch != '\r') { same_line = false; break; }
    }
    if (!same_line) break;
    out.push_back(i);
    pos = c->range.end;
    // A line comment ends the line; a block comment may be followed by more.
    if (c->kind != ast::Comment::Block) break;
  }
  return out;
}

std::vector<const ast::Comment*> Comments::take_trailing(uint32_t end) {
  std::vector<const ast::Comment*> out;
  for (size_t i : trailing(end)) {
    taken_[i] = true;
    out.push_back(list_[i]);
  }
  advance();
  return out;
}

std::vector<const ast::Comment*> Comments::peek_between(uint32_t from, uint32_t end, uint32_t begin) const {
  std::vector<size_t> skip = trailing(end);
  std::vector<const ast::Comment*> out;
  for (size_t i = next_; i < list_.size() && list_[i]->range.begin < begin; ++i)
    if (!taken_[i] && list_[i]->range.begin >= from && std::find(skip.begin(), skip.end(), i) == skip.end())
      out.push_back(list_[i]);
  return out;
}

bool Comments::any_within(uint32_t begin, uint32_t end) const {
  for (size_t i = next_; i < list_.size(); ++i) {
    if (list_[i]->range.begin >= end) break;
    if (list_[i]->range.begin >= begin && !taken_[i]) return true;
  }
  return false;
}

bool Comments::next_line(uint32_t a, uint32_t b) const {
  const std::string& t = src_.text();
  int lines = 0;
  for (uint32_t i = a; i < b && i < t.size(); ++i) {
    if (t[i] == '\n') ++lines;
    else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') return false;
  }
  return lines == 1;
}

bool Comments::any_in(uint32_t begin, uint32_t end) const {
  auto it = std::lower_bound(list_.begin(), list_.end(), begin, [](const ast::Comment* c, uint32_t off) {
    return c->range.begin < off;
  });
  return it != list_.end() && (*it)->range.begin < end;
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

size_t Comments::begins_at(uint32_t offset) const {
  auto it = std::lower_bound(list_.begin(), list_.end(), offset, [](const ast::Comment* c, uint32_t off) {
    return c->range.begin < off;
  });
  return it != list_.end() && (*it)->range.begin == offset ? static_cast<size_t>(it - list_.begin())
                                                          : std::string::npos;
}

size_t Comments::ends_at(uint32_t offset) const {
  // Comments do not overlap, so the one ending at `offset` is the last one
  // beginning before it.
  auto it = std::lower_bound(list_.begin(), list_.end(), offset, [](const ast::Comment* c, uint32_t off) {
    return c->range.begin < off;
  });
  if (it == list_.begin()) return std::string::npos;
  --it;
  return (*it)->range.end == offset ? static_cast<size_t>(it - list_.begin()) : std::string::npos;
}

bool Comments::own_line(const ast::Comment& c) const {
  const std::string& t = src_.text();
  uint32_t i = c.range.begin;
  while (i > 0) {
    char ch = t[i - 1];
    if (ch == '\n') return true;
    if (ch == ' ' || ch == '\t' || ch == '\r') { --i; continue; }
    size_t k = ends_at(i);
    if (k == std::string::npos) return false;
    i = list_[k]->range.begin;
  }
  return true;
}

bool Comments::line_ends_after(const ast::Comment& c) const {
  const std::string& t = src_.text();
  for (uint32_t i = c.range.end; i < t.size(); ++i) {
    if (t[i] == '\n') return true;
    if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r') return false;
  }
  return true;
}

void Comments::attach(std::vector<uint32_t> printed) {
  before_.clear();
  after_.clear();
  printed.erase(std::remove(printed.begin(), printed.end(), kNoPos), printed.end());
  std::sort(printed.begin(), printed.end());
  printed.erase(std::unique(printed.begin(), printed.end()), printed.end());
  for (size_t i = 0; i < list_.size(); ++i) {
    uint32_t b = list_[i]->range.begin;
    if (own_line(*list_[i])) {
      auto it = std::upper_bound(printed.begin(), printed.end(), b);
      if (it != printed.end()) before_[*it].push_back(i);
    } else {
      auto it = std::lower_bound(printed.begin(), printed.end(), b);
      if (it != printed.begin()) after_[*(it - 1)].push_back(i);
    }
  }
}

std::vector<const ast::Comment*> Comments::take_attached(uint32_t pos, bool after, uint32_t lo, uint32_t hi) {
  std::vector<const ast::Comment*> out;
  auto& map = after ? after_ : before_;
  auto it = map.find(pos);
  if (it == map.end()) return out;
  for (size_t i : it->second) {
    uint32_t b = list_[i]->range.begin;
    if (taken_[i] || b < lo || b >= hi) continue;
    taken_[i] = true;
    out.push_back(list_[i]);
  }
  advance();
  return out;
}

uint32_t Comments::skip(uint32_t from) const {
  const std::string& t = src_.text();
  uint32_t i = from;
  while (i < t.size()) {
    if (is_blank(t[i])) { ++i; continue; }
    size_t k = begins_at(i);
    if (k == std::string::npos) break;
    i = std::max(i + 1, list_[k]->range.end);
  }
  return i;
}

uint32_t Comments::skip_back(uint32_t end) const {
  const std::string& t = src_.text();
  uint32_t i = std::min<uint32_t>(end, static_cast<uint32_t>(t.size()));
  while (i > 0) {
    if (is_blank(t[i - 1])) { --i; continue; }
    size_t k = ends_at(i);
    if (k == std::string::npos) return i - 1;
    i = list_[k]->range.begin;
  }
  return kNoPos;
}

}  // namespace icp::formatter
