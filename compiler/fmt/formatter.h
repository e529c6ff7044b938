// The canonical formatter of `icp fmt` and the language server.
//
// (Not named format.h: this folder is on the include path as fmt/, and
// fmt/format.h would shadow the {fmt} library's header.)
//
// One layout: 2-space indentation, one item per line, the columns of
// consecutive rules (labels, `when`, `=>`) and schema fields aligned when they
// fit, longer rules and expressions broken before `=>`, then at `and`/`or`,
// then in set literals, every comment kept between the tokens it was written
// between, single blank lines kept between items, at most 100 columns where a
// line can be broken (docs/language-notes.md, "Formatting"). Idempotent, and
// the AST of the output equals the AST of the input (modulo ranges).
#pragma once
#include <string>

#include "source/source.h"
#include "syntax/ast.h"

namespace icp {

// Formats a module parsed without syntax errors from `src`.
std::string format_module(const ast::Module& m, const SourceFile& src);

}  // namespace icp
