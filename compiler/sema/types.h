// The types of ICP (LANGUAGE.md section 4) as small values.
//
// A Type is a kind, an `optional` bit and, for enums and sets of enum
// members, the index of the enum in SemanticModel::enums. `Error` is the type
// of an expression that already has a diagnostic: every check accepts it
// silently, so one root cause gives one diagnostic.
#pragma once
#include <cstdint>
#include <string>

namespace icp::sema {

using EnumId = uint32_t;
inline constexpr EnumId kNoEnum = ~0u;

enum class TypeKind : uint8_t {
  Error,
  Bool,
  Int,
  Float,
  String,
  Date,
  Duration,
  StringSet,  // set<string>
  Enum,       // a member of enum `enum_id`
  EnumSet,    // a set literal / const of members of enum `enum_id`
  EmptySet,   // `{}` before an expected type resolves it
};

struct Type {
  TypeKind kind = TypeKind::Error;
  bool optional = false;  // T? : may be missing
  EnumId enum_id = kNoEnum;

  static Type error() { return {}; }
  static Type of(TypeKind k, bool opt = false) { return {k, opt, kNoEnum}; }
  static Type enumeration(EnumId e, bool opt = false) { return {TypeKind::Enum, opt, e}; }
  static Type enum_set(EnumId e) { return {TypeKind::EnumSet, false, e}; }

  bool is_error() const { return kind == TypeKind::Error; }
  bool is_numeric() const { return kind == TypeKind::Int || kind == TypeKind::Float; }
  bool is_set() const {
    return kind == TypeKind::StringSet || kind == TypeKind::EnumSet || kind == TypeKind::EmptySet;
  }
  Type with_optional(bool o) const { Type t = *this; t.optional = o; return t; }
  Type plain() const { return with_optional(false); }

  // Same type ignoring `optional`.
  bool same_base(const Type& o) const { return kind == o.kind && enum_id == o.enum_id; }
  bool operator==(const Type& o) const = default;
};

}  // namespace icp::sema
