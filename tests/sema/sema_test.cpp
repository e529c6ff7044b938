// Unit tests of the checker's API (the goldens in this folder pin its
// diagnostics): the side tables the language server reads, resolution across
// files and declaration order, one diagnostic per root cause, constant
// folding, "did you mean", and where the standard library is found.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "sema/fold.h"
#include "sema/program.h"
#include "sema/suggest.h"

namespace icp::sema {
namespace {

std::unique_ptr<Program> compile(const std::string& text, CompileOptions opts = {}) {
  if (opts.stdlib_dir.empty()) opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  return compile_source(text, "/virtual/model.icp", opts);
}

std::string codes(const Program& p) {
  std::string out;
  for (const auto& d : p.diags.diagnostics()) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

const ast::ProfileDecl& profile(const Program& p, size_t decl_index) {
  return static_cast<const ast::ProfileDecl&>(*p.main_module()->decls.at(decl_index));
}

const ast::SignalItem& signal(const ast::ProfileDecl& pd, size_t item) {
  return static_cast<const ast::SignalItem&>(*pd.items.at(item));
}

constexpr const char* kModel = R"(
enum Industry { software ("SaaS"), retail, other default }
schema Account {
  name: string
  employees: int?
  industry: Industry?
  tech: set<string>
}
profile Fit on Account {
  let big = employees ?? 0 >= LIMIT
  signal "Software" when industry in {software} => 10
  signal "Big" when big => employees ?? 0 / 100
}
const LIMIT = 2 * 250
)";

TEST(SideTables, TypesOfExpressionsAreKeptByNodeId) {
  auto p = compile(kModel);
  ASSERT_EQ(codes(*p), "");
  const auto& fit = profile(*p, 2);
  const auto& software = signal(fit, 1);
  EXPECT_EQ(p->model.type_of(software.cond->id).kind, TypeKind::Bool);
  EXPECT_EQ(p->model.type_name(p->model.type_of(software.points->id)), "int");
  const auto& big = signal(fit, 2);
  // `employees ?? 0 / 100`: `/` binds tighter (and divides as floats); `??`
  // removes the `?`.
  EXPECT_EQ(p->model.type_name(p->model.type_of(big.points->id)), "float");
  const auto& coalesce = static_cast<const ast::BinaryExpr&>(*big.points);
  EXPECT_EQ(p->model.type_name(p->model.type_of(coalesce.lhs->id)), "int?");
  const auto& let = static_cast<const ast::LetItem&>(*fit.items.at(0));
  EXPECT_EQ(p->model.type_of(let.value->id).kind, TypeKind::Bool);
}

TEST(SideTables, NamesResolveToTheirDeclarations) {
  auto p = compile(kModel);
  const auto& fit = profile(*p, 2);
  const auto& in = static_cast<const ast::InExpr&>(*signal(fit, 1).cond);
  Ref field = p->model.ref_of(in.value->id);
  EXPECT_EQ(field.kind, RefKind::Field);
  EXPECT_EQ(field.index, 2u);  // industry is the schema's third field
  const auto& set = static_cast<const ast::SetLit&>(*in.set);
  Ref member = p->model.ref_of(set.elements.at(0)->id);
  EXPECT_EQ(member.kind, RefKind::EnumMember);  // unqualified `software`, from the expected type
  EXPECT_EQ(p->model.enum_info(member.enum_id).name, "Industry");
  EXPECT_EQ(member.index, 0u);
  Ref let = p->model.ref_of(signal(fit, 2).cond->id);
  EXPECT_EQ(let.kind, RefKind::Let);
  EXPECT_EQ(let.decl, fit.items.at(0).get());
}

TEST(SideTables, DeclarationsAreUsableBeforeTheyAppear) {
  auto p = compile(kModel);
  ASSERT_EQ(codes(*p), "");
  const ConstInfo* limit = p->model.find_const("LIMIT");
  ASSERT_NE(limit, nullptr);
  ASSERT_TRUE(limit->value.has_value());
  EXPECT_EQ(std::get<int64_t>(*limit->value), 500);
  EXPECT_EQ(p->model.find_profile("Fit")->schema, 0);
}

TEST(Errors, OneRootCauseGivesOneDiagnostic) {
  // An unknown field used in arithmetic, a comparison and a condition: the
  // error type absorbs everything downstream.
  auto p = compile(R"(
schema A { n: int }
profile P on A {
  signal "x" when (nn + 1) * 2 > 3 and nn < 4 => nn * 2
}
)");
  EXPECT_EQ(codes(*p), "E0101 E0101 E0101");  // one per use of the name, nothing else
  for (const auto& d : p->diags.diagnostics()) {
    ASSERT_EQ(d.fixes.size(), 1u) << d.message;
    EXPECT_EQ(d.fixes[0].replacement, "n");  // did you mean `n`
  }
}

TEST(Errors, OneBadFieldKeepsTheFieldsAfterIt) {
  // A type with a parameter other than set's, and a default that is not a
  // literal: one diagnostic each, and the later fields are declared.
  auto p = compile(R"(
schema A {
  h: Set<string>
  i: list<string>
  j: int = 1 + 2
  k: int
}
profile P on A {
  signal "x" when j > 1 and k > 1 => 1
}
)");
  ASSERT_EQ(codes(*p), "E0001 E0105 E0105");
  const auto& ds = p->diags.diagnostics();
  EXPECT_EQ(ds[0].message.rfind("a default must be a literal", 0), 0u) << ds[0].message;
  EXPECT_EQ(ds[1].message, "unknown type 'Set'");
  ASSERT_EQ(ds[1].notes.size(), 1u);
  EXPECT_EQ(ds[1].notes[0].message, "did you mean 'set'?");
  ASSERT_EQ(ds[1].fixes.size(), 1u);
  EXPECT_EQ(ds[1].fixes[0].replacement, "set");
  EXPECT_EQ(ds[2].message, "unknown type 'list'");
  ASSERT_EQ(ds[2].notes.size(), 1u);
  EXPECT_EQ(ds[2].notes[0].message, "the only type with a parameter is `set<string>`");
}

TEST(Imports, OverlaysAndImportTargets) {
  CompileOptions opts;
  opts.overlays.push_back({"/virtual/shared.icp", "enum Tier { gold, silver }\n"});
  auto p = compile(R"(import "./shared.icp"
schema A { t: Tier? }
profile P on A { signal "gold" when t == gold => 1 }
)", opts);
  ASSERT_EQ(codes(*p), "");
  const auto& imp = *p->main_module()->decls.at(0);
  FileId target = p->model.import_target(imp.id);
  ASSERT_NE(target, kNoFile);
  EXPECT_EQ(p->sources.file(target).path(), "/virtual/shared.icp");
  ASSERT_NE(p->model.find_enum("Tier"), nullptr);
}

TEST(Imports, TheStandardLibraryComesFromTheGivenFolder) {
  auto p = compile("import \"std/geo\"\nschema A { c: Country? }\n");
  EXPECT_EQ(codes(*p), "");
  CompileOptions nowhere;
  nowhere.stdlib_dir = "/nonexistent";
  auto q = compile("import \"std/geo\"\n", nowhere);
  EXPECT_EQ(codes(*q), "E0104");
}

TEST(Imports, DefaultStdlibDirHonoursTheEnvironment) {
  ::setenv("ICP_STDLIB", "/some/where", 1);
  EXPECT_EQ(default_stdlib_dir(), "/some/where");
  ::unsetenv("ICP_STDLIB");
  EXPECT_NE(default_stdlib_dir(), "/some/where");
}

TEST(Fold, ConstantsFollowTheEvaluationRules) {
  auto p = compile(R"(
const A = 2 + 3 * 4
const B = 7 / 2
const C = 1 / 0
const D = 10% + 0.5
const E = {"b", "a", "b"}
)");
  ASSERT_EQ(codes(*p), "");
  auto value = [&](const char* n) { return *p->model.find_const(n)->value; };
  EXPECT_EQ(std::get<int64_t>(value("A")), 14);
  EXPECT_EQ(value("B").index(), ConstValue(3.5).index());  // `/` is float division
  EXPECT_DOUBLE_EQ(std::get<double>(value("B")), 3.5);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(value("C")));  // unknown, not a crash
  EXPECT_DOUBLE_EQ(std::get<double>(value("D")), 0.6);
  EXPECT_EQ(std::get<StringSetValue>(value("E")), (StringSetValue{"a", "b"}));  // sorted, unique
}

TEST(Fold, IntegerOverflowFoldsToUnknownAsAtRunTime) {
  auto p = compile("const BIG = 9223372036854775807 + 1\nconst OK = 9223372036854775806 + 1\n");
  ASSERT_EQ(codes(*p), "");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(*p->model.find_const("BIG")->value));
  EXPECT_EQ(std::get<int64_t>(*p->model.find_const("OK")->value), 9223372036854775807);
}

