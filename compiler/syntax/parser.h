// The front door of syntax/: text in, AST out, syntax errors (E0001) and
// invalid literals (E0002) reported through the DiagnosticEngine.
//
// ANTLR's C++ runtime shares a DFA cache between parser instances that is not
// thread-safe, so parse_module() serialises every parse behind one mutex; it
// is safe to call from any thread.
#pragma once
#include <memory>

#include "diag/diagnostic.h"
#include "source/source.h"
#include "syntax/ast.h"

namespace icp {

// Parses one file. Always returns a module: where the parser recovered from
// an error the tree holds what it could read (ErrorExpr in place of a broken
// expression, a declaration dropped if nothing of it could be read).
std::unique_ptr<ast::Module> parse_module(const SourceFile& file, ast::NodeIdAllocator& ids,
                                          DiagnosticEngine& diags);

}  // namespace icp
