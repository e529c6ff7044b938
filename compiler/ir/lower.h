// Lowering: a checked profile (AST + SemanticModel side tables) to the IR of
// ir.h. Lets become SSA values computed once, defs are inlined with their
// parameters bound, consts become constants, and every implicit conversion
// the checker allowed (int -> float, duration -> int) is made explicit.
#pragma once
#include <stdexcept>
#include <string>

#include "ir/ir.h"
#include "sema/program.h"

namespace icp::ir {

// Thrown for a construct the lowering cannot handle (a bug or an unchecked
// program); the message names the construct and its position.
class LowerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Lowers one profile or persona of a program without errors.
Function lower_profile(const sema::Program& program, const sema::ProfileInfo& profile);

// The IR value type of a sema type (dates, durations, enums are Int).
VType vtype_of(const sema::Type& t);

}  // namespace icp::ir
