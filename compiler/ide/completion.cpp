// Completion (completion.h). Works on the last good tree plus the text
// before the cursor, since the code being typed is usually broken.
#include "ide/completion.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "ide/ast_walk.h"
#include "ide/describe.h"
#include "ide/resolve.h"
#include "ide/scope.h"

namespace icp::ide {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

const char* const kKeywords[] = {
    "import", "enum", "schema", "const", "def", "profile", "persona", "test", "let", "exclude", "signal",
    "trigger", "tier", "group", "cap", "when", "on", "within", "halflife", "from", "if", "then", "else",
    "and", "or", "not", "in", "has", "any", "all", "matches", "is", "missing", "present", "between",
    "true", "false", "as_of", "given", "expect", "fired", "unknown", "points", "excluded", "excluded_by",
    "score", "confidence", "default"};
const char* const kTypes[] = {"int", "float", "bool", "string", "date", "duration", "set<string>"};

class Collector {
 public:
  Collector(const sema::Program& p, std::string prefix) : p_(p), prefix_(std::move(prefix)) {}

  void add(std::string label, CompletionKind k, std::string detail, std::string doc, int prio) {
    if (label.compare(0, prefix_.size(), prefix_) != 0) {
      // Case-insensitive prefix match as a fallback.
      if (label.size() < prefix_.size()) return;
      for (size_t i = 0; i < prefix_.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(label[i])) != std::tolower(static_cast<unsigned char>(prefix_[i])))
          return;
    }
    if (!seen_.insert(label).second) return;
    out_.push_back({std::move(label), k, std::move(detail), std::move(doc), prio});
  }
  void target(const std::string& label, CompletionKind k, const Target& t, int prio) {
    add(label, k, signature(p_, t), doc_of(t), prio);
  }
  void enum_members(sema::EnumId e, int prio) {
    if (e >= p_.model.enums.size()) return;
    const auto& info = p_.model.enums[e];
    if (!info.decl) return;
    for (size_t i = 0; i < info.decl->members.size(); ++i)
      target(info.decl->members[i].name.name, CompletionKind::EnumMember,
             Target{Target::EnumMember, &info.decl->members[i], e, static_cast<uint32_t>(i)}, prio);
  }
  std::vector<Completion> take() {
    std::stable_sort(out_.begin(), out_.end(), [](const Completion& a, const Completion& b) {
      return a.priority < b.priority;
    });
    return std::move(out_);
  }

 private:
  const sema::Program& p_;
  std::string prefix_;
  std::set<std::string> seen_;
  std::vector<Completion> out_;
};

// Top-level declarations visible from the main file: its own and those of
// the files it imports directly (imports are not re-exported).
template <typename F> void for_each_decl(const Scope& scope, F f) {
  for (const ast::Decl* d : scope.decls()) f(*d);
}

template <typename T> const T* enclosing(const sema::Program& p, uint32_t offset, ast::DeclKind kind) {
  const ast::Module* m = p.main_module();
  if (!m) return nullptr;
  const T* best = nullptr;
  for (const auto& d : m->decls) {
    if (!d || d->kind != kind) continue;
    if (d->range.begin <= offset) best = static_cast<const T*>(d.get());
  }
  if (best && best->range.end < offset) {
    // The cursor is after this declaration; only count it if nothing else starts in between.
    for (const auto& d : m->decls)
      if (d && d->range.begin > best->range.begin && d->range.begin <= offset) return nullptr;
  }
  return best;
}

void lets_in_scope(const std::vector<ast::ItemPtr>& items, uint32_t offset, Collector& c, const sema::Program& p) {
  for (const auto& it : items) {
    if (!it) continue;
    if (const auto* l = it->as<ast::LetItem>(); l && l->range.end <= offset)
      c.target(l->name.name, CompletionKind::Let, Target{Target::Let, l}, 1);
    if (const auto* g = it->as<ast::GroupItem>(); g && g->range.begin <= offset && offset <= g->range.end)
      lets_in_scope(g->items, offset, c, p);
  }
}

