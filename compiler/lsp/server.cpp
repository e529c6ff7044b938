// The language server: lifecycle, document sync, and each feature as a thin
// JSON layer over compiler/ide/ (server.h).
#include "lsp/server.h"

#include <atomic>

#include "ide/completion.h"
#include "ide/definition.h"
#include "ide/diagnostics.h"
#include "ide/formatting.h"
#include "ide/hover.h"
#include "ide/semantic_tokens.h"
#include "ide/symbols.h"
#include "lsp/dispatcher.h"
#include "lsp/transport.h"
#include "ide/uri.h"
#include "ide/worker.h"
#include "ide/workspace.h"

#ifndef ICP_VERSION
#define ICP_VERSION "0.1.0"
#endif

namespace icp::lsp {

namespace {

std::string to_text(const json::Value& v) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << v;
  os.flush();
  return s;
}

class Server {
 public:
  Server(std::FILE* in, std::FILE* out, const ServerOptions& opts)
      : transport_(in, out),
        stdlib_dir_(opts.stdlib_dir),
        workspace_(opts.stdlib_dir, opts.import_root),
        worker_(std::chrono::milliseconds(opts.debounce_ms), [this](const std::string& uri) { publish(uri); }) {
    register_handlers();
  }

  int run() {
    std::string body, error;
    while (!exited_) {
      Transport::Status st = transport_.read(body, error);
      if (st == Transport::Status::Eof) break;
      if (st == Transport::Status::Malformed) {
        transport_.write(Dispatcher::error_response(nullptr, {kParseError, error}));
        continue;
      }
      if (auto reply = dispatcher_.handle(body)) transport_.write(*reply);
    }
    return shutdown_ ? 0 : 1;
  }

 private:
  void notify(const char* method, json::Value params) {
    transport_.write(to_text(json::Object{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}));
  }

  // Compiles (if needed) and publishes the diagnostics of one document.
  void publish(const std::string& uri) {
    ide::Analysis a = workspace_.analysis(uri);
    if (!a.program) return;
    json::Array diags;
    for (const auto& d : ide::file_diagnostics(*a.program)) diags.push_back(diagnostic_json(*a.program, d));
    notify("textDocument/publishDiagnostics",
           json::Object{{"uri", uri}, {"version", a.version}, {"diagnostics", std::move(diags)}});
  }

  // Open documents whose analysis depends on a file that changed.
  void recheck(const std::vector<std::string>& uris) {
    for (const auto& u : uris) worker_.schedule(u);
  }

  // The analysis of the document named in `params`, or an error reply.
  struct Target {
    ide::Analysis a;
    std::string uri;
  };
  std::optional<Target> target(const json::Value& params) {
    auto uri = document_uri(params);
    if (!uri) return std::nullopt;
    ide::Analysis a = workspace_.analysis(*uri);
    if (!a.program || !a.program->main_module()) return std::nullopt;
    return Target{a, *uri};
  }

