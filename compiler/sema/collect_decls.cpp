// Pass 1: collect the top-level names of every file into the model (enums,
// schemas, consts, defs, profiles get their indices) and build each file's
// scope: its own declarations plus those of the files it imports directly.
// Duplicates are E0103 at the later declaration with a note at the first; the
// same declaration reached along two import paths is not a clash.
#include <string>

#include "sema/checker.h"

namespace icp::sema {

const ast::Ident* decl_name(const ast::Decl& d) {
  switch (d.kind) {
    case ast::DeclKind::Enum: return &static_cast<const ast::EnumDecl&>(d).name;
    case ast::DeclKind::Schema: return &static_cast<const ast::SchemaDecl&>(d).name;
    case ast::DeclKind::Const: return &static_cast<const ast::ConstDecl&>(d).name;
    case ast::DeclKind::Def: return &static_cast<const ast::DefDecl&>(d).name;
    case ast::DeclKind::Profile: return &static_cast<const ast::ProfileDecl&>(d).name;
    case ast::DeclKind::Import: case ast::DeclKind::Test: return nullptr;
  }
  return nullptr;
}

const char* decl_kind_word(const ast::Decl& d) {
  switch (d.kind) {
    case ast::DeclKind::Enum: return "enum";
    case ast::DeclKind::Schema: return "schema";
    case ast::DeclKind::Const: return "const";
    case ast::DeclKind::Def: return "def";
    case ast::DeclKind::Profile:
      return static_cast<const ast::ProfileDecl&>(d).persona ? "persona" : "profile";
    case ast::DeclKind::Test: return "test";
    case ast::DeclKind::Import: return "import";
  }
  return "declaration";
}

std::string decl_kind_phrase(const ast::Decl& d) {
  std::string w = decl_kind_word(d);
  return (w[0] == 'e' || w[0] == 'i' ? "an " : "a ") + w;
}

const TopDecl* Checker::lookup(FileId f, const std::string& name) const {
  if (f >= files.size()) return nullptr;
  auto it = files[f].names.find(name);
  if (it != files[f].names.end()) return &it->second;
  auto d = files[f].defs.find(name);
  return d == files[f].defs.end() ? nullptr : &d->second;
}

const TopDecl* Checker::lookup_kind(FileId f, const std::string& name, ast::DeclKind k) const {
  if (f >= files.size()) return nullptr;
  const auto& map = k == ast::DeclKind::Def ? files[f].defs : files[f].names;
  auto it = map.find(name);
  return it != map.end() && it->second.kind == k ? &it->second : nullptr;
}

EnumId Checker::lookup_enum(FileId f, const std::string& name) const {
  const TopDecl* t = lookup_kind(f, name, ast::DeclKind::Enum);
  return t ? t->index : kNoEnum;
}

std::vector<EnumId> Checker::visible_enums(FileId f) const {
  std::vector<EnumId> out;
  auto add_file = [&](FileId g) {
    const ast::Module* mod = module(g);
    if (!mod) return;
    for (const auto& d : mod->decls)
      if (d->kind == ast::DeclKind::Enum) {
        auto it = index_of.find(d.get());
        if (it != index_of.end()) out.push_back(it->second);
      }
  };
  add_file(f);
  if (f < files.size())
    for (FileId g : files[f].imports) add_file(g);
  return out;
}

namespace {

void register_decl(Checker& c, FileId f, const ast::Decl& d) {
  const ast::Ident* name = decl_name(d);
  if (!name || name->empty()) return;
  TopDecl td{d.kind, &d, name, f, 0};
  switch (d.kind) {
    case ast::DeclKind::Enum: {
      td.index = static_cast<uint32_t>(c.m.enums.size());
      EnumInfo e;
      e.name = name->name;
      e.decl = static_cast<const ast::EnumDecl*>(&d);
      e.file = f;
      c.m.enums.push_back(std::move(e));
      break;
    }
    case ast::DeclKind::Schema: {
      td.index = static_cast<uint32_t>(c.m.schemas.size());
      SchemaInfo s;
      s.name = name->name;
      s.decl = static_cast<const ast::SchemaDecl*>(&d);
      s.file = f;
      c.m.schemas.push_back(std::move(s));
      break;
    }
    case ast::DeclKind::Const: {
      td.index = static_cast<uint32_t>(c.m.consts.size());
      ConstInfo k;
      k.name = name->name;
      k.decl = static_cast<const ast::ConstDecl*>(&d);
      k.file = f;
      c.m.consts.push_back(std::move(k));
      c.const_state.push_back(EvalState::NotStarted);
      break;
    }
    case ast::DeclKind::Def: {
      td.index = static_cast<uint32_t>(c.m.defs.size());
      DefInfo k;
      k.name = name->name;
      k.decl = static_cast<const ast::DefDecl*>(&d);
      k.file = f;
      c.m.defs.push_back(std::move(k));
      c.def_calls.emplace_back();
      c.def_state.push_back(EvalState::NotStarted);
      break;
    }
    case ast::DeclKind::Profile: {
      td.index = static_cast<uint32_t>(c.m.profiles.size());
      ProfileInfo p;
      p.name = name->name;
      p.decl = static_cast<const ast::ProfileDecl*>(&d);
      p.file = f;
      c.m.profiles.push_back(std::move(p));
      break;
    }
    case ast::DeclKind::Import: case ast::DeclKind::Test: return;  // no name (decl_name)
  }
  c.index_of[&d] = td.index;

  FileScope& scope = c.files[f];
  auto [it, fresh] = scope.own_of(d.kind).emplace(name->name, td);
  if (!fresh) {
    c.diags.emit(diag::Duplicate, name->range, decl_kind_word(d), name->name)
        .note(it->second.name->range, "'{}' is first declared here", name->name);
    return;
  }
  if (d.kind == ast::DeclKind::Def && builtin_by_name(name->name)) {
    c.diags.emit(diag::Duplicate, name->range, "def", name->name)
        .note("'{}' is a built-in function", name->name);
  }
}

void check_test_labels(Checker& c, FileId f, const ast::Module& mod) {
  std::unordered_map<std::string, const ast::TestDecl*> seen;
  for (const auto& d : mod.decls) {
    const auto* t = d->as<ast::TestDecl>();
    if (!t) continue;
    auto [it, fresh] = seen.emplace(t->label.value, t);
    if (!fresh)
      c.diags.emit(diag::Duplicate, t->label.range, "test", t->label.value)
          .note(it->second->label.range, "the first test with this label is here");
  }
}

// The names a file sees: its own, then each directly imported file's own.
void build_scope(Checker& c, FileId f) {
  FileScope& scope = c.files[f];
  scope.names = scope.own;
  scope.defs = scope.own_defs;
  for (size_t i = 0; i < scope.imports.size(); ++i) {
    FileId g = scope.imports[i];
    const ast::Module* mod = c.module(g);
    if (!mod) continue;
    for (const auto& d : mod->decls) {
      const ast::Ident* name = decl_name(*d);
      if (!name || name->empty()) continue;
      const auto& theirs = c.files[g].own_of(d->kind);
      auto own = theirs.find(name->name);
      if (own == theirs.end() || own->second.decl != d.get()) continue;  // a duplicate there
      auto [it, fresh] = scope.names_of(d->kind).emplace(name->name, own->second);
      if (fresh || it->second.decl == d.get()) continue;
      const TopDecl& first = it->second;
      const std::string& other = c.prog.sources.file(g).path();
      scope.clashing.insert(name->name);
      if (first.file == f) {
        c.diags.emit(diag::Duplicate, first.name->range, decl_kind_word(*first.decl), name->name)
            .note(name->range, "'{}' is also declared in '{}', which this file imports", name->name,
                  other);
      } else {
        c.diags.emit(diag::Duplicate, scope.import_decls[i]->path.range, decl_kind_word(*d),
                     name->name)
            .note(first.name->range, "'{}' is already imported from '{}'", name->name,
                  c.prog.sources.file(first.file).path());
      }
    }
  }
}

}  // namespace

void collect_decls(Checker& c) {
  c.files.resize(c.prog.modules.size());
  for (FileId f = 0; f < c.prog.modules.size(); ++f) {
    const ast::Module* mod = c.module(f);
    if (!mod) continue;
    for (const auto& d : mod->decls) register_decl(c, f, *d);
    check_test_labels(c, f, *mod);
  }
  for (FileId f = 0; f < c.prog.modules.size(); ++f) build_scope(c, f);
}

}  // namespace icp::sema
