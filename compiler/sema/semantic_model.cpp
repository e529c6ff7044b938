// SemanticModel helpers: readable type names and the names of built-ins.
#include "sema/semantic_model.h"

#include <array>

namespace icp::sema {

static constexpr std::array<std::string_view, kBuiltinCount> kBuiltinNames = {
    "lower", "upper", "trim", "len", "starts_with", "ends_with", "contains", "domain", "count",
    "days_since", "year", "month", "min", "max", "abs", "clamp", "round", "log",
};

std::string_view builtin_name(Builtin b) { return kBuiltinNames[static_cast<size_t>(b)]; }

std::optional<Builtin> builtin_by_name(std::string_view name) {
  for (size_t i = 0; i < kBuiltinNames.size(); ++i)
    if (kBuiltinNames[i] == name) return static_cast<Builtin>(i);
  return std::nullopt;
}

std::string SemanticModel::type_name(Type t) const {
  std::string s;
  switch (t.kind) {
    case TypeKind::Error: return "an invalid value";
    case TypeKind::Bool: s = "bool"; break;
    case TypeKind::Int: s = "int"; break;
    case TypeKind::Float: s = "float"; break;
    case TypeKind::String: s = "string"; break;
    case TypeKind::Date: s = "date"; break;
    case TypeKind::Duration: s = "duration"; break;
    case TypeKind::StringSet: s = "set<string>"; break;
    case TypeKind::Enum: s = t.enum_id < enums.size() ? enums[t.enum_id].name : "enum"; break;
    case TypeKind::EnumSet:
      s = "set of " + (t.enum_id < enums.size() ? enums[t.enum_id].name : std::string("enum"));
      break;
    case TypeKind::EmptySet: s = "empty set"; break;
  }
  if (t.optional) s += "?";
  return s;
}

}  // namespace icp::sema
