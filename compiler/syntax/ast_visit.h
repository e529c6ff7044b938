// The one walk over the children of AST nodes.
//
// visit_children(node, v) hands every direct child of `node` to the visitor
// `v`, in source order: sub-expressions, profile items, type references,
// the parts of declarations (enum members, schema fields, parameters, given
// fields, expects), and every name and label with the role it plays there.
// The switches below have no `default:`, so a new node kind is a -Wswitch
// error until it is listed here; every tool that walks the tree (the lints,
// the IDE's walk with its chain of enclosing nodes) goes through this file.
// tests/syntax/ast_visit_test.cpp proves it reaches every child: each node,
// name and literal of every .icp file of the repository, and every kind.
//
// A visitor derives from ChildVisitor and hides the calls it wants:
//   expr(ExprPtr& slot)            a non-empty expression slot (replaceable)
//   item(Item&), decl(Decl&), type(TypeRef&)
//   member(EnumMember&), field(SchemaField&), param(Param&),
//   given(GivenField&), expect(Expect&)
//   ident(Ident&, NameRole)        a name as written (never an empty one)
//   label(Label&, NameRole)        a string used as a label or path
// Visiting a const node gives const references. visit_children does not
// recurse: a visitor that wants the whole tree calls it again on the child.
#pragma once
#include <cstdint>
#include <type_traits>

#include "syntax/ast.h"

