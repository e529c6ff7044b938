// Signature help: see signature_help.h.
#include "ide/signature_help.h"

#include <string_view>

#include "sema/builtins.h"
#include "syntax/tokens.h"

namespace icp::ide {
namespace {

// The innermost named call open at the end of `text`, and how many of its
// arguments come before the cursor (commas at its own level).
struct OpenCall {
  std::string name;
  uint32_t commas = 0;
};

std::optional<OpenCall> open_call(std::string_view text) {
  struct Frame {
    char open;
    std::string name;  // empty: grouping parentheses, a set or a list
    uint32_t commas = 0;
  };
  std::vector<Frame> stack;
  std::string prev_word;
  for (const syntax::TokenRecord& t : syntax::tokenize(text, syntax::LexerKind::Scanner)) {
    syntax::TokenClass c = syntax::token_class(t.type);
    if (c == syntax::TokenClass::LineComment || c == syntax::TokenClass::BlockComment) continue;
    if (c == syntax::TokenClass::OpenComment || c == syntax::TokenClass::OpenString) return std::nullopt;
    if (c == syntax::TokenClass::End) break;
    if (c == syntax::TokenClass::Punct && t.text.size() == 1) {
      char ch = t.text[0];
      if (ch == '(' || ch == '{' || ch == '[') {
        stack.push_back({ch, ch == '(' ? prev_word : std::string()});
      } else if ((ch == ')' || ch == '}' || ch == ']') && !stack.empty()) {
        stack.pop_back();
      } else if (ch == ',' && !stack.empty()) {
        ++stack.back().commas;
      }
    }
    prev_word = c == syntax::TokenClass::Word && !syntax::is_keyword(t.text) ? t.text : std::string();
  }
  // Inside parentheses or a set within an argument, the call is still the
  // innermost named one; its argument is its own comma count.
  for (size_t i = stack.size(); i-- > 0;)
    if (stack[i].open == '(' && !stack[i].name.empty()) return OpenCall{stack[i].name, stack[i].commas};
  return std::nullopt;
}

SignatureInfo builtin_signature(const sema::Overload& o, std::string_view doc) {
  SignatureInfo s;
  s.label = std::string(sema::builtin_info(o.fn).name) + "(";
  for (size_t i = 0; i < o.params.size(); ++i) {
    if (i) s.label += ", ";
    uint32_t begin = uint32_t(s.label.size());
    s.label += sema::overload_param_label(o, i);
    s.params.emplace_back(begin, uint32_t(s.label.size()));
  }
  s.label += "): " + sema::overload_signature(o).substr(sema::overload_signature(o).rfind("): ") + 3);
  s.doc = std::string(doc);
  return s;
}

}  // namespace

std::optional<SignatureHelp> signature_help(const sema::Program& p, uint32_t offset) {
  if (p.main_file == kNoFile) return std::nullopt;
  const std::string& text = p.sources.file(p.main_file).text();
  auto call = open_call(std::string_view(text).substr(0, std::min<size_t>(offset, text.size())));
  if (!call) return std::nullopt;
  SignatureHelp h;
  h.active_parameter = call->commas;
  if (auto b = sema::builtin_by_name(call->name)) {
    const sema::BuiltinInfo& info = sema::builtin_info(*b);
    for (const sema::Overload& o : info.overloads) h.signatures.push_back(builtin_signature(o, info.doc));
    return h;
  }
  for (const sema::DefInfo& d : p.model.defs) {
    if (d.name != call->name || !d.decl) continue;
    SignatureInfo s;
    s.label = "def " + d.name + "(";
    for (size_t i = 0; i < d.params.size() && i < d.decl->params.size(); ++i) {
      if (i) s.label += ", ";
      uint32_t begin = uint32_t(s.label.size());
      s.label += d.decl->params[i].name.name + ": " + p.model.type_name(d.params[i]);
      s.params.emplace_back(begin, uint32_t(s.label.size()));
    }
    s.label += "): " + p.model.type_name(d.result);
    s.doc = d.decl->doc;
    h.signatures.push_back(std::move(s));
    return h;
  }
  return std::nullopt;
}

}  // namespace icp::ide
