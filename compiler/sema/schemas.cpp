// Schemas: field types (E0105; fields are scalars, enums, optionals or
// `set<string>`), input columns (`from`), duplicate fields and columns (E0103),
// the key (E0107: at most one, a string or an int, not optional, no default),
// and defaults, which must be constants (E0208) of the field's type (E0201).
#include <cctype>
#include <unordered_map>

#include "sema/checker.h"
#include "sema/expr_checker.h"
#include "sema/fold.h"

namespace icp::sema {
namespace {

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// `name: Type key` (LANGUAGE.md section 3): one per schema, string or int,
// not optional; a default would give every record without a key the same
// one, so it is refused too (docs/language-notes.md).
void check_key(Checker& c, SchemaInfo& s, FieldInfo& fi) {
  const ast::SchemaField& f = *fi.decl;
  if (s.key_field >= 0) {
    const FieldInfo& first = s.fields[size_t(s.key_field)];
    c.diags.emit(diag::TwoKeys, f.key->range, s.name, first.name)
        .note(first.decl->key->range, "'{}' is declared the key here", first.name);
    return;
  }
  if (fi.type.is_error()) {
    fi.key = true;
    s.key_field = int(s.fields.size());
    return;
  }
  const TypeKind k = fi.type.kind;
  if (k != TypeKind::String && k != TypeKind::Int) {
    c.diags.emit(diag::KeyType, f.type->range, fi.name, c.m.type_name(fi.type.plain()))
        .note(f.key->range, "'{}' is declared the key here", fi.name);
    return;
  }
  if (fi.type.optional) {
    c.diags.emit(diag::OptionalKey, f.type->range, fi.name, c.m.type_name(fi.type.plain()))
        .note(f.key->range, "'{}' is declared the key here", fi.name);
    return;
  }
  if (f.default_value) {
    c.diags.emit(diag::KeyDefault, f.default_value->range, fi.name)
        .note(f.key->range, "'{}' is declared the key here", fi.name);
    return;
  }
  fi.key = true;
  s.key_field = int(s.fields.size());
}

void check_schema(Checker& c, SchemaInfo& s) {
  std::unordered_map<std::string, const ast::SchemaField*> names;
  std::unordered_map<std::string, const ast::SchemaField*> columns;
  for (const auto& f : s.decl->fields) {
    if (f.name.empty()) continue;
    auto [it, fresh] = names.emplace(f.name.name, &f);
    if (!fresh) {
      c.diags.emit(diag::Duplicate, f.name.range, "field", f.name.name)
          .note(it->second->name.range, "'{}' is first declared here", f.name.name);
      continue;
    }
    FieldInfo fi;
    fi.name = f.name.name;
    fi.column = f.from ? f.from->value : f.name.name;
    fi.decl = &f;
    fi.type = f.type ? resolve_type(c, s.file, *f.type) : Type::error();
    auto [ct, cfresh] = columns.emplace(lower(fi.column), &f);
    if (!cfresh) {
      SourceRange r = f.from ? f.from->range : f.name.range;
      c.diags.emit(diag::Duplicate, r, "input column", fi.column)
          .note(ct->second->from ? ct->second->from->range : ct->second->name.range,
                "field '{}' already reads this column (columns match case-insensitively)",
                ct->second->name.name);
    }
    if (f.key) check_key(c, s, fi);
    s.fields.push_back(std::move(fi));
  }
}

void check_default(Checker& c, const SchemaInfo& s, FieldInfo& fi) {
  const ast::Expr* e = fi.decl->default_value.get();
  if (!e) return;
  ExprEnv env;
  env.file = s.file;
  env.site = ExprSite::SchemaDefault;
  ExprChecker x(c, env);
  Type t = x.check_in_context(*e, fi.type.is_error() ? Expected(Type::error()) : Expected(fi.type));
  if (t.is_error() || fi.type.is_error()) return;
  if (e->kind == ast::ExprKind::MissingLit) {
    // `= missing` is what an optional field reads anyway: no default. A
    // required field cannot read as missing (LANGUAGE.md section 6).
    if (!fi.type.optional && !fi.type.is_set())
      c.diags.emit(diag::RequiredDefaultMissing, e->range, fi.name, c.m.type_name(fi.type.plain()))
          .note(fi.decl->type->range, "the field's type is declared here");
    return;
  }
  if (!ExprChecker::assignable(t, fi.type)) {
    c.diags.emit(diag::DefaultWrongType, e->range, fi.name, c.m.type_name(fi.type.plain()),
                 c.m.type_name(t))
        .note(fi.decl->type->range, "the field's type is declared here");
    return;
  }
  Folded f = fold(c.m, *e);
  // (A default is a literal, a const or an enum member: the builder admits
  // nothing else, and a const that does not fold is reported at the const.)
  if (!f.constant) return;
  fi.default_value = coerce(f.value, fi.type);
}

}  // namespace

void check_schema_types(Checker& c) {
  for (auto& s : c.m.schemas) check_schema(c, s);
}

void check_schema_defaults(Checker& c) {
  for (auto& s : c.m.schemas)
    for (auto& fi : s.fields) check_default(c, s, fi);
}

}  // namespace icp::sema
