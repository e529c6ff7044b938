// Unit tests of completion (compiler/ide/completion.h): only what the main
// file can see is offered. A `$` in a text marks the cursor.
#include <gtest/gtest.h>

#include <algorithm>

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

// Completes at the `$` of `text` (as /tmp/icp_completion_test/main.icp with
// lib.icp beside it in memory).
Result complete_at(std::string text, const std::string& dir = "/tmp/icp_completion_test") {
  size_t at = text.find('$');
  EXPECT_NE(at, std::string::npos);
  text.erase(at, 1);
  icp::sema::CompileOptions opts;
  opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  opts.overlays.emplace_back(dir + "/lib.icp", kLib);
  auto p = icp::sema::compile_source(text, dir + "/main.icp", opts);
  return {icp::ide::complete(*p, static_cast<uint32_t>(at)), static_cast<uint32_t>(at)};
}

// kMain with `$`-marked `insert` put in place of `anchor`.
std::string edit(const std::string& anchor, const std::string& insert) {
  std::string t = kMain;
  size_t at = t.find(anchor);
  EXPECT_NE(at, std::string::npos) << anchor;
  return t.replace(at, anchor.size(), insert);
}

using Labels = std::vector<std::string>;

TEST(Completion, OnlyNamesTheFileDeclaresOrImportsDirectly) {
  // lib.icp imports std/geo; main.icp does not: region/Region/Country are not in scope.
  Result r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when reg$"));
  EXPECT_FALSE(r.has("region")) << testing::PrintToString(r.labels());
  EXPECT_FALSE(r.has("Region"));
  r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when $"));
  EXPECT_TRUE(r.has("LIBC"));  // declared by the directly imported file
  EXPECT_TRUE(r.has("Industry"));  // std/firmo is imported directly
  EXPECT_FALSE(r.has("Country"));
  r = complete_at(edit("size: Size?", "size: $"));
  EXPECT_TRUE(r.has("Size"));
  EXPECT_TRUE(r.has("int"));
  EXPECT_FALSE(r.has("Country")) << testing::PrintToString(r.labels());
  r = complete_at(edit("signal \"Big\" when big", "signal \"Big\" when Country.$"));
  EXPECT_TRUE(r.items.empty()) << testing::PrintToString(r.labels());
}

}  // namespace
