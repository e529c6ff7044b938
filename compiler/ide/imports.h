// The import graph of a checked Program, for the features that look past the
// main file: which files a file imports, which files a program read (so an
// editor knows what its analysis depends on) and which files it looked for
// and did not find.
#pragma once
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

// The files `file`'s import declarations resolved to, in source order
// (each once; imports that were not found or close a cycle are left out).
std::vector<FileId> direct_imports(const sema::Program& p, FileId file);
// `file` and the files it reaches through imports, `file` first.
std::vector<FileId> reachable_files(const sema::Program& p, FileId file);

// A file the program's analysis depends on besides its main file: one it
// read (file set), or the target of a relative import that was not found
// (file == kNoFile; creating it changes the analysis).
struct ProgramInput {
  std::string path;
  FileId file = kNoFile;
};
std::vector<ProgramInput> program_inputs(const sema::Program& p);

}  // namespace icp::ide
