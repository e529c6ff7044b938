// Unit tests of the checker's API (the goldens in this folder pin its
// diagnostics): the side tables the language server reads, resolution across
// files and declaration order, one diagnostic per root cause, constant
// folding, "did you mean", and where the standard library is found.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "sema/fold.h"
#include "sema/import_rule.h"
#include "sema/program.h"
#include "sema/suggest.h"
#include "source/deep_stack.h"

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

// The one kind no golden file can produce (tests/golden/kinds_outside_goldens.txt).
TEST(Errors, AnUnreadableMainFileIsFileNotReadable) {
  CompileOptions opts;
  opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  auto p = compile_file("/nonexistent-icp-dir/model.icp", opts);
  ASSERT_EQ(p->diags.diagnostics().size(), 1u);
  const Diagnostic& d = p->diags.diagnostics()[0];
  EXPECT_EQ(d.kind, DiagKind::FileNotReadable);
  EXPECT_EQ(d.code, "E0104");
  EXPECT_EQ(d.message, "cannot read '/nonexistent-icp-dir/model.icp': no such file");
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
  ASSERT_EQ(codes(*p), "W0005");  // C is always unknown, and says so
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
  ASSERT_EQ(codes(*p), "W0005");  // for BIG
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

TEST(Suggest, LongerNamesAndOneLetterNames) {
  std::vector<std::string> stages{"series_a", "series_b", "series_d_plus"};
  EXPECT_EQ(closest_name("series_d", stages), "series_d_plus");  // the name with words after it
  EXPECT_EQ(closest_name("series_c", stages), "series_a");       // else the closest typo
  EXPECT_EQ(closest_name("k", {"a", "kk"}), std::nullopt);       // one letter: no guess
  EXPECT_EQ(closest_name("K", {"a", "k"}), "k");                 // but its case
}

// The note and fix of the first diagnostic of a program.
std::string first_note(const Program& p) {
  const auto& d = p.diags.diagnostics();
  if (d.empty() || d[0].notes.empty()) return "";
  return d[0].notes[0].message + (d[0].fixes.empty() ? "" : " | fix: " + d[0].fixes[0].replacement);
}

TEST(Suggest, UnknownMemberSuggestsTheMemberAnAliasNames) {
  auto p = compile(R"(
import "std/geo"
schema A { country: Country? }
profile P on A { signal "s" when country == USA => 1 }
)");
  EXPECT_EQ(codes(*p), "E0102");
  EXPECT_EQ(first_note(*p),
            "did you mean 'US'? (\"USA\" is an alias of 'US': aliases are for reading input data, code names "
            "the member) | fix: US");
}

TEST(Suggest, ALetThatIsNotVisibleIsNamedAsSuch) {
  auto p = compile(R"(
schema A { a: int }
profile P on A {
  signal "s" when later > 1 => 1
  let later = a + 1
  group "g" { let inner = a > 2 }
  tier top when inner
}
)");
  EXPECT_EQ(codes(*p), "E0101 E0101");  // and no W0001 for either let: they were meant
  const auto& d = p->diags.diagnostics();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].message, "unknown name 'later'");
  EXPECT_NE(d[0].notes.at(0).message.find("declared here, after this use"), std::string::npos);
  EXPECT_NE(d[1].notes.at(0).message.find("a let of group \"g\""), std::string::npos);
}

TEST(Suggest, AMisspeltUseOfAConstCountsAsAUse) {
  auto p = compile(R"(
const CORE_TECH = {"k8s"}
schema A { tech: set<string> }
profile P on A {
  signal "s" when tech has any CORE_TEH => 1
  tier top when scor > 1
}
)");
  EXPECT_EQ(codes(*p), "E0101 E0101");  // no W0001 for CORE_TECH
  EXPECT_EQ(first_note(*p), "did you mean 'CORE_TECH'? | fix: CORE_TECH");
  EXPECT_EQ(p->diags.diagnostics().at(1).fixes.at(0).replacement, "score");
}

TEST(Suggest, AMissingImportSuggestsAModuleThatExists) {
  auto p = compile("import \"std/firmoo\"\nschema A { i: Industry? }\n");
  EXPECT_EQ(codes(*p), "E0104");  // and not E0105 for Industry, which it may declare
  const auto& d = p->diags.diagnostics().at(0);
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.notes[1].message, "did you mean \"std/firmo\"?");
  EXPECT_EQ(d.fixes.at(0).replacement, "\"std/firmo\"");
}

TEST(Suggest, ANameDeclaredInAFileNotImportedSaysWhere) {
  CompileOptions opts;
  opts.overlays = {{"/virtual/lib.icp", "import \"./common.icp\"\nconst X = 1\n"},
                   {"/virtual/common.icp", "const CORE = {\"k8s\"}\n"}};
  auto p = compile(R"(
import "./lib.icp"
schema S { tech: set<string>, c: Country? }
profile P on S { signal "a" when tech has any CORE => X }
)",
                   opts);
  EXPECT_EQ(codes(*p), "E0105 E0101");
  const auto& d = p->diags.diagnostics();
  EXPECT_EQ(d[0].notes.at(0).message,
            "'Country' is declared in std/geo: add `import \"std/geo\"`");
  EXPECT_EQ(d[1].message, "unknown name 'CORE'");  // not "unknown field": it is a const elsewhere
  EXPECT_EQ(d[1].notes.at(0).message,
            "'CORE' is declared in '/virtual/common.icp', which this file does not import (imports are not "
            "re-exported)");
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

