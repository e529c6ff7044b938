// The Scanner (syntax/scanner.h) against ANTLR's generated ICPLexer, the
// executable form of the grammar's lexer rules: the same tokens (type,
// channel, code-point start and stop, line, column, text) on every .icp file
// of the repository, on hand-picked edge cases, and on random text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "syntax/tokens.h"

namespace fs = std::filesystem;
using icp::syntax::LexerKind;
using icp::syntax::token_type_name;
using icp::syntax::tokenize;
using icp::syntax::TokenRecord;

namespace {

std::string describe(const TokenRecord& t) {
  std::ostringstream s;
  s << token_type_name(t.type) << " ch" << t.channel << " [" << t.start << "," << t.stop << "] " << t.line
    << ":" << t.column << " '" << t.text << "'";
  return s.str();
}

// Empty when both lexers agree; else where and how they differ.
std::string difference(std::string_view text) {
  std::vector<TokenRecord> fast = tokenize(text, LexerKind::Scanner);
  std::vector<TokenRecord> ref = tokenize(text, LexerKind::Antlr);
  for (size_t i = 0; i < std::max(fast.size(), ref.size()); ++i) {
    if (i < fast.size() && i < ref.size() && fast[i] == ref[i]) continue;
    return "token " + std::to_string(i) + ": scanner " + (i < fast.size() ? describe(fast[i]) : "(none)") +
           ", ANTLR " + (i < ref.size() ? describe(ref[i]) : "(none)");
  }
  return "";
}

std::string names(std::string_view text) {
  std::string out;
  for (const TokenRecord& t : tokenize(text, LexerKind::Scanner)) out += (out.empty() ? "" : " ") + token_type_name(t.type);
  return out;
}

}  // namespace

// Not vacuous: the scanner really splits text into the grammar's tokens.
TEST(Scanner, ReadsTheGrammarsTokens) {
  EXPECT_EQ(names("signal \"Mid\" when n >= 1_200 => +20 // x"),
            "K_SIGNAL STRING K_WHEN IDENT GE INT ARROW PLUS INT LINE_COMMENT EOF");
  EXPECT_EQ(names("2026-11-01 2026-11-1 90d 3mo 90days 15% 2.5k 50Mb 1e5 1.5"),
            "DATE BAD_DATE DURATION DURATION BAD_NUMBER PERCENT MAGNITUDE BAD_NUMBER FLOAT FLOAT EOF");
  EXPECT_EQ(names("r\"a\\d\" r#\"x\"y\"# \"open"), "RAW_STRING RAW_STRING UNTERMINATED_STRING EOF");
  EXPECT_EQ(names("as_of excluded_by iffy ?? ? == = é"),
            "K_AS_OF K_EXCLUDED_BY IDENT COALESCE QUESTION EQ ASSIGN ERROR_CHAR EOF");
  std::vector<TokenRecord> t = tokenize("a\n  /* x\ny */ b", LexerKind::Scanner);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].channel, 1u);  // comments on the hidden channel
  EXPECT_EQ(t[2].line, 3u);
  EXPECT_EQ(t[2].column, 5u);
  EXPECT_EQ(t[2].start, 14u);
}

