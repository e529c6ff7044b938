#include "syntax/ast_dump.h"

#include <fmt/format.h>

#include "icp/json.h"

namespace icp {

using namespace ast;

namespace {

class Dumper {
 public:
  std::string out;

  void module(const Module& m) {
    line(0, "", fmt::format("Module{}", doc(m.doc)), nullptr);
    for (const auto& d : m.decls) decl(1, *d);
    for (const auto& c : m.comments) {
      const char* kind = c.kind == Comment::Doc ? "doc" : c.kind == Comment::Block ? "block" : "line";
      line(1, "", fmt::format("Comment {} {}", kind, json::quote(c.text)), &c.range);
    }
  }

 private:
  static std::string pos(const SourceRange& r) {
    return fmt::format("[{}:{}-{}:{}]", r.line, r.col, r.end_line, r.end_col);
  }
  static std::string id(const Ident& i) {
    if (i.empty()) return "<none>";
    return fmt::format("{}@{}:{}", i.name, i.range.line, i.range.col);
  }
  static std::string lab(const Label& l) {
    return fmt::format("{}@{}:{}", json::quote(l.value), l.range.line, l.range.col);
  }
  static std::string doc(const std::string& d) { return d.empty() ? "" : " doc=" + json::quote(d); }
  static const char* cmp(CmpOp op) {
    switch (op) {
      case CmpOp::Eq: return "==";
      case CmpOp::Ne: return "!=";
      case CmpOp::Lt: return "<";
      case CmpOp::Le: return "<=";
      case CmpOp::Gt: return ">";
      case CmpOp::Ge: return ">=";
    }
    return "?";
  }
  static const char* binop(BinaryOp op) { return spelling(op); }

  void line(int depth, std::string_view role, const std::string& text, const SourceRange* r) {
    out += std::string(depth * 2, ' ');
    if (!role.empty()) {
      out += role;
      out += ": ";
    }
    out += text;
    if (r) out += " " + pos(*r);
    out += '\n';
  }

  static std::string type_text(const TypeRef* t) {
    if (!t) return "<none>";
    std::string s = t->name.empty() ? "<none>" : t->name.name;
    if (t->element) s += "<" + type_text(t->element.get()) + ">";
    if (t->optional) s += "?";
    return s;
  }
  void type(int depth, std::string_view role, const TypeRef* t) {
    if (!t) {
      line(depth, role, "<no type>", nullptr);
      return;
    }
    line(depth, role, "Type " + type_text(t), &t->range);
  }

  void decl(int d, const Decl& decl) {
    std::string dc = doc(decl.doc);
    switch (decl.kind) {
      case DeclKind::Import: {
        auto& x = static_cast<const ImportDecl&>(decl);
        line(d, "", "Import " + lab(x.path) + dc, &x.range);
        break;
      }
      case DeclKind::Enum: {
        auto& x = static_cast<const EnumDecl&>(decl);
        line(d, "", "Enum " + id(x.name) + dc, &x.range);
        for (const auto& m : x.members) {
          std::string s = "Member " + id(m.name);
          if (!m.aliases.empty()) {
            s += " aliases=[";
            for (size_t i = 0; i < m.aliases.size(); ++i) s += (i ? ", " : "") + lab(m.aliases[i]);
            s += "]";
          }
          if (m.is_default) s += " default";
          line(d + 1, "", s + doc(m.doc), &m.range);
        }
        break;
      }
      case DeclKind::Schema: {
        auto& x = static_cast<const SchemaDecl&>(decl);
        line(d, "", "Schema " + id(x.name) + dc, &x.range);
        for (const auto& f : x.fields) {
          std::string s = "Field " + id(f.name);
          if (f.key) s += " key";
          if (f.from) s += " from=" + lab(*f.from);
          line(d + 1, "", s + doc(f.doc), &f.range);
          type(d + 2, "type", f.type.get());
          if (f.default_value) expr(d + 2, "default", f.default_value.get());
        }
        break;
      }
      case DeclKind::Const: {
        auto& x = static_cast<const ConstDecl&>(decl);
        line(d, "", "Const " + id(x.name) + dc, &x.range);
        expr(d + 1, "value", x.value.get());
        break;
      }
      case DeclKind::Def: {
        auto& x = static_cast<const DefDecl&>(decl);
        line(d, "", "Def " + id(x.name) + dc, &x.range);
        for (const auto& p : x.params) {
          line(d + 1, "", "Param " + id(p.name), &p.range);
          type(d + 2, "type", p.type.get());
        }
        type(d + 1, "result", x.result.get());
        expr(d + 1, "body", x.body.get());
        break;
      }
      case DeclKind::Profile: {
        auto& x = static_cast<const ProfileDecl&>(decl);
        line(d, "",
             fmt::format("{} {} on={}{}", x.persona ? "Persona" : "Profile", id(x.name), id(x.schema), dc),
             &x.range);
        for (const auto& it : x.items) item(d + 1, *it);
        break;
      }
      case DeclKind::Test: {
        auto& x = static_cast<const TestDecl&>(decl);
        std::string s = "Test " + lab(x.label);
        if (!x.profile.empty()) s += fmt::format(" {}={}", x.persona ? "persona" : "profile", id(x.profile));
        line(d, "", s + dc, &x.range);
        if (x.as_of) expr(d + 1, "as_of", x.as_of.get());
        if (x.given_range) line(d + 1, "", "Given", &*x.given_range);
        for (const auto& g : x.given) {
          line(d + 2, "", "GivenField " + id(g.name), &g.range);
          expr(d + 3, "value", g.value.get());
        }
        for (const auto& e : x.expects) expect(d + 1, e);
        break;
      }
    }
  }

