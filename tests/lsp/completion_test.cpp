// Unit tests of completion (compiler/ide/completion.h): what is offered by
// context, and only what the main file can see. A `^` in a text marks the
// cursor (tests/lsp/annotations.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "annotations.h"
#include "ide/completion.h"
#include "sema/program.h"

namespace {

using icp::ide::Completion;
using icp::ide::CompletionKind;

// main.icp imports ./lib.icp, which imports std/geo (not re-exported).
const char* kLib = "import \"std/geo\"\n\n/// From the library.\nconst LIBC = 1\n";

const char* kMain = R"(import "./lib.icp"
import "std/firmo"

schema Account {
  employees: int?
  industry: Industry?
  size: Size?
}

enum Size { small, medium, large }

def band(n: int): Size = if n < 100 then small else large

profile Main on Account {
  let big = employees >= 1000
  signal "Big" when big => 10
  exclude "Tiny" when employees < 2
  group "G" cap 5 {
    let soft = industry == information
    trigger "T" on 2026-01-01 within 30d => 3
  }
  tier top when score >= 10
  tier mid when score >= 5
}
)";

struct Result {
  std::vector<Completion> items;
  uint32_t cursor = 0;
  std::vector<std::string> labels() const {
    std::vector<std::string> out;
    for (const auto& c : items) out.push_back(c.label);
    return out;
  }
  bool has(const std::string& label) const {
    for (const auto& c : items)
      if (c.label == label) return true;
    return false;
  }
  const Completion* find(const std::string& label) const {
    for (const auto& c : items)
      if (c.label == label) return &c;
    return nullptr;
  }
};

// Completes at the `^` of `text` (as /tmp/icp_completion_test/main.icp with
// lib.icp beside it in memory).
Result complete_at(const std::string& annotated, const std::string& dir = "/tmp/icp_completion_test") {
  icp::test::Annotations a(annotated);
  const std::string& text = a.code();
  uint32_t at = a.point();
  icp::sema::CompileOptions opts;
  opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  opts.overlays.emplace_back(dir + "/lib.icp", kLib);
  auto p = icp::sema::compile_source(text, dir + "/main.icp", opts);
  return {icp::ide::complete(*p, at, ICP_TEST_STDLIB_DIR), at};
}

// kMain with `^`-marked `insert` put in place of `anchor`.
std::string edit(const std::string& anchor, const std::string& insert) {
  std::string t = kMain;
  size_t at = t.find(anchor);
  EXPECT_NE(at, std::string::npos) << anchor;
  return t.replace(at, anchor.size(), insert);
}

using Labels = std::vector<std::string>;

TEST(Completion, OnlyNamesTheFileDeclaresOrImportsDirectly) {
  // lib.icp imports std/geo; main.icp does not: region/Region/Country are not in scope.
  Result r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when reg^"));
  EXPECT_FALSE(r.has("region")) << testing::PrintToString(r.labels());
  EXPECT_FALSE(r.has("Region"));
  r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when ^"));
  EXPECT_TRUE(r.has("LIBC"));  // declared by the directly imported file
  EXPECT_TRUE(r.has("Industry"));  // std/firmo is imported directly
  EXPECT_FALSE(r.has("Country"));
  r = complete_at(edit("size: Size?", "size: ^"));
  EXPECT_TRUE(r.has("Size"));
  EXPECT_TRUE(r.has("int"));
  EXPECT_FALSE(r.has("Country")) << testing::PrintToString(r.labels());
  r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when Country.^"));
  EXPECT_TRUE(r.items.empty()) << testing::PrintToString(r.labels());
}

TEST(Completion, TopLevelOffersDeclarationKeywords) {
  Labels decls = {"import", "enum", "schema", "const", "def", "profile", "persona", "test"};
  EXPECT_EQ(complete_at(edit("enum Size", "^\nenum Size")).labels(), decls);
  EXPECT_EQ(complete_at(std::string("^") + kMain).labels(), decls);
  // After the last profile's `}`: not its schema's fields.
  EXPECT_EQ(complete_at(std::string(kMain) + "\n^").labels(), decls);
  EXPECT_EQ(complete_at(std::string(kMain) + "p^").labels(), Labels({"profile", "persona"}));
}

