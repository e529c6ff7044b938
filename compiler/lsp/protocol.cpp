// JSON conversions of protocol values (protocol.h).
#include "lsp/protocol.h"

#include <filesystem>

#include "ide/uri.h"

namespace icp::lsp {

std::optional<std::string> document_uri(const json::Value& params) {
  const json::Object* o = params.getAsObject();
  const json::Object* td = o ? o->getObject("textDocument") : nullptr;
  if (!td) return std::nullopt;
  if (auto uri = td->getString("uri")) return uri->str();
  return std::nullopt;
}

namespace {
std::optional<Position> position_of(const json::Object* pos) {
  if (!pos) return std::nullopt;
  auto line = pos->getInteger("line");
  auto ch = pos->getInteger("character");
  if (!line || !ch) return std::nullopt;
  auto clamp = [](int64_t v) { return static_cast<uint32_t>(std::clamp<int64_t>(v, 0, INT32_MAX)); };
  return Position{clamp(*line), clamp(*ch)};
}
}  // namespace

std::optional<Position> position_param(const json::Value& params, const char* key) {
  const json::Object* o = params.getAsObject();
  return position_of(o ? o->getObject(key) : nullptr);
}

bool parse_content_changes(const json::Value& params, std::vector<ide::TextChange>& out) {
  const json::Object* o = params.getAsObject();
  const json::Array* changes = o ? o->getArray("contentChanges") : nullptr;
  if (!changes) return false;
  for (const json::Value& v : *changes) {
    const json::Object* c = v.getAsObject();
    if (!c) return false;
    auto text = c->getString("text");
    if (!text) return false;
    ide::TextChange tc;
    tc.text = text->str();
    if (const json::Object* r = c->getObject("range")) {
      auto s = position_of(r->getObject("start"));
      auto e = position_of(r->getObject("end"));
      if (!s || !e) return false;
      tc.has_range = true;
      tc.start_line = s->line;
      tc.start_char = s->character;
      tc.end_line = e->line;
      tc.end_char = e->character;
    }
    out.push_back(std::move(tc));
  }
  return true;
}

bool kind_requested(const json::Value& params, std::string_view kind) {
  const json::Object* o = params.getAsObject();
  const json::Object* context = o ? o->getObject("context") : nullptr;
  const json::Array* only = context ? context->getArray("only") : nullptr;
  if (!only) return true;
  for (const json::Value& v : *only) {
    auto k = v.getAsString();
    if (!k) continue;
    std::string_view want(k->data(), k->size());
    if (want == kind || (kind.size() > want.size() && kind.substr(0, want.size()) == want && kind[want.size()] == '.'))
      return true;
  }
  return false;
}

json::Value position_json(const SourceFile& f, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(f.text().size()));
  SourceFile::LspPosition pos = f.lsp_position(offset);
  return json::Object{{"line", static_cast<int64_t>(pos.line)}, {"character", static_cast<int64_t>(pos.character)}};
}

json::Value range_json(const SourceFile& f, const SourceRange& r) {
  return json::Object{{"start", position_json(f, r.begin)}, {"end", position_json(f, std::max(r.begin, r.end))}};
}

json::Value location_json(const sema::Program& p, const SourceRange& r) {
  const SourceFile& f = p.sources.file(r.file);
  return json::Object{{"uri", ide::uri_from_path(f.path())}, {"range", range_json(f, r)}};
}

json::Value diagnostic_json(const sema::Program& p, const Diagnostic& d) {
  const SourceFile& f = p.sources.file(d.range.valid() ? d.range.file : p.main_file);
  std::string message = d.message;
  json::Array related;
  for (const DiagNote& n : d.notes) {
    if (n.range.valid() && n.range.file < p.sources.size()) {
      related.push_back(json::Object{{"location", location_json(p, n.range)}, {"message", n.message}});
    } else {
      message += "\nnote: " + n.message;
    }
  }
  json::Object o{{"range", range_json(f, d.range)},
                 {"severity", d.severity == Severity::Error ? 1 : 2},
                 {"source", "icp"},
                 {"message", message}};
  if (!d.code.empty()) o["code"] = d.code;  // a summary of other diagnostics has none
  if (!related.empty()) o["relatedInformation"] = std::move(related);
  return o;
}

json::Value hover_json(const sema::Program& p, const ide::HoverInfo& h) {
  json::Object o{{"contents", json::Object{{"kind", "markdown"}, {"value", h.markdown}}}};
  if (h.range.valid() && h.range.file == p.main_file) o["range"] = range_json(p.sources.file(p.main_file), h.range);
  return o;
}

json::Value signature_help_json(const ide::SignatureHelp& h) {
  json::Array sigs;
  for (const ide::SignatureInfo& s : h.signatures) {
    json::Array params;
    for (auto [b, e] : s.params) params.push_back(json::Object{{"label", json::Array{int64_t(b), int64_t(e)}}});
    json::Object o{{"label", s.label}, {"parameters", std::move(params)}};
    if (!s.doc.empty()) o["documentation"] = json::Object{{"kind", "markdown"}, {"value", s.doc}};
    sigs.push_back(std::move(o));
  }
  return json::Object{{"signatures", std::move(sigs)},
                      {"activeSignature", int64_t(h.active_signature)},
                      {"activeParameter", int64_t(h.active_parameter)}};
}