  void expect(int d, const Expect& e) {
    std::string neg = e.negated ? "not " : "";
    switch (e.kind) {
      case ExpectKind::Tier:
        line(d, "", fmt::format("Expect tier {} {}", cmp(e.op), id(e.tier)), &e.range);
        break;
      case ExpectKind::Score:
        line(d, "", fmt::format("Expect score {}", cmp(e.op)), &e.range);
        break;
      case ExpectKind::Confidence:
        line(d, "", fmt::format("Expect confidence {}", cmp(e.op)), &e.range);
        break;
      case ExpectKind::Fired:
        line(d, "", fmt::format("Expect {}fired {}", neg, lab(e.label)), &e.range);
        break;
      case ExpectKind::Points:
        line(d, "", fmt::format("Expect points {} {}", lab(e.label), cmp(e.op)), &e.range);
        break;
      case ExpectKind::Unknown:
        line(d, "", fmt::format("Expect {}unknown {}", neg, lab(e.label)), &e.range);
        break;
      case ExpectKind::ExcludedBy:
        line(d, "", fmt::format("Expect {}excluded_by {}", neg, lab(e.label)), &e.range);
        break;
      case ExpectKind::Excluded:
        line(d, "", fmt::format("Expect {}excluded", neg), &e.range);
        break;
    }
    if (e.value) expr(d + 1, "value", e.value.get());
  }

  void item(int d, const Item& it) {
    std::string dc = doc(it.doc);
    switch (it.kind) {
      case ItemKind::Let: {
        auto& x = static_cast<const LetItem&>(it);
        line(d, "", "Let " + id(x.name) + dc, &x.range);
        expr(d + 1, "value", x.value.get());
        break;
      }
      case ItemKind::Exclude: {
        auto& x = static_cast<const ExcludeItem&>(it);
        line(d, "", "Exclude " + lab(x.label) + dc, &x.range);
        expr(d + 1, "cond", x.cond.get());
        break;
      }
      case ItemKind::Signal: {
        auto& x = static_cast<const SignalItem&>(it);
        line(d, "", "Signal " + lab(x.label) + dc, &x.range);
        expr(d + 1, "cond", x.cond.get());
        expr(d + 1, "points", x.points.get());
        break;
      }
      case ItemKind::Trigger: {
        auto& x = static_cast<const TriggerItem&>(it);
        line(d, "", "Trigger " + lab(x.label) + dc, &x.range);
        expr(d + 1, "on", x.on.get());
        expr(d + 1, "within", x.within.get());
        if (x.cond) expr(d + 1, "cond", x.cond.get());
        expr(d + 1, "points", x.points.get());
        if (x.halflife) expr(d + 1, "halflife", x.halflife.get());
        break;
      }
      case ItemKind::Tier: {
        auto& x = static_cast<const TierItem&>(it);
        line(d, "", "Tier " + id(x.name) + dc, &x.range);
        expr(d + 1, "cond", x.cond.get());
        break;
      }
      case ItemKind::Group: {
        auto& x = static_cast<const GroupItem&>(it);
        line(d, "", "Group " + lab(x.label) + dc, &x.range);
        if (x.cap) expr(d + 1, "cap", x.cap.get());
        for (const auto& c : x.items) item(d + 1, *c);
        break;
      }
    }
  }

