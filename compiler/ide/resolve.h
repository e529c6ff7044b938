// What a name under the cursor stands for, across files: the target of
// hover and go-to-definition.
#pragma once
#include <string>

#include "ide/ast_walk.h"
#include "sema/program.h"

namespace icp::ide {

struct Target {
  enum Kind : uint8_t {
    None, Field, Let, Const, Param, EnumMember, Enum, Def, Builtin, Schema, Profile, Tier, Rule, File,
  };
  Kind kind = None;
  const ast::Node* node = nullptr;  // the declaring node (Decl, Item, SchemaField, EnumMember, Param)
  sema::EnumId enum_id = sema::kNoEnum;
  uint32_t index = 0;               // Builtin value, member index
  FileId file = kNoFile;            // File
};

Target resolve(const sema::Program& p, const NameHit& hit);
// The range of the target's name (where "go to definition" lands).
SourceRange target_name_range(const sema::Program& p, const Target& t);

// Lookups shared by the features.
const ast::ProfileDecl* find_profile_decl(const sema::Program& p, std::string_view name);
const sema::SchemaInfo* schema_of_profile(const sema::Program& p, const ast::ProfileDecl& d);
const ast::Item* find_rule(const std::vector<ast::ItemPtr>& items, std::string_view label);
const sema::FieldInfo* field_info(const sema::Program& p, const ast::SchemaField* f, const sema::SchemaInfo** schema = nullptr);
sema::EnumId enum_of_member(const sema::Program& p, const ast::EnumMember* m);

struct BuiltinInfo {
  std::string name;
  std::string signature;  // one line per overload
  std::string doc;
};
const std::vector<BuiltinInfo>& builtins();  // indexed by sema::Builtin

}  // namespace icp::ide
