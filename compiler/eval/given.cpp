// A test's `given` as a Record. See given.h.
#include "eval/given.h"

#include "eval/runtime_schema.h"

#include <variant>

namespace icp::eval {

bool given_record(const sema::SemanticModel& model, const sema::SchemaInfo& schema, const ast::TestDecl& test,
                  rt::Record& out, std::string* error) {
  out.values.assign(schema.fields.size(), rt::Value::missing());
  std::vector<bool> seen(schema.fields.size(), false);
  for (const ast::GivenField& g : test.given) {
    int f = schema.field_index(g.name.name);
    if (f < 0 || !g.value) continue;  // E0301 already
    const sema::ConstValue* c = model.constant_of(g.value->id);
    // `missing` is "no value", as in input data: the default still applies.
    if (g.value->kind == ast::ExprKind::MissingLit || (c && std::holds_alternative<std::monostate>(*c))) continue;
    if (!c) {
      if (error) *error = "the given value of '" + g.name.name + "' is not a constant";
      return false;
    }
    out.values[size_t(f)] = runtime_value(*c, schema.fields[size_t(f)].type);
    seen[size_t(f)] = true;
  }
  for (size_t f = 0; f < schema.fields.size(); ++f) {
    const sema::FieldInfo& fi = schema.fields[f];
    if (seen[f]) continue;
    if (fi.default_value) out.values[f] = runtime_value(*fi.default_value, fi.type);
    else if (fi.type.kind == sema::TypeKind::StringSet && !fi.type.optional) out.values[f] = rt::Value::set({});
  }
  return true;
}

}  // namespace icp::eval