// The enum expected at the cursor, from the tree (the other operand of a
// comparison, `in`, `between`) or from the text before the cursor.
sema::EnumId expected_enum(const sema::Program& p, uint32_t offset, const std::string& before,
                           const sema::SchemaInfo* schema) {
  const sema::SemanticModel& m = p.model;
  auto enum_of = [&](const ast::Expr* e) -> sema::EnumId {
    if (!e) return sema::kNoEnum;
    sema::Type t = m.type_of(e->id);
    return t.kind == sema::TypeKind::Enum || t.kind == sema::TypeKind::EnumSet ? t.enum_id : sema::kNoEnum;
  };
  if (const ast::Module* mod = p.main_module()) {
    NodePath path = path_at(*mod, offset);
    for (size_t i = path.size(); i-- > 0;) {
      const ast::Expr* e = path[i].expr();
      if (!e) continue;
      const ast::Expr* child = i + 1 < path.size() ? path[i + 1].expr() : nullptr;
      if (const auto* b = e->as<ast::BinaryExpr>(); b && b->op >= ast::BinaryOp::Eq && b->op <= ast::BinaryOp::Ge) {
        sema::EnumId r = enum_of(child == b->lhs.get() ? b->rhs.get() : b->lhs.get());
        if (r != sema::kNoEnum) return r;
      }
      if (const auto* in = e->as<ast::InExpr>(); in && child != in->value.get()) {
        sema::EnumId r = enum_of(in->value.get());
        if (r != sema::kNoEnum) return r;
      }
      if (const auto* bt = e->as<ast::BetweenExpr>(); bt && child != bt->value.get()) {
        sema::EnumId r = enum_of(bt->value.get());
        if (r != sema::kNoEnum) return r;
      }
    }
  }
  // Text: `name ==`, `name in {a, `, `name between`, `name: ` (given).
  static const std::regex cmp(R"(([A-Za-z_][A-Za-z0-9_]*)\s*(==|!=|<=|>=|<|>|\s(not\s+)?in\s*\{[^}]*|\sbetween\s+|\sbetween\s+[A-Za-z_0-9]+\s+and\s+|:)\s*$)");
  std::smatch mm;
  if (std::regex_search(before, mm, cmp)) {
    std::string name = mm[1];
    if (schema) {
      int fi = schema->field_index(name);
      if (fi >= 0) {
        sema::Type t = schema->fields[fi].type;
        if (t.kind == sema::TypeKind::Enum) return t.enum_id;
      }
    }
  }
  return sema::kNoEnum;
}

std::string stdlib_dir() {
  std::string d = sema::default_stdlib_dir();
  return d;
}

}  // namespace

