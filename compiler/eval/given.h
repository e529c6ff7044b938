// A test's `given { ... }` (LANGUAGE.md section 7) as a runtime Record of the
// profile's schema: given fields take their checked constant values; a field
// left out takes its default, a set is empty, an optional field is missing.
#pragma once
#include <string>

#include "icp/rt/value.h"
#include "sema/semantic_model.h"
#include "syntax/ast.h"

namespace icp::eval {

// False and *error set when a given value is not a constant the checker
// folded (the checker reports E0301 for such tests).
bool given_record(const sema::SemanticModel& model, const sema::SchemaInfo& schema, const ast::TestDecl& test,
                  rt::Record& out, std::string* error);

}  // namespace icp::eval
