// Fuzz target `fmt`: the canonical formatter (compiler/fmt) on any text that
// parses without a syntax error.
//
// Properties (each aborts when violated):
//   - the output parses without a syntax error;
//   - it has the same AST, and the same comments in the same order, as the
//     input (the AST dump without positions: tests/fmt/fmt_support.h);
//   - formatting the output gives it back (idempotence);
//   - the output ends with a line break.
#include <string>

#include "../fmt/fmt_support.h"
#include "fmt/formatter.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(fuzz::as_text(data, size));
  fmt_test::Parsed src = fmt_test::parse("fuzz.icp", text);
  if (!src.errors.empty()) return 0;
  std::string once = icp::format_module(*src.module, *src.file);
  fmt_test::Parsed again = fmt_test::parse("formatted.icp", once);
  FUZZ_CHECK(again.errors.empty(), "the output does not parse:\n%s--- output:\n%s", again.errors.c_str(),
             once.c_str());
  std::string before = fmt_test::shape(*src.module), after = fmt_test::shape(*again.module);
  FUZZ_CHECK(before == after, "the AST changed\n--- input AST:\n%s--- output AST:\n%s--- output:\n%s", before.c_str(),
             after.c_str(), once.c_str());
  std::string twice = icp::format_module(*again.module, *again.file);
  FUZZ_CHECK(twice == once, "not idempotent\n--- once:\n%s--- twice:\n%s", once.c_str(), twice.c_str());
  FUZZ_CHECK(once.empty() || once.back() == '\n', "the output does not end with a line break\n--- output:\n%s",
             once.c_str());
  return 0;
}
