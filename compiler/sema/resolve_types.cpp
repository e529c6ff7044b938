// Types as written (ast::TypeRef) to Types: the built-in type names, enum
// names visible in the file, and `set<string>` (the only set type, and the
// only type with a parameter). Unknown names are E0105 with a "did you
// mean"; the TypeRef's Ref is its enum.
#include "sema/checker.h"
#include "sema/import_hints.h"
#include "sema/suggest.h"

namespace icp::sema {

Type resolve_type(Checker& c, FileId f, const ast::TypeRef& t) {
  const std::string& n = t.name.name;
  if (n.empty()) return Type::error();  // the parser already complained
  if (t.element && n != "set") {
    // `Set<string>`, `list<string>`: only `set` takes a parameter.
    auto b = c.diags.emit(diag::UnknownType, t.name.range, n);
    if (auto s = closest_name(n, {"set"})) {
      b.note("did you mean '{}'?", *s);
      b.fix(t.name.range, *s);
    } else {
      b.note("the only type with a parameter is `set<string>`");
    }
    return Type::error();
  }
  Type out;
  if (n == "int") out = Type::of(TypeKind::Int);
  else if (n == "float") out = Type::of(TypeKind::Float);
  else if (n == "bool") out = Type::of(TypeKind::Bool);
  else if (n == "string") out = Type::of(TypeKind::String);
  else if (n == "date") out = Type::of(TypeKind::Date);
  else if (n == "duration") out = Type::of(TypeKind::Duration);
  else if (n == "set") {
    if (!t.element) return Type::error();
    if (t.element->name.name != "string" || t.element->optional) {
      if (!t.element->name.empty())
        c.diags.emit(diag::BadSetType, t.element->range,
                     t.element->name.name + (t.element->optional ? "?" : ""))
            .fix(t.element->range, "string");
      return Type::error();
    }
    out = Type::of(TypeKind::StringSet);
  } else if (c.clashes(f, n)) {
    return Type::error();  // E0103 at the imports said why
  } else if (EnumId e = c.lookup_enum(f, n); e != kNoEnum) {
    out = Type::enumeration(e);
    c.m.set_ref(t.id, Ref{RefKind::Enum, c.m.enums[e].decl, e, e});
  } else {
    std::vector<std::string> cands = {"int", "float", "bool", "string", "date", "duration", "set"};
    for (EnumId e : c.visible_enums(f)) cands.push_back(c.m.enums[e].name);
    // A missing import may declare it: only a likely typo is worth saying.
    if (c.incomplete(f) && !c.lookup(f, n) && !closest_name(n, cands)) return Type::error();
    auto b = c.diags.emit(diag::UnknownType, t.name.range, n);
    if (const TopDecl* td = c.lookup(f, n)) {
      b.note(td->name->range, "'{}' is {}, not a type", n, decl_kind_phrase(*td->decl));
    } else if (!add_suggestion(b, t.name.range, n, cands)) {
      add_import_hint(c, b, f, n);
    }
    return Type::error();
  }
  return out.with_optional(t.optional);
}

}  // namespace icp::sema
