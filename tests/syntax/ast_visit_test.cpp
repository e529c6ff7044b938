// The one child visitor of the AST (compiler/syntax/ast_visit.h) reaches
// every child. Over every .icp file of the repository (examples, the
// standard library, the test folders) plus a file written to use every node
// kind:
//  - every node the parser made (every NodeId it handed out) is reached
//    exactly once, through the const and the mutable visitor alike;
//  - every name token is reached as an Ident, and every literal token
//    (number, date, duration, string, true/false) as a literal expression or
//    a Label, so no slot is skipped and no string is left without a role;
//  - every expression, item, declaration and expect kind is reached.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "diag/diagnostic.h"
#include "syntax/ast_visit.h"
#include "syntax/parser.h"
#include "syntax/tokens.h"

namespace {

namespace ast = icp::ast;
namespace fs = std::filesystem;

// Every kind of each enum, by an exhaustive switch: a new kind is a -Wswitch
// error here until it is named (and then must be reached below).
const char* name(ast::ExprKind k) {
  using K = ast::ExprKind;
  switch (k) {
    case K::IntLit: return "IntLit";
    case K::FloatLit: return "FloatLit";
    case K::StringLit: return "StringLit";
    case K::BoolLit: return "BoolLit";
    case K::DateLit: return "DateLit";
    case K::DurationLit: return "DurationLit";
    case K::MissingLit: return "MissingLit";
    case K::Name: return "Name";
    case K::Qualified: return "Qualified";
    case K::Special: return "Special";
    case K::Call: return "Call";
    case K::Unary: return "Unary";
    case K::Binary: return "Binary";
    case K::In: return "In";
    case K::Between: return "Between";
    case K::Has: return "Has";
    case K::Matches: return "Matches";
    case K::Within: return "Within";
    case K::IsMissing: return "IsMissing";
    case K::If: return "If";
    case K::SetLit: return "SetLit";
    case K::Error: return "Error";
  }
  return nullptr;
}
const char* name(ast::ItemKind k) {
  using K = ast::ItemKind;
  switch (k) {
    case K::Let: return "Let";
    case K::Exclude: return "Exclude";
    case K::Signal: return "Signal";
    case K::Trigger: return "Trigger";
    case K::Tier: return "Tier";
    case K::Group: return "Group";
  }
  return nullptr;
}
const char* name(ast::DeclKind k) {
  using K = ast::DeclKind;
  switch (k) {
    case K::Import: return "Import";
    case K::Enum: return "Enum";
    case K::Schema: return "Schema";
    case K::Const: return "Const";
    case K::Def: return "Def";
    case K::Profile: return "Profile";
    case K::Test: return "Test";
  }
  return nullptr;
}
const char* name(ast::ExpectKind k) {
  using K = ast::ExpectKind;
  switch (k) {
    case K::Tier: return "expect Tier";
    case K::Score: return "expect Score";
    case K::Confidence: return "expect Confidence";
    case K::Fired: return "expect Fired";
    case K::Points: return "expect Points";
    case K::Unknown: return "expect Unknown";
    case K::ExcludedBy: return "expect ExcludedBy";
    case K::Excluded: return "expect Excluded";
  }
  return nullptr;
}
const char* name(ast::NameRole r) {
  using R = ast::NameRole;
  switch (r) {
    case R::Reference: return "Reference";
    case R::EnumQualifier: return "EnumQualifier";
    case R::SchemaRef: return "SchemaRef";
    case R::ProfileRef: return "ProfileRef";
    case R::Declaration: return "Declaration";
    case R::GivenField: return "GivenField";
    case R::ExpectTier: return "ExpectTier";
    case R::RuleLabel: return "RuleLabel";
    case R::ExpectLabel: return "ExpectLabel";
    case R::ImportPath: return "ImportPath";
    case R::TestLabel: return "TestLabel";
    case R::EnumAlias: return "EnumAlias";
    case R::ColumnName: return "ColumnName";
    case R::KeyMark: return "KeyMark";
  }
  return nullptr;
}
// The names of every value of E (the enums are uint8_t).
template <typename E> std::set<std::string> all_kinds() {
  std::set<std::string> out;
  for (int i = 0; i < 256; ++i)
    if (const char* n = name(static_cast<E>(i))) out.insert(n);
  return out;
}

// What one walk of a module reached.
struct Reached {
  std::map<ast::NodeId, int> nodes;    // times each node was entered
  std::set<std::string> kinds;         // kind names of exprs, items, decls, expects, roles
  std::set<uint32_t> ident_begins;     // byte offsets of reached names
  std::vector<std::pair<uint32_t, uint32_t>> literals;  // ranges of literal exprs and labels
};

// Walks the whole tree through visit_children, recursing by hand; M is
// `ast::Module` or `const ast::Module`.
template <bool Const>
struct Collector : ast::ChildVisitor {
  template <typename T> using C = std::conditional_t<Const, const T, T>;
  Reached& r;
  explicit Collector(Reached& r) : r(r) {}

