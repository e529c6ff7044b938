// Fuzzing the formatter with a fixed seed: comments of every kind, line
// breaks and blank lines inserted at random places of the examples, the
// standard library and the golden cases. For every mutant that parses:
//   - the formatted text parses, with the same AST and the same comments in
//     the same order (ast dump without positions);
//   - formatting the formatted text gives it back (idempotence).
// ICP_FMT_FUZZ_ROUNDS overrides the number of mutants, ICP_FMT_FUZZ_SEED the
// seed (to explore; the suite runs the defaults). A failing mutant is written
// to the temporary directory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "fmt/formatter.h"
#include "fmt_support.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> sources() {
  std::vector<fs::path> out;
  for (const char* dir : {"examples", "stdlib/std", "tests/fmt/cases"})
    for (const auto& e : fs::recursive_directory_iterator(fs::path(ICP_SOURCE_DIR) / dir))
      if (e.path().extension() == ".icp") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Offsets between tokens, more or less: white space, brackets, punctuation,
// and every boundary between a word and what follows it.
std::vector<size_t> places(const std::string& s) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::vector<size_t> out;
  for (size_t i = 1; i < s.size(); ++i)
    if (!word(s[i - 1]) || !word(s[i])) out.push_back(i);
  return out;
}

unsigned env_or(const char* name, unsigned fallback) {
  const char* v = std::getenv(name);
  return v ? static_cast<unsigned>(std::strtoul(v, nullptr, 10)) : fallback;
}

}  // namespace

TEST(FormatterFuzz, IdempotentAndPreservesTheAst) {
  const unsigned rounds = env_or("ICP_FMT_FUZZ_ROUNDS", 300);
  std::mt19937 rng(env_or("ICP_FMT_FUZZ_SEED", 20261202));
  // Only the raw generator: distributions differ between standard libraries.
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const char* snippets[] = {" // C\n", " /* B */ ", "\n/* N */\n", "\n// O\n", "\n\n", "\n",
                            " /* M\n   two lines */ ", "\n/// D\n", " /* B1 */ /* B2 */ "};
  std::vector<fs::path> files = sources();
  ASSERT_FALSE(files.empty());
  std::vector<std::string> texts;
  for (const auto& f : files) texts.push_back(fmt_test::read(f));

  unsigned parsed = 0;
  for (unsigned round = 0; round < rounds; ++round) {
    size_t which = pick(files.size());
    std::string t = texts[which];
    std::vector<size_t> at = places(t);
    size_t n = 1 + pick(6);
    std::vector<size_t> chosen;
    for (size_t k = 0; k < n && !at.empty(); ++k) chosen.push_back(at[pick(at.size())]);
    std::sort(chosen.rbegin(), chosen.rend());
    for (size_t pos : chosen) t.insert(pos, snippets[pick(std::size(snippets))]);

    fmt_test::Parsed src = fmt_test::parse("mutant.icp", t);
    if (!src.errors.empty()) continue;
    ++parsed;
    std::string once = icp::format_module(*src.module, *src.file);
    fmt_test::Parsed again = fmt_test::parse("formatted.icp", once);
    bool ok = again.errors.empty() && fmt_test::shape(*src.module) == fmt_test::shape(*again.module) &&
              icp::format_module(*again.module, *again.file) == once;
    if (!ok) {
      fs::path keep = fs::temp_directory_path() / ("icp_fmt_fuzz_" + std::to_string(round) + ".icp");
      std::ofstream(keep, std::ios::binary) << t;
      ADD_FAILURE() << "round " << round << " (a mutant of " << files[which] << ", kept in " << keep
                    << "): " << (!again.errors.empty() ? "the formatted text does not parse: " + again.errors
                                 : fmt_test::shape(*src.module) != fmt_test::shape(*again.module)
                                     ? std::string("formatting changed the AST or the comments")
                                     : std::string("formatting is not idempotent"));
    }
  }
  std::cout << parsed << " of " << rounds << " mutants parsed and were checked\n";
  // Most mutants must parse, or the test would check little.
  EXPECT_GE(parsed, rounds / 3) << "only " << parsed << " of " << rounds << " mutants parsed";
}
