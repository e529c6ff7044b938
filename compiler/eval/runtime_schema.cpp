// sema::SchemaInfo -> rt::Schema. See runtime_schema.h.
#include "eval/runtime_schema.h"

#include <map>
#include <variant>

namespace icp::eval {

rt::ValueKind value_kind(const sema::Type& t) {
  using K = sema::TypeKind;
  switch (t.kind) {
    case K::Bool: return rt::ValueKind::Bool;
    case K::Float: return rt::ValueKind::Float;
    case K::String: return rt::ValueKind::String;
    case K::Date: return rt::ValueKind::Date;
    case K::Duration: return rt::ValueKind::Duration;
    case K::StringSet:
    case K::EmptySet: return rt::ValueKind::StringSet;
    case K::Enum: return rt::ValueKind::Enum;
    default: return rt::ValueKind::Int;
  }
}

rt::Value runtime_value(const sema::ConstValue& v, const sema::Type& t) {
  return std::visit(
      [&](const auto& x) -> rt::Value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) return rt::Value::missing();
        else if constexpr (std::is_same_v<T, bool>) return rt::Value::boolean(x);
        else if constexpr (std::is_same_v<T, int64_t>) {
          if (t.kind == sema::TypeKind::Float) return rt::Value::real(double(x));
          if (t.kind == sema::TypeKind::Duration) return rt::Value::duration(x);
          return rt::Value::integer(x);
        } else if constexpr (std::is_same_v<T, double>) return rt::Value::real(x);
        else if constexpr (std::is_same_v<T, std::string>) return rt::Value::string(x);
        else if constexpr (std::is_same_v<T, sema::DateValue>) return rt::Value::date(x.days);
        else if constexpr (std::is_same_v<T, sema::DurationValue>) {
          if (t.kind == sema::TypeKind::Int) return rt::Value::integer(x.days);
          if (t.kind == sema::TypeKind::Float) return rt::Value::real(double(x.days));
          return rt::Value::duration(x.days);
        } else if constexpr (std::is_same_v<T, sema::StringSetValue>) return rt::Value::set(x);
        else if constexpr (std::is_same_v<T, sema::EnumValue>) return rt::Value::enumeration(int32_t(x.member));
        else return rt::Value::missing();  // a set of enum members is never data
      },
      v);
}

std::unique_ptr<rt::Schema> runtime_schema(const sema::SemanticModel& model, const sema::SchemaInfo& schema) {
  auto out = std::make_unique<rt::Schema>();
  out->name = schema.name;
  std::map<sema::EnumId, rt::EnumSpec*> specs;
  for (const sema::FieldInfo& fi : schema.fields) {
    rt::FieldSpec f;
    f.name = fi.name;
    f.column = fi.column.empty() ? fi.name : fi.column;
    f.kind = value_kind(fi.type);
    f.optional = fi.type.optional;
    f.key = fi.key;
    if (fi.default_value) {
      rt::Value d = runtime_value(*fi.default_value, fi.type);
      if (d.present()) {
        f.has_default = true;
        f.default_value = d;
      }
    }
    if (f.kind == rt::ValueKind::Enum && fi.type.enum_id < model.enums.size()) {
      auto it = specs.find(fi.type.enum_id);
      if (it == specs.end()) {
        const sema::EnumInfo& ei = model.enums[fi.type.enum_id];
        auto spec = std::make_shared<rt::EnumSpec>();
        spec->name = ei.name;
        spec->members = ei.members;
        spec->aliases = ei.aliases;
        spec->default_member = ei.default_member;
        spec->build();
        out->owned_enums.push_back(spec);
        it = specs.emplace(fi.type.enum_id, spec.get()).first;
      }
      f.enum_spec = it->second;
    }
    out->fields.push_back(std::move(f));
  }
  return out;
}

}  // namespace icp::eval
