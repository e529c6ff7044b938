// The SemanticModel: everything the checker learned, in side tables keyed by
// ast::NodeId (cel-cpp style), so later phases and tools (lowering, the
// language server) ask "what is the type / declaration here?" without
// re-running anything.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "sema/builtins.h"
#include "sema/types.h"
#include "syntax/ast.h"

namespace icp::sema {

// What a name (or call, type, profile reference) refers to.
enum class RefKind : uint8_t {
  None, Field, Let, Const, Param, EnumMember, Enum, Def, Builtin, Schema, Profile,
};
struct Ref {
  RefKind kind = RefKind::None;
  // The declaring node: SchemaField, LetItem, ConstDecl, Param, EnumMember,
  // EnumDecl, DefDecl, SchemaDecl or ProfileDecl. Null for builtins.
  const ast::Node* decl = nullptr;
  EnumId enum_id = kNoEnum;  // EnumMember, Enum
  uint32_t index = 0;        // field index in its schema, member index, param
                             // index, or the Builtin value; for Const, Def,
                             // Schema and Profile the index in the model's
                             // consts, defs, schemas or profiles
};

// A compile-time value: a const's folded value, a schema default, a `given`
// value in a test. `std::monostate` is missing.
struct EnumValue { EnumId enum_id; uint32_t member; };
struct EnumSetValue { EnumId enum_id; std::vector<uint32_t> members; };
struct DateValue { int32_t days; };
struct DurationValue { int64_t days; };
using StringSetValue = std::vector<std::string>;  // sorted, unique
using ConstValue = std::variant<std::monostate, bool, int64_t, double, std::string, DateValue,
                                DurationValue, StringSetValue, EnumValue, EnumSetValue>;

struct EnumInfo {
  std::string name;
  const ast::EnumDecl* decl = nullptr;
  FileId file = kNoFile;
  std::vector<std::string> members;               // in declaration order
  std::vector<std::vector<std::string>> aliases;  // per member
  int default_member = -1;                        // -1: none
};

struct FieldInfo {
  std::string name;
  std::string column;  // the `from` name, or the field name
  Type type;
  std::optional<ConstValue> default_value;
  const ast::SchemaField* decl = nullptr;
  bool key = false;  // `name: Type key`: the schema's key (at most one, checked)
};

struct SchemaInfo {
  std::string name;
  const ast::SchemaDecl* decl = nullptr;
  FileId file = kNoFile;
  std::vector<FieldInfo> fields;
  int key_field = -1;  // the index in `fields` of the key, -1 when none
  int field_index(std::string_view n) const {
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i].name == n) return static_cast<int>(i);
    return -1;
  }
};

struct DefInfo {
  std::string name;
  const ast::DefDecl* decl = nullptr;
  std::vector<Type> params;
  Type result;
  FileId file = kNoFile;
  bool uses_as_of = false;  // reads the scoring date (as_of, days_since, within), maybe via calls
  // Its signature or body has an error (already reported): its calls fold to
  // nothing, so no "always true" warning is built on a broken body.
  bool broken = false;
};

struct ProfileInfo {
  std::string name;
  const ast::ProfileDecl* decl = nullptr;
  int schema = -1;  // index in SemanticModel::schemas, -1 if unknown
  FileId file = kNoFile;
  bool uses_as_of = false;  // has triggers or reads the scoring date (W0004)
};

struct ConstInfo {
  std::string name;
  const ast::ConstDecl* decl = nullptr;
  Type type;
  std::optional<ConstValue> value;  // folded value; empty when the const is in error
  FileId file = kNoFile;
};

// A test block of the main file, resolved: its profile and its `given`
// values folded and keyed by field index (fields left out are absent).
struct GivenValue {
  int field = -1;  // index in the profile's schema
  ConstValue value;
  const ast::GivenField* decl = nullptr;
};
struct TestInfo {
  std::string label;
  const ast::TestDecl* decl = nullptr;
  int profile = -1;  // index in SemanticModel::profiles, -1 if unknown
  std::vector<GivenValue> given;
};

class SemanticModel {
 public:
  // --- side tables, keyed by NodeId -------------------------------------
  // The type of an expression (Error for nodes that are not expressions or
  // whose type could not be determined).
  Type type_of(ast::NodeId id) const {
    return id < types_.size() ? types_[id] : Type::error();
  }
  // What a NameExpr, QualifiedExpr, CallExpr, TypeRef, a profile's schema
  // reference or a test's profile reference resolves to (by NodeId of the
  // node holding the Ident).
  Ref ref_of(ast::NodeId id) const {
    auto it = refs_.find(id);
    return it == refs_.end() ? Ref{} : it->second;
  }
  // The folded value of an expression that is a compile-time constant
  // (literals, consts, set literals, enum members, arithmetic on them).
  const ConstValue* constant_of(ast::NodeId id) const {
    auto it = constants_.find(id);
    return it == constants_.end() ? nullptr : &it->second;
  }

  void set_type(ast::NodeId id, Type t) {
    if (id >= types_.size()) types_.resize(id + 1);
    types_[id] = t;
  }
  void set_ref(ast::NodeId id, Ref r) { refs_[id] = r; }
  void set_constant(ast::NodeId id, ConstValue v) { constants_[id] = std::move(v); }

  // --- declarations of the whole program --------------------------------
  std::vector<EnumInfo> enums;
  std::vector<SchemaInfo> schemas;
  std::vector<DefInfo> defs;
  // Profiles and personas of every file, by FileId (the main file, FileId
  // 0, first); ProfileInfo::file says where each is declared.
  std::vector<ProfileInfo> profiles;
  std::vector<ConstInfo> consts;      // consts of every file
  std::vector<TestInfo> tests;        // test blocks of the main file, in order

  const ConstInfo* find_const(std::string_view name) const {
    for (const auto& c : consts)
      if (c.name == name) return &c;
    return nullptr;
  }
  // Enums and schemas by name (first match across files).
  const EnumInfo* find_enum(std::string_view name) const {
    for (const auto& e : enums)
      if (e.name == name) return &e;
    return nullptr;
  }
  const SchemaInfo* find_schema(std::string_view name) const {
    for (const auto& s : schemas)
      if (s.name == name) return &s;
    return nullptr;
  }
  // The file an `import` declaration (by NodeId) resolved to, or kNoFile.
  FileId import_target(ast::NodeId id) const {
    auto it = imports_.find(id);
    return it == imports_.end() ? kNoFile : it->second;
  }
  void set_import_target(ast::NodeId id, FileId f) { imports_[id] = f; }

  const EnumInfo& enum_info(EnumId id) const { return enums.at(id); }
  const ProfileInfo* find_profile(std::string_view name) const {
    for (const auto& p : profiles)
      if (p.name == name) return &p;  // the main file's first
    return nullptr;
  }

  // A readable name of a type: "int?", "set<string>", "Industry".
  std::string type_name(Type t) const;

 private:
  std::vector<Type> types_;
  std::unordered_map<ast::NodeId, Ref> refs_;
  std::unordered_map<ast::NodeId, ConstValue> constants_;
  std::unordered_map<ast::NodeId, FileId> imports_;
};

}  // namespace icp::sema
