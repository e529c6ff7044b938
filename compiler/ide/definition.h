// Go to definition: where the name under the cursor is declared, in this
// file, an imported file or the standard library.
#pragma once
#include <vector>

#include "sema/program.h"

namespace icp::ide {

// Ranges (with their FileId in p.sources) of the declarations; empty if none.
std::vector<SourceRange> definition(const sema::Program& p, uint32_t offset);

}  // namespace icp::ide
