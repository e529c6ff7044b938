// The `icp lsp` entry point: an LSP 3.17 server over two streams. Public
// header (no LLVM types): the driver's cmd_lsp.cpp includes it.
#pragma once
#include <cstdio>
#include <string>

namespace icp::lsp {

struct ServerOptions {
  std::string stdlib_dir;  // empty: the compiler's default search
  std::string import_root;  // empty: the folder of each document (LANGUAGE.md section 3)
  int debounce_ms = 20;    // delay between the last change and its diagnostics
};

// Serves until `exit` (or end of input). Returns the process exit code: 0
// after shutdown + exit, 1 otherwise (as LSP specifies).
int run_server(std::FILE* in, std::FILE* out, const ServerOptions& opts);

}  // namespace icp::lsp
