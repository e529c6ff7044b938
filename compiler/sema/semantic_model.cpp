// SemanticModel helpers: readable type names.
#include "sema/semantic_model.h"

#include <array>

namespace icp::sema {

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
