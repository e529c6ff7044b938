// A read-only walk over every node, name and label of a module, in source
// order, with the chain of enclosing nodes. The IDE features build on it.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "syntax/ast.h"
#include "syntax/ast_visit.h"

namespace icp::ide {

enum class NodeKind : uint8_t {
  Decl, Item, Expr, SchemaField, EnumMember, Param, TypeRef, GivenField, Expect,
};

struct PathNode {
  NodeKind kind;
  const ast::Node* node;
  template <typename T> const T* as() const { return static_cast<const T*>(node); }
  const ast::Decl* decl() const { return kind == NodeKind::Decl ? as<ast::Decl>() : nullptr; }
  const ast::Item* item() const { return kind == NodeKind::Item ? as<ast::Item>() : nullptr; }
  const ast::Expr* expr() const { return kind == NodeKind::Expr ? as<ast::Expr>() : nullptr; }
};
using NodePath = std::vector<PathNode>;  // outermost first

using ast::NameRole;  // what a name or label is, by where it appears (syntax/ast_visit.h)

struct NameHit {
  const ast::Ident* ident = nullptr;  // or
  const ast::Label* label = nullptr;
  NameRole role = NameRole::Reference;
  NodePath path;  // enclosing nodes; the last one owns the name
  SourceRange range() const { return ident ? ident->range : label->range; }
};

struct WalkCallbacks {
  std::function<void(const NodePath&)> node;                               // on entering a node
  std::function<void(const ast::Ident&, NameRole, const NodePath&)> ident;  // owner = path.back()
  std::function<void(const ast::Label&, NameRole, const NodePath&)> label;
};
void walk(const ast::Module& m, const WalkCallbacks& cb);

// The name or label at `offset` (its range contains it, end inclusive).
std::optional<NameHit> name_at(const ast::Module& m, uint32_t offset);
// The chain of nodes whose range contains `offset`, outermost first.
NodePath path_at(const ast::Module& m, uint32_t offset);

}  // namespace icp::ide
