// File, stdin and in-memory byte sources; input format by extension. See
// icp/rt/reader.h.
#include <cerrno>
#include <cstring>

#include "icp/rt/builtins.h"
#include "icp/rt/reader.h"

namespace icp::rt {

namespace {
class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, bool owned) : f_(f), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(f_);
  }
  size_t read(char* buf, size_t n) override { return std::fread(buf, 1, n, f_); }

 private:
  FILE* f_;
  bool owned_;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string s) : s_(std::move(s)) {}
  size_t read(char* buf, size_t n) override {
    n = std::min(n, s_.size() - pos_);
    std::memcpy(buf, s_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 private:
  std::string s_;
  size_t pos_ = 0;
};
}  // namespace

std::unique_ptr<ByteSource> open_file(const std::string& path, std::string& error) {
  if (path == "-") return std::make_unique<FileSource>(stdin, false);
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<FileSource>(f, true);
}

std::unique_ptr<ByteSource> string_source(std::string data) { return std::make_unique<StringSource>(std::move(data)); }

std::optional<InputFormat> input_format_for(const std::string& path) {
  std::string p = str_lower(path);
  if (p.ends_with(".csv") || p.ends_with(".tsv")) return InputFormat::Csv;
  if (p.ends_with(".ndjson") || p.ends_with(".jsonl")) return InputFormat::Ndjson;
  return std::nullopt;
}

std::string reject_copy(std::string_view text, size_t full_length) {
  if (full_length <= kRejectCopyBytes && text.size() <= kRejectCopyBytes) return std::string(text);
  size_t n = std::min(text.size(), kRejectCopyBytes);
  if (n < text.size()) {  // do not split a UTF-8 character: cut before its lead byte
    auto cont = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    size_t k = n;
    while (k > 0 && n - k < 3 && cont(k)) --k;
    if (!cont(k)) n = k;
  }
  return std::string(text.substr(0, n)) + "... [cut: " + std::to_string(full_length) + " bytes in all]";
}

char default_delimiter_for(const std::string& path) { return str_lower(path).ends_with(".tsv") ? '\t' : ','; }

}  // namespace icp::rt
