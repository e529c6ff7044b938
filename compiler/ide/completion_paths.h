// The paths `import "` may be completed with: standard library modules
// (`std/geo`) and, relative to the main file's folder, .icp files and
// folders (`./lib.icp`, `./util/`).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ide/completion.h"
#include "sema/program.h"

namespace icp::ide {

struct ImportCandidate {
  std::string label;  // the whole path, as it goes between the quotes
  CompletionKind kind;  // Module (std/), File or Folder
  std::string detail;
};

// Candidates for the path typed so far (`typed`, the string's text up to the
// cursor). A main file with no folder on disk (an untitled document) gets
// standard library modules only.
std::vector<ImportCandidate> import_candidates(const sema::Program& p, std::string_view typed,
                                               std::string_view stdlib_dir);

}  // namespace icp::ide