namespace icp::ast {

// What a name or label is, by where it appears.
enum class NameRole : uint8_t {
  Reference,      // NameExpr, CallExpr callee, Qualified member, TypeRef: what sema resolved
  EnumQualifier,  // the `Industry` of `Industry.x`
  SchemaRef,      // `on Account`
  ProfileRef,     // `profile X` in a test
  Declaration,    // the name of a declaration, field, member, param, let or tier
  GivenField,     // a field name in `given`
  ExpectTier,     // the tier of `expect tier == x`
  RuleLabel,      // the label of a rule or group (a declaration)
  ExpectLabel,    // a label named by `expect`
  ImportPath,     // `import "..."`
  TestLabel,      // the label of a test
  EnumAlias,      // an alias string of an enum member
  ColumnName,     // `from "Column"` of a schema field
  KeyMark,        // the word `key` of `name: Type key`
};

// The no-op visitor: derive from it and hide what you need.
struct ChildVisitor {
  template <typename S> void expr(S&) {}
  template <typename N> void item(N&) {}
  template <typename N> void decl(N&) {}
  template <typename N> void type(N&) {}
  template <typename N> void member(N&) {}
  template <typename N> void field(N&) {}
  template <typename N> void param(N&) {}
  template <typename N> void given(N&) {}
  template <typename N> void expect(N&) {}
  template <typename N> void ident(N&, NameRole) {}
  template <typename N> void label(N&, NameRole) {}
};

namespace visit_detail {

// T with the constness of N.
template <typename N, typename T>
using Like = std::conditional_t<std::is_const_v<N>, const T, T>;

template <typename T, typename N> Like<N, T>& cast(N& n) { return static_cast<Like<N, T>&>(n); }

template <typename V, typename I> void ident(V& v, I& i, NameRole r) {
  if (!i.empty()) v.ident(i, r);
}
template <typename V, typename L> void label(V& v, L& l, NameRole r) {
  if (l.range.valid()) v.label(l, r);
}
template <typename V, typename P> void expr(V& v, P& slot) {
  if (slot) v.expr(slot);
}
template <typename V, typename P> void type(V& v, P& slot) {
  if (slot) v.type(*slot);
}
template <typename V, typename P> void item(V& v, P& slot) {
  if (slot) v.item(*slot);
}

template <typename N, typename T> inline constexpr bool node_is = std::is_same_v<std::remove_const_t<N>, T>;

}  // namespace visit_detail

template <typename N, typename V>
  requires visit_detail::node_is<N, Expr>
void visit_children(N& e, V&& v) {
  namespace d = visit_detail;
  using K = ExprKind;
  switch (e.kind) {
    case K::IntLit: case K::FloatLit: case K::StringLit: case K::BoolLit: case K::DateLit:
    case K::DurationLit: case K::MissingLit: case K::Special: case K::Error:
      return;
    case K::Name: d::ident(v, d::cast<NameExpr>(e).name, NameRole::Reference); return;
    case K::Qualified: {
      auto& x = d::cast<QualifiedExpr>(e);
      d::ident(v, x.enum_name, NameRole::EnumQualifier);
      d::ident(v, x.member, NameRole::Reference);
      return;
    }
    case K::Call: {
      auto& x = d::cast<CallExpr>(e);
      d::ident(v, x.callee, NameRole::Reference);
      for (auto& a : x.args) d::expr(v, a);
      return;
    }
    case K::Unary: d::expr(v, d::cast<UnaryExpr>(e).operand); return;
    case K::Binary: {
      auto& x = d::cast<BinaryExpr>(e);
      d::expr(v, x.lhs);
      d::expr(v, x.rhs);
      return;
    }
    case K::In: {
      auto& x = d::cast<InExpr>(e);
      d::expr(v, x.value);
      d::expr(v, x.set);
      return;
    }
    case K::Between: {
      auto& x = d::cast<BetweenExpr>(e);
      d::expr(v, x.value);
      d::expr(v, x.lo);
      d::expr(v, x.hi);
      return;
    }
    case K::Has: {
      auto& x = d::cast<HasExpr>(e);
      d::expr(v, x.set);
      d::expr(v, x.operand);
      return;
    }
    case K::Matches: {
      auto& x = d::cast<MatchesExpr>(e);
      d::expr(v, x.value);
      d::expr(v, x.pattern);
      return;
    }
    case K::Within: {
      auto& x = d::cast<WithinExpr>(e);
      d::expr(v, x.date);
      d::expr(v, x.window);
      return;
    }
    case K::IsMissing: d::expr(v, d::cast<IsMissingExpr>(e).value); return;
    case K::If: {
      auto& x = d::cast<IfExpr>(e);
      d::expr(v, x.cond);
      d::expr(v, x.then_expr);
      d::expr(v, x.else_expr);
      return;
    }
    case K::SetLit:
      for (auto& a : d::cast<SetLit>(e).elements) d::expr(v, a);
      return;
  }
}

template <typename N, typename V>
  requires visit_detail::node_is<N, Item>
void visit_children(N& it, V&& v) {
  namespace d = visit_detail;
  switch (it.kind) {
    case ItemKind::Let: {
      auto& x = d::cast<LetItem>(it);
      d::ident(v, x.name, NameRole::Declaration);
      d::expr(v, x.value);
      return;
    }
    case ItemKind::Exclude: {
      auto& x = d::cast<ExcludeItem>(it);
      d::label(v, x.label, NameRole::RuleLabel);
      d::expr(v, x.cond);
      return;
    }
    case ItemKind::Signal: {
      auto& x = d::cast<SignalItem>(it);
      d::label(v, x.label, NameRole::RuleLabel);
      d::expr(v, x.cond);
      d::expr(v, x.points);
      return;
    }
    case ItemKind::Trigger: {
      auto& x = d::cast<TriggerItem>(it);
      d::label(v, x.label, NameRole::RuleLabel);
      d::expr(v, x.on);
      d::expr(v, x.within);
      d::expr(v, x.cond);
      d::expr(v, x.points);
      d::expr(v, x.halflife);
      return;
    }
    case ItemKind::Tier: {
      auto& x = d::cast<TierItem>(it);
      d::ident(v, x.name, NameRole::Declaration);
      d::expr(v, x.cond);
      return;
    }
    case ItemKind::Group: {
      auto& x = d::cast<GroupItem>(it);
      d::label(v, x.label, NameRole::RuleLabel);
      d::expr(v, x.cap);
      for (auto& i : x.items) d::item(v, i);
      return;
    }
  }
}

template <typename N, typename V>
  requires visit_detail::node_is<N, TypeRef>
void visit_children(N& t, V&& v) {
  namespace d = visit_detail;
  d::ident(v, t.name, NameRole::Reference);
  d::type(v, t.element);
}

template <typename N, typename V>
  requires visit_detail::node_is<N, EnumMember>
void visit_children(N& m, V&& v) {
  namespace d = visit_detail;
  d::ident(v, m.name, NameRole::Declaration);
  for (auto& a : m.aliases) d::label(v, a, NameRole::EnumAlias);
}

template <typename N, typename V>
  requires visit_detail::node_is<N, SchemaField>
void visit_children(N& f, V&& v) {
  namespace d = visit_detail;
  d::ident(v, f.name, NameRole::Declaration);
  d::type(v, f.type);
  if (f.key) d::ident(v, *f.key, NameRole::KeyMark);
  d::expr(v, f.default_value);
  if (f.from) d::label(v, *f.from, NameRole::ColumnName);
}

template <typename N, typename V>
  requires visit_detail::node_is<N, Param>
void visit_children(N& p, V&& v) {
  namespace d = visit_detail;
  d::ident(v, p.name, NameRole::Declaration);
  d::type(v, p.type);
}

template <typename N, typename V>
  requires visit_detail::node_is<N, GivenField>
void visit_children(N& g, V&& v) {
  namespace d = visit_detail;
  d::ident(v, g.name, NameRole::GivenField);
  d::expr(v, g.value);
}

// The parts an expect has depend on its kind; absent ones are empty.
template <typename N, typename V>
  requires visit_detail::node_is<N, Expect>
void visit_children(N& x, V&& v) {
  namespace d = visit_detail;
  switch (x.kind) {
    case ExpectKind::Tier: d::ident(v, x.tier, NameRole::ExpectTier); return;
    case ExpectKind::Score: case ExpectKind::Confidence: d::expr(v, x.value); return;
    case ExpectKind::Points:
      d::label(v, x.label, NameRole::ExpectLabel);
      d::expr(v, x.value);
      return;
    case ExpectKind::Fired: case ExpectKind::Unknown: case ExpectKind::ExcludedBy:
      d::label(v, x.label, NameRole::ExpectLabel);
      return;
    case ExpectKind::Excluded: return;
  }
}

template <typename N, typename V>
  requires visit_detail::node_is<N, Decl>
void visit_children(N& decl, V&& v) {
  namespace d = visit_detail;
  switch (decl.kind) {
    case DeclKind::Import: d::label(v, d::cast<ImportDecl>(decl).path, NameRole::ImportPath); return;
    case DeclKind::Enum: {
      auto& x = d::cast<EnumDecl>(decl);
      d::ident(v, x.name, NameRole::Declaration);
      for (auto& m : x.members) v.member(m);
      return;
    }
    case DeclKind::Schema: {
      auto& x = d::cast<SchemaDecl>(decl);
      d::ident(v, x.name, NameRole::Declaration);
      for (auto& f : x.fields) v.field(f);
      return;
    }
    case DeclKind::Const: {
      auto& x = d::cast<ConstDecl>(decl);
      d::ident(v, x.name, NameRole::Declaration);
      d::expr(v, x.value);
      return;
    }
    case DeclKind::Def: {
      auto& x = d::cast<DefDecl>(decl);
      d::ident(v, x.name, NameRole::Declaration);
      for (auto& p : x.params) v.param(p);
      d::type(v, x.result);
      d::expr(v, x.body);
      return;
    }
    case DeclKind::Profile: {
      auto& x = d::cast<ProfileDecl>(decl);
      d::ident(v, x.name, NameRole::Declaration);
      d::ident(v, x.schema, NameRole::SchemaRef);
      for (auto& i : x.items) d::item(v, i);
      return;
    }
    case DeclKind::Test: {
      auto& x = d::cast<TestDecl>(decl);
      d::label(v, x.label, NameRole::TestLabel);
      d::ident(v, x.profile, NameRole::ProfileRef);
      d::expr(v, x.as_of);
      for (auto& g : x.given) v.given(g);
      for (auto& e : x.expects) v.expect(e);
      return;
    }
  }
}

template <typename N, typename V>
  requires visit_detail::node_is<N, Module>
void visit_children(N& m, V&& v) {
  for (auto& d : m.decls)
    if (d) v.decl(*d);
}

// f(slot) on every non-empty direct sub-expression slot of e: an ExprPtr&
// to replace it, or a const ExprPtr& for a const e.
namespace visit_detail {
template <typename F> struct SlotVisitor : ChildVisitor {
  F& f;
  explicit SlotVisitor(F& f) : f(f) {}
  template <typename S> void expr(S& slot) { f(slot); }
};
}  // namespace visit_detail

template <typename N, typename F>
  requires visit_detail::node_is<N, Expr>
void for_each_child_expr(N& e, F&& f) {
  visit_detail::SlotVisitor<std::remove_reference_t<F>> v(f);
  visit_children(e, v);
}

}  // namespace icp::ast
