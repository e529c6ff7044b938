// Human-readable descriptions of declarations (hover text, completion
// details): signatures in ICP syntax plus `///` docs.
#pragma once
#include <string>

#include "ide/resolve.h"

namespace icp::ide {

// A one-line signature, e.g. "employees: int?  from \"Employee Count\"".
std::string signature(const sema::Program& p, const Target& t);
// The `///` documentation of the target (empty if none).
std::string doc_of(const Target& t);
// Markdown: a fenced signature, a line of context, the docs.
std::string describe(const sema::Program& p, const Target& t);
// An expression printed on one line as the formatter would.
std::string print_expr(const sema::Program& p, const ast::Expr& e);

}  // namespace icp::ide
