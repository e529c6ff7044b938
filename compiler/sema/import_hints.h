// Internal to sema/: where an unknown name is declared, if in a file this
// one does not import (import_hints.cpp).
#pragma once
#include <string>

#include "sema/checker.h"

namespace icp::sema {

// Adds a note saying which file (or std/ module) declares `name`, when a
// file other than `f`, or a module of the standard library, does.
void add_import_hint(Checker& c, DiagBuilder& b, FileId f, const std::string& name);
// Whether such a note would be added.
bool declared_elsewhere(const Checker& c, FileId f, const std::string& name);

}  // namespace icp::sema
