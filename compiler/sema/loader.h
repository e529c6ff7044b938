// The loader: reads the main file and, transitively, every file it imports
// (`import "std/NAME"` from the standard library folder, `import "./x.icp"`
// relative to the importing file), parsing each file once. Reports E0104 for
// imports that cannot be found and for import cycles.
#pragma once
#include <optional>
#include <string>

#include "sema/checker.h"

namespace icp::sema {

// Loads `path` (with `text` if given instead of reading the disk) and its
// imports into c.prog (sources, modules, main_file) and c.files (imports).
void load_program(Checker& c, const std::string& path, std::optional<std::string> text,
                  const CompileOptions& opts);

}  // namespace icp::sema
