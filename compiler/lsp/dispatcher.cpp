// JSON-RPC dispatch (dispatcher.h).
#include "lsp/dispatcher.h"

#include <exception>

namespace icp::lsp {

namespace {
std::string to_text(json::Value v) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << v;
  os.flush();
  return s;
}
}  // namespace

std::string Dispatcher::error_response(const json::Value& id, const RpcError& e) {
  return to_text(json::Object{{"jsonrpc", "2.0"},
                              {"id", id},
                              {"error", json::Object{{"code", e.code}, {"message", e.message}}}});
}

std::optional<std::string> Dispatcher::handle(std::string_view body) {
  llvm::Expected<json::Value> parsed = json::parse(llvm::StringRef(body.data(), body.size()));
  if (!parsed) {
    std::string msg = llvm::toString(parsed.takeError());
    return error_response(nullptr, {kParseError, "parse error: " + msg});
  }
  const json::Object* msg = parsed->getAsObject();
  if (!msg) return error_response(nullptr, {kInvalidRequest, "a message must be a JSON object"});
  const json::Value* id = msg->get("id");
  std::optional<llvm::StringRef> method = msg->getString("method");
  if (!method) {
    if (id && (msg->get("result") || msg->get("error"))) return std::nullopt;  // a response to us: ignored
    return error_response(id ? *id : json::Value(nullptr), {kInvalidRequest, "message without a method"});
  }
  if (id && !(id->getAsInteger() || id->getAsString()))
    return error_response(nullptr, {kInvalidRequest, "the id must be a number or a string"});
  std::string name = method->str();
  json::Value params = msg->get("params") ? *msg->get("params") : json::Value(nullptr);

  if (!id) {  // notification
    auto it = notifications_.find(name);
    if (it == notifications_.end()) return std::nullopt;
    if (gate_ && gate_(name, false)) return std::nullopt;
    try {
      it->second(params);
    } catch (const std::exception&) {
      // Notifications have no response; the server goes on.
    }
    return std::nullopt;
  }

  auto it = requests_.find(name);
  if (it == requests_.end()) return error_response(*id, {kMethodNotFound, "method not found: " + name});
  if (gate_)
    if (auto err = gate_(name, true)) return error_response(*id, *err);
  Reply reply = json::Value(nullptr);
  try {
    reply = it->second(params);
  } catch (const std::exception& e) {
    reply = RpcError{kInternalError, std::string("internal error: ") + e.what()};
  }
  if (auto* err = std::get_if<RpcError>(&reply)) return error_response(*id, *err);
  return to_text(json::Object{{"jsonrpc", "2.0"}, {"id", *id}, {"result", std::move(std::get<json::Value>(reply))}});
}

}  // namespace icp::lsp
