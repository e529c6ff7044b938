// Golden tests of the formatter (compiler/fmt/). For every cases/X.icp:
//   - formatting it gives cases/X.formatted.icp exactly;
//   - formatting X.formatted.icp gives itself (idempotence);
//   - both parse to the same AST and the same comments in the same order
//     (ast dump without positions).
// ICP_FMT_UPDATE=1 rewrites the expected files instead of comparing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fmt/formatter.h"
#include "fmt_support.h"

namespace fs = std::filesystem;

namespace {

using fmt_test::parse;
using fmt_test::Parsed;
using fmt_test::read;
using fmt_test::shape;

fs::path cases_dir() {
  const char* d = std::getenv("ICP_FMT_CASES");
  return d ? fs::path(d) : fs::path(ICP_FMT_CASES_DIR);
}

std::vector<fs::path> inputs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(cases_dir())) {
    std::string n = e.path().filename().string();
    if (e.path().extension() == ".icp" && n.find(".formatted.") == std::string::npos) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(Formatter, Goldens) {
  auto files = inputs();
  ASSERT_FALSE(files.empty()) << "no cases in " << cases_dir();
  bool update = std::getenv("ICP_FMT_UPDATE") != nullptr;
  for (const auto& in : files) {
    SCOPED_TRACE(in.string());
    fs::path expected_path = in;
    expected_path.replace_extension(".formatted.icp");
    Parsed src = parse(in.string(), read(in));
    ASSERT_EQ(src.errors, "") << "the case must parse";
    std::string out = icp::format_module(*src.module, *src.file);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << out;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
    EXPECT_EQ(out, read(expected_path));

    Parsed again = parse(expected_path.string(), out);
    ASSERT_EQ(again.errors, "") << "the formatted text must parse:\n" << out;
    EXPECT_EQ(shape(*src.module), shape(*again.module)) << "formatting changed the AST";
    EXPECT_EQ(icp::format_module(*again.module, *again.file), out) << "formatting is not idempotent";
  }
}
