// Completion: the names that make sense at a position (schema fields and
// lets inside a profile, enum members where an enum is expected, consts,
// defs, built-in functions, types, keywords, standard library modules).
// Only the names the main file declares or imports directly are offered.
#pragma once
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

enum class CompletionKind : uint8_t {
  Field, Let, Const, Def, Builtin, EnumMember, Enum, Schema, Profile, Keyword, Module, Type,
};

struct Completion {
  std::string label;
  CompletionKind kind;
  std::string detail;         // a signature or type
  std::string documentation;  // markdown
  int priority = 5;           // lower sorts first
};

// Candidates at byte `offset` of the main file whose label starts with the
// word being typed there.
std::vector<Completion> complete(const sema::Program& p, uint32_t offset);

}  // namespace icp::ide
