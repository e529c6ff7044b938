// Semantic tokens (semantic_tokens.h) from the AST walk and the side tables.
#include "ide/semantic_tokens.h"

#include <algorithm>

#include "ide/ast_walk.h"
#include "ide/resolve.h"

namespace icp::ide {

const std::vector<std::string>& token_types() {
  static const std::vector<std::string> t = {"type", "enum", "enumMember", "property", "variable",
                                             "parameter", "function", "class", "comment"};
  return t;
}
const std::vector<std::string>& token_modifiers() {
  static const std::vector<std::string> m = {"declaration", "readonly", "defaultLibrary", "documentation"};
  return m;
}

namespace {
bool classify(const Target& t, uint32_t& type, uint32_t& mods) {
  switch (t.kind) {
    case Target::Field: type = kTokProperty; return true;
    case Target::Let: type = kTokVariable; return true;
    case Target::Const: type = kTokVariable; mods |= kModReadonly; return true;
    case Target::Param: type = kTokParameter; return true;
    case Target::EnumMember: type = kTokEnumMember; return true;
    case Target::Tier: type = kTokEnumMember; return true;
    case Target::Enum: type = kTokEnum; return true;
    case Target::Def: type = kTokFunction; return true;
    case Target::Builtin: type = kTokFunction; mods |= kModDefaultLibrary; return true;
    case Target::Schema: type = kTokType; return true;
    case Target::Profile: type = kTokClass; return true;
    default: return false;
  }
}
}  // namespace

std::vector<SemanticToken> semantic_tokens(const sema::Program& p) {
  std::vector<SemanticToken> out;
  const ast::Module* m = p.main_module();
  if (!m) return out;
  for (const auto& c : m->comments)
    out.push_back({c.range, kTokComment, c.kind == ast::Comment::Doc ? uint32_t(kModDocumentation) : 0u});
  WalkCallbacks cb;
  cb.ident = [&](const ast::Ident& id, NameRole role, const NodePath& path) {
    if (!id.range.valid() || id.range.file != p.main_file) return;
    if (role == NameRole::Reference && path.back().kind == NodeKind::TypeRef &&
        p.model.ref_of(path.back().node->id).kind == sema::RefKind::None)
      return;  // int, string, ...: keywords
    NameHit hit{&id, nullptr, role, path};
    Target t = resolve(p, hit);
    uint32_t type = 0, mods = role == NameRole::Declaration ? uint32_t(kModDeclaration) : 0u;
    if (classify(t, type, mods)) out.push_back({id.range, type, mods});
  };
  walk(*m, cb);
  std::stable_sort(out.begin(), out.end(),
                   [](const SemanticToken& a, const SemanticToken& b) { return a.range.begin < b.range.begin; });
  return out;
}

}  // namespace icp::ide