namespace {
int completion_kind(ide::CompletionKind k) {
  switch (k) {
    case ide::CompletionKind::Field: return 5;
    case ide::CompletionKind::Let: return 6;
    case ide::CompletionKind::Const: return 21;
    case ide::CompletionKind::Def: return 3;
    case ide::CompletionKind::Builtin: return 3;
    case ide::CompletionKind::EnumMember: return 20;
    case ide::CompletionKind::Enum: return 13;
    case ide::CompletionKind::Schema: return 22;
    case ide::CompletionKind::Profile: return 7;
    case ide::CompletionKind::Keyword: return 14;
    case ide::CompletionKind::Module: return 9;
    case ide::CompletionKind::Type: return 25;
    case ide::CompletionKind::Rule: return 12;   // Value
    case ide::CompletionKind::Tier: return 20;   // EnumMember: one of the profile's outcomes
    case ide::CompletionKind::File: return 17;
    case ide::CompletionKind::Folder: return 19;
  }
  return 1;
}
}  // namespace

json::Value completion_json(const sema::Program& p, uint32_t cursor, const std::vector<ide::Completion>& items) {
  const SourceFile& f = p.sources.file(p.main_file);
  json::Array arr;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& c = items[i];
    char sort[24];
    std::snprintf(sort, sizeof sort, "%05zu", i);
    json::Object o{{"label", c.label}, {"kind", completion_kind(c.kind)}, {"sortText", std::string(sort)}};
    if (!c.detail.empty()) o["detail"] = c.detail;
    if (!c.documentation.empty())
      o["documentation"] = json::Object{{"kind", "markdown"}, {"value", c.documentation}};
    if (c.replace_from && *c.replace_from <= cursor)
      o["textEdit"] = json::Object{{"range", range_json(f, f.range(*c.replace_from, cursor))}, {"newText", c.label}};
    arr.push_back(std::move(o));
  }
  return json::Object{{"isIncomplete", false}, {"items", std::move(arr)}};
}

json::Value symbol_json(const sema::Program& p, const ide::Symbol& s) {
  const SourceFile& f = p.sources.file(p.main_file);
  json::Array children;
  for (const auto& c : s.children) children.push_back(symbol_json(p, c));
  json::Object o{{"name", s.name.empty() ? std::string("?") : s.name},
                 {"kind", static_cast<int>(s.kind)},
                 {"range", range_json(f, s.range)},
                 {"selectionRange", range_json(f, s.selection)},
                 {"children", std::move(children)}};
  if (!s.detail.empty()) o["detail"] = s.detail;
  return o;
}

json::Value code_action_json(const sema::Program& p, const std::string& uri, const ide::CodeAction& a) {
  const SourceFile& f = p.sources.file(p.main_file);
  json::Array edits;
  for (const auto& e : a.edits) edits.push_back(json::Object{{"range", range_json(f, e.range)}, {"newText", e.new_text}});
  json::Object changes;
  changes[uri] = std::move(edits);
  return json::Object{{"title", a.title},
                      {"kind", "quickfix"},
                      {"isPreferred", a.preferred},
                      {"diagnostics", json::Array{diagnostic_json(p, a.diagnostic)}},
                      {"edit", json::Object{{"changes", std::move(changes)}}}};
}

json::Value semantic_tokens_legend() {
  json::Array types, mods;
  for (const auto& t : ide::token_types()) types.push_back(t);
  for (const auto& m : ide::token_modifiers()) mods.push_back(m);
  return json::Object{{"tokenTypes", std::move(types)}, {"tokenModifiers", std::move(mods)}};
}

json::Value semantic_tokens_json(const sema::Program& p, const std::vector<ide::SemanticToken>& tokens) {
  const SourceFile& f = p.sources.file(p.main_file);
  json::Array data;
  uint32_t prev_line = 0, prev_char = 0;
  for (const auto& t : tokens) {
    uint32_t first = f.lsp_position(t.range.begin).line, last = f.lsp_position(t.range.end).line;
    for (uint32_t l0 = first; l0 <= last; ++l0) {
      auto [line_start, line_end] = f.lsp_line_span(l0);
      uint32_t b = l0 == first ? t.range.begin : line_start;
      uint32_t e = l0 == last ? std::min(t.range.end, line_end) : line_end;
      if (e <= b) continue;
      uint32_t ch = f.lsp_position(b).character, len = f.lsp_position(e).character - ch;
      data.push_back(static_cast<int64_t>(l0 - prev_line));
      data.push_back(static_cast<int64_t>(l0 == prev_line ? ch - prev_char : ch));
      data.push_back(static_cast<int64_t>(len));
      data.push_back(static_cast<int64_t>(t.type));
      data.push_back(static_cast<int64_t>(t.modifiers));
      prev_line = l0;
      prev_char = ch;
    }
  }
  return json::Object{{"data", std::move(data)}};
}

uint32_t main_offset(const sema::Program& p, Position pos) {
  const SourceFile& f = p.sources.file(p.main_file);
  return f.offset_of_lsp(pos.line, pos.character);
}

}  // namespace icp::lsp
