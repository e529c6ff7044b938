// LSP base protocol framing: `Content-Length: N\r\n\r\n` + N bytes of JSON,
// over FILE streams. Reading tolerates bad headers (the header block is
// skipped and reported) and resynchronises on the next `Content-Length:`
// header: the body of a block without a usable length, and whatever a too
// small Content-Length left unread, are skipped up to it. Writing is
// thread-safe and flushes each message.
#pragma once
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace icp::lsp {

class Transport {
 public:
  Transport(std::FILE* in, std::FILE* out) : in_(in), out_(out) {}

  enum class Status { Message, Malformed, Eof };
  // Reads the next message body. Malformed: a header block without a usable
  // Content-Length (`error` says why); the caller answers and reads on.
  Status read(std::string& body, std::string& error);
  void write(std::string_view body);

 private:
  bool read_line(std::string& line);  // false at EOF
  std::FILE* in_;
  bool resync_ = false;  // after a Malformed block: skip to a Content-Length line
  std::FILE* out_;
  std::mutex write_mu_;
};

}  // namespace icp::lsp
