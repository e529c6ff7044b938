// Content-Length framing (transport.h).
#include "lsp/transport.h"

#include <cctype>
#include <cstdlib>

namespace icp::lsp {

namespace {
constexpr size_t kMaxMessage = 256u << 20;  // 256 MiB: anything larger is a broken header
constexpr size_t kMaxHeaderLine = 64u << 10;

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Where a `Content-Length:` header starts in `line` (any case), or npos. It
// is not at 0 when leftover bytes of a body run into the next header.
size_t content_length_at(const std::string& line) {
  static constexpr std::string_view kName = "content-length";
  std::string l = lower(line);
  for (size_t at = l.find(kName); at != std::string::npos; at = l.find(kName, at + 1)) {
    size_t k = at + kName.size();
    while (k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
    if (k < l.size() && l[k] == ':') return at;
  }
  return std::string::npos;
}
}  // namespace

bool Transport::read_line(std::string& line) {
  line.clear();
  int c;
  while ((c = std::fgetc(in_)) != EOF) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    line += static_cast<char>(c);
    // A runaway line keeps its end, where a header may follow leftover bytes.
    if (line.size() >= 2 * kMaxHeaderLine) line.erase(0, kMaxHeaderLine);
  }
  return !line.empty();
}

Transport::Status Transport::read(std::string& body, std::string& error) {
  std::string line;
  long long length = -1;
  bool any_header = false;
  bool bad = false;
  // Header lines until an empty line.
  while (true) {
    if (!read_line(line)) return Status::Eof;
    size_t at = content_length_at(line);
    if (resync_) {
      if (at == std::string::npos) continue;  // the body of a block we could not frame
      resync_ = false;
    }
    if (at != std::string::npos && at > 0) {
      // Bytes a too small Content-Length left unread, then the next header:
      // the header block starts here.
      line.erase(0, at);
      length = -1;
      any_header = bad = false;
    }
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      bad = true;
      error = "malformed header line: '" + line.substr(0, 80) + "'";
      continue;
    }
    std::string name = lower(trim(std::string_view(line).substr(0, colon)));
    std::string value(trim(std::string_view(line).substr(colon + 1)));
    if (name == "content-length") {
      char* end = nullptr;
      long long n = std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || n < 0 || static_cast<size_t>(n) > kMaxMessage) {
        error = "invalid Content-Length: '" + value + "'";
        bad = true;
        length = -1;
      } else {
        length = n;
      }
    }
  }
  if (length < 0) {
    if (!bad) error = "missing Content-Length header";
    resync_ = true;  // its body (if any) is skipped up to the next Content-Length
    return Status::Malformed;
  }
  body.resize(static_cast<size_t>(length));
  size_t got = length ? std::fread(body.data(), 1, body.size(), in_) : 0;
  if (got < body.size()) return Status::Eof;
  return Status::Message;
}

void Transport::write(std::string_view body) {
  std::lock_guard<std::mutex> lock(write_mu_);
  std::fprintf(out_, "Content-Length: %zu\r\n\r\n", body.size());
  std::fwrite(body.data(), 1, body.size(), out_);
  std::fflush(out_);
}

}  // namespace icp::lsp
