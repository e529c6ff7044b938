// Document symbols (symbols.h).
#include "ide/symbols.h"

#include "ide/describe.h"

namespace icp::ide {

namespace {

SourceRange cover(const SourceRange& whole, const SourceRange& name) {
  // LSP requires the selection to lie inside the range.
  return SourceRange::cover(whole, name);
}

Symbol make(std::string name, std::string detail, SymbolKind k, const SourceRange& whole, const SourceRange& sel) {
  return Symbol{std::move(name), std::move(detail), k, cover(whole, sel), sel.valid() ? sel : whole, {}};
}

void items(const sema::Program& p, const std::vector<ast::ItemPtr>& its, std::vector<Symbol>& out) {
  for (const auto& ip : its) {
    if (!ip) continue;
    const ast::Item& it = *ip;
    switch (it.kind) {
      case ast::ItemKind::Let: {
        const auto& l = static_cast<const ast::LetItem&>(it);
        out.push_back(make(l.name.name, "let", SymbolKind::Variable, l.range, l.name.range));
        break;
      }
      case ast::ItemKind::Exclude: {
        const auto& x = static_cast<const ast::ExcludeItem&>(it);
        out.push_back(make(x.label.value, "exclude", SymbolKind::Event, x.range, x.label.range));
        break;
      }
      case ast::ItemKind::Signal: {
        const auto& x = static_cast<const ast::SignalItem&>(it);
        std::string pts = x.points ? "signal => " + print_expr(p, *x.points) : "signal";
        out.push_back(make(x.label.value, pts, SymbolKind::Event, x.range, x.label.range));
        break;
      }
      case ast::ItemKind::Trigger: {
        const auto& x = static_cast<const ast::TriggerItem&>(it);
        std::string pts = x.points ? "trigger => " + print_expr(p, *x.points) : "trigger";
        out.push_back(make(x.label.value, pts, SymbolKind::Event, x.range, x.label.range));
        break;
      }
      case ast::ItemKind::Tier: {
        const auto& x = static_cast<const ast::TierItem&>(it);
        out.push_back(make(x.name.name, "tier", SymbolKind::EnumMember, x.range, x.name.range));
        break;
      }
      case ast::ItemKind::Group: {
        const auto& g = static_cast<const ast::GroupItem&>(it);
        Symbol s = make(g.label.value, g.cap ? "group cap " + print_expr(p, *g.cap) : "group", SymbolKind::Namespace,
                        g.range, g.label.range);
        items(p, g.items, s.children);
        out.push_back(std::move(s));
        break;
      }
    }
  }
}

}  // namespace

std::vector<Symbol> document_symbols(const sema::Program& p) {
  std::vector<Symbol> out;
  const ast::Module* m = p.main_module();
  if (!m) return out;
  for (const auto& dp : m->decls) {
    if (!dp) continue;
    const ast::Decl& d = *dp;
    switch (d.kind) {
      case ast::DeclKind::Import: {
        const auto& i = static_cast<const ast::ImportDecl&>(d);
        out.push_back(make(i.path.value, "import", SymbolKind::Module, i.range, i.path.range));
        break;
      }
      case ast::DeclKind::Enum: {
        const auto& e = static_cast<const ast::EnumDecl&>(d);
        Symbol s = make(e.name.name, "enum", SymbolKind::Enum, e.range, e.name.range);
        for (const auto& mem : e.members)
          s.children.push_back(make(mem.name.name, mem.is_default ? "default" : "", SymbolKind::EnumMember, mem.range,
                                    mem.name.range));
        out.push_back(std::move(s));
        break;
      }
      case ast::DeclKind::Schema: {
        const auto& sc = static_cast<const ast::SchemaDecl&>(d);
        Symbol s = make(sc.name.name, "schema", SymbolKind::Struct, sc.range, sc.name.range);
        for (const auto& f : sc.fields) {
          Target t{Target::Field, &f};
          std::string sig = signature(p, t);
          size_t colon = sig.find(": ");
          s.children.push_back(make(f.name.name, colon == std::string::npos ? "" : sig.substr(colon + 2),
                                    SymbolKind::Field, f.range, f.name.range));
        }
        out.push_back(std::move(s));
        break;
      }
      case ast::DeclKind::Const: {
        const auto& c = static_cast<const ast::ConstDecl&>(d);
        out.push_back(make(c.name.name, "const", SymbolKind::Constant, c.range, c.name.range));
        break;
      }
      case ast::DeclKind::Def: {
        const auto& f = static_cast<const ast::DefDecl&>(d);
        out.push_back(make(f.name.name, signature(p, Target{Target::Def, &f}), SymbolKind::Function, f.range,
                           f.name.range));
        break;
      }
      case ast::DeclKind::Profile: {
        const auto& pd = static_cast<const ast::ProfileDecl&>(d);
        Symbol s = make(pd.name.name, std::string(pd.persona ? "persona on " : "profile on ") + pd.schema.name,
                        SymbolKind::Class, pd.range, pd.name.range);
        items(p, pd.items, s.children);
        out.push_back(std::move(s));
        break;
      }
      case ast::DeclKind::Test: {
        const auto& t = static_cast<const ast::TestDecl&>(d);
        out.push_back(make(t.label.value, "test", SymbolKind::Method, t.range, t.label.range));
        break;
      }
    }
  }
  return out;
}

}  // namespace icp::ide