  void expr(int d, std::string_view role, const Expr* e) {
    if (!e) {
      line(d, role, "<null>", nullptr);
      return;
    }
    const SourceRange* r = &e->range;
    switch (e->kind) {
      case ExprKind::IntLit: {
        auto* x = e->as<IntLit>();
        line(d, role, fmt::format("Int {} text={}", x->value, json::quote(x->text)), r);
        break;
      }
      case ExprKind::FloatLit: {
        auto* x = e->as<FloatLit>();
        line(d, role,
             fmt::format("Float {} text={}{}", x->value, json::quote(x->text), x->percent ? " percent" : ""), r);
        break;
      }
      case ExprKind::StringLit: {
        auto* x = e->as<StringLit>();
        line(d, role, fmt::format("String {}{}", json::quote(x->value), x->raw ? " raw" : ""), r);
        break;
      }
      case ExprKind::BoolLit:
        line(d, role, fmt::format("Bool {}", e->as<BoolLit>()->value), r);
        break;
      case ExprKind::DateLit: {
        auto* x = e->as<DateLit>();
        line(d, role, fmt::format("Date {:04}-{:02}-{:02} days={}", x->year, x->month, x->day, x->days), r);
        break;
      }
      case ExprKind::DurationLit: {
        auto* x = e->as<DurationLit>();
        line(d, role, fmt::format("Duration {} text={}", x->days, json::quote(x->text)), r);
        break;
      }
      case ExprKind::MissingLit: line(d, role, "Missing", r); break;
      case ExprKind::Name: line(d, role, "Name " + id(e->as<NameExpr>()->name), r); break;
      case ExprKind::Qualified: {
        auto* x = e->as<QualifiedExpr>();
        line(d, role, fmt::format("Qualified {} . {}", id(x->enum_name), id(x->member)), r);
        break;
      }
      case ExprKind::Special: {
        auto w = e->as<SpecialExpr>()->which;
        line(d, role,
             fmt::format("Special {}", w == SpecialName::Score        ? "score"
                                       : w == SpecialName::Confidence ? "confidence"
                                                                      : "as_of"),
             r);
        break;
      }
      case ExprKind::Call: {
        auto* x = e->as<CallExpr>();
        line(d, role, "Call " + id(x->callee), r);
        for (const auto& a : x->args) expr(d + 1, "arg", a.get());
        break;
      }
      case ExprKind::Unary: {
        auto* x = e->as<UnaryExpr>();
        const char* op = x->op == UnaryOp::Neg ? "-" : x->op == UnaryOp::Plus ? "+" : "not";
        line(d, role, fmt::format("Unary {}", op), r);
        expr(d + 1, "operand", x->operand.get());
        break;
      }
      case ExprKind::Binary: {
        auto* x = e->as<BinaryExpr>();
        line(d, role, fmt::format("Binary {} op@{}:{}", binop(x->op), x->op_range.line, x->op_range.col), r);
        expr(d + 1, "lhs", x->lhs.get());
        expr(d + 1, "rhs", x->rhs.get());
        break;
      }
      case ExprKind::In: {
        auto* x = e->as<InExpr>();
        line(d, role, x->negated ? "In not" : "In", r);
        expr(d + 1, "value", x->value.get());
        expr(d + 1, "set", x->set.get());
        break;
      }
      case ExprKind::Between: {
        auto* x = e->as<BetweenExpr>();
        line(d, role, x->negated ? "Between not" : "Between", r);
        expr(d + 1, "value", x->value.get());
        expr(d + 1, "lo", x->lo.get());
        expr(d + 1, "hi", x->hi.get());
        break;
      }
      case ExprKind::Has: {
        auto* x = e->as<HasExpr>();
        line(d, role, x->mode == HasMode::Any ? "Has any" : x->mode == HasMode::All ? "Has all" : "Has", r);
        expr(d + 1, "set", x->set.get());
        expr(d + 1, "operand", x->operand.get());
        break;
      }
      case ExprKind::Matches: {
        auto* x = e->as<MatchesExpr>();
        line(d, role, "Matches", r);
        expr(d + 1, "value", x->value.get());
        expr(d + 1, "pattern", x->pattern.get());
        break;
      }
      case ExprKind::Within: {
        auto* x = e->as<WithinExpr>();
        line(d, role, "Within", r);
        expr(d + 1, "date", x->date.get());
        expr(d + 1, "window", x->window.get());
        break;
      }
      case ExprKind::IsMissing: {
        auto* x = e->as<IsMissingExpr>();
        line(d, role, x->present ? "IsPresent" : "IsMissing", r);
        expr(d + 1, "value", x->value.get());
        break;
      }
      case ExprKind::If: {
        auto* x = e->as<IfExpr>();
        line(d, role, "If", r);
        expr(d + 1, "cond", x->cond.get());
        expr(d + 1, "then", x->then_expr.get());
        expr(d + 1, "else", x->else_expr.get());
        break;
      }
      case ExprKind::SetLit: {
        auto* x = e->as<SetLit>();
        line(d, role, fmt::format("Set size={}", x->elements.size()), r);
        for (const auto& a : x->elements) expr(d + 1, "elem", a.get());
        break;
      }
      case ExprKind::Error: line(d, role, "Error", r); break;
    }
  }
};

}  // namespace

std::string dump_ast(const ast::Module& m) {
  Dumper d;
  d.module(m);
  return d.out;
}

}  // namespace icp
