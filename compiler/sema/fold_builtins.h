// Compile-time evaluation of the pure built-in functions (for folding).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sema/semantic_model.h"

namespace icp::sema {

// The value of b(args), args already folded. nullopt (with *why) when the
// call cannot be evaluated at compile time.
std::optional<ConstValue> fold_builtin(Builtin b, const std::vector<ConstValue>& args,
                                       std::string* why);

// Civil date of days since 1970-01-01.
void civil_from_days(int64_t z, int& y, int& m, int& d);

}  // namespace icp::sema
