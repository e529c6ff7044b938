// Hover: the type and `///` documentation of what is under the cursor.
#pragma once
#include <optional>
#include <string>

#include "sema/program.h"

namespace icp::ide {

struct HoverInfo {
  std::string markdown;
  SourceRange range;  // the name or expression hovered
};

// `offset` is a byte offset in the main file.
std::optional<HoverInfo> hover(const sema::Program& p, uint32_t offset);

}  // namespace icp::ide
