// The import rule of LANGUAGE.md section 3 (0.2): an import reads a regular
// `.icp` file of at most 8 MiB inside its import root (symbolic links
// resolved), and nothing else: not an absolute path, not a path that leaves
// the root, not a directory, device, FIFO or socket, not a file of another
// kind (whose content a diagnostic could otherwise quote). The loader
// (loader.cpp) applies it to every import, of the CLI, the C API and the
// language server alike; for `std/NAME` the root is the standard library's
// folder. docs/limits.md lists the errors.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace icp::sema {

// The largest file an import may read.
inline constexpr uint64_t kMaxImportBytes = uint64_t(8) << 20;

enum class ImportRefusal {
  None,
  Absolute,     // an absolute path
  NotIcp,       // the name (or what a symbolic link resolves to) does not end in .icp
  NoRoot,       // source compiled from memory without an import root
  OutsideRoot,  // leaves the root, after symbolic links are resolved
  NotFound,
  NotReadable,  // detail: the system's reason
  NotRegular,   // detail: "a directory", "a FIFO", ...
  TooLarge,
};

// Where an import points, once checked: `resolved` is the absolute path with
// symbolic links resolved (the key of the file among those loaded).
struct ImportPath {
  ImportRefusal refusal = ImportRefusal::None;
  std::filesystem::path resolved;
};

// Checks the path of an import without reading anything: `spec` as written,
// `target` the importing file's folder joined with it, `root` the canonical
// import root (none: source from memory without one).
ImportPath check_import_path(const std::string& spec, const std::filesystem::path& target,
                             const std::optional<std::filesystem::path>& root);

struct ImportRead {
  ImportRefusal refusal = ImportRefusal::None;
  std::string text;    // the file, when read
  std::string detail;  // NotReadable: why; NotRegular: what it is
};

// Reads a checked path: opened without blocking (a FIFO does not hang),
// refused unless a regular file, read up to kMaxImportBytes (a file that
// grows past it while being read is TooLarge too), and refused if what was
// opened is not inside `root` after all (a symbolic link swapped in between).
ImportRead read_import_file(const std::filesystem::path& resolved, const std::filesystem::path& root);

// Whether `path` lies inside `root` (both absolute and normal; the root
// itself does not count: an import names a file).
bool inside_root(const std::filesystem::path& path, const std::filesystem::path& root);

// The canonical form of a folder used as an import root (symbolic links
// resolved; weakly, for a folder that does not exist).
std::filesystem::path canonical_root(const std::string& dir);

}  // namespace icp::sema
