// Formatting of tests: `profile`, `as_of`, `given { ... }` and expectations.
#include <algorithm>

#include "fmt/module_formatter.h"

namespace icp::formatter {

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

Doc ModuleFormatter::expect(const ast::Expect& e) {
  // The words of the expectation, each found after the one before.
  uint32_t cur = e.range.begin;
  auto k = [&](const char* word) {
    uint32_t p = tokens_.find(cur, word);
    if (p != kNoPos) cur = p + static_cast<uint32_t>(std::char_traits<char>::length(word));
    return tokens_.tok(word, p);
  };
  auto lab = [&] {
    cur = e.label.range.end;
    return expr_.label(e.label);
  };
  auto value = [&] { return e.value ? expr_.print(*e.value, 6) : text("?"); };
  Doc first = k("expect");
  std::vector<Doc> parts{space()};
  if (e.negated) parts.insert(parts.end(), {k("not"), space()});
  const char* op = cmp_op(e.op);
  switch (e.kind) {
    case ast::ExpectKind::Tier:
      parts.insert(parts.end(), {k("tier"), space(), k(op), space(), tokens_.tok(e.tier.name, e.tier.range.begin)});
      break;
    case ast::ExpectKind::Score: parts.insert(parts.end(), {k("score"), space(), k(op), space(), value()}); break;
    case ast::ExpectKind::Confidence:
      parts.insert(parts.end(), {k("confidence"), space(), k(op), space(), value()});
      break;
    case ast::ExpectKind::Fired: parts.insert(parts.end(), {k("fired"), space(), lab()}); break;
    case ast::ExpectKind::Points: {
      Doc kw_points = k("points");
      Doc l = lab();
      parts.insert(parts.end(), {kw_points, space(), l, space(), k(op), space(), value()});
      break;
    }
    case ast::ExpectKind::Unknown: parts.insert(parts.end(), {k("unknown"), space(), lab()}); break;
    case ast::ExpectKind::ExcludedBy: parts.insert(parts.end(), {k("excluded_by"), space(), lab()}); break;
    case ast::ExpectKind::Excluded: parts.push_back(k("excluded")); break;
  }
  return hang(first, std::move(parts));
}

void ModuleFormatter::given(const ast::TestDecl& d) {
  SourceRange gr = *d.given_range;
  uint32_t open = after_brace(gr.begin);
  Doc head;
  {
    Tokens::Window w(tokens_, gr.begin, open);
    head = hang(tokens_.tok("given", gr.begin), {space(), tokens_.tok("{", open - 1)});
  }
  std::vector<Doc> fields;
  for (const auto& g : d.given) {
    Tokens::Window w(tokens_, g.range.begin, tokens_.content_end(g.range.end));
    fields.push_back(hang(tokens_.tok(g.name.name, g.name.range.begin),
                          {tokens_.tok(":", tokens_.find(g.name.range.end, ":", "")), space(),
                           g.value ? expr_.print(*g.value) : text("?")}));
  }
  if (!comments_.any_within(gr.begin, gr.end)) {
    std::vector<Doc> parts{head};
    for (size_t i = 0; i < fields.size(); ++i) {
      parts.push_back(space());
      parts.push_back(fields[i]);
      if (i + 1 < fields.size()) parts.push_back(tokens_.tok(",", tokens_.find(d.given[i].range.end, ",", "")));
    }
    if (!fields.empty()) parts.push_back(space());
    parts.push_back(text("}"));
    Doc one = concat(std::move(parts));
    if (indent_ + count_code_points(render_flat(one)) <= static_cast<size_t>(kWidth)) {
      write_doc(one);
      return;
    }
  }
  write_doc(head);
  std::vector<Row> rs;
  for (size_t i = 0; i < d.given.size(); ++i) {
    Row r;
    r.begin = d.given[i].range.begin;
    r.end = d.given[i].range.end;
    r.doc = fields[i];
    if (i + 1 < d.given.size()) r.suffix = ",";
    rs.push_back(std::move(r));
  }
  block(rs, open, gr.end);
}

void ModuleFormatter::test_decl(const ast::TestDecl& d) {
  uint32_t open = after_brace(d.label.range.end);
  {
    Tokens::Window w(tokens_, d.range.begin, open);
    write_doc(hang(tokens_.tok("test", d.range.begin), {space(), expr_.label(d.label), space(),
                                                         tokens_.tok("{", open - 1)}));
  }
  std::vector<Row> rs;
  auto keyword_before = [&](uint32_t pos, const char* word) {
    uint32_t p = tokens_.find_back(pos, word);
    return p == kNoPos ? pos : p;
  };
  if (!d.profile.empty()) {
    Row r;
    const char* word = d.persona ? "persona" : "profile";
    r.begin = keyword_before(d.profile.range.begin, word);
    r.end = d.profile.range.end;
    Tokens::Window w(tokens_, r.begin, tokens_.content_end(r.end));
    r.doc = hang(tokens_.tok(word, r.begin), {space(), tokens_.tok(d.profile.name, d.profile.range.begin)});
    rs.push_back(std::move(r));
  }
  if (d.as_of) {
    Row r;
    r.begin = keyword_before(d.as_of->range.begin, "as_of");
    r.end = d.as_of->range.end;
    Tokens::Window w(tokens_, r.begin, tokens_.content_end(r.end));
    r.doc = hang(tokens_.tok("as_of", r.begin), {space(), expr_.print(*d.as_of)});
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
    Tokens::Window w(tokens_, r.begin, tokens_.content_end(r.end));
    r.doc = expect(e);
    rs.push_back(std::move(r));
  }
  std::stable_sort(rs.begin(), rs.end(), [](const Row& a, const Row& b) { return a.begin < b.begin; });
  block(rs, open, d.range.end);
}

}  // namespace icp::formatter
