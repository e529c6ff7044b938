// Editor formatting (formatting.h).
#include "ide/formatting.h"

#include "fmt/formatter.h"
#include "ide/diagnostics.h"

namespace icp::ide {

std::optional<std::string> format_main_file(const sema::Program& p) {
  const ast::Module* m = p.main_module();
  if (!m || has_syntax_errors(p)) return std::nullopt;
  return format_module(*m, p.sources.file(p.main_file));
}

}  // namespace icp::ide
