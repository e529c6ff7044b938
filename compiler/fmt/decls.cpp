// Formatting of top-level declarations: imports, enums, schemas, consts and
// defs (profiles are in items.cpp, tests in tests.cpp).


#include "fmt/module_formatter.h"

namespace icp::formatter {

void ModuleFormatter::decl(const ast::Decl& d) {
  switch (d.kind) {
    case ast::DeclKind::Import: {
      Tokens::Window w(tokens_, d.range.begin, tokens_.content_end(d.range.end));
      const auto& i = static_cast<const ast::ImportDecl&>(d);
      write_doc(hang(tokens_.tok("import", d.range.begin), {space(), expr_.label(i.path)}));
      break;
    }
    case ast::DeclKind::Enum: enum_decl(static_cast<const ast::EnumDecl&>(d)); break;
    case ast::DeclKind::Schema: schema_decl(static_cast<const ast::SchemaDecl&>(d)); break;
    case ast::DeclKind::Const: {
      Tokens::Window w(tokens_, d.range.begin, tokens_.content_end(d.range.end));
      const auto& c = static_cast<const ast::ConstDecl&>(d);
      write_doc(binding(tokens_.tok("const", d.range.begin), c.name, c.value));
      break;
    }
    case ast::DeclKind::Def: def_decl(static_cast<const ast::DefDecl&>(d)); break;
    case ast::DeclKind::Profile: profile_decl(static_cast<const ast::ProfileDecl&>(d)); break;
    case ast::DeclKind::Test: test_decl(static_cast<const ast::TestDecl&>(d)); break;
  }
}

void ModuleFormatter::enum_decl(const ast::EnumDecl& d) {
  auto member_text = [&](const ast::EnumMember& m) {
    std::string s = m.name.name;
    if (!m.aliases.empty()) {
      s += " (";
      for (size_t i = 0; i < m.aliases.size(); ++i) s += (i ? ", " : "") + expr_.label_text(m.aliases[i]);
      s += ")";
    }
    if (m.is_default) s += " default";
    return s;
  };
  // A member: the aliases wrap when too long, aligned after the parenthesis.
  auto member = [&](const ast::EnumMember& m, const std::string& suffix) {
    Doc name = tokens_.tok(m.name.name, m.name.range.begin);
    std::vector<Doc> parts;
    uint32_t end = m.name.range.end;
    if (!m.aliases.empty()) {
      parts.push_back(space());
      parts.push_back(tokens_.tok("(", tokens_.find(end, "(", "")));
      std::vector<Doc> fill_parts;
      for (size_t k = 0; k < m.aliases.size(); ++k) {
        Doc a = expr_.label(m.aliases[k]);
        if (k + 1 < m.aliases.size()) {
          fill_parts.push_back(concat({a, tokens_.tok(",", tokens_.find(m.aliases[k].range.end, ",", ""))}));
          fill_parts.push_back(line());
          continue;
        }
        uint32_t close = tokens_.find(m.aliases[k].range.end, ")", ",");
        std::vector<Doc> last{a, tokens_.tok(")", close)};
        end = close == kNoPos ? m.aliases[k].range.end : close + 1;
        if (m.is_default) last.insert(last.end(), {space(), kw("default", end)});
        last.push_back(text(suffix));
        fill_parts.push_back(concat(std::move(last)));
      }
      // (Inside the hang's indentation.)
      int open = static_cast<int>(count_code_points(m.name.name));
      parts.push_back(nest(open, fill(std::move(fill_parts))));
      return hang(name, std::move(parts));
    }
    if (m.is_default) parts.insert(parts.end(), {space(), kw("default", end)});
    parts.push_back(text(suffix));
    return hang(name, std::move(parts));
  };
  uint32_t open = after_brace(d.name.range.end);
  auto head = [&] {
    Tokens::Window w(tokens_, d.range.begin, open);
    return hang(tokens_.tok("enum", d.range.begin),
                {space(), tokens_.tok(d.name.name, d.name.range.begin), space(), tokens_.tok("{", open - 1)});
  };
  if (!comments_.any_within(d.range.begin, d.range.end)) {
    std::string one = "enum " + d.name.name + " {";
    for (size_t i = 0; i < d.members.size(); ++i) one += (i ? ", " : " ") + member_text(d.members[i]);
    one += d.members.empty() ? "}" : " }";
    if (indent_ + count_code_points(one) <= static_cast<size_t>(kWidth)) {
      std::vector<Doc> parts{head()};
      for (size_t i = 0; i < d.members.size(); ++i) {
        const auto& m = d.members[i];
        parts.push_back(space());
        bool last = i + 1 == d.members.size();
        parts.push_back(member(m, ""));
        if (!last) parts.push_back(tokens_.tok(",", tokens_.find(m.range.end, ",", "")));
      }
      if (!d.members.empty()) parts.push_back(space());
      parts.push_back(text("}"));
      write_doc(concat(std::move(parts)));
      return;
    }
  }
  write_doc(head());
  std::vector<Row> rs;
  for (size_t i = 0; i < d.members.size(); ++i) {
    const auto& m = d.members[i];
    Row r;
    r.begin = m.range.begin;
    r.end = m.range.end;
    Tokens::Window w(tokens_, r.begin, tokens_.content_end(r.end));
    r.doc = member(m, i + 1 < d.members.size() ? "," : "");
    rs.push_back(std::move(r));
  }
  block(rs, open, d.range.end);
}

void ModuleFormatter::schema_decl(const ast::SchemaDecl& d) {
  uint32_t open = after_brace(d.name.range.end);
  {
    Tokens::Window w(tokens_, d.range.begin, open);
    write_doc(hang(tokens_.tok("schema", d.range.begin),
                   {space(), tokens_.tok(d.name.name, d.name.range.begin), space(), tokens_.tok("{", open - 1)}));
  }
  std::vector<Row> rs;
  for (const auto& f : d.fields) {
    Row r;
    r.begin = f.range.begin;
    r.end = f.range.end;
    r.category = 1;
    Tokens::Window w(tokens_, r.begin, tokens_.content_end(r.end));
    // Columns: name, type (with `key` and its default), `from`.
    Doc name = hang(tokens_.tok(f.name.name, f.name.range.begin),
                    {tokens_.tok(":", tokens_.find(f.name.range.end, ":", ""))});
    uint32_t end = f.type ? f.type->range.end : f.name.range.end;
    std::vector<Doc> type{f.type ? expr_.type_doc(*f.type) : text("?")};
    if (f.key) {
      type.insert(type.end(), {space(), tokens_.tok("key", f.key->range.begin)});
      end = f.key->range.end;
    }
    if (f.default_value) {
      type.insert(type.end(), {space(), tokens_.tok("=", tokens_.find(end, "=", "")), space(),
                               expr_.print(*f.default_value)});
      end = f.default_value->range.end;
    }
    r.cells = {name, concat(std::move(type))};
    if (f.from) r.cells.push_back(concat({kw("from", end), space(), expr_.label(*f.from)}));
    std::vector<Doc> rest;
    for (size_t k = 1; k < r.cells.size(); ++k) rest.insert(rest.end(), {space(), r.cells[k]});
    r.doc = concat({name, nest(kIndent, concat(std::move(rest)))});
    rs.push_back(std::move(r));
  }
  block(rs, open, d.range.end);
}

void ModuleFormatter::def_decl(const ast::DefDecl& d) {
  Tokens::Window w(tokens_, d.range.begin, tokens_.content_end(d.range.end));
  uint32_t lparen = tokens_.find(d.name.range.end, "(", "");
  std::vector<Doc> params;
  uint32_t end = lparen == kNoPos ? d.name.range.end : lparen + 1;
  for (size_t i = 0; i < d.params.size(); ++i) {
    const auto& p = d.params[i];
    params.push_back(hang(tokens_.tok(p.name.name, p.name.range.begin),
                          {tokens_.tok(":", tokens_.find(p.name.range.end, ":", "")), space(),
                           p.type ? expr_.type_doc(*p.type) : text("?")}));
    end = p.range.end;
    if (i + 1 < d.params.size()) {
      params.push_back(tokens_.tok(",", tokens_.find(end, ",", "")));
      params.push_back(line());
    }
  }
  uint32_t rparen = tokens_.find(end, ")", ",");
  Doc list = params.empty() ? text("") : concat({nest(kIndent, concat({softline(), concat(std::move(params))})), softline()});
  uint32_t colon = tokens_.find(rparen == kNoPos ? end : rparen + 1, ":", "");
  uint32_t after_result = d.result ? d.result->range.end : colon;
  Doc body = d.body ? expr_.print(*d.body) : text("?");
  // def name(params): type = body, each part indented on its continuation lines.
  write_doc(concat({hang(tokens_.tok("def", d.range.begin), {space(), tokens_.tok(d.name.name, d.name.range.begin)}),
                    nest(kIndent, tokens_.tok("(", lparen)), hard_group(concat({list, tokens_.tok(")", rparen)})),
                    nest(kIndent, concat({tokens_.tok(":", colon), space(),
                                          d.result ? expr_.type_doc(*d.result) : text("?"), space(),
                                          tokens_.tok("=", tokens_.find(after_result, "=", ""))})),
                    block_group(nest(kIndent, concat({line(), body})))}));
}

}  // namespace icp::formatter
