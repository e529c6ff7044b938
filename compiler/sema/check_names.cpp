// Names in expressions: params and lets, schema fields, consts, and enum
// members resolved against the expected enum type (LANGUAGE.md section 5).
// Unknown names are E0101 ("unknown field 'x' in schema 'S'" in profiles),
// unknown members of the expected enum E0102, members without an expected
// enum or that collide with a value in scope E0106. Qualified members
// `Enum.member` and the special names score / confidence / as_of.
#include "sema/expr_checker.h"
#include "sema/import_hints.h"
#include "sema/suggest.h"

namespace icp::sema {

bool ExprChecker::lookup_local_or_field(const std::string& name) const {
  if (env_.locals.find(name)) return true;
  return env_.schema && env_.schema->field_index(name) >= 0;
}

std::optional<ValueRef> ExprChecker::lookup_value(const std::string& name) {
  if (const Local* l = env_.locals.find(name))
    return ValueRef{l->ref, l->type, l->ref.kind == RefKind::Let ? "let" : "parameter"};
  if (env_.schema) {
    int i = env_.schema->field_index(name);
    if (i >= 0) {
      const FieldInfo& fi = env_.schema->fields[i];
      return ValueRef{Ref{RefKind::Field, fi.decl, kNoEnum, static_cast<uint32_t>(i)}, fi.type,
                      "field"};
    }
  }
  if (const TopDecl* td = c_.lookup_kind(env_.file, name, ast::DeclKind::Const)) {
    ensure_const(c_, td->index);
    const ConstInfo& k = m_.consts[td->index];
    return ValueRef{Ref{RefKind::Const, k.decl, kNoEnum, td->index}, k.type, "const"};
  }
  return std::nullopt;
}

std::vector<std::string> ExprChecker::value_candidates() const {
  std::vector<std::string> out;
  for (auto it = env_.locals.rbegin(); it != env_.locals.rend(); ++it) out.push_back(it->name->name);
  if (env_.schema)
    for (const auto& f : env_.schema->fields) out.push_back(f.name);
  if (env_.file < c_.files.size())
    for (const auto& [name, td] : c_.files[env_.file].names)
      if (td.kind == ast::DeclKind::Const) out.push_back(name);
  if (env_.in_tier) {
    out.push_back("score");
    out.push_back("confidence");
  }
  return out;
}

const ast::LetItem* ExprChecker::hidden_let(const std::string& name, const ast::GroupItem** group) const {
  if (!env_.profile) return nullptr;
  auto find = [&](const std::vector<ast::ItemPtr>& items, const ast::GroupItem* g,
                  auto& self) -> const ast::LetItem* {
    for (const auto& it : items) {
      if (!it) continue;
      if (const auto* l = it->as<ast::LetItem>(); l && l->name.name == name) {
        *group = g;
        return l;
      }
      if (const auto* gi = it->as<ast::GroupItem>())
        if (const ast::LetItem* l = self(gi->items, gi, self)) return l;
    }
    return nullptr;
  };
  return find(env_.profile->items, nullptr, find);
}

static void mark_used(Checker& c, const Ref& r) {
  if (r.decl && (r.kind == RefKind::Let || r.kind == RefKind::Const || r.kind == RefKind::Def))
    c.used.insert(r.decl);
}

Type ExprChecker::check_name(const ast::NameExpr& e, Expected expected) {
  const std::string& n = e.name.name;
  // Declared twice across imports (E0103 said so): which one is meant is unknown.
  if (c_.clashes(env_.file, n) && !lookup_local_or_field(n)) return Type::error();
  auto v = lookup_value(n);
  EnumId ee = expected_enum(expected);
  if (ee != kNoEnum) {
    const EnumInfo& en = m_.enums[ee];
    int mi = member_index(en, n);
    if (mi >= 0) {
      if (v) {
        mark_used(c_, v->ref);
        std::string q = en.name + "." + n;
        c_.diags.emit(diag::MemberAlsoName, e.range, n, v->what, en.name, q)
            .fix(e.range, q);
        return Type::error();
      }
      for (const auto& mem : en.decl->members)
        if (mem.name.name == n) {
          m_.set_ref(e.id, Ref{RefKind::EnumMember, &mem, ee, static_cast<uint32_t>(mi)});
          break;
        }
      return Type::enumeration(ee);
    }
  }
  if (v) {
    m_.set_ref(e.id, v->ref);
    mark_used(c_, v->ref);
    return v->type;
  }
  if ((expected && expected->is_error()) || env_.silent_unknown) return Type::error();
  if (ee != kNoEnum) {
    const EnumInfo& en = m_.enums[ee];
    auto b = c_.diags.emit(diag::UnknownEnumMember, e.range, n, en.name, members_hint(en, n));
    add_member_suggestion(b, e.range, en, n);
    return Type::error();
  }
  std::vector<std::string> owners;
  for (EnumId id : c_.visible_enums(env_.file))
    if (member_index(m_.enums[id], n) >= 0) owners.push_back(m_.enums[id].name);
  if (!owners.empty()) {
    if (owners.size() == 1) {
      std::string q = owners[0] + "." + n;
      c_.diags.emit(diag::MemberWithoutEnum, e.range, n, q)
          .fix(e.range, q);
    } else {
      std::string list;
      for (size_t i = 0; i < owners.size(); ++i)
        list += (i ? (i + 1 == owners.size() ? " and '" : ", '") : "'") + owners[i] + "'";
      c_.diags.emit(diag::MemberOfSeveralEnums, e.range, n, list, owners[0], n);
    }
    return Type::error();
  }
  // A let that exists but is not visible here: say so, not "unknown field".
  const ast::GroupItem* group = nullptr;
  if (const ast::LetItem* l = hidden_let(n, &group)) {
    c_.used.insert(l);  // it was meant: not also "unused"
    auto b = c_.diags.emit(diag::UnknownName, e.range, "name", n);
    bool in_group = group && group->range.begin <= e.range.begin && e.range.end <= group->range.end;
    if (group && !in_group)
      b.note(l->name.range, "'{}' is a let of group \"{}\": it is visible only inside that group", n,
             group->label.value);
    else
      b.note(l->name.range, "the let '{}' is declared here, after this use: a let is visible only in the items "
             "after it",
             n);
    return Type::error();
  }
  auto sugg = closest_name(n, value_candidates());
  // A missing import may declare it (E0104 was reported): only a likely typo
  // of a visible name is worth saying.
  if (!sugg && c_.incomplete(env_.file)) return Type::error();
  // The let or const it suggests was meant: not also "unused" (W0001).
  if (sugg)
    if (auto v = lookup_value(*sugg)) mark_used(c_, v->ref);
  const bool null_like =
      !sugg && (n == "null" || n == "NULL" || n == "nil" || n == "None" || n == "none" || n == "undefined");
  // In a profile an unknown name is most likely a field, unless it looks
  // like a let or const (or another language's null).
  bool field = env_.schema && env_.site == ExprSite::Profile && !null_like &&
               (sugg ? env_.schema->field_index(*sugg) >= 0 : !declared_elsewhere(c_, env_.file, n));
  auto b = field ? c_.diags.emit(diag::UnknownField, e.range, n, env_.schema->name)
                 : c_.diags.emit(diag::UnknownName, e.range, "name", n);
  if (sugg) {
    b.note("did you mean '{}'?", *sugg);
    b.fix(e.range, *sugg);
  } else if (!null_like) {
    add_import_hint(c_, b, env_.file, n);
  } else {
    b.note("ICP has no '{}': a value that is not there is missing; test it with `x is missing` or "
           "`x is present`, or give a fallback with `x ?? y`",
           n);
  }
  return Type::error();
}

Type ExprChecker::check_qualified(const ast::QualifiedExpr& e) {
  const std::string& en_name = e.enum_name.name;
  EnumId id = c_.lookup_enum(env_.file, en_name);
  if (id == kNoEnum) {
    if (en_name.empty() || c_.incomplete(env_.file) || c_.clashes(env_.file, en_name)) return Type::error();
    std::vector<std::string> cands;
    for (EnumId v : c_.visible_enums(env_.file)) cands.push_back(m_.enums[v].name);
    auto b = c_.diags.emit(diag::UnknownName, e.enum_name.range, "enum", en_name);
    add_import_hint(c_, b, env_.file, en_name);
    add_suggestion(b, e.enum_name.range, en_name, cands);
    return Type::error();
  }
  const EnumInfo& en = m_.enums[id];
  int mi = member_index(en, e.member.name);
  if (mi < 0) {
    if (e.member.name.empty()) return Type::error();
    auto b = c_.diags.emit(diag::UnknownEnumMember, e.member.range, e.member.name, en.name,
                           members_hint(en, e.member.name));
    add_member_suggestion(b, e.member.range, en, e.member.name);
    return Type::error();
  }
  for (const auto& mem : en.decl->members)
    if (mem.name.name == e.member.name) {
      m_.set_ref(e.id, Ref{RefKind::EnumMember, &mem, id, static_cast<uint32_t>(mi)});
      break;
    }
  return Type::enumeration(id);
}

Type ExprChecker::check_special(const ast::SpecialExpr& e) {
  switch (e.which) {
    case ast::SpecialName::AsOf:
      env_.uses_as_of = true;
      return Type::of(TypeKind::Date);
    case ast::SpecialName::Score:
    case ast::SpecialName::Confidence:
      if (!env_.in_tier) {
        const char* n = e.which == ast::SpecialName::Score ? "score" : "confidence";
        c_.diags.emit(diag::OnlyInTier, e.range, n);
        return Type::error();
      }
      return Type::of(TypeKind::Float);
  }
  return Type::error();
}

}  // namespace icp::sema
