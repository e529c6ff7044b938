// Formatting of top-level declarations: imports, enums, schemas, consts,
// defs and tests (profiles are in items.cpp).
#include <algorithm>

#include "fmt/module_formatter.h"

namespace icp::formatter {

void ModuleFormatter::decl(const ast::Decl& d) {
  switch (d.kind) {
    case ast::DeclKind::Import:
      out_ += "import " + expr_.label(static_cast<const ast::ImportDecl&>(d).path);
      break;
    case ast::DeclKind::Enum: enum_decl(static_cast<const ast::EnumDecl&>(d)); break;
    case ast::DeclKind::Schema: schema_decl(static_cast<const ast::SchemaDecl&>(d)); break;
    case ast::DeclKind::Const: {
      const auto& c = static_cast<const ast::ConstDecl&>(d);
      Doc v = c.value ? expr_.print(*c.value) : text("?");
      write_doc(concat({text("const " + c.name.name + " = "), v}));
      break;
    }
    case ast::DeclKind::Def: def_decl(static_cast<const ast::DefDecl&>(d)); break;
    case ast::DeclKind::Profile: profile_decl(static_cast<const ast::ProfileDecl&>(d)); break;
    case ast::DeclKind::Test: test_decl(static_cast<const ast::TestDecl&>(d)); break;
  }
}

void ModuleFormatter::enum_decl(const ast::EnumDecl& d) {
  auto member = [&](const ast::EnumMember& m) {
    std::string s = m.name.name;
    if (!m.aliases.empty()) {
      s += " (";
      for (size_t i = 0; i < m.aliases.size(); ++i) s += (i ? ", " : "") + expr_.label(m.aliases[i]);
      s += ")";
    }
    if (m.is_default) s += " default";
    return s;
  };
  std::string head = "enum " + d.name.name + " {";
  uint32_t open = after_brace(d.name.range.end);
  if (!comments_.any_within(open, d.range.end)) {
    std::string one = head;
    for (size_t i = 0; i < d.members.size(); ++i) one += (i ? ", " : " ") + member(d.members[i]);
    one += d.members.empty() ? "}" : " }";
    if (indent_ + count_code_points(one) <= static_cast<size_t>(kWidth)) {
      out_ += one;
      return;
    }
  }
  out_ += head;
  std::vector<Row> rs;
  for (size_t i = 0; i < d.members.size(); ++i) {
    const auto& m = d.members[i];
    Row r;
    r.begin = m.range.begin;
    r.end = m.range.end;
    std::string suffix = i + 1 < d.members.size() ? "," : "";
    std::string one = member(m) + suffix;
    if (m.aliases.empty() || indent_ + kIndent + count_code_points(one) <= static_cast<size_t>(kWidth)) {
      r.cells = {member(m)};
      r.suffix = suffix;
    } else {
      // Too long: the aliases wrap, aligned after the parenthesis.
      r.custom = [this, &m, suffix] {
        std::vector<Doc> parts;
        for (size_t k = 0; k < m.aliases.size(); ++k) {
          std::string a = expr_.label(m.aliases[k]);
          if (k + 1 < m.aliases.size()) {
            parts.push_back(text(a + ","));
            parts.push_back(line());
          } else {
            parts.push_back(text(a + ")" + (m.is_default ? " default" : "") + suffix));
          }
        }
        int open = static_cast<int>(count_code_points(m.name.name)) + 2;
        write_doc(concat({text(m.name.name + " ("), nest(open, fill(std::move(parts)))}));
      };
    }
    rs.push_back(std::move(r));
  }
  block(rs, open, d.range.end);
}

void ModuleFormatter::schema_decl(const ast::SchemaDecl& d) {
  out_ += "schema " + d.name.name + " {";
  std::vector<Row> rs;
  for (const auto& f : d.fields) {
    Row r;
    r.begin = f.range.begin;
    r.end = f.range.end;
    r.category = 1;
    // Columns: name, type (with its default), `from`.
    std::string type = f.type ? expr_.type(*f.type) : "?";
    if (f.default_value) type += " = " + expr_.flat(*f.default_value);
    r.cells = {f.name.name + ":", type, f.from ? "from " + expr_.label(*f.from) : ""};
    while (r.cells.size() > 1 && r.cells.back().empty()) r.cells.pop_back();
    rs.push_back(std::move(r));
  }
  block(rs, after_brace(d.name.range.end), d.range.end);
}

void ModuleFormatter::def_decl(const ast::DefDecl& d) {
  std::string sig = "def " + d.name.name + "(";
  for (size_t i = 0; i < d.params.size(); ++i) {
    const auto& p = d.params[i];
    sig += (i ? ", " : "") + p.name.name + ": " + (p.type ? expr_.type(*p.type) : "?");
  }
  sig += ")";
  if (d.result) sig += ": " + expr_.type(*d.result);
  sig += " =";
  Doc body = d.body ? expr_.print(*d.body) : text("?");
  write_doc(concat({text(sig), group(nest(kIndent, concat({line(), body})))}));
}

namespace {
const char* cmp_op(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Eq: return "==";
    case ast::CmpOp::Ne: return "!=";
    case ast::CmpOp::Lt: return "<";
    case ast::CmpOp::Le: return "<=";
    case ast::CmpOp::Gt: return ">";
    case ast::CmpOp::Ge: return ">=";
  }
  return "==";
}
}  // namespace

