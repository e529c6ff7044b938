// Descriptions of declarations for hover and completion (describe.h).
#include "ide/describe.h"

#include "fmt/expr_printer.h"

namespace icp::ide {

namespace {
std::string trim_doc(std::string d) {
  while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
  size_t i = 0;
  while (i < d.size() && (d[i] == '\n')) ++i;
  return d.substr(i);
}
std::string type_text(const sema::Program& p, const ast::TypeRef* t) {
  if (!t) return "?";
  const ast::Node* n = t;
  formatter::ExprPrinter pr(p.sources.file(n->range.valid() ? n->range.file : p.main_file), nullptr);
  return pr.type(*t);
}
std::string label_text(const ast::Label& l) { return "\"" + l.value + "\""; }
}  // namespace

std::string print_expr(const sema::Program& p, const ast::Expr& e) {
  FileId f = e.range.valid() ? e.range.file : p.main_file;
  if (f >= p.sources.size()) return "";
  formatter::ExprPrinter pr(p.sources.file(f), nullptr);
  return pr.flat(e);
}

std::string signature(const sema::Program& p, const Target& t) {
  const sema::SemanticModel& m = p.model;
  switch (t.kind) {
    case Target::Field: {
      const auto* f = static_cast<const ast::SchemaField*>(t.node);
      const sema::FieldInfo* fi = field_info(p, f);
      std::string s = f->name.name + ": " + (fi ? m.type_name(fi->type) : type_text(p, f->type.get()));
      if (f->key) s += " key";
      if (f->default_value) s += " = " + print_expr(p, *f->default_value);
      if (f->from) s += " from " + label_text(*f->from);
      return s;
    }
    case Target::Let: {
      const auto* l = static_cast<const ast::LetItem*>(t.node);
      std::string s = "let " + l->name.name;
      if (l->value) s += ": " + m.type_name(m.type_of(l->value->id));
      return s;
    }
    case Target::Const: {
      const auto* c = static_cast<const ast::ConstDecl*>(t.node);
      std::string s = "const " + c->name.name;
      if (c->value) {
        s += ": " + m.type_name(m.type_of(c->value->id));
        std::string v = print_expr(p, *c->value);
        if (v.size() <= 80) s += " = " + v;
      }
      return s;
    }
    case Target::Param: {
      const auto* pa = static_cast<const ast::Param*>(t.node);
      return pa->name.name + ": " + type_text(p, pa->type.get());
    }
    case Target::EnumMember: {
      const auto* mem = static_cast<const ast::EnumMember*>(t.node);
      std::string s = (t.enum_id < m.enums.size() ? m.enums[t.enum_id].name + "." : "") + mem->name.name;
      if (!mem->aliases.empty()) {
        s += " (";
        for (size_t i = 0; i < mem->aliases.size(); ++i) s += (i ? ", " : "") + label_text(mem->aliases[i]);
        s += ")";
      }
      if (mem->is_default) s += " default";
      return s;
    }
    case Target::Enum: {
      const auto* e = static_cast<const ast::EnumDecl*>(t.node);
      std::string s = "enum " + e->name.name + " { ";
      for (size_t i = 0; i < e->members.size() && i < 12; ++i) s += (i ? ", " : "") + e->members[i].name.name;
      if (e->members.size() > 12) s += ", ... (" + std::to_string(e->members.size()) + " members)";
      return s + " }";
    }
    case Target::Def: {
      const auto* d = static_cast<const ast::DefDecl*>(t.node);
      std::string s = "def " + d->name.name + "(";
      for (size_t i = 0; i < d->params.size(); ++i)
        s += (i ? ", " : "") + d->params[i].name.name + ": " + type_text(p, d->params[i].type.get());
      return s + "): " + type_text(p, d->result.get());
    }
    case Target::Builtin:
      return t.index < builtins().size() ? builtins()[t.index].signature : "";
    case Target::Schema: {
      const auto* s = static_cast<const ast::SchemaDecl*>(t.node);
      return "schema " + s->name.name + " (" + std::to_string(s->fields.size()) + " fields)";
    }
    case Target::Profile: {
      const auto* pd = static_cast<const ast::ProfileDecl*>(t.node);
      return std::string(pd->persona ? "persona " : "profile ") + pd->name.name + " on " + pd->schema.name;
    }
    case Target::Tier: {
      const auto* tr = static_cast<const ast::TierItem*>(t.node);
      return "tier " + tr->name.name + (tr->cond ? " when " + print_expr(p, *tr->cond) : "");
    }
    case Target::Rule: {
      const auto* it = static_cast<const ast::Item*>(t.node);
      if (const auto* s = it->as<ast::SignalItem>())
        return "signal " + label_text(s->label) + (s->cond ? " when " + print_expr(p, *s->cond) : "") +
               (s->points ? " => " + print_expr(p, *s->points) : "");
      if (const auto* s = it->as<ast::ExcludeItem>())
        return "exclude " + label_text(s->label) + (s->cond ? " when " + print_expr(p, *s->cond) : "");
      if (const auto* s = it->as<ast::TriggerItem>()) {
        std::string r = "trigger " + label_text(s->label);
        if (s->on) r += " on " + print_expr(p, *s->on);
        if (s->within) r += " within " + print_expr(p, *s->within);
        if (s->cond) r += " when " + print_expr(p, *s->cond);
        if (s->points) r += " => " + print_expr(p, *s->points);
        if (s->halflife) r += " halflife " + print_expr(p, *s->halflife);
        return r;
      }
      if (const auto* g = it->as<ast::GroupItem>())
        return "group " + label_text(g->label) + (g->cap ? " cap " + print_expr(p, *g->cap) : "") + " (" +
               std::to_string(g->items.size()) + (g->items.size() == 1 ? " item)" : " items)");
      return "";
    }
    case Target::File: return "import " + p.sources.file(t.file).path();
    case Target::None: return "";
  }
  return "";
}

std::string doc_of(const Target& t) {
  if (!t.node) return "";
  switch (t.kind) {
    case Target::Field: return trim_doc(static_cast<const ast::SchemaField*>(t.node)->doc);
    case Target::EnumMember: return trim_doc(static_cast<const ast::EnumMember*>(t.node)->doc);
    case Target::Let:
    case Target::Tier:
    case Target::Rule: return trim_doc(static_cast<const ast::Item*>(t.node)->doc);
    case Target::Enum:
    case Target::Schema:
    case Target::Const:
    case Target::Def:
    case Target::Profile: return trim_doc(static_cast<const ast::Decl*>(t.node)->doc);
    default: return "";
  }
}

std::string describe(const sema::Program& p, const Target& t) {
  std::string sig = signature(p, t);
  if (sig.empty()) return "";
  std::string md = "```icp\n" + sig + "\n```";
  std::string context;
  switch (t.kind) {
    case Target::Field: {
      const sema::SchemaInfo* s = nullptr;
      field_info(p, static_cast<const ast::SchemaField*>(t.node), &s);
      if (s) context = "field of schema `" + s->name + "`";
      break;
    }
    case Target::Builtin:
      if (t.index < builtins().size()) context = std::string("built-in function: ") + builtins()[t.index].doc;
      break;
    case Target::EnumMember:
      if (t.enum_id < p.model.enums.size()) {
        const auto& e = p.model.enums[t.enum_id];
        context = "member " + std::to_string(t.index + 1) + " of enum `" + e.name + "`";
      }
      break;
    case Target::Param: context = "parameter"; break;
    default: break;
  }
  if (t.node && t.node->range.valid() && t.node->range.file != p.main_file && t.node->range.file < p.sources.size()) {
    const std::string& path = p.sources.file(t.node->range.file).path();
    size_t slash = path.find_last_of('/');
    context += std::string(context.empty() ? "" : " — ") + "from `" + path.substr(slash == std::string::npos ? 0 : slash + 1) + "`";
  }
  if (!context.empty()) md += "\n\n" + context;
  std::string doc = doc_of(t);
  if (!doc.empty()) md += "\n\n" + doc;
  return md;
}

}  // namespace icp::ide
