// Completion (completion.h): the context from the text before the cursor
// (completion_context.h), the names from the last good tree and the
// SemanticModel, limited to what the main file can see (scope.h).
#include "ide/completion.h"

#include <algorithm>
#include <regex>
#include <set>

#include "ide/ast_walk.h"
#include "ide/completion_context.h"
#include "ide/completion_paths.h"
#include "ide/describe.h"
#include "ide/resolve.h"
#include "ide/scope.h"

namespace icp::ide {

namespace {

using Ctx = CompletionContext;

const char* const kTypes[] = {"int", "float", "bool", "string", "date", "duration", "set<string>"};

class Collector {
 public:
  Collector(const sema::Program& p, std::string prefix, std::optional<uint32_t> replace_from = std::nullopt)
      : p_(p), prefix_(std::move(prefix)), replace_from_(replace_from) {}

  void add(std::string label, CompletionKind k, std::string detail, std::string doc, int prio) {
    if (label.compare(0, prefix_.size(), prefix_) != 0) {
      // Case-insensitive prefix match as a fallback.
      if (label.size() < prefix_.size()) return;
      for (size_t i = 0; i < prefix_.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(label[i])) != std::tolower(static_cast<unsigned char>(prefix_[i])))
          return;
    }
    if (!seen_.insert(label).second) return;
    out_.push_back({std::move(label), k, std::move(detail), std::move(doc), prio, replace_from_});
  }
  void keyword(const std::string& k, int prio = 5) { add(k, CompletionKind::Keyword, "keyword", "", prio); }
  void keywords(std::initializer_list<const char*> ks, int prio = 5) {
    for (const char* k : ks) keyword(k, prio);
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
  std::optional<uint32_t> replace_from_;
  std::set<std::string> seen_;
  std::vector<Completion> out_;
};

sema::EnumId enum_of_type(sema::Type t) {
  return t.kind == sema::TypeKind::Enum || t.kind == sema::TypeKind::EnumSet ? t.enum_id : sema::kNoEnum;
}

template <typename F> void for_each_let(const std::vector<ast::ItemPtr>& items, F f) {
  for (const auto& it : items) {
    if (!it) continue;
    if (const auto* l = it->as<ast::LetItem>()) f(*l);
    if (const auto* g = it->as<ast::GroupItem>()) for_each_let(g->items, f);
  }
}

// What the text and the tree say about the profile around the cursor.
struct Around {
  const ast::ProfileDecl* profile = nullptr;  // the profile written, or a test's
  const sema::SchemaInfo* schema = nullptr;
  const ast::DefDecl* def = nullptr;
};

template <typename T> const T* enclosing(const ast::Module& m, uint32_t offset) {
  for (const auto& d : m.decls)
    if (const T* t = d ? d->as<T>() : nullptr; t && t->range.begin <= offset && offset <= t->range.end) return t;
  return nullptr;
}

Around around(const sema::Program& p, const Scope& scope, const Ctx& c) {
  Around a;
  const ast::Module* m = p.main_module();
  if (!c.profile.empty()) a.profile = scope.find_profile(c.profile);
  if (!a.profile && m && c.in_test)
    if (const auto* t = enclosing<ast::TestDecl>(*m, c.word_start)) a.profile = scope.find_profile(t->profile.name);
  if (!a.profile && m && c.in_profile) a.profile = enclosing<ast::ProfileDecl>(*m, c.word_start);
  if (!c.schema.empty()) a.schema = scope.find_schema(c.schema);
  if (!a.schema && a.profile) a.schema = schema_of_profile(p, *a.profile);
  if (m && c.in_def) a.def = enclosing<ast::DefDecl>(*m, c.word_start);
  return a;
}

// The type of a name in scope at the cursor (a field, let, const or param).
sema::Type type_of_name(const sema::Program& p, const Around& a, const Ctx& c, const std::string& name) {
  if (a.schema && c.in_profile)
    if (int fi = a.schema->field_index(name); fi >= 0) return a.schema->fields[fi].type;
  if (a.profile && c.in_profile) {
    sema::Type t;
    for_each_let(a.profile->items, [&](const ast::LetItem& l) {
      if (l.name.name == name && l.value) t = p.model.type_of(l.value->id);
    });
    if (!t.is_error()) return t;
  }
  if (a.def)
    for (const auto& info : p.model.defs)
      if (info.decl == a.def)
        for (size_t i = 0; i < a.def->params.size() && i < info.params.size(); ++i)
          if (a.def->params[i].name.name == name) return info.params[i];
  if (const auto* k = p.model.find_const(name)) return k->type;
  return {};
}

// The enum expected at an operand: from the tree (the other operand of a
// comparison, `in`, `between`, the left side of `??`), the text before the
// cursor, a call's parameter, a def's result.
sema::EnumId expected_enum(const sema::Program& p, const Scope& scope, const Around& a, const Ctx& c,
                           uint32_t offset) {
  const sema::SemanticModel& m = p.model;
  auto enum_of = [&](const ast::Expr* e) { return e ? enum_of_type(m.type_of(e->id)) : sema::kNoEnum; };
  if (const ast::Module* mod = p.main_module()) {
    NodePath path = path_at(*mod, offset);
    for (size_t i = path.size(); i-- > 0;) {
      const ast::Expr* e = path[i].expr();
      if (!e) continue;
      const ast::Expr* child = i + 1 < path.size() ? path[i + 1].expr() : nullptr;
      sema::EnumId r = sema::kNoEnum;
      if (const auto* b = e->as<ast::BinaryExpr>(); b && b->op >= ast::BinaryOp::Eq && b->op <= ast::BinaryOp::Ge)
        r = enum_of(child == b->lhs.get() ? b->rhs.get() : b->lhs.get());
      if (const auto* b = e->as<ast::BinaryExpr>(); b && b->op == ast::BinaryOp::Coalesce && child == b->rhs.get())
        r = enum_of(b->lhs.get());
      if (const auto* in = e->as<ast::InExpr>(); in && child != in->value.get()) r = enum_of(in->value.get());
      if (const auto* bt = e->as<ast::BetweenExpr>(); bt && child != bt->value.get()) r = enum_of(bt->value.get());
      if (r != sema::kNoEnum) return r;
    }
  }
  if (!c.coalesce.empty())
    if (sema::EnumId r = enum_of_type(type_of_name(p, a, c, c.coalesce)); r != sema::kNoEnum) return r;
  if (!c.callee.empty() && c.arg_index >= 0)
    if (const sema::DefInfo* d = scope.find_def(c.callee); d && static_cast<size_t>(c.arg_index) < d->params.size())
      if (sema::EnumId r = enum_of_type(d->params[c.arg_index]); r != sema::kNoEnum) return r;
  if (c.body_start && !c.def_result.empty())
    if (sema::EnumId r = scope.enum_id(c.def_result); r != sema::kNoEnum) return r;
  // Text: `name ==`, `name in {a, `, `name between`, `name between x and `.
  const std::string& text = p.sources.file(p.main_file).text();
  uint32_t line_start = c.word_start;
  while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') --line_start;
  std::string before = text.substr(line_start, c.word_start - line_start);
  static const std::regex cmp(
      R"(([A-Za-z_][A-Za-z0-9_]*)\s*(==|!=|<=|>=|<|>|\s(not\s+)?in\s*\{[^}]*|\sbetween\s+|\sbetween\s+[A-Za-z_0-9]+\s+and\s+)\s*$)");
  std::smatch mm;
  if (std::regex_search(before, mm, cmp)) return enum_of_type(type_of_name(p, a, c, mm[1]));
  return sema::kNoEnum;
}

void names_in_scope(const sema::Program& p, const Scope& scope, const Around& a, const Ctx& c, Collector& out) {
  if (c.in_profile && a.schema)
    for (const auto& f : a.schema->fields)
      if (f.decl) out.target(f.name, CompletionKind::Field, Target{Target::Field, f.decl}, 1);
  for (const std::string& name : c.lets) {
    const ast::LetItem* decl = nullptr;
    if (a.profile)
      for_each_let(a.profile->items, [&](const ast::LetItem& l) {
        if (!decl && l.name.name == name) decl = &l;
      });
    if (decl) out.target(name, CompletionKind::Let, Target{Target::Let, decl}, 1);
    else out.add(name, CompletionKind::Let, "let " + name, "", 1);
  }
  for (const std::string& name : c.def_params) {
    const ast::Param* decl = nullptr;
    if (a.def)
      for (const auto& pa : a.def->params)
        if (pa.name.name == name) decl = &pa;
    if (decl) out.target(name, CompletionKind::Let, Target{Target::Param, decl}, 1);
    else out.add(name, CompletionKind::Let, "parameter", "", 1);
  }
  for (const ast::Decl* d : scope.decls()) {
    if (const auto* k = d->as<ast::ConstDecl>()) out.target(k->name.name, CompletionKind::Const, Target{Target::Const, k}, 2);
    if (const auto* f = d->as<ast::DefDecl>()) out.target(f->name.name, CompletionKind::Def, Target{Target::Def, f}, 3);
  }
  for (size_t b = 0; b < builtins().size(); ++b)
    out.add(builtins()[b].name, CompletionKind::Builtin, builtins()[b].signature, builtins()[b].doc, 3);
  for (size_t e = 0; e < p.model.enums.size(); ++e)
    if (p.model.enums[e].decl && scope.visible(p.model.enums[e].file))
      out.target(p.model.enums[e].name, CompletionKind::Enum,
                 Target{Target::Enum, p.model.enums[e].decl, static_cast<sema::EnumId>(e)}, 4);
}

void rule_labels(const std::vector<ast::ItemPtr>& items, const std::string& expect, Collector& out) {
  for (const auto& it : items) {
    if (!it) continue;
    if (const auto* g = it->as<ast::GroupItem>()) rule_labels(g->items, expect, out);
    const ast::Label* label = nullptr;
    if (expect == "excluded_by") {
      if (const auto* x = it->as<ast::ExcludeItem>()) label = &x->label;
    } else {
      if (const auto* s = it->as<ast::SignalItem>()) label = &s->label;
      if (const auto* t = it->as<ast::TriggerItem>()) label = &t->label;
    }
    if (label && !label->value.empty()) out.target(label->value, CompletionKind::Rule, Target{Target::Rule, it.get()}, 0);
  }
}

}  // namespace

std::vector<Completion> complete(const sema::Program& p, uint32_t offset, std::string_view stdlib_dir) {
  if (p.main_file >= p.sources.size()) return {};
  const std::string& text = p.sources.file(p.main_file).text();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  Ctx c = completion_context(text, offset);
  Scope scope(p);
  Around a = around(p, scope, c);
  Collector out(p, c.word);

  switch (c.kind) {
    case Ctx::Nothing: break;
    case Ctx::Declaration:
      out.keywords({"import", "enum", "schema", "const", "def", "profile", "persona", "test"});
      break;
    case Ctx::ProfileItem: out.keywords({"let", "exclude", "signal", "trigger", "tier", "group"}); break;
    case Ctx::GroupItem: out.keywords({"let", "exclude", "signal", "trigger"}); break;
    case Ctx::TestItem: out.keywords({"profile", "persona", "as_of", "given", "expect"}); break;
    case Ctx::Keywords:
      for (const auto& k : c.keywords) out.keyword(k, 0);
      break;
    case Ctx::Operator:
      for (const auto& k : c.keywords) out.keyword(k, 0);
      out.keywords({"and", "or", "in", "not", "between", "has", "matches", "is", "within"});
      break;
    case Ctx::Operand: {
      sema::EnumId expected = expected_enum(p, scope, a, c, offset);
      if (expected != sema::kNoEnum) out.enum_members(expected, 0);
      names_in_scope(p, scope, a, c, out);
      for (const auto& k : c.keywords) out.keyword(k, 0);
      out.keywords({"if", "not", "true", "false", "missing"});
      if (c.in_profile || c.in_def) out.keyword("as_of");
      if (c.in_tier) out.keywords({"score", "confidence"});
      break;
    }
    case Ctx::Type:
      for (const char* t : kTypes) out.add(t, CompletionKind::Type, "built-in type", "", 1);
      for (size_t e = 0; e < p.model.enums.size(); ++e)
        if (p.model.enums[e].decl && scope.visible(p.model.enums[e].file))
          out.target(p.model.enums[e].name, CompletionKind::Enum,
                     Target{Target::Enum, p.model.enums[e].decl, static_cast<sema::EnumId>(e)}, 2);
      break;
    case Ctx::ImportPath: {
      Collector paths(p, c.string_text, c.string_start);
      for (const ImportCandidate& ic : import_candidates(p, c.string_text, stdlib_dir))
        paths.add(ic.label, ic.kind, ic.detail, "", ic.kind == CompletionKind::Folder ? 2 : 1);
      return paths.take();
    }
    case Ctx::RuleLabel: {
      Collector labels(p, c.string_text, c.string_start);
      if (a.profile) rule_labels(a.profile->items, c.expect, labels);
      return labels.take();
    }
    case Ctx::TierName:
      if (a.profile)
        for (const auto& it : a.profile->items)
          if (const auto* t = it ? it->as<ast::TierItem>() : nullptr)
            out.target(t->name.name, CompletionKind::Tier, Target{Target::Tier, t}, 0);
      out.add("out", CompletionKind::Tier, "no tier's condition is true", "", 1);
      out.add("excluded", CompletionKind::Tier, "an exclude fired", "", 1);
      break;
    case Ctx::GivenField:
      if (a.schema)
        for (const auto& f : a.schema->fields)
          if (f.decl) out.target(f.name, CompletionKind::Field, Target{Target::Field, f.decl}, 0);
      break;
    case Ctx::GivenValue: {
      int fi = a.schema ? a.schema->field_index(c.field) : -1;
      if (fi >= 0) {
        sema::Type t = a.schema->fields[fi].type;
        out.enum_members(enum_of_type(t), 0);
        if (t.kind == sema::TypeKind::Bool) out.keywords({"true", "false"}, 1);
      }
      out.keyword("missing");
      break;
    }
    case Ctx::DefaultValue: out.enum_members(scope.enum_id(c.qualifier), 0); break;
    case Ctx::ProfileName:
      for (const ast::Decl* d : scope.decls())
        if (const auto* pd = d->as<ast::ProfileDecl>())
          out.target(pd->name.name, CompletionKind::Profile, Target{Target::Profile, pd}, 0);
      break;
    case Ctx::SchemaName:
      for (const auto& s : p.model.schemas)
        if (s.decl && scope.visible(s.file)) out.target(s.name, CompletionKind::Schema, Target{Target::Schema, s.decl}, 0);
      break;
    case Ctx::Member: out.enum_members(scope.enum_id(c.qualifier), 0); break;
  }
  return out.take();
}

}  // namespace icp::ide
