// LSP 3.17 protocol values used by the server, as llvm::json conversions of
// the compiler's own types (ranges, diagnostics, IDE results). Internal to
// lsp/: only lsp/*.cpp include this (it pulls in LLVM's JSON library).
#pragma once
#include <llvm/Support/JSON.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "ide/completion.h"
#include "ide/diagnostics.h"
#include "ide/hover.h"
#include "ide/signature_help.h"
#include "ide/semantic_tokens.h"
#include "ide/symbols.h"
#include "ide/documents.h"
#include "sema/program.h"

namespace icp::lsp {

namespace json = llvm::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
  kInternalError = -32603, kServerNotInitialized = -32002, kRequestFailed = -32803,
};

struct Position {
  uint32_t line = 0, character = 0;
};

// --- reading params
std::optional<std::string> document_uri(const json::Value& params);
std::optional<Position> position_param(const json::Value& params, const char* key = "position");
bool parse_content_changes(const json::Value& params, std::vector<ide::TextChange>& out);
// Whether a codeAction request's `context.only` (absent: every kind) asks
// for actions of `kind`: an entry equal to it or a parent of it ("refactor"
// for "refactor.extract").
bool kind_requested(const json::Value& params, std::string_view kind);

// --- writing results
json::Value position_json(const SourceFile& f, uint32_t offset);
json::Value range_json(const SourceFile& f, const SourceRange& r);
json::Value location_json(const sema::Program& p, const SourceRange& r);
json::Value diagnostic_json(const sema::Program& p, const Diagnostic& d);
json::Value hover_json(const sema::Program& p, const ide::HoverInfo& h);
json::Value signature_help_json(const ide::SignatureHelp& h);
// Items whose replace_from is set get a textEdit from there to the cursor.
json::Value completion_json(const sema::Program& p, uint32_t cursor, const std::vector<ide::Completion>& items);
json::Value symbol_json(const sema::Program& p, const ide::Symbol& s);
json::Value code_action_json(const sema::Program& p, const std::string& uri, const ide::CodeAction& a);
// LSP's relative encoding of semantic tokens (one token per line piece).
json::Value semantic_tokens_json(const sema::Program& p, const std::vector<ide::SemanticToken>& tokens);
json::Value semantic_tokens_legend();
// Byte offset in the main file of an LSP position (clamped).
uint32_t main_offset(const sema::Program& p, Position pos);

}  // namespace icp::lsp
