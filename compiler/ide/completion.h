// Completion: what may be written at a position, by context (completion_
// context.h): declaration, item and test keywords where those start; in an
// expression the names in scope (the profile's schema fields and lets, a
// def's parameters, consts, defs, built-in functions, enums), the enum's
// members where one is expected, and the keywords that fit; types; import
// paths; a test's profiles, rule labels, tiers and `given` fields. Only the
// names the main file declares or imports directly are offered.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

enum class CompletionKind : uint8_t {
  Field, Let, Const, Def, Builtin, EnumMember, Enum, Schema, Profile, Keyword, Module, Type, Rule, Tier, File,
  Folder,
};

struct Completion {
  std::string label;
  CompletionKind kind;
  std::string detail;         // a signature or type
  std::string documentation;  // markdown
  int priority = 5;           // lower sorts first
  // When set, the label replaces the text from this byte offset of the main
  // file to the cursor (the part of a string typed so far: an import path or
  // a rule label); otherwise the word before the cursor.
  std::optional<uint32_t> replace_from;
};

// Candidates at byte `offset` of the main file whose label starts with the
// word being typed there. `stdlib_dir` is where `import "std/` looks (empty:
// sema::default_stdlib_dir()).
std::vector<Completion> complete(const sema::Program& p, uint32_t offset, std::string_view stdlib_dir = {});

}  // namespace icp::ide