TEST(Suggest, EditDistanceCountsATranspositionAsOneEdit) {
  EXPECT_EQ(edit_distance("employees", "employees"), 0u);
  EXPECT_EQ(edit_distance("employees", "emplyoees"), 1u);
  EXPECT_EQ(edit_distance("employees", "employes"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(Suggest, ClosestNameOnlyWhenLikelyATypo) {
  std::vector<std::string> names{"employees", "industry", "revenue"};
  EXPECT_EQ(closest_name("employes", names), "employees");
  EXPECT_EQ(closest_name("INDUSTRY", names), "industry");  // case alone always qualifies
  EXPECT_EQ(closest_name("x", names), std::nullopt);
  EXPECT_EQ(closest_name("revenue_usd_total", names), std::nullopt);
}

TEST(Tests, GivenValuesAreFoldedAndKeyedByField) {
  auto p = compile(R"(
schema A { name: string, n: int? }
profile P on A { signal "n" when n > 1 => 1 }
test "t" {
  profile P
  given { name: "Acme", n: 5 }
  expect fired "n"
}
)");
  ASSERT_EQ(codes(*p), "");
  ASSERT_EQ(p->model.tests.size(), 1u);
  const TestInfo& t = p->model.tests[0];
  EXPECT_EQ(t.profile, 0);
  ASSERT_EQ(t.given.size(), 2u);
  EXPECT_EQ(t.given[0].field, 0);
  EXPECT_EQ(std::get<std::string>(t.given[0].value), "Acme");
  EXPECT_EQ(t.given[1].field, 1);
  EXPECT_EQ(std::get<int64_t>(t.given[1].value), 5);
}

}  // namespace
}  // namespace icp::sema
