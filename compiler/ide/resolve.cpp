// Name resolution for the IDE features (resolve.h): side-table lookups in the
// SemanticModel, falling back to lookups by name where the checker left none.
#include "ide/resolve.h"

namespace icp::ide {

const std::vector<BuiltinInfo>& builtins() {
  // From the registry (sema/builtins.def), so hover says what the checker does.
  static const std::vector<BuiltinInfo> table = [] {
    std::vector<BuiltinInfo> t;
    for (const sema::BuiltinInfo& b : sema::all_builtins())
      t.push_back({std::string(b.name), sema::builtin_signature(b.id), std::string(b.doc)});
    return t;
  }();
  return table;
}

const ast::ProfileDecl* find_profile_decl(const sema::Program& p, std::string_view name) {
  if (const auto* info = p.model.find_profile(name); info && info->decl) return info->decl;
  for (const auto& m : p.modules) {
    if (!m) continue;
    for (const auto& d : m->decls)
      if (const auto* pd = d ? d->as<ast::ProfileDecl>() : nullptr; pd && pd->name.name == name) return pd;
  }
  return nullptr;
}

const sema::SchemaInfo* schema_of_profile(const sema::Program& p, const ast::ProfileDecl& d) {
  if (const auto* info = p.model.find_profile(d.name.name); info && info->decl == &d && info->schema >= 0 &&
      static_cast<size_t>(info->schema) < p.model.schemas.size())
    return &p.model.schemas[info->schema];
  for (const auto& s : p.model.schemas)
    if (s.name == d.schema.name) return &s;
  return nullptr;
}

const ast::Item* find_rule(const std::vector<ast::ItemPtr>& items, std::string_view label) {
  for (const auto& i : items) {
    if (!i) continue;
    if (const auto* s = i->as<ast::SignalItem>(); s && s->label.value == label) return i.get();
    if (const auto* s = i->as<ast::ExcludeItem>(); s && s->label.value == label) return i.get();
    if (const auto* s = i->as<ast::TriggerItem>(); s && s->label.value == label) return i.get();
    if (const auto* g = i->as<ast::GroupItem>()) {
      if (g->label.value == label) return i.get();
      if (const ast::Item* r = find_rule(g->items, label)) return r;
    }
  }
  return nullptr;
}

const sema::FieldInfo* field_info(const sema::Program& p, const ast::SchemaField* f, const sema::SchemaInfo** schema) {
  for (const auto& s : p.model.schemas)
    for (const auto& fi : s.fields)
      if (fi.decl == f) {
        if (schema) *schema = &s;
        return &fi;
      }
  return nullptr;
}

sema::EnumId enum_of_member(const sema::Program& p, const ast::EnumMember* m) {
  for (size_t e = 0; e < p.model.enums.size(); ++e) {
    const ast::EnumDecl* d = p.model.enums[e].decl;
    if (d && !d->members.empty() && m >= &d->members.front() && m <= &d->members.back())
      return static_cast<sema::EnumId>(e);
  }
  return sema::kNoEnum;
}

namespace {

Target from_ref(const sema::Program& p, const sema::Ref& r) {
  Target t;
  t.node = r.decl;
  t.enum_id = r.enum_id;
  t.index = r.index;
  switch (r.kind) {
    case sema::RefKind::None: t.kind = Target::None; break;
    case sema::RefKind::Field: t.kind = Target::Field; break;
    case sema::RefKind::Let: t.kind = Target::Let; break;
    case sema::RefKind::Const: t.kind = Target::Const; break;
    case sema::RefKind::Param: t.kind = Target::Param; break;
    case sema::RefKind::EnumMember: t.kind = Target::EnumMember; break;
    case sema::RefKind::Enum: t.kind = Target::Enum; break;
    case sema::RefKind::Def: t.kind = Target::Def; break;
    case sema::RefKind::Builtin: t.kind = Target::Builtin; break;
    case sema::RefKind::Schema: t.kind = Target::Schema; break;
    case sema::RefKind::Profile: t.kind = Target::Profile; break;
  }
  if (t.kind == Target::Enum && !t.node && t.enum_id < p.model.enums.size()) t.node = p.model.enums[t.enum_id].decl;
  return t;
}

const ast::TestDecl* test_of(const NodePath& path) {
  for (const auto& n : path)
    if (const auto* d = n.decl(); d && d->kind == ast::DeclKind::Test) return d->as<ast::TestDecl>();
  return nullptr;
}

Target by_decl_kind(const sema::Program& p, const PathNode& owner, const NodePath& path) {
  Target t;
  t.node = owner.node;
  switch (owner.kind) {
    case NodeKind::SchemaField: t.kind = Target::Field; break;
    case NodeKind::EnumMember:
      t.kind = Target::EnumMember;
      t.enum_id = enum_of_member(p, owner.as<ast::EnumMember>());
      break;
    case NodeKind::Param: t.kind = Target::Param; break;
    case NodeKind::Item:
      t.kind = owner.item()->kind == ast::ItemKind::Let ? Target::Let
               : owner.item()->kind == ast::ItemKind::Tier ? Target::Tier : Target::Rule;
      break;
    case NodeKind::Decl:
      switch (owner.decl()->kind) {
        case ast::DeclKind::Enum: {
          t.kind = Target::Enum;
          for (size_t e = 0; e < p.model.enums.size(); ++e)
            if (p.model.enums[e].decl == owner.node) t.enum_id = static_cast<sema::EnumId>(e);
          break;
        }
        case ast::DeclKind::Schema: t.kind = Target::Schema; break;
        case ast::DeclKind::Const: t.kind = Target::Const; break;
        case ast::DeclKind::Def: t.kind = Target::Def; break;
        case ast::DeclKind::Profile: t.kind = Target::Profile; break;
        case ast::DeclKind::Import: case ast::DeclKind::Test: t.kind = Target::None; break;
      }
      break;
    case NodeKind::Expr: case NodeKind::TypeRef: case NodeKind::GivenField: case NodeKind::Expect:
      t.kind = Target::None;
      break;
  }
  return t;
}

Target import_target(const sema::Program& p, const ast::Label& path) {
  Target t;
  std::string spec = path.value;
  std::string suffix = spec.rfind("std/", 0) == 0 ? spec + ".icp" : spec;
  if (suffix.rfind("./", 0) == 0) suffix = suffix.substr(2);
  for (size_t i = 0; i < p.sources.size(); ++i) {
    const std::string& fp = p.sources.file(static_cast<FileId>(i)).path();
    if (fp.size() >= suffix.size() && fp.compare(fp.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        i != p.main_file) {
      t.kind = Target::File;
      t.file = static_cast<FileId>(i);
      return t;
    }
  }
  return t;
}

}  // namespace

Target resolve(const sema::Program& p, const NameHit& hit) {
  const PathNode& owner = hit.path.back();
  switch (hit.role) {
    case NameRole::Reference: {
      Target t = from_ref(p, p.model.ref_of(owner.node->id));
      if (t.kind == Target::None && owner.kind == NodeKind::TypeRef) {
        for (size_t e = 0; e < p.model.enums.size(); ++e)
          if (p.model.enums[e].name == hit.ident->name)
            return Target{Target::Enum, p.model.enums[e].decl, static_cast<sema::EnumId>(e)};
      }
      return t;
    }
    case NameRole::EnumQualifier: {
      sema::Ref r = p.model.ref_of(owner.node->id);
      sema::EnumId e = r.enum_id;
      if (e == sema::kNoEnum)
        for (size_t i = 0; i < p.model.enums.size(); ++i)
          if (p.model.enums[i].name == hit.ident->name) e = static_cast<sema::EnumId>(i);
      if (e == sema::kNoEnum || e >= p.model.enums.size()) return {};
      return Target{Target::Enum, p.model.enums[e].decl, e};
    }
    case NameRole::SchemaRef: {
      Target t = from_ref(p, p.model.ref_of(owner.node->id));
      if (t.kind != Target::None) return t;
      for (const auto& s : p.model.schemas)
        if (s.name == hit.ident->name) return Target{Target::Schema, s.decl};
      return {};
    }
    case NameRole::ProfileRef: {
      Target t = from_ref(p, p.model.ref_of(owner.node->id));
      if (t.kind != Target::None) return t;
      if (const auto* pd = find_profile_decl(p, hit.ident->name)) return Target{Target::Profile, pd};
      return {};
    }
    case NameRole::Declaration:
    case NameRole::RuleLabel: return by_decl_kind(p, owner, hit.path);
    case NameRole::GivenField: {
      const auto* test = test_of(hit.path);
      const auto* pd = test ? find_profile_decl(p, test->profile.name) : nullptr;
      const auto* schema = pd ? schema_of_profile(p, *pd) : nullptr;
      int fi = schema ? schema->field_index(hit.ident->name) : -1;
      if (fi < 0) return {};
      return Target{Target::Field, schema->fields[fi].decl};
    }
    case NameRole::ExpectTier: {
      const auto* test = test_of(hit.path);
      const auto* pd = test ? find_profile_decl(p, test->profile.name) : nullptr;
      if (!pd) return {};
      for (const auto& i : pd->items)
        if (const auto* tier = i ? i->as<ast::TierItem>() : nullptr; tier && tier->name.name == hit.ident->name)
          return Target{Target::Tier, tier};
      return {};
    }
    case NameRole::ExpectLabel: {
      const auto* test = test_of(hit.path);
      const auto* pd = test ? find_profile_decl(p, test->profile.name) : nullptr;
      const ast::Item* r = pd ? find_rule(pd->items, hit.label->value) : nullptr;
      return r ? Target{Target::Rule, r} : Target{};
    }
    case NameRole::ImportPath: return import_target(p, *hit.label);
    case NameRole::TestLabel: case NameRole::EnumAlias: case NameRole::ColumnName: case NameRole::KeyMark: return {};
  }
  return {};
}

SourceRange target_name_range(const sema::Program& p, const Target& t) {
  if (t.kind == Target::File) {
    SourceRange r;
    r.file = t.file;
    r.line = r.col = r.end_line = r.end_col = 1;
    return r;
  }
  if (!t.node) return {};
  switch (t.kind) {
    case Target::Field: return static_cast<const ast::SchemaField*>(t.node)->name.range;
    case Target::EnumMember: return static_cast<const ast::EnumMember*>(t.node)->name.range;
    case Target::Param: return static_cast<const ast::Param*>(t.node)->name.range;
    case Target::Let: return static_cast<const ast::LetItem*>(t.node)->name.range;
    case Target::Tier: return static_cast<const ast::TierItem*>(t.node)->name.range;
    case Target::Rule: {
      const auto* it = static_cast<const ast::Item*>(t.node);
      if (const auto* s = it->as<ast::SignalItem>()) return s->label.range;
      if (const auto* s = it->as<ast::ExcludeItem>()) return s->label.range;
      if (const auto* s = it->as<ast::TriggerItem>()) return s->label.range;
      if (const auto* s = it->as<ast::GroupItem>()) return s->label.range;
      return it->range;
    }
    case Target::Enum: return static_cast<const ast::EnumDecl*>(t.node)->name.range;
    case Target::Schema: return static_cast<const ast::SchemaDecl*>(t.node)->name.range;
    case Target::Const: return static_cast<const ast::ConstDecl*>(t.node)->name.range;
    case Target::Def: return static_cast<const ast::DefDecl*>(t.node)->name.range;
    case Target::Profile: return static_cast<const ast::ProfileDecl*>(t.node)->name.range;
    default: return t.node->range;
  }
}

}  // namespace icp::ide
