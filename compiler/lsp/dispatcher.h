// JSON-RPC 2.0 dispatch: method name -> typed handler. Requests get exactly
// one response (result or error); notifications none. Malformed JSON is a
// ParseError, a non-message an InvalidRequest, an unknown request method
// MethodNotFound; unknown notifications are ignored; a handler that throws
// gives InternalError. Internal to lsp/ (uses llvm::json).
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "lsp/protocol.h"

namespace icp::lsp {

struct RpcError {
  int code;
  std::string message;
};
using Reply = std::variant<json::Value, RpcError>;

class Dispatcher {
 public:
  using RequestHandler = std::function<Reply(const json::Value& params)>;
  using NotificationHandler = std::function<void(const json::Value& params)>;
  // Called before every handler; an error stops a request (and a notification, silently).
  using Gate = std::function<std::optional<RpcError>(const std::string& method, bool is_request)>;

  void request(std::string method, RequestHandler h) { requests_[std::move(method)] = std::move(h); }
  void notification(std::string method, NotificationHandler h) { notifications_[std::move(method)] = std::move(h); }
  void set_gate(Gate g) { gate_ = std::move(g); }

  // Handles one message body; returns the response text to send, if any.
  std::optional<std::string> handle(std::string_view body);

  static std::string error_response(const json::Value& id, const RpcError& e);

 private:
  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;
  Gate gate_;
};

}  // namespace icp::lsp
