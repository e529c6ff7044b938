// The names visible from the main file (scope.h).
#include "ide/scope.h"

#include <algorithm>

#include "ide/imports.h"

namespace icp::ide {

Scope::Scope(const sema::Program& p) : p_(p) {
  if (p.main_file == kNoFile) return;
  files_.push_back(p.main_file);
  for (FileId f : direct_imports(p, p.main_file)) files_.push_back(f);
}

bool Scope::visible(FileId f) const { return std::find(files_.begin(), files_.end(), f) != files_.end(); }

std::vector<const ast::Decl*> Scope::decls() const {
  std::vector<const ast::Decl*> out;
  for (FileId f : files_)
    if (f < p_.modules.size() && p_.modules[f])
      for (const auto& d : p_.modules[f]->decls)
        if (d) out.push_back(d.get());
  return out;
}

const sema::EnumInfo* Scope::find_enum(std::string_view name) const {
  sema::EnumId e = enum_id(name);
  return e == sema::kNoEnum ? nullptr : &p_.model.enums[e];
}

sema::EnumId Scope::enum_id(std::string_view name) const {
  for (size_t e = 0; e < p_.model.enums.size(); ++e)
    if (p_.model.enums[e].name == name && visible(p_.model.enums[e].file)) return static_cast<sema::EnumId>(e);
  return sema::kNoEnum;
}

const sema::SchemaInfo* Scope::find_schema(std::string_view name) const {
  for (const auto& s : p_.model.schemas)
    if (s.name == name && visible(s.file)) return &s;
  return nullptr;
}

const sema::DefInfo* Scope::find_def(std::string_view name) const {
  for (const auto& d : p_.model.defs)
    if (d.name == name && visible(d.file)) return &d;
  return nullptr;
}

const ast::ProfileDecl* Scope::find_profile(std::string_view name) const {
  for (const ast::Decl* d : decls())
    if (const auto* pd = d->as<ast::ProfileDecl>(); pd && pd->name.name == name) return pd;
  return nullptr;
}

}  // namespace icp::ide