// Chains of declarations each referring to the next are checked
// recursively, on the compiler's own deep stack (source/deep_stack.h). One
// longer than that stack holds is E0003 at the def or const where checking
// stopped, never a crash. Made small here (4 MiB) to get there quickly.
TEST(Sema, ChainsLongerThanTheStackAreE0003NotACrash) {
  auto chain = [](const char* fmt_def, const char* fmt_first, int n) {
    std::string text = "schema S { x: int }\n";
    char buf[128];
    for (int i = n - 1; i > 0; --i) {  // each uses one declared after it
      std::snprintf(buf, sizeof buf, fmt_def, i, i - 1);
      text += buf;
    }
    text += fmt_first;
    return text;
  };
  set_deep_stack_bytes(4 << 20);
  auto defs = compile(chain("def d%d(x: int): int = d%d(x) + 1\n", "def d0(x: int): int = x\n", 200000));
  auto consts = compile(chain("const C%d = C%d + 1\n", "const C0 = 1\n", 200000));
  set_deep_stack_bytes(0);
  EXPECT_NE(codes(*defs).find("E0003"), std::string::npos) << codes(*defs).substr(0, 200);
  EXPECT_NE(codes(*consts).find("E0003"), std::string::npos) << codes(*consts).substr(0, 200);
  // The default deep stack holds a chain of 20,000 with room to spare.
  auto ok = compile(chain("def d%d(x: int): int = d%d(x) + 1\n", "def d0(x: int): int = x\n", 20000));
  EXPECT_EQ(codes(*ok).find("E0"), std::string::npos) << codes(*ok).substr(0, 200);
}

// The messages of the diagnostics of `p`, in order.
std::vector<std::string> messages(const Program& p) {
  std::vector<std::string> out;
  for (const auto& d : p.diags.sorted()) out.push_back(d.message);
  return out;
}

TEST(ImportRule, OverlaysAreConfinedAndLimitedLikeFiles) {
  // The language server's open documents are imported under the same rule:
  // inside the root, and at most 8 MiB.
  CompileOptions opts;
  opts.overlays = {{"/virtual/root/small.icp", "const S = 1\n"},
                   {"/virtual/root/big.icp", std::string(kMaxImportBytes + 1, ' ')},
                   {"/virtual/root/edge.icp", std::string(kMaxImportBytes, '\n')},
                   {"/virtual/outside.icp", "const O = 1\n"}};
  auto p = compile_source("import \"./small.icp\"\nimport \"./big.icp\"\nimport \"./edge.icp\"\n"
                          "import \"../outside.icp\"\nconst X = S\n",
                          "/virtual/root/main.icp", opts);
  EXPECT_EQ(messages(*p), (std::vector<std::string>{
                              "import './big.icp' is larger than 8 MiB, the limit for an imported file",
                              "import '../outside.icp' leaves the import root"}));
  EXPECT_EQ(p->import_root, std::optional<std::string>("/virtual/root"));
}

TEST(ImportRule, RootOptionAndSourceWithoutRoot) {
  CompileOptions opts;
  opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  opts.overlays = {{"/virtual/root/lib.icp", "const L = 1\n"}, {"/virtual/shared.icp", "const H = 1\n"}};
  const std::string text = "import \"./lib.icp\"\nimport \"../shared.icp\"\nconst X = L + H\n";
  auto p = compile_source(text, "/virtual/root/main.icp", opts);
  EXPECT_EQ(messages(*p), (std::vector<std::string>{"import '../shared.icp' leaves the import root"}));
  opts.import_root = "/virtual";  // wider: both are in
  EXPECT_EQ(messages(*compile_source(text, "/virtual/root/main.icp", opts)), std::vector<std::string>{});
  opts.import_root.clear();
  opts.no_import_root = true;  // from memory without a root: neither, std/ still
  p = compile_source("import \"std/geo\"\n" + text, "/virtual/root/main.icp", opts);
  EXPECT_EQ(messages(*p),
            (std::vector<std::string>{
                "import './lib.icp' cannot be read: source compiled from memory has no import root",
                "import '../shared.icp' cannot be read: source compiled from memory has no import root"}));
  EXPECT_FALSE(p->import_root);
}

TEST(ImportRule, InsideRoot) {
  EXPECT_TRUE(inside_root("/a/b/c.icp", "/a/b"));
  EXPECT_TRUE(inside_root("/a/b/c/d.icp", "/a/b/"));
  EXPECT_FALSE(inside_root("/a/bc/d.icp", "/a/b"));  // a prefix of the name is not a folder
  EXPECT_FALSE(inside_root("/a/b", "/a/b"));          // the root itself is not a file in it
  EXPECT_FALSE(inside_root("/a/x.icp", "/a/b"));
  EXPECT_TRUE(inside_root("/x.icp", "/"));
}

}  // namespace
}  // namespace icp::sema