TEST(Scanner, AgreesWithAntlrOnEdgeCases) {
  const char* cases[] = {
      "", " ", "\n", "\xEF\xBB\xBFschema", "a\r\nb", "\t\f\v x",
      "\"", "\"abc", "\"a\\\"", "\"a\\", "\"a\\\nb\"", "\"\\u{1F600}\" \"\\q\"", "\"\"\"",
      "r", "r\"", "r\"abc", "r\"a\"b", "r#", "r#\"", "r#\"abc", "r#\"a\"b\"#", "r#\"a\nb\"#c", "r#\"a\"\"b",
      "r#\"a\"", "r#\"a\"x", "r##\"a\"##", "rr\"a\"",
      "/", "//", "// a\r\nb", "/*", "/* a", "/* a *", "/* a **", "/*/", "/**/", "/* a */ */", "/* * / */",
      "/* a\n", "a/b", "a//b\n/*c*/d",
      "0", "1_000", "1__0", "1_", "_1", "1.", "1.5", "1.5.3", "1._5", "1e", "1e5", "1E+5", "1e-", "1e+x", "1e-5x", "1e+5x", "1.5e-3k", "1_2.3_4e+5_6",
      "1.5e3", "1.5e+3k", "2.5k", "2.5K", "50M", "50Mb", "3B", "1k5", "15%", "1.5%", "1e2%", "1%%",
      "90d", "90days", "6w", "3mo", "3mon", "3m", "1y", "1yr", "1_0d",
      "2026-11-01", "2026-11-1", "2026-1-01", "2026-11-01x", "2026-11-01T10:00", "2026-11-", "2026-11",
      "2026-02-30", "20261-11-01", "12-34-56", "2026--01", "2026-11-01-02", "2026-11-01.5",
      "=>", "==", "=", "!=", "!", "<=", "<", ">=", ">", "??", "?", "???", "=>=", "<==", "+-*/", "(){},:.",
      "@", "#", "$", "~", "\\", "é", "日本", "😀", "\xFF", "\xC3",
      "int float bool string date duration set", "x.y", "Industry.information", "as_ofx", "excluded_byx",
  };
  for (const char* c : cases) {
    EXPECT_EQ(difference(c), "") << "input: \"" << c << "\"";
  }
  EXPECT_EQ(difference(std::string("a\0b", 3)), "");
}

TEST(Scanner, AgreesWithAntlrOnEveryIcpFileOfTheRepository) {
  size_t files = 0;
  const fs::path root = ICP_SOURCE_DIR;
  for (const char* dir : {"examples", "stdlib", "tests", "bench", "editors"}) {
    if (!fs::exists(root / dir)) continue;
    for (auto it = fs::recursive_directory_iterator(root / dir); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_directory() && it->path().filename() == "node_modules") {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file() || it->path().extension() != ".icp") continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      EXPECT_EQ(difference(ss.str()), "") << it->path();
      ++files;
    }
  }
  EXPECT_GT(files, 100u);  // the walk found the repository's models
}

// Random text from a few alphabets: one over everything the lexer rules care
// about, and two small ones where the sequences that matter (numbers,
// strings and comments) come up often.
void fuzz(const std::vector<std::string>& pieces, uint32_t seed, int inputs) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), len(1, 16);
  for (int n = 0; n < inputs; ++n) {
    std::string text;
    for (size_t i = 0, k = len(rng); i < k; ++i) text += pieces[pick(rng)];
    std::string diff = difference(text);
    ASSERT_EQ(diff, "") << "input: \"" << text << "\"";
  }
}

TEST(Scanner, AgreesWithAntlrOnRandomText) {
  fuzz({"0", "1", "2026", "5", "_", ".", "-", "+", "e", "E", "k", "M", "B", "d", "w", "m", "o", "y", "x", "%",
        "\"", "\\", "r", "#", "/", "*", "\n", "\r", " ", "\t", "=", ">", "<", "!", "?", "(", "}", ",", ":",
        "é", "😀", "\xFF", "\xEF\xBB\xBF", "when", "as_of", "r#\"", "\"#", "/*", "*/", "//", "2026-11-01",
        "2026-1", "1_0", "1e+5", "=>", "??", "mo", "\\u{41}"},
       20261202, 20000);
}

TEST(Scanner, AgreesWithAntlrOnRandomNumbers) {
  fuzz({"1", "0", "2026", "_", ".", "e", "E", "-", "+", "k", "M", "B", "d", "w", "m", "o", "y", "%", "x", " "},
       1, 20000);
}

TEST(Scanner, AgreesWithAntlrOnRandomStringsAndComments) {
  fuzz({"\"", "\\", "r", "#", "/", "*", "\n", "\r", "a", " ", "é"}, 2, 20000);
}