std::string ModuleFormatter::expect(const ast::Expect& e) {
  std::string s = "expect ";
  std::string op = cmp_op(e.op);
  std::string neg = e.negated ? "not " : "";
  auto value = [&] { return e.value ? expr_.flat(*e.value, 6) : std::string("?"); };
  switch (e.kind) {
    case ast::ExpectKind::Tier: return s + "tier " + op + " " + e.tier.name;
    case ast::ExpectKind::Score: return s + "score " + op + " " + value();
    case ast::ExpectKind::Confidence: return s + "confidence " + op + " " + value();
    case ast::ExpectKind::Fired: return s + neg + "fired " + expr_.label(e.label);
    case ast::ExpectKind::Points: return s + "points " + expr_.label(e.label) + " " + op + " " + value();
    case ast::ExpectKind::Unknown: return s + neg + "unknown " + expr_.label(e.label);
    case ast::ExpectKind::ExcludedBy: return s + neg + "excluded_by " + expr_.label(e.label);
    case ast::ExpectKind::Excluded: return s + neg + "excluded";
  }
  return s;
}

void ModuleFormatter::given(const ast::TestDecl& d) {
  SourceRange gr = *d.given_range;
  std::vector<std::string> fields;
  for (const auto& g : d.given)
    fields.push_back(g.name.name + ": " + (g.value ? expr_.flat(*g.value) : "?"));
  if (!comments_.any_within(gr.begin, gr.end)) {
    std::string one = "given {";
    for (size_t i = 0; i < fields.size(); ++i) one += (i ? ", " : " ") + fields[i];
    one += fields.empty() ? "}" : " }";
    if (indent_ + count_code_points(one) <= static_cast<size_t>(kWidth)) {
      out_ += one;
      return;
    }
  }
  out_ += "given {";
  std::vector<Row> rs;
  for (size_t i = 0; i < d.given.size(); ++i) {
    Row r;
    r.begin = d.given[i].range.begin;
    r.end = d.given[i].range.end;
    r.cells = {fields[i]};
    if (i + 1 < d.given.size()) r.suffix = ",";
    rs.push_back(std::move(r));
  }
  block(rs, after_brace(gr.begin), gr.end);
}

void ModuleFormatter::test_decl(const ast::TestDecl& d) {
  out_ += "test " + expr_.label(d.label) + " {";
  std::vector<Row> rs;
  if (!d.profile.empty()) {
    Row r;
    r.begin = d.profile.range.begin;
    r.end = d.profile.range.end;
    r.cells = {std::string(d.persona ? "persona " : "profile ") + d.profile.name};
    rs.push_back(std::move(r));
  }
  if (d.as_of) {
    Row r;
    r.begin = d.as_of->range.begin;
    r.end = d.as_of->range.end;
    r.cells = {"as_of " + expr_.flat(*d.as_of)};
    rs.push_back(std::move(r));
  }
  if (d.given_range) {
    Row r;
    r.begin = d.given_range->begin;
    r.end = d.given_range->end;
    r.custom = [this, &d] { given(d); };
    rs.push_back(std::move(r));
  }
  for (const auto& e : d.expects) {
    Row r;
    r.begin = e.range.begin;
    r.end = e.range.end;
    r.cells = {expect(e)};
    rs.push_back(std::move(r));
  }
  std::stable_sort(rs.begin(), rs.end(), [](const Row& a, const Row& b) { return a.begin < b.begin; });
  block(rs, after_brace(d.label.range.end), d.range.end);
}

}  // namespace icp::formatter
