#include "source/source.h"

#include <algorithm>
#include <filesystem>

namespace icp {

SourceRange SourceRange::cover(const SourceRange& a, const SourceRange& b) {
  if (!a.valid()) return b;
  if (!b.valid()) return a;
  SourceRange r = a;
  if (b.begin < a.begin) { r.begin = b.begin; r.line = b.line; r.col = b.col; }
  if (b.end > a.end) { r.end = b.end; r.end_line = b.end_line; r.end_col = b.end_col; }
  return r;
}

uint32_t decode_utf8(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) { ++i; return c; }
  if ((c & 0xE0) == 0xC0 && cont(1)) {
    uint32_t cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    if (cp >= 0x80) { i += 2; return cp; }
  } else if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    uint32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { i += 3; return cp; }
  } else if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    uint32_t cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
                  ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    if (cp >= 0x10000 && cp <= 0x10FFFF) { i += 4; return cp; }
  }
  ++i;
  return 0xFFFD;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) { decode_utf8(s, i); ++n; }
  return n;
}

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  bool ascii = true, lone_cr = false;
  for (uint32_t i = 0; i < text_.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c >= 0x80) ascii = false;
    if (c == '\n') {
      line_ascii_.push_back(ascii);
      ascii = true;
      line_starts_.push_back(i + 1);
    } else if (c == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')) {
      lone_cr = true;
    }
  }
  line_ascii_.push_back(ascii);
  if (lone_cr) {
    lsp_line_starts_.push_back(0);
    for (uint32_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')))
        lsp_line_starts_.push_back(i + 1);
  }
}

std::pair<uint32_t, uint32_t> SourceFile::line_col(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  if (line_ascii_[line - 1]) return {line, offset - start + 1};  // the common case
  std::string_view seg(text_.data() + start, offset - start);
  return {line, static_cast<uint32_t>(count_code_points(seg)) + 1};
}

uint32_t SourceFile::offset_of(uint32_t line, uint32_t col) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  std::string_view lt = line_text(line);
  size_t i = 0;
  for (uint32_t c = 1; c < col && i < lt.size(); ++c) decode_utf8(lt, i);
  return line_starts_[line - 1] + static_cast<uint32_t>(i);
}

SourceRange SourceFile::range(uint32_t begin, uint32_t end) const {
  SourceRange r;
  r.file = id_;
  r.begin = begin;
  r.end = std::max(begin, end);
  std::tie(r.line, r.col) = line_col(r.begin);
  std::tie(r.end_line, r.end_col) = line_col(r.end);
  return r;
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t b = line_starts_[line - 1];
  uint32_t e = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
  return std::string_view(text_.data() + b, e - b);
}

namespace {
// UTF-16 code units of a UTF-8 text (a code point above U+FFFF is two).
uint32_t utf16_units(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) n += decode_utf8(s, i) >= 0x10000 ? 2 : 1;
  return n;
}
// The byte offset in `line` of UTF-16 column `col0` (before a surrogate pair
// the column falls inside of; the line's end past it).
size_t byte_of_utf16(std::string_view line, uint32_t col0) {
  size_t i = 0;
  uint32_t n = 0;
  while (i < line.size() && n < col0) {
    size_t j = i;
    n += decode_utf8(line, j) >= 0x10000 ? 2 : 1;
    if (n > col0) break;  // inside a surrogate pair: stay before it
    i = j;
  }
  return i;
}
}  // namespace

uint32_t SourceFile::utf16_col(uint32_t offset) const {
  auto [line, col] = line_col(offset);
  (void)col;
  uint32_t start = line_starts_[line - 1];
  return utf16_units(std::string_view(text_.data() + start, std::min<size_t>(offset, text_.size()) - start));
}

uint32_t SourceFile::offset_of_utf16(uint32_t line0, uint32_t utf16_col0) const {
  if (line0 >= line_starts_.size()) return static_cast<uint32_t>(text_.size());
  return line_starts_[line0] + static_cast<uint32_t>(byte_of_utf16(line_text(line0 + 1), utf16_col0));
}

uint32_t SourceFile::lsp_line_count() const {
  return static_cast<uint32_t>(lsp_line_starts_.empty() ? line_starts_.size() : lsp_line_starts_.size());
}

std::pair<uint32_t, uint32_t> SourceFile::lsp_line_span(uint32_t line0) const {
  const std::vector<uint32_t>& starts = lsp_line_starts_.empty() ? line_starts_ : lsp_line_starts_;
  uint32_t size = static_cast<uint32_t>(text_.size());
  if (line0 >= starts.size()) return {size, size};
  uint32_t b = starts[line0];
  uint32_t e = line0 + 1 < starts.size() ? starts[line0 + 1] : size;
  if (e > b && text_[e - 1] == '\n') --e;
  if (e > b && text_[e - 1] == '\r') --e;
  return {b, e};
}

SourceFile::LspPosition SourceFile::lsp_position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  bool own = !lsp_line_starts_.empty();
  const std::vector<uint32_t>& starts = own ? lsp_line_starts_ : line_starts_;
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  uint32_t line0 = static_cast<uint32_t>(it - starts.begin()) - 1;
  if (!own && line_ascii_[line0]) return {line0, offset - starts[line0]};  // the common case
  return {line0, utf16_units(std::string_view(text_.data() + starts[line0], offset - starts[line0]))};
}

uint32_t SourceFile::offset_of_lsp(uint32_t line0, uint32_t utf16_col0) const {
  if (lsp_line_starts_.empty()) return offset_of_utf16(line0, utf16_col0);
  if (line0 >= lsp_line_starts_.size()) return static_cast<uint32_t>(text_.size());
  auto [b, e] = lsp_line_span(line0);
  return b + static_cast<uint32_t>(byte_of_utf16(std::string_view(text_.data() + b, e - b), utf16_col0));
}

std::string canonical_file_key(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  fs::path c = fs::weakly_canonical(abs, ec);
  return (ec ? abs.lexically_normal() : c).string();
}

FileId SourceManager::add(std::string path, std::string text) {
  FileId id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return id;
}

FileId SourceManager::find(std::string_view path) const {
  for (const auto& f : files_)
    if (f->path() == path) return f->id();
  return kNoFile;
}

}  // namespace icp
