// The open documents of the language server: text and version per URI,
// with LSP's full and incremental changes (positions in UTF-16 code units).
// Thread-safe: the diagnostics worker reads while the main thread edits.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icp::ide {

struct TextChange {
  bool has_range = false;          // no range: the whole text is replaced
  uint32_t start_line = 0, start_char = 0, end_line = 0, end_char = 0;  // 0-based, UTF-16
  std::string text;
};

struct Document {
  std::string text;
  int64_t version = 0;
};

class DocumentStore {
 public:
  void open(const std::string& uri, std::string text, int64_t version);
  // Applies changes in order; false if the document is not open.
  bool change(const std::string& uri, const std::vector<TextChange>& changes, int64_t version);
  void close(const std::string& uri);
  std::optional<Document> get(const std::string& uri) const;
  std::vector<std::pair<std::string, std::string>> all_texts() const;  // (uri, text)
  std::vector<std::string> uris() const;
  // Whether `uri` is open with exactly this text.
  bool has_text(const std::string& uri, std::string_view text) const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, Document> docs_;
};

// Applies one change to `text` (exposed for tests).
void apply_change(std::string& text, const TextChange& c);
// Byte offset of a 0-based line and UTF-16 column, clamped to the text.
size_t offset_of_position(const std::string& text, uint32_t line, uint32_t utf16_char);

}  // namespace icp::ide
