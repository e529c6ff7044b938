// A readable, stable, indented dump of an AST, for golden tests and
// `icp check --dump-ast`. One node per line: kind, its fields, and [line:col-line:col].
#pragma once
#include <string>

#include "syntax/ast.h"

namespace icp {
std::string dump_ast(const ast::Module& m);
}  // namespace icp
