// File, stdin and in-memory byte sources; input format by extension. See
// icp/rt/reader.h.
#include <cerrno>
#include <cstring>

#include "icp/rt/builtins.h"
#include "icp/rt/reader.h"
#include "input_buffer.h"

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

size_t utf8_cut(std::string_view text, size_t n) {
  n = std::min(n, text.size());
  auto cont = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  // The lead byte of the last character that starts before n: when that
  // character needs more bytes than are left before n, cut before it.
  size_t k = n;
  while (k > 0 && n - k < 3 && cont(k - 1)) --k;
  if (k == 0) return n;
  unsigned char lead = static_cast<unsigned char>(text[k - 1]);
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return n - (k - 1) < need ? k - 1 : n;
}

std::string cut_mark(uint64_t full_length) { return "... [cut: " + std::to_string(full_length) + " bytes in all]"; }

std::string reject_copy(std::string_view text, uint64_t full_length) {
  size_t n = utf8_cut(text, std::min(text.size(), kRejectCopyBytes));
  if (n >= full_length) return std::string(text.substr(0, n));
  return std::string(text.substr(0, n)) + cut_mark(full_length);
}

bool refuse_binary_input(InputBuffer& in, std::string& error) {
  constexpr size_t kLook = size_t(64) << 10;
  while (in.view().size() < kLook && in.fill()) {
  }
  std::string_view b = in.view().substr(0, kLook);
  size_t at = b.find('\0');
  if (at == std::string_view::npos) return true;
  size_t line = 1, start = 0;
  for (size_t i = 0; i < at; ++i)
    if (b[i] == '\n') ++line, start = i + 1;
  error = "line " + std::to_string(line) + ": a NUL byte (byte " + std::to_string(at - start + 1) +
          " of the line): this is not UTF-8 text (a binary file, or UTF-16?)";
  return false;
}

char default_delimiter_for(const std::string& path) { return str_lower(path).ends_with(".tsv") ? '\t' : ','; }

}  // namespace icp::rt
