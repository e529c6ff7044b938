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
}  // namespace

bool Transport::read_line(std::string& line) {
  line.clear();
  int c;
  while ((c = std::fgetc(in_)) != EOF) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (line.size() < kMaxHeaderLine) line += static_cast<char>(c);
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
