// Whole-document formatting for the editor: `icp fmt` on the main file.
#pragma once
#include <optional>
#include <string>

#include "sema/program.h"

namespace icp::ide {

// The formatted text of the main file, or nothing if it has syntax errors.
std::optional<std::string> format_main_file(const sema::Program& p);

}  // namespace icp::ide
