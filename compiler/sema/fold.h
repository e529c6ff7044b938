// Constant folding over checked expressions: literals, consts, enum members,
// set literals, operators, pure built-ins and calls of defs with constant
// arguments. Used for const values (E0208), schema defaults and `given`
// values, `matches` patterns (E0207), windows, caps, and W0002/W0003.
// Folding follows the evaluation rules of LANGUAGE.md section 6: checked
// integer arithmetic, Kleene logic, unknown (std::monostate) propagation.
#pragma once
#include <string>

#include "sema/semantic_model.h"

namespace icp::sema {

struct Folded {
  bool constant = false;  // false: depends on the record, a let or `as_of`
  ConstValue value;       // when constant; std::monostate is unknown/missing
  // When not constant: the node that made it so, and why ("reads 'as_of'").
  const ast::Node* culprit = nullptr;
  std::string why;
  bool error = false;  // not constant because of an error already reported
};

// Folds a checked expression. With `record`, every constant subexpression's
// value is stored in the model (constant_of).
Folded fold(SemanticModel& m, const ast::Expr& e, bool record = true);

// A value converted to a type it is assignable to (int -> float,
// duration -> int or float); other values are returned as they are.
ConstValue coerce(const ConstValue& v, Type to);

// A readable rendering of a value, for messages.
std::string value_text(const SemanticModel& m, const ConstValue& v);

}  // namespace icp::sema
