// The AST walk behind the IDE features (ast_walk.h).
#include "ide/ast_walk.h"

namespace icp::ide {

namespace {

class Walker {
 public:
  explicit Walker(const WalkCallbacks& cb) : cb_(cb) {}

  void module(const ast::Module& m) {
    for (const auto& d : m.decls)
      if (d) decl(*d);
  }

 private:
  struct Scope {
    Walker& w;
    Scope(Walker& w, NodeKind k, const ast::Node* n) : w(w) {
      w.path_.push_back({k, n});
      if (w.cb_.node) w.cb_.node(w.path_);
    }
    ~Scope() { w.path_.pop_back(); }
  };
  void ident(const ast::Ident& i, NameRole r) {
    if (cb_.ident && !i.empty()) cb_.ident(i, r, path_);
  }
  void label(const ast::Label& l, NameRole r) {
    if (cb_.label && l.range.valid()) cb_.label(l, r, path_);
  }

  void type(const ast::TypeRef* t) {
    if (!t) return;
    Scope s(*this, NodeKind::TypeRef, t);
    ident(t->name, NameRole::Reference);
    type(t->element.get());
  }

  void expr(const ast::Expr* e) {
    if (!e) return;
    Scope s(*this, NodeKind::Expr, e);
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::Name: ident(e->as<ast::NameExpr>()->name, NameRole::Reference); break;
      case K::Qualified: {
        const auto* q = e->as<ast::QualifiedExpr>();
        ident(q->enum_name, NameRole::EnumQualifier);
        ident(q->member, NameRole::Reference);
        break;
      }
      case K::Call: {
        const auto* c = e->as<ast::CallExpr>();
        ident(c->callee, NameRole::Reference);
        for (const auto& a : c->args) expr(a.get());
        break;
      }
      case K::Unary: expr(e->as<ast::UnaryExpr>()->operand.get()); break;
      case K::Binary: {
        const auto* b = e->as<ast::BinaryExpr>();
        expr(b->lhs.get());
        expr(b->rhs.get());
        break;
      }
      case K::In: expr(e->as<ast::InExpr>()->value.get()); expr(e->as<ast::InExpr>()->set.get()); break;
      case K::Between: {
        const auto* b = e->as<ast::BetweenExpr>();
        expr(b->value.get()); expr(b->lo.get()); expr(b->hi.get());
        break;
      }
      case K::Has: expr(e->as<ast::HasExpr>()->set.get()); expr(e->as<ast::HasExpr>()->operand.get()); break;
      case K::Matches:
        expr(e->as<ast::MatchesExpr>()->value.get()); expr(e->as<ast::MatchesExpr>()->pattern.get());
        break;
      case K::Within: expr(e->as<ast::WithinExpr>()->date.get()); expr(e->as<ast::WithinExpr>()->window.get()); break;
      case K::IsMissing: expr(e->as<ast::IsMissingExpr>()->value.get()); break;
      case K::If: {
        const auto* i = e->as<ast::IfExpr>();
        expr(i->cond.get()); expr(i->then_expr.get()); expr(i->else_expr.get());
        break;
      }
      case K::SetLit:
        for (const auto& x : e->as<ast::SetLit>()->elements) expr(x.get());
        break;
      default: break;
    }
  }

  void item(const ast::Item* it) {
    if (!it) return;
    Scope s(*this, NodeKind::Item, it);
    switch (it->kind) {
      case ast::ItemKind::Let: {
        const auto* l = it->as<ast::LetItem>();
        ident(l->name, NameRole::Declaration);
        expr(l->value.get());
        break;
      }
      case ast::ItemKind::Exclude: {
        const auto* x = it->as<ast::ExcludeItem>();
        label(x->label, NameRole::RuleLabel);
        expr(x->cond.get());
        break;
      }
      case ast::ItemKind::Signal: {
        const auto* x = it->as<ast::SignalItem>();
        label(x->label, NameRole::RuleLabel);
        expr(x->cond.get());
        expr(x->points.get());
        break;
      }
      case ast::ItemKind::Trigger: {
        const auto* x = it->as<ast::TriggerItem>();
        label(x->label, NameRole::RuleLabel);
        expr(x->on.get()); expr(x->within.get()); expr(x->cond.get());
        expr(x->points.get()); expr(x->halflife.get());
        break;
      }
      case ast::ItemKind::Tier: {
        const auto* x = it->as<ast::TierItem>();
        ident(x->name, NameRole::Declaration);
        expr(x->cond.get());
        break;
      }
      case ast::ItemKind::Group: {
        const auto* g = it->as<ast::GroupItem>();
        label(g->label, NameRole::RuleLabel);
        expr(g->cap.get());
        for (const auto& i : g->items) item(i.get());
        break;
      }
    }
  }

  void decl(const ast::Decl& d) {
    Scope s(*this, NodeKind::Decl, &d);
    switch (d.kind) {
      case ast::DeclKind::Import: label(d.as<ast::ImportDecl>()->path, NameRole::ImportPath); break;
      case ast::DeclKind::Enum: {
        const auto* e = d.as<ast::EnumDecl>();
        ident(e->name, NameRole::Declaration);
        for (const auto& m : e->members) {
          Scope ms(*this, NodeKind::EnumMember, &m);
          ident(m.name, NameRole::Declaration);
        }
        break;
      }
      case ast::DeclKind::Schema: {
        const auto* sc = d.as<ast::SchemaDecl>();
        ident(sc->name, NameRole::Declaration);
        for (const auto& f : sc->fields) {
          Scope fs(*this, NodeKind::SchemaField, &f);
          ident(f.name, NameRole::Declaration);
          type(f.type.get());
          expr(f.default_value.get());
        }
        break;
      }
      case ast::DeclKind::Const: {
        const auto* c = d.as<ast::ConstDecl>();
        ident(c->name, NameRole::Declaration);
        expr(c->value.get());
        break;
      }
      case ast::DeclKind::Def: {
        const auto* f = d.as<ast::DefDecl>();
        ident(f->name, NameRole::Declaration);
        for (const auto& p : f->params) {
          Scope ps(*this, NodeKind::Param, &p);
          ident(p.name, NameRole::Declaration);
          type(p.type.get());
        }
        type(f->result.get());
        expr(f->body.get());
        break;
      }
      case ast::DeclKind::Profile: {
        const auto* p = d.as<ast::ProfileDecl>();
        ident(p->name, NameRole::Declaration);
        ident(p->schema, NameRole::SchemaRef);
        for (const auto& i : p->items) item(i.get());
        break;
      }
      case ast::DeclKind::Test: {
        const auto* t = d.as<ast::TestDecl>();
        ident(t->profile, NameRole::ProfileRef);
        expr(t->as_of.get());
        for (const auto& g : t->given) {
          Scope gs(*this, NodeKind::GivenField, &g);
          ident(g.name, NameRole::GivenField);
          expr(g.value.get());
        }
        for (const auto& e : t->expects) {
          Scope es(*this, NodeKind::Expect, &e);
          ident(e.tier, NameRole::ExpectTier);
          label(e.label, NameRole::ExpectLabel);
          expr(e.value.get());
        }
        break;
      }
    }
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