  template <typename N> void enter(N& n) {
    ++r.nodes[n.id];
    ast::visit_children(n, *this);
  }
  void decl(C<ast::Decl>& d) {
    r.kinds.insert(name(d.kind));
    enter(d);
  }
  void item(C<ast::Item>& i) {
    r.kinds.insert(name(i.kind));
    enter(i);
  }
  void expr(C<ast::ExprPtr>& slot) {
    const ast::Expr& e = *slot;
    r.kinds.insert(name(e.kind));
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::IntLit: case K::FloatLit: case K::StringLit: case K::BoolLit: case K::DateLit:
      case K::DurationLit:
        r.literals.push_back({e.range.begin, e.range.end});
        break;
      case K::MissingLit: case K::Name: case K::Qualified: case K::Special: case K::Call:
      case K::Unary: case K::Binary: case K::In: case K::Between: case K::Has: case K::Matches:
      case K::Within: case K::IsMissing: case K::If: case K::SetLit: case K::Error:
        break;
    }
    enter(*slot);
  }
  void type(C<ast::TypeRef>& t) { enter(t); }
  void member(C<ast::EnumMember>& m) { enter(m); }
  void field(C<ast::SchemaField>& f) { enter(f); }
  void param(C<ast::Param>& p) { enter(p); }
  void given(C<ast::GivenField>& g) { enter(g); }
  void expect(C<ast::Expect>& x) {
    r.kinds.insert(name(x.kind));
    enter(x);
  }
  void ident(C<ast::Ident>& i, ast::NameRole role) {
    EXPECT_FALSE(i.empty());
    r.kinds.insert(name(role));
    r.ident_begins.insert(i.range.begin);
  }
  void label(C<ast::Label>& l, ast::NameRole role) {
    r.kinds.insert(name(role));
    r.literals.push_back({l.range.begin, l.range.end});
  }
};

template <bool Const> Reached walk(std::conditional_t<Const, const ast::Module, ast::Module>& m) {
  Reached r;
  Collector<Const> c(r);
  ast::visit_children(m, c);
  return r;
}

// Byte offset of each code point of a UTF-8 text (and of its end).
std::vector<uint32_t> code_point_offsets(const std::string& text) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

std::string fmt_line(const icp::syntax::TokenRecord& t) {
  return std::to_string(t.line) + ":" + std::to_string(t.column + 1);
}

