// The formatter's entry point (formatter.h).
#include "fmt/formatter.h"

#include "fmt/module_formatter.h"

namespace icp {

std::string format_module(const ast::Module& m, const SourceFile& src) {
  return formatter::ModuleFormatter(m, src).run();
}

}  // namespace icp