std::vector<Completion> complete(const sema::Program& p, uint32_t offset) {
  if (p.main_file >= p.sources.size()) return {};
  const std::string& text = p.sources.file(p.main_file).text();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t start = offset;
  while (start > 0 && ident_char(text[start - 1])) --start;
  std::string prefix = text.substr(start, offset - start);
  uint32_t line_start = start;
  while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
  std::string before = text.substr(line_start, start - line_start);
  Collector c(p, prefix);
  Scope scope(p);

  // import "std/...
  static const std::regex import_re(R"(^\s*import\s+"([^"]*)$)");
  std::smatch im;
  std::string line_to_cursor = text.substr(line_start, offset - line_start);
  if (std::regex_search(line_to_cursor, im, import_re)) {
    Collector mods(p, "");
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(stdlib_dir()) / "std", ec))
      if (e.path().extension() == ".icp")
        mods.add("std/" + e.path().stem().string(), CompletionKind::Module, "standard library", "", 1);
    return mods.take();
  }

  // Enum.member
  if (start > 0 && text[start - 1] == '.') {
    uint32_t q = start - 1;
    while (q > 0 && ident_char(text[q - 1])) --q;
    std::string qual = text.substr(q, start - 1 - q);
    c.enum_members(scope.enum_id(qual), 0);
    return c.take();
  }

  // Types after `name:` in a schema or def parameter list, or after `):`.
  const auto* profile = enclosing<ast::ProfileDecl>(p, start, ast::DeclKind::Profile);
  const auto* test = enclosing<ast::TestDecl>(p, start, ast::DeclKind::Test);
  const auto* schema_decl = enclosing<ast::SchemaDecl>(p, start, ast::DeclKind::Schema);
  const auto* def_decl = enclosing<ast::DefDecl>(p, start, ast::DeclKind::Def);
  static const std::regex type_pos(R"((^\s*[A-Za-z_][A-Za-z0-9_]*\s*:|[(,]\s*[A-Za-z_][A-Za-z0-9_]*\s*:|\)\s*:|set<)\s*$)");
  if ((schema_decl || def_decl) && std::regex_search(before, type_pos)) {
    for (const char* t : kTypes) c.add(t, CompletionKind::Type, "built-in type", "", 1);
    for (size_t e = 0; e < p.model.enums.size(); ++e)
      if (p.model.enums[e].decl && scope.visible(p.model.enums[e].file))
        c.target(p.model.enums[e].name, CompletionKind::Enum,
                 Target{Target::Enum, p.model.enums[e].decl, static_cast<sema::EnumId>(e)}, 2);
    return c.take();
  }

  const sema::SchemaInfo* schema = nullptr;
  if (profile) schema = schema_of_profile(p, *profile);
  const ast::ProfileDecl* test_profile = test ? find_profile_decl(p, test->profile.name) : nullptr;
  if (!schema && test_profile) schema = schema_of_profile(p, *test_profile);

  // `profile X` in a test, `on X` in a profile header.
  static const std::regex profile_ref(R"(^\s*(profile|persona)\s*$)");
  static const std::regex on_ref(R"(^\s*(profile|persona)\s+[A-Za-z_][A-Za-z0-9_]*\s+on\s*$)");
  if (test && std::regex_search(before, profile_ref)) {
    for_each_decl(scope, [&](const ast::Decl& d) {
      if (const auto* pd = d.as<ast::ProfileDecl>())
        c.target(pd->name.name, CompletionKind::Profile, Target{Target::Profile, pd}, 0);
    });
    return c.take();
  }
  if (std::regex_search(before, on_ref)) {
    for (const auto& s : p.model.schemas)
      if (s.decl && scope.visible(s.file)) c.target(s.name, CompletionKind::Schema, Target{Target::Schema, s.decl}, 0);
    return c.take();
  }

  sema::EnumId expected = expected_enum(p, offset, before, schema);
  if (expected != sema::kNoEnum) c.enum_members(expected, 0);

  if (schema && (profile || test))
    for (const auto& f : schema->fields)
      if (f.decl) c.target(f.name, CompletionKind::Field, Target{Target::Field, f.decl}, test ? 0 : 1);
  if (profile) lets_in_scope(profile->items, start, c, p);
  if (def_decl && def_decl->range.begin <= start)
    for (const auto& pa : def_decl->params) c.target(pa.name.name, CompletionKind::Let, Target{Target::Param, &pa}, 1);

  for_each_decl(scope, [&](const ast::Decl& d) {
    if (const auto* k = d.as<ast::ConstDecl>()) c.target(k->name.name, CompletionKind::Const, Target{Target::Const, k}, 2);
    if (const auto* f = d.as<ast::DefDecl>()) c.target(f->name.name, CompletionKind::Def, Target{Target::Def, f}, 3);
  });
  for (size_t b = 0; b < builtins().size(); ++b)
    c.add(builtins()[b].name, CompletionKind::Builtin, builtins()[b].signature, builtins()[b].doc, 3);
  for (size_t e = 0; e < p.model.enums.size(); ++e)
    if (p.model.enums[e].decl && scope.visible(p.model.enums[e].file))
      c.target(p.model.enums[e].name, CompletionKind::Enum,
               Target{Target::Enum, p.model.enums[e].decl, static_cast<sema::EnumId>(e)}, 4);
  for (const char* k : kKeywords) c.add(k, CompletionKind::Keyword, "keyword", "", 5);
  return c.take();
}

}  // namespace icp::ide
