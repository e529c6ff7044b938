// Document symbols: the outline of a file (schemas and their fields, enums
// and members, consts, defs, profiles with their groups and rules, tests).
#pragma once
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

// LSP SymbolKind values, which every editor understands.
enum class SymbolKind : int {
  Module = 2, Namespace = 3, Class = 5, Method = 6, Field = 8, Enum = 10, Function = 12, Variable = 13,
  Constant = 14, EnumMember = 22, Struct = 23, Event = 24,
};

struct Symbol {
  std::string name;
  std::string detail;
  SymbolKind kind;
  SourceRange range;      // the whole declaration
  SourceRange selection;  // its name
  std::vector<Symbol> children;
};

std::vector<Symbol> document_symbols(const sema::Program& p);

}  // namespace icp::ide
