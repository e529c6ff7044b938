// Source files, byte-offset ranges, and line/column conversion.
//
// Every AST node carries a SourceRange. Offsets are bytes into the file's
// UTF-8 text; lines and columns are 1-based and count Unicode code points
// (TOOLS.md). End positions are exclusive: a one-character token at column 5
// has end_col 6. The language server converts to UTF-16 with utf16_col().
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace icp {

using FileId = uint32_t;
inline constexpr FileId kNoFile = ~0u;

struct SourceRange {
  FileId file = kNoFile;
  uint32_t begin = 0, end = 0;       // byte offsets, end exclusive
  uint32_t line = 0, col = 0;        // 1-based, code points
  uint32_t end_line = 0, end_col = 0;  // 1-based, exclusive end column

  bool valid() const { return file != kNoFile; }
  bool contains(uint32_t offset) const { return begin <= offset && offset <= end; }
  // The smallest range covering both (same file assumed).
  static SourceRange cover(const SourceRange& a, const SourceRange& b);
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // 1-based line and code-point column of a byte offset.
  std::pair<uint32_t, uint32_t> line_col(uint32_t offset) const;
  // Byte offset of a 1-based line and code-point column (clamped to the line).
  uint32_t offset_of(uint32_t line, uint32_t col) const;
  // A range from byte offsets, with lines and columns filled in.
  SourceRange range(uint32_t begin, uint32_t end) const;
  // The text of a 1-based line without its line break.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

  // UTF-16 column (0-based, as LSP wants) of a byte offset, and back.
  uint32_t utf16_col(uint32_t offset) const;
  uint32_t offset_of_utf16(uint32_t line0, uint32_t utf16_col0) const;

  // Positions as LSP 3.17 counts them: 0-based lines ended by "\n", "\r\n"
  // or a lone "\r", and UTF-16 columns. These are the lines above unless the
  // text has a lone "\r", which line_col() (and so `icp check`) does not
  // count as a line break.
  struct LspPosition {
    uint32_t line = 0, character = 0;
  };
  LspPosition lsp_position(uint32_t offset) const;
  // The byte offset of an LSP position (clamped to the text and the line).
  uint32_t offset_of_lsp(uint32_t line0, uint32_t utf16_col0) const;
  uint32_t lsp_line_count() const;
  // The bytes [begin, end) of a 0-based LSP line, without its line break.
  std::pair<uint32_t, uint32_t> lsp_line_span(uint32_t line0) const;

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
  std::vector<bool> line_ascii_;  // per line: only ASCII bytes (columns = bytes)
  std::vector<uint32_t> lsp_line_starts_;  // only when the text has a lone '\r'
};

// Owns every file a compilation has read. Files are never removed, so
// references stay valid for the manager's lifetime.
class SourceManager {
 public:
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  size_t size() const { return files_.size(); }
  // The file with this path, or kNoFile.
  FileId find(std::string_view path) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// The same file however its path is spelled (relative, `..`, links): the
// absolute canonical path where it exists, else the absolute normal form.
// The loader keys files by it, and so does the language server.
std::string canonical_file_key(const std::string& path);

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes decode as
// U+FFFD and advance by one.
uint32_t decode_utf8(std::string_view s, size_t& i);
void append_utf8(std::string& out, uint32_t cp);
// Number of code points in s.
size_t count_code_points(std::string_view s);

}  // namespace icp
