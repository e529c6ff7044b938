// The AST walk behind the IDE features (ast_walk.h).
#include "ide/ast_walk.h"

namespace icp::ide {

namespace {

// Enters every node with its chain of enclosing nodes; the children of each
// come from the one visitor of the AST (syntax/ast_visit.h).
class Walker : public ast::ChildVisitor {
 public:
  explicit Walker(const WalkCallbacks& cb) : cb_(cb) {}

  void module(const ast::Module& m) { ast::visit_children(m, *this); }

  void decl(const ast::Decl& d) { enter(NodeKind::Decl, d); }
  void item(const ast::Item& i) { enter(NodeKind::Item, i); }
  void expr(const ast::ExprPtr& e) { enter(NodeKind::Expr, *e); }
  void type(const ast::TypeRef& t) { enter(NodeKind::TypeRef, t); }
  void member(const ast::EnumMember& m) { enter(NodeKind::EnumMember, m); }
  void field(const ast::SchemaField& f) { enter(NodeKind::SchemaField, f); }
  void param(const ast::Param& p) { enter(NodeKind::Param, p); }
  void given(const ast::GivenField& g) { enter(NodeKind::GivenField, g); }
  void expect(const ast::Expect& e) { enter(NodeKind::Expect, e); }
  void ident(const ast::Ident& i, NameRole r) {
    if (cb_.ident) cb_.ident(i, r, path_);
  }
  void label(const ast::Label& l, NameRole r) {
    if (cb_.label) cb_.label(l, r, path_);
  }

 private:
  template <typename N> void enter(NodeKind k, const N& n) {
    path_.push_back({k, &n});
    if (cb_.node) cb_.node(path_);
    ast::visit_children(n, *this);
    path_.pop_back();
  }

  const WalkCallbacks& cb_;
  NodePath path_;
};

}  // namespace

void walk(const ast::Module& m, const WalkCallbacks& cb) { Walker(cb).module(m); }

std::optional<NameHit> name_at(const ast::Module& m, uint32_t offset) {
  std::optional<NameHit> hit;
  WalkCallbacks cb;
  cb.ident = [&](const ast::Ident& i, NameRole r, const NodePath& p) {
    if (!hit && i.range.valid() && i.range.contains(offset)) hit = NameHit{&i, nullptr, r, p};
  };
  cb.label = [&](const ast::Label& l, NameRole r, const NodePath& p) {
    if (!hit && l.range.contains(offset)) hit = NameHit{nullptr, &l, r, p};
  };
  walk(m, cb);
  return hit;
}

NodePath path_at(const ast::Module& m, uint32_t offset) {
  NodePath best;
  WalkCallbacks cb;
  cb.node = [&](const NodePath& p) {
    const ast::Node* n = p.back().node;
    if (n->range.valid() && n->range.contains(offset) && p.size() > best.size()) {
      // Only keep chains whose every member contains the offset.
      for (const auto& e : p)
        if (!e.node->range.contains(offset)) return;
      best = p;
    }
  };
  walk(m, cb);
  return best;
}

}  // namespace icp::ide
