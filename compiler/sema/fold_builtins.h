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

// The value of overload c (of its runtime function) on folded arguments of
// the types it takes; unknown when an argument is. An overload that reads
// the scoring date gives nullopt, unless `as_of` is given (for tests).
std::optional<ConstValue> fold_call(BuiltinCall c, const std::vector<ConstValue>& args,
                                    std::optional<int64_t> as_of = std::nullopt);

// Civil date of days since 1970-01-01.
void civil_from_days(int64_t z, int& y, int& m, int& d);

}  // namespace icp::sema
