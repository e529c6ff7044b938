// Fuzz target `lsp_server`: the whole language server (run_server: the
// transport, the JSON-RPC dispatcher, document sync and every feature over
// compiler/ide/, with the diagnostics worker) on a fuzzed session.
//
// Input: message bodies, one per line. Each is framed with its correct
// Content-Length (lsp_transport fuzzes the framing itself), after an
// `initialize` request and the `initialized` notification, so that the
// fuzzer spends its time on documents and requests. Documents should be
// under file:///tmp/icp-fuzz-lsp/ (the import root: an empty folder).
//
// Properties (each aborts when violated):
//   - the server stops at the end of the input, with exit code 0 or 1;
//   - what it writes is a sequence of `Content-Length: N\r\n\r\n` frames,
//     each a JSON object (an independent reader) with "jsonrpc": "2.0";
//   - every response has exactly one of result and error, an error has an
//     integer code and a message, and no error is an InternalError (-32603,
//     a handler that threw);
//   - every request (a JSON object with a string method and an integer or
//     string id) before the `exit` notification gets exactly one response
//     with an id, and so does a message with an id but no method that is
//     not a response; nothing else does (malformed messages are answered
//     with a null id).
#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "lsp/server.h"

namespace {

constexpr const char* kRoot = "/tmp/icp-fuzz-lsp";

// Whether the dispatcher answers a body with a response that has a non-null
// id: a request (a string method, an integer or string id), or a message
// without a method that has an id and is not a response (InvalidRequest,
// with its id).
bool answered_with_id(const fuzz::Json& j) {
  if (j.kind != fuzz::Json::Object) return false;
  const fuzz::Json* method = j.get("method");
  const fuzz::Json* id = j.get("id");
  if (!id) return false;
  if (!method || method->kind != fuzz::Json::String)
    return id->kind != fuzz::Json::Null && !j.get("result") && !j.get("error");
  if (id->kind == fuzz::Json::String) return true;
  if (id->kind != fuzz::Json::Number) return false;
  double d = std::strtod(id->text.c_str(), nullptr), ip = 0;
  return std::modf(d, &ip) == 0.0 && d >= -9223372036854775808.0 && d < 9223372036854775808.0;
}

bool has_duplicate_keys(const fuzz::Json& j) {
  for (size_t a = 0; a < j.keys.size(); ++a) {
    for (size_t b = a + 1; b < j.keys.size(); ++b)
      if (j.keys[a] == j.keys[b]) return true;
    if (has_duplicate_keys(j.values[a])) return true;
  }
  for (const auto& i : j.items)
    if (has_duplicate_keys(i)) return true;
  return false;
}

// Keys written with escapes may equal other keys once decoded.
bool has_escaped_key(const fuzz::Json& j) {
  for (size_t a = 0; a < j.keys.size(); ++a)
    if (j.keys[a].find('\\') != std::string::npos || has_escaped_key(j.values[a])) return true;
  for (const auto& i : j.items)
    if (has_escaped_key(i)) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bool made_root = (mkdir(kRoot, 0700), true);
  (void)made_root;

  std::vector<std::string> bodies = {
      R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}})",
      R"({"jsonrpc":"2.0","method":"initialized","params":{}})"};
  std::string text(fuzz::as_text(data, size));
  for (size_t p = 0; p < text.size();) {
    size_t e = text.find('\n', p);
    if (e == std::string::npos) e = text.size();
    bodies.push_back(text.substr(p, e - p));
    p = e + 1;
  }

  // The oracle: how many requests come before `exit`.
  size_t requests = 0;
  bool countable = true;
  for (const auto& b : bodies) {
    fuzz::Json j;
    fuzz::JsonStatus st = fuzz::parse_json(b, j);
    if (st == fuzz::JsonStatus::Unknown || (st == fuzz::JsonStatus::Ok && (has_duplicate_keys(j) || has_escaped_key(j)))) {
      countable = false;
      break;
    }
    if (st != fuzz::JsonStatus::Ok) continue;
    const fuzz::Json* method = j.kind == fuzz::Json::Object ? j.get("method") : nullptr;
    if (method && method->kind == fuzz::Json::String && method->text.find('\\') != std::string::npos) {
      countable = false;  // an escaped method name: the oracle does not decode
      break;
    }
    if (answered_with_id(j)) ++requests;
    if (method && method->kind == fuzz::Json::String && method->text == "exit" && !j.get("id")) break;
  }

  std::string stream;
  for (const auto& b : bodies) stream += "Content-Length: " + std::to_string(b.size()) + "\r\n\r\n" + b;
  std::FILE* in = fmemopen(stream.data(), stream.size(), "rb");
  char* out = nullptr;
  size_t out_size = 0;
  std::FILE* mem = open_memstream(&out, &out_size);
  FUZZ_CHECK(in && mem, "cannot open memory streams");
  icp::lsp::ServerOptions opts;
  opts.stdlib_dir = fuzz::env_or("ICP_STDLIB", ICP_FUZZ_SOURCE_DIR "/stdlib");
  opts.import_root = kRoot;
  opts.debounce_ms = 0;
  int rc = icp::lsp::run_server(in, mem, opts);
  std::fclose(in);
  std::fclose(mem);
  std::string written(out, out_size);
  std::free(out);
  FUZZ_CHECK(rc == 0 || rc == 1, "run_server returned %d", rc);

  size_t responses = 0;
  for (size_t p = 0; p < written.size();) {
    static const std::string kHead = "Content-Length: ";
    FUZZ_CHECK(written.compare(p, kHead.size(), kHead) == 0, "output at byte %zu is not a header: %.60s", p,
               written.c_str() + p);
    size_t end = written.find("\r\n\r\n", p);
    FUZZ_CHECK(end != std::string::npos, "a header without its blank line at byte %zu", p);
    size_t n = std::strtoull(written.c_str() + p + kHead.size(), nullptr, 10);
    p = end + 4;
    FUZZ_CHECK(p + n <= written.size(), "a frame of %zu bytes, %zu left", n, written.size() - p);
    std::string body = written.substr(p, n);
    p += n;
    fuzz::Json j;
    FUZZ_CHECK(fuzz::parse_json(body, j) == fuzz::JsonStatus::Ok && j.kind == fuzz::Json::Object,
               "the server wrote a body that is not a JSON object: %s", body.c_str());
    const fuzz::Json* version = j.get("jsonrpc");
    FUZZ_CHECK(version && version->kind == fuzz::Json::String && version->text == "2.0", "no jsonrpc 2.0: %s",
               body.c_str());
    if (j.get("method")) continue;  // a notification (or a request) of the server
    const fuzz::Json* result = j.get("result");
    const fuzz::Json* error = j.get("error");
    FUZZ_CHECK(j.get("id") && (result != nullptr) != (error != nullptr), "a response needs an id and one of result, error: %s",
               body.c_str());
    if (error) {
      const fuzz::Json* code = error->get("code");
      const fuzz::Json* message = error->get("message");
      FUZZ_CHECK(code && code->kind == fuzz::Json::Number && message && message->kind == fuzz::Json::String,
                 "an error without a code and a message: %s", body.c_str());
      FUZZ_CHECK(code->text != "-32603", "an InternalError: %s", body.c_str());
    }
    if (j.get("id")->kind != fuzz::Json::Null) ++responses;
  }
  if (countable)
    FUZZ_CHECK(responses == requests, "%zu requests before exit, %zu responses with an id", requests, responses);
  return 0;
}
