// Signature help (LSP textDocument/signatureHelp): inside the parentheses of
// a call, the signatures of the function called and the parameter the
// cursor is in. Built-ins come from the registry (sema/builtins.def), one
// signature per overload; defs from the SemanticModel. The call is found
// in the tokens before the cursor, so it works while the code being typed
// does not parse.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

struct SignatureInfo {
  std::string label;  // `round(x: number): int`
  std::string doc;    // Markdown
  // Each parameter as a byte range of `label` (ASCII: also UTF-16 offsets).
  std::vector<std::pair<uint32_t, uint32_t>> params;
};

struct SignatureHelp {
  std::vector<SignatureInfo> signatures;
  uint32_t active_signature = 0;
  uint32_t active_parameter = 0;
};

// At byte `offset` of the main file.
std::optional<SignatureHelp> signature_help(const sema::Program& p, uint32_t offset);

}  // namespace icp::ide
