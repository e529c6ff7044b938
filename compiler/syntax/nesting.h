// Private to syntax/: the limit on how deeply an expression may nest (E0003).
//
// Every phase after the parser (builder, checker, folder, lowering, both
// engines, the formatter) walks expressions recursively, and so does ANTLR's
// recursive descent for brackets, `if`s and prefix operators. The limit is
// enforced here, at the front door, in two places:
// - guard_nesting(), before ANTLR parses: brackets, `if`s, `not`s and signs
//   nested deeper than the limit are cut out of the token stream (ANTLR
//   never recurses deeper than that, whatever the input);
// - the AST builder, which counts every operator (a flat chain `a + b + c`
//   is a left-deep tree, one level per operator) and replaces a too-deep
//   expression by an ErrorExpr.
// Each reports E0003 once, at the bracket or the expression that crosses the
// limit; the checker sees an ErrorExpr and says nothing more.
#pragma once
#include <cstddef>

#include "syntax/parse_context.h"

namespace icp::syntax {

// Levels an expression may nest: each bracket, operator, `if`, `not` and
// sign counts as one.
inline constexpr size_t kMaxNesting = 1000;

// The channel of the tokens guard_nesting() cuts out (neither the parser's
// nor the comments').
inline constexpr size_t kCutChannel = 2;

// Cuts what nests deeper than kMaxNesting out of cx.tokens (filled, not yet
// parsed), reports E0003 once per statement, and records in cx.cuts the
// index of the token where each cut starts. A cut bracket keeps its closer
// and gets one placeholder name as its contents; a cut `if c then a else`
// leaves its `else` branch; a cut run of prefix operators leaves its operand.
// So the parser sees a well-formed expression, which the builder replaces
// by an ErrorExpr (ParseContext::has_cut).
void guard_nesting(ParseContext& cx);

}  // namespace icp::syntax
