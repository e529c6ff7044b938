// Private to syntax/: builds the ast.h tree from an ANTLR parse tree,
// decoding literals (E0002) and reporting the few syntax rules the grammar
// leaves to it (E0001: `is not missing`, `== missing`, separators, ...).
#pragma once
#include <memory>

#include "syntax/ast.h"
#include "syntax/parse_context.h"

namespace icp::syntax {

std::unique_ptr<ast::Module> build_ast(ParseContext& cx, ast::NodeIdAllocator& ids,
                                       icp_antlr::ICPParser::CompilationUnitContext* tree);

}  // namespace icp::syntax
