// The runtime's description of a schema (icp/rt/schema.h) built from the
// checker's SchemaInfo: field kinds, `from` columns, enum specs (members,
// aliases, default member) and schema defaults as runtime Values.
#pragma once
#include <memory>

#include "icp/rt/schema.h"
#include "icp/rt/value.h"
#include "sema/semantic_model.h"

namespace icp::eval {

// A self-contained rt::Schema (it owns its enum specs).
std::unique_ptr<rt::Schema> runtime_schema(const sema::SemanticModel& model, const sema::SchemaInfo& schema);

// A compile-time value (a default, a `given` value) as a runtime Value of a
// field of type `t`; std::monostate is missing.
rt::Value runtime_value(const sema::ConstValue& v, const sema::Type& t);

rt::ValueKind value_kind(const sema::Type& t);

}  // namespace icp::eval