// Checks one file; adds what it reached to `kinds`. Whether it parsed
// without an error (so that every check applied).
bool check_file(const std::string& path, const std::string& text, std::set<std::string>& kinds) {
  SCOPED_TRACE(path);
  icp::SourceFile file(0, path, text);
  icp::DiagnosticEngine diags;
  ast::NodeIdAllocator ids;
  auto module = icp::parse_module(file, ids, diags);
  if (!module) {
    ADD_FAILURE() << "no module";
    return false;
  }
  Reached c = walk<true>(static_cast<const ast::Module&>(*module));
  Reached m = walk<false>(*module);
  EXPECT_EQ(c.nodes, m.nodes) << "the const and the mutable visitor differ";
  EXPECT_EQ(c.ident_begins, m.ident_begins);
  kinds.insert(c.kinds.begin(), c.kinds.end());
  for (const auto& [id, times] : c.nodes) EXPECT_EQ(times, 1) << "node " << id << " reached " << times << " times";
  if (diags.has_errors()) return false;  // recovery may drop what it made; the rest needs a clean parse

  // Every node the parser made is reached.
  for (ast::NodeId id = 0; id < ids.count(); ++id) EXPECT_TRUE(c.nodes.count(id)) << "node " << id << " not reached";

  // Every name and literal token is reached.
  std::vector<uint32_t> at = code_point_offsets(text);
  for (const auto& t : icp::syntax::tokenize(text, icp::syntax::LexerKind::Scanner)) {
    if (t.channel != 0 || t.type == static_cast<size_t>(-1)) continue;
    uint32_t begin = at[t.start];
    std::string type = icp::syntax::token_type_name(t.type);
    auto where = [&] { return fmt_line(t); };
    if (type == "IDENT") {
      EXPECT_TRUE(c.ident_begins.count(begin)) << "name `" << t.text << "` at " << where() << " not reached";
      continue;
    }
    auto cls = icp::syntax::token_class(t.type);
    if (cls == icp::syntax::TokenClass::Number || cls == icp::syntax::TokenClass::String || type == "K_TRUE" ||
        type == "K_FALSE") {
      bool found = false;
      for (const auto& [b, e] : c.literals) found |= b <= begin && begin < e;
      EXPECT_TRUE(found) << "literal " << t.text << " at " << where() << " not reached";
    }
  }
  return true;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every kind in one file, including the parts that are optional.
const char* kEveryKind = R"(/// Doc.
import "std/firmo"

enum Size { small("S", "Small"), medium default, large }

schema Account {
  employees: int? = 0 from "Employees"
  revenue: float?
  name: string
  tags: set<string>
  founded: date?
  size: Size?
  active: bool = true
  age: duration?
}

const LIMIT = 1_000
const WINDOW = 90d

def band(n: int): Size = if n < LIMIT then Size.small else large

profile Main on Account {
  let big = employees >= LIMIT and not (revenue ?? 0.0) < 1.5M
  exclude "Tiny" when employees between 0 and 2 or name matches r"^x"
  signal "Tagged" when tags has any {"a", "b"} and "a" in tags => 10
  signal "Sized" when size not in {small} and -employees < 0 => +5
  trigger "New" on founded within WINDOW when founded is present => 3 halflife 30d
  tier top when score >= 10 and confidence > 50%
  group "G" cap 20 {
    let soft = lower(name) == "acme" and founded > 2020-01-01 and as_of > 2021-02-03
    signal "Soft" when soft and employees is missing => 1
  }
  tier low when band(employees ?? 0) == medium
}

test "every expect" {
  profile Main
  as_of 2026-01-01
  given { employees: 5, name: "x", size: missing, tags: {"a"} }
  expect tier == top
  expect score >= 1
  expect confidence < 1.0
  expect fired "Tagged"
  expect points "Sized" == 5
  expect not unknown "New"
  expect not excluded_by "Tiny"
  expect not excluded
}
)";

TEST(AstVisit, ReachesEveryChildOfEveryKind) {
  std::set<std::string> kinds;
  EXPECT_TRUE(check_file("every_kind.icp", kEveryKind, kinds)) << "it must parse cleanly";
  // A recovered expression (ErrorExpr).
  EXPECT_FALSE(check_file("recovered.icp", "const A = 1 +\nprofile P on S { signal \"x\" when => 1 }\n", kinds));
  size_t files = 0, clean = 0;
  for (const char* dir : {"examples", "stdlib", "tests"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(ICP_SOURCE_DIR) / dir)) {
      if (!e.is_regular_file() || e.path().extension() != ".icp") continue;
      if (e.path().string().find("node_modules") != std::string::npos) continue;
      clean += check_file(e.path().string(), read(e.path()), kinds);
      ++files;
    }
  }
  EXPECT_GT(clean, 50u) << files << " files";
  std::set<std::string> want;
  for (const auto& s : {all_kinds<ast::ExprKind>(), all_kinds<ast::ItemKind>(), all_kinds<ast::DeclKind>(),
                        all_kinds<ast::ExpectKind>(), all_kinds<ast::NameRole>()})
    want.insert(s.begin(), s.end());
  for (const auto& k : want) EXPECT_TRUE(kinds.count(k)) << k << " never reached";
}

// The mutable visitor hands out the slots themselves: a rewrite through
// for_each_child_expr replaces children in place.
TEST(AstVisit, ForEachChildExprGivesReplaceableSlots) {
  icp::SourceFile file(0, "m.icp", "const A = (1 + 2) * f(3, 4)\n");
  icp::DiagnosticEngine diags;
  ast::NodeIdAllocator ids;
  auto m = icp::parse_module(file, ids, diags);
  ASSERT_FALSE(diags.has_errors());
  auto& value = m->decls[0]->as<ast::ConstDecl>()->value;
  std::function<void(ast::ExprPtr&)> zero = [&](ast::ExprPtr& e) {
    if (e->kind == ast::ExprKind::IntLit) e->as<ast::IntLit>()->value = 0;
    ast::for_each_child_expr(*e, zero);
  };
  zero(value);
  size_t ints = 0, zeros = 0;
  std::function<void(const ast::ExprPtr&)> count = [&](const ast::ExprPtr& e) {
    if (const auto* i = e->as<ast::IntLit>()) ++ints, zeros += i->value == 0;
    ast::for_each_child_expr(static_cast<const ast::Expr&>(*e), count);
  };
  count(value);
  EXPECT_EQ(ints, 4u);
  EXPECT_EQ(zeros, 4u);
}

}  // namespace
