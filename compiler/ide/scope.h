// The top-level names the main file can use: its own declarations and those
// of the files it imports directly. Imports are not re-exported (LANGUAGE.md
// section 3), so what an imported file imports is not among them.
#pragma once
#include <string_view>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

class Scope {
 public:
  explicit Scope(const sema::Program& p);

  bool visible(FileId f) const;
  const std::vector<FileId>& files() const { return files_; }  // the main file first

  // Declarations of the visible files, in file then source order.
  std::vector<const ast::Decl*> decls() const;
  const sema::EnumInfo* find_enum(std::string_view name) const;
  sema::EnumId enum_id(std::string_view name) const;  // kNoEnum if none is visible
  const sema::SchemaInfo* find_schema(std::string_view name) const;
  const sema::DefInfo* find_def(std::string_view name) const;
  const ast::ProfileDecl* find_profile(std::string_view name) const;

 private:
  const sema::Program& p_;
  std::vector<FileId> files_;
};

}  // namespace icp::ide