TEST(Completion, ItemStartsOfferItemKeywords) {
  EXPECT_EQ(complete_at(edit("  exclude \"Tiny\"", "  ^\n  exclude \"Tiny\"")).labels(),
            Labels({"let", "exclude", "signal", "trigger", "tier", "group"}));
  EXPECT_EQ(complete_at(edit("    trigger \"T\"", "    ^\n    trigger \"T\"")).labels(),
            Labels({"let", "exclude", "signal", "trigger"}));
  EXPECT_EQ(complete_at(edit("  exclude \"Tiny\"", "  si^\n  exclude \"Tiny\"")).labels(), Labels({"signal"}));
  // After a rule's label, its keyword; after a tier's name, `when`.
  EXPECT_EQ(complete_at(edit("signal \"Big\" when big => 10", "signal \"Big\" ^")).labels(), Labels({"when"}));
  EXPECT_EQ(complete_at(edit("tier mid when score >= 5", "tier mid ^")).labels(), Labels({"when"}));
  EXPECT_EQ(complete_at(edit("trigger \"T\" on", "trigger \"T\" ^")).labels(), Labels({"on"}));
}

TEST(Completion, ExpressionsOfferNamesAndExpressionKeywords) {
  Result r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when ^"));
  for (const char* want : {"employees", "industry", "big", "band", "lower", "if", "not", "true", "missing"})
    EXPECT_TRUE(r.has(want)) << want;
  for (const char* not_here : {"import", "schema", "given", "expect", "signal", "let", "when", "score", "soft"})
    EXPECT_FALSE(r.has(not_here)) << not_here;
  EXPECT_LT(r.items.size(), 60u);
  // `score` in a tier condition only.
  EXPECT_TRUE(complete_at(edit("tier mid when score", "tier mid when ^")).has("score"));
  // A group's let inside the group, not after it.
  EXPECT_TRUE(complete_at(edit("=> 3\n  }", "when ^ => 3\n  }")).has("soft"));
  EXPECT_FALSE(complete_at(edit("tier mid when score", "tier mid when ^")).has("soft"));
  // After a complete operand: operators.
  r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when big ^"));
  EXPECT_TRUE(r.has("and"));
  EXPECT_TRUE(r.has("between"));
  EXPECT_FALSE(r.has("employees"));
  EXPECT_EQ(complete_at(edit("signal \"Big\" when big", "signal \"Big\" when employees is ^")).labels(),
            Labels({"missing", "present", "not"}));
}

TEST(Completion, EnumMembersWhereAnEnumIsExpected) {
  auto first = [](const Result& r) { return r.items.empty() ? std::string() : r.items[0].label; };
  Result r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when size == ^"));
  EXPECT_EQ(first(r), "small");
  // A call's parameter of an enum type.
  std::string geo = std::string(kMain);
  geo.replace(geo.find("import \"std/firmo\""), 18, "import \"std/geo\"");
  size_t at = geo.find("signal \"Big\" when big");
  r = complete_at(geo.replace(at, 21, "signal \"Big\" when region(^"));
  ASSERT_FALSE(r.items.empty());
  EXPECT_EQ(r.items[0].kind, CompletionKind::EnumMember);
  EXPECT_TRUE(r.has("DE"));
  // `then` / `else` in a def whose result is an enum.
  r = complete_at(edit("then small else", "then ^ else"));
  EXPECT_EQ(first(r), "small");
  EXPECT_TRUE(r.has("n"));
  r = complete_at(edit("else large\n", "else ^\n"));
  EXPECT_EQ(first(r), "small");
  // The left side of `??`.
  r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when (size ?? ^) == large"));
  EXPECT_EQ(first(r), "small");
}

