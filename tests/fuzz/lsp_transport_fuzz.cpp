// Fuzz target `lsp_transport`: the language server's Content-Length framing
// (compiler/lsp/transport.cpp).
//
// Input: a mode byte, then bytes.
//   - Even mode: the bytes are the stream as a client sent it. Reading ends
//     (Eof) after at most one message or error per byte; every message body
//     is bytes of the stream; every Malformed block says why.
//   - Odd mode: the bytes, split at line breaks, are message bodies (any
//     bytes, a header's text included). Transport::write frames them into
//     a stream; reading that stream back gives exactly those bodies, in
//     order, with no Malformed block, then Eof. With mode bit 1 every
//     message also carries a Content-Type header, and with bit 2 blank
//     lines come before it (both are allowed).
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "lsp/transport.h"

namespace {

struct MemIn {
  std::string data;
  std::FILE* f = nullptr;
  explicit MemIn(std::string d) : data(std::move(d)) {
    // fmemopen of 0 bytes is not portable: an empty stream is a closed pipe.
    f = data.empty() ? std::fopen("/dev/null", "rb") : fmemopen(data.data(), data.size(), "rb");
    FUZZ_CHECK(f, "cannot open a memory stream");
  }
  ~MemIn() { std::fclose(f); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string bytes(fuzz::as_text(data + 1, size - 1));
  std::string body, error;

  if (!(mode & 1)) {
    MemIn in(bytes);
    icp::lsp::Transport t(in.f, stdout);
    for (size_t reads = 0;; ++reads) {
      FUZZ_CHECK(reads <= bytes.size() + 1, "%zu reads from a stream of %zu bytes", reads, bytes.size());
      error.clear();
      auto st = t.read(body, error);
      if (st == icp::lsp::Transport::Status::Eof) break;
      if (st == icp::lsp::Transport::Status::Malformed) {
        FUZZ_CHECK(!error.empty(), "a Malformed block without a reason");
        continue;
      }
      FUZZ_CHECK(bytes.find(body) != std::string::npos, "a message body of %zu bytes that is not in the stream",
                 body.size());
    }
    return 0;
  }

  std::vector<std::string> bodies;
  for (size_t p = 0;;) {
    size_t e = bytes.find('\n', p);
    bodies.push_back(bytes.substr(p, e == std::string::npos ? std::string::npos : e - p));
    if (e == std::string::npos) break;
    p = e + 1;
  }
  char* out = nullptr;
  size_t out_size = 0;
  std::FILE* mem = open_memstream(&out, &out_size);
  FUZZ_CHECK(mem, "cannot open a memory stream");
  {
    icp::lsp::Transport w(stdin, mem);
    for (const auto& b : bodies) {
      if (mode & 4) std::fputs("\r\n\r\n", mem);
      if (mode & 2) std::fputs("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n", mem);
      w.write(b);
    }
  }
  std::fclose(mem);
  std::string stream(out, out_size);
  std::free(out);

  MemIn in(stream);
  icp::lsp::Transport r(in.f, stdout);
  for (size_t i = 0; i < bodies.size(); ++i) {
    error.clear();
    auto st = r.read(body, error);
    FUZZ_CHECK(st == icp::lsp::Transport::Status::Message, "message %zu of %zu: status %d (%s)", i + 1, bodies.size(),
               int(st), error.c_str());
    FUZZ_CHECK(body == bodies[i], "message %zu of %zu: %zu bytes read back, %zu written", i + 1, bodies.size(),
               body.size(), bodies[i].size());
  }
  FUZZ_CHECK(r.read(body, error) == icp::lsp::Transport::Status::Eof, "more than the %zu messages written",
             bodies.size());
  return 0;
}