  void register_handlers() {
    dispatcher_.set_gate([this](const std::string& method, bool is_request) -> std::optional<RpcError> {
      if (method == "initialize" || method == "exit") return std::nullopt;
      if (!initialized_) return RpcError{kServerNotInitialized, "the server is not initialized"};
      if (shutdown_ && is_request) return RpcError{kInvalidRequest, "the server is shutting down"};
      return std::nullopt;
    });

    dispatcher_.request("initialize", [this](const json::Value&) -> Reply {
      if (initialized_) return RpcError{kInvalidRequest, "initialize was already called"};
      initialized_ = true;
      json::Object caps{
          {"positionEncoding", "utf-16"},
          {"textDocumentSync", json::Object{{"openClose", true}, {"change", 2}, {"save", false}}},
          {"hoverProvider", true},
          {"signatureHelpProvider", json::Object{{"triggerCharacters", json::Array{"(", ","}}}},
          {"definitionProvider", true},
          {"documentSymbolProvider", true},
          {"documentFormattingProvider", true},
          {"completionProvider", json::Object{{"triggerCharacters", json::Array{".", "\"", "/"}}}},
          {"codeActionProvider", json::Object{{"codeActionKinds", json::Array{"quickfix"}}}},
          {"semanticTokensProvider", json::Object{{"legend", semantic_tokens_legend()}, {"full", true}}},
      };
      return json::Object{{"capabilities", std::move(caps)},
                          {"serverInfo", json::Object{{"name", "icp"}, {"version", ICP_VERSION}}}};
    });
    dispatcher_.notification("initialized", [](const json::Value&) {});
    dispatcher_.request("shutdown", [this](const json::Value&) -> Reply {
      shutdown_ = true;
      return nullptr;
    });
    dispatcher_.notification("exit", [this](const json::Value&) { exited_ = true; });

    dispatcher_.notification("textDocument/didOpen", [this](const json::Value& params) {
      const json::Object* o = params.getAsObject();
      const json::Object* td = o ? o->getObject("textDocument") : nullptr;
      if (!td) return;
      auto uri = td->getString("uri");
      auto text = td->getString("text");
      if (!uri || !text) return;
      workspace_.documents().open(uri->str(), text->str(), td->getInteger("version").value_or(0));
      worker_.schedule(uri->str(), /*immediate=*/true);
      recheck(workspace_.dependents(uri->str()));
    });
    dispatcher_.notification("textDocument/didChange", [this](const json::Value& params) {
      auto uri = document_uri(params);
      std::vector<ide::TextChange> changes;
      if (!uri || !parse_content_changes(params, changes)) return;
      int64_t version = 0;
      if (const json::Object* td = params.getAsObject()->getObject("textDocument"))
        version = td->getInteger("version").value_or(0);
      if (!workspace_.documents().change(*uri, changes, version)) return;
      worker_.schedule(*uri);
      recheck(workspace_.dependents(*uri));
    });
    dispatcher_.notification("textDocument/didClose", [this](const json::Value& params) {
      auto uri = document_uri(params);
      if (!uri) return;
      worker_.cancel(*uri);
      std::vector<std::string> dependents = workspace_.dependents(*uri);  // now read from disk
      workspace_.documents().close(*uri);
      workspace_.forget(*uri);
      notify("textDocument/publishDiagnostics", json::Object{{"uri", *uri}, {"diagnostics", json::Array{}}});
      recheck(dependents);
    });
    dispatcher_.notification("textDocument/didSave", [](const json::Value&) {});
    // Files that open documents import may change on disk (VS Code sends these
    // for **/*.icp, see editors/vscode/src/extension.ts).
    dispatcher_.notification("workspace/didChangeWatchedFiles", [this](const json::Value& params) {
      const json::Object* o = params.getAsObject();
      const json::Array* changes = o ? o->getArray("changes") : nullptr;
      if (!changes) return;
      for (const json::Value& c : *changes)
        if (const json::Object* co = c.getAsObject())
          if (auto uri = co->getString("uri")) recheck(workspace_.file_changed_on_disk(uri->str()));
    });

    dispatcher_.request("textDocument/hover", [this](const json::Value& params) -> Reply {
      auto pos = position_param(params);
      if (!pos) return RpcError{kInvalidParams, "hover needs textDocument and position"};
      auto t = target(params);
      if (!t) return nullptr;
      auto h = ide::hover(*t->a.program, main_offset(*t->a.program, *pos));
      if (!h) return nullptr;
      return hover_json(*t->a.program, *h);
    });
    dispatcher_.request("textDocument/signatureHelp", [this](const json::Value& params) -> Reply {
      auto pos = position_param(params);
      if (!pos) return RpcError{kInvalidParams, "signatureHelp needs textDocument and position"};
      auto t = target(params);
      if (!t) return nullptr;
      auto h = ide::signature_help(*t->a.program, main_offset(*t->a.program, *pos));
      if (!h) return nullptr;
      return signature_help_json(*h);
    });
    dispatcher_.request("textDocument/definition", [this](const json::Value& params) -> Reply {
      auto pos = position_param(params);
      if (!pos) return RpcError{kInvalidParams, "definition needs textDocument and position"};
      auto t = target(params);
      if (!t) return nullptr;
      json::Array locs;
      for (const auto& r : ide::definition(*t->a.program, main_offset(*t->a.program, *pos)))
        locs.push_back(location_json(*t->a.program, r));
      return locs;
    });
    dispatcher_.request("textDocument/completion", [this](const json::Value& params) -> Reply {
      auto pos = position_param(params);
      if (!pos) return RpcError{kInvalidParams, "completion needs textDocument and position"};
      auto t = target(params);
      if (!t) return nullptr;
      uint32_t at = main_offset(*t->a.program, *pos);
      return completion_json(*t->a.program, at, ide::complete(*t->a.program, at, stdlib_dir_));
    });
    dispatcher_.request("textDocument/documentSymbol", [this](const json::Value& params) -> Reply {
      auto t = target(params);
      if (!t) return nullptr;
      json::Array out;
      for (const auto& s : ide::document_symbols(*t->a.program)) out.push_back(symbol_json(*t->a.program, s));
      return out;
    });
    dispatcher_.request("textDocument/formatting", [this](const json::Value& params) -> Reply {
      auto t = target(params);
      if (!t) return nullptr;
      auto text = ide::format_main_file(*t->a.program);
      if (!text) return nullptr;  // syntax errors: nothing to do
      const SourceFile& f = t->a.program->sources.file(t->a.program->main_file);
      if (*text == f.text()) return json::Array{};
      SourceRange all = f.range(0, static_cast<uint32_t>(f.text().size()));
      return json::Array{json::Object{{"range", range_json(f, all)}, {"newText", *text}}};
    });
    dispatcher_.request("textDocument/semanticTokens/full", [this](const json::Value& params) -> Reply {
      auto t = target(params);
      if (!t) return nullptr;
      return semantic_tokens_json(*t->a.program, ide::semantic_tokens(*t->a.program));
    });
    dispatcher_.request("textDocument/codeAction", [this](const json::Value& params) -> Reply {
      auto t = target(params);
      auto start = position_param(params.getAsObject() && params.getAsObject()->get("range")
                                      ? *params.getAsObject()->get("range") : json::Value(nullptr), "start");
      auto end = position_param(params.getAsObject() && params.getAsObject()->get("range")
                                    ? *params.getAsObject()->get("range") : json::Value(nullptr), "end");
      if (!start || !end) return RpcError{kInvalidParams, "codeAction needs textDocument and range"};
      if (!t) return nullptr;
      const sema::Program& p = *t->a.program;
      json::Array out;
      if (!kind_requested(params, "quickfix")) return out;  // the only kind we offer
      for (const auto& a : ide::code_actions(p, main_offset(p, *start), main_offset(p, *end)))
        out.push_back(code_action_json(p, t->uri, a));
      return out;
    });
  }

  Transport transport_;
  std::string stdlib_dir_;
  Dispatcher dispatcher_;
  ide::Workspace workspace_;
  std::atomic<bool> initialized_{false}, shutdown_{false}, exited_{false};
  ide::DiagnosticsWorker worker_;  // last: stopped first, before what it uses
};

}  // namespace

int run_server(std::FILE* in, std::FILE* out, const ServerOptions& opts) {
  Server s(in, out, opts);
  return s.run();
}

}  // namespace icp::lsp