TEST(Completion, TestsOfferTheirProfilesTiersAndLabels) {
  std::string t = std::string(kMain) + "\ntest \"t\" {\n  profile Main\n  ^\n}\n";
  EXPECT_EQ(complete_at(t).labels(), Labels({"profile", "persona", "as_of", "given", "expect"}));
  t = std::string(kMain) + "\ntest \"t\" {\n  profile Main\n  expect tier == ^\n}\n";
  EXPECT_EQ(complete_at(t).labels(), Labels({"top", "mid", "out", "excluded"}));
  t = std::string(kMain) + "\ntest \"t\" {\n  profile Main\n  expect fired \"^\"\n}\n";
  Result r = complete_at(t);
  EXPECT_EQ(r.labels(), Labels({"Big", "T"}));
  ASSERT_TRUE(r.items[0].replace_from);
  EXPECT_EQ(*r.items[0].replace_from, r.cursor);  // the string's text typed so far (none)
  t = std::string(kMain) + "\ntest \"t\" {\n  profile Main\n  expect not excluded_by \"T^\"\n}\n";
  r = complete_at(t);
  EXPECT_EQ(r.labels(), Labels({"Tiny"}));
  EXPECT_EQ(*r.items[0].replace_from, r.cursor - 1);
  t = std::string(kMain) + "\ntest \"t\" {\n  profile Main\n  given { ^ }\n}\n";
  EXPECT_EQ(complete_at(t).labels(), Labels({"employees", "industry", "size"}));
  t = std::string(kMain) + "\ntest \"t\" {\n  profile Main\n  given { size: ^ }\n}\n";
  EXPECT_EQ(complete_at(t).labels(), Labels({"small", "medium", "large", "missing"}));
  t = std::string(kMain) + "\ntest \"t\" {\n  profile ^\n}\n";
  EXPECT_EQ(complete_at(t).labels(), Labels({"Main"}));
}

TEST(Completion, ImportPathsRelativeToTheDocument) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("icp_completion_paths." + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "util");
  std::ofstream(dir / "lib.icp") << kLib;
  std::ofstream(dir / "other.icp") << "const O = 1\n";
  std::ofstream(dir / "notes.txt") << "not a model\n";
  std::ofstream(dir / "main.icp") << "";
  Result r = complete_at("import \"./^\"\n", dir.string());
  EXPECT_EQ(r.labels(), Labels({"./lib.icp", "./other.icp", "./util/"}));  // not main.icp itself
  ASSERT_TRUE(r.items[0].replace_from);
  EXPECT_EQ(*r.items[0].replace_from, r.cursor - 2);  // replaces the `./` typed
  EXPECT_EQ(r.items[0].kind, CompletionKind::File);
  r = complete_at("import \"std/^\"\n", dir.string());
  EXPECT_EQ(r.labels(), Labels({"std/firmo", "std/geo", "std/people"}));
  std::filesystem::remove_all(dir);
}

TEST(Completion, ImportPathsFollowTheImportRule) {
  // Only what an import may read (LANGUAGE.md section 3): nothing outside the
  // import root (the document's folder), through `../` or a symbolic link,
  // and no .icp name that is a folder's or a FIFO's.
  namespace fs = std::filesystem;
  fs::path top = fs::temp_directory_path() / ("icp_completion_rule." + std::to_string(getpid()));
  fs::path dir = top / "root";
  fs::remove_all(top);
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / "folder.icp");
  std::ofstream(top / "outside.icp") << "const O = 1\n";
  std::ofstream(dir / "sub" / "in.icp") << "const I = 1\n";
  fs::create_symlink(top / "outside.icp", dir / "escape.icp");
  fs::create_directory_symlink(top, dir / "up");
  ASSERT_EQ(mkfifo((dir / "pipe.icp").c_str(), 0644), 0);
  Result r = complete_at("import \"./^\"\n", dir.string());
  EXPECT_EQ(r.labels(), Labels({"./folder.icp/", "./sub/"}));
  EXPECT_EQ(complete_at("import \"./sub/^\"\n", dir.string()).labels(), Labels({"./sub/in.icp"}));
  EXPECT_EQ(complete_at("import \"../^\"\n", dir.string()).labels(), Labels({}));
  EXPECT_EQ(complete_at("import \"./up/^\"\n", dir.string()).labels(), Labels({}));
  fs::remove_all(top);
}

}  // namespace
