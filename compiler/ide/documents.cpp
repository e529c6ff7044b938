// Open documents and text synchronisation (documents.h).
#include "ide/documents.h"

#include <algorithm>

#include "source/source.h"

namespace icp::ide {

size_t offset_of_position(const std::string& text, uint32_t line, uint32_t utf16_char) {
  // Lines end at "\n", "\r\n" or a lone "\r" (LSP 3.17).
  size_t i = 0;
  for (uint32_t l = 0; l < line; ++l) {
    size_t br = text.find_first_of("\r\n", i);
    if (br == std::string::npos) return text.size();
    i = br + (text[br] == '\r' && br + 1 < text.size() && text[br + 1] == '\n' ? 2 : 1);
  }
  uint32_t n = 0;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r' && n < utf16_char) {
    size_t j = i;
    uint32_t cp = decode_utf8(text, j);
    uint32_t w = cp >= 0x10000 ? 2 : 1;
    if (n + w > utf16_char) break;  // inside a surrogate pair: stay before it
    n += w;
    i = j;
  }
  return i;
}

void apply_change(std::string& text, const TextChange& c) {
  if (!c.has_range) {
    text = c.text;
    return;
  }
  size_t a = offset_of_position(text, c.start_line, c.start_char);
  size_t b = offset_of_position(text, c.end_line, c.end_char);
  if (b < a) std::swap(a, b);
  text.replace(a, b - a, c.text);
}

void DocumentStore::open(const std::string& uri, std::string text, int64_t version) {
  std::lock_guard<std::mutex> lock(mu_);
  docs_[uri] = Document{std::move(text), version};
}

bool DocumentStore::change(const std::string& uri, const std::vector<TextChange>& changes, int64_t version) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it == docs_.end()) return false;
  for (const auto& c : changes) apply_change(it->second.text, c);
  it->second.version = version;
  return true;
}

void DocumentStore::close(const std::string& uri) {
  std::lock_guard<std::mutex> lock(mu_);
  docs_.erase(uri);
}

std::optional<Document> DocumentStore::get(const std::string& uri) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it == docs_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::pair<std::string, std::string>> DocumentStore::all_texts() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [uri, d] : docs_) out.emplace_back(uri, d.text);
  return out;
}

std::vector<std::string> DocumentStore::uris() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [uri, d] : docs_) out.push_back(uri);
  return out;
}

bool DocumentStore::has_text(const std::string& uri, std::string_view text) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  return it != docs_.end() && it->second.text == text;
}

}  // namespace icp::ide
