// The checker's shared state (internal to sema/): the Program being checked,
// the per-file scopes of top-level names, and bookkeeping the passes share
// (which declarations are used, which defs call which, const evaluation
// state). Each pass is a free function over a Checker, in its own file;
// check_file_set() in program.cpp runs them in order.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sema/program.h"

namespace icp::sema {

// A top-level declaration as seen from a file.
struct TopDecl {
  ast::DeclKind kind = ast::DeclKind::Import;
  const ast::Decl* decl = nullptr;
  const ast::Ident* name = nullptr;
  FileId file = kNoFile;
  uint32_t index = 0;  // in the model's enums / schemas / consts / defs, or profile slot
};

// What one file sees: its own declarations and those of the files it imports
// directly (imports are not re-exported). Functions have a namespace of their
// own (LANGUAGE.md section 2): defs are kept apart from the other names.
struct FileScope {
  std::vector<FileId> imports;
  std::vector<const ast::ImportDecl*> import_decls;  // parallel to imports
  std::unordered_map<std::string, TopDecl> own;      // declared in this file (not defs)
  std::unordered_map<std::string, TopDecl> names;    // own + directly imported (not defs)
  std::unordered_map<std::string, TopDecl> own_defs;  // the same two for defs
  std::unordered_map<std::string, TopDecl> defs;
  // Names two imports (or this file and an import) both declare: E0103 was
  // reported once at the import; uses of the name are errors without a
  // diagnostic of their own.
  std::unordered_set<std::string> clashing;
  // An import of this file could not be read or closes a cycle (E0104): a
  // name it does not find may be declared there, so unknown names, types,
  // functions, schemas and profiles are not reported again.
  bool incomplete = false;
  std::unordered_map<std::string, TopDecl>& own_of(ast::DeclKind k) {
    return k == ast::DeclKind::Def ? own_defs : own;
  }
  std::unordered_map<std::string, TopDecl>& names_of(ast::DeclKind k) {
    return k == ast::DeclKind::Def ? defs : names;
  }
};

enum class EvalState : uint8_t { NotStarted, InProgress, Done };

// A call from one def to another, for the recursion check.
struct DefCall {
  uint32_t callee;
  SourceRange range;
};

struct Checker {
  explicit Checker(Program& p) : prog(p), m(p.model), diags(p.diags) {}

  Program& prog;
  SemanticModel& m;
  DiagnosticEngine& diags;

  std::vector<FileScope> files;  // by FileId
  std::string stdlib_dir;        // where `import "std/..."` looks (set by the loader)

  std::unordered_map<const ast::Node*, uint32_t> index_of;  // decl -> model index
  std::vector<EvalState> const_state;                       // by const index
  std::vector<std::vector<DefCall>> def_calls;              // by def index
  std::vector<EvalState> def_state;                         // body typed
  std::unordered_set<const ast::Node*> used;  // lets, consts, defs that are referenced
  std::vector<const ast::LetItem*> main_lets;  // lets of the main file's profiles (W0001)

  bool incomplete(FileId f) const { return f < files.size() && files[f].incomplete; }
  bool clashes(FileId f, const std::string& name) const {
    return f < files.size() && files[f].clashing.count(name) > 0;
  }
  // Lookups in the scope of a file. lookup() tries the names, then the defs.
  const TopDecl* lookup(FileId f, const std::string& name) const;
  const TopDecl* lookup_kind(FileId f, const std::string& name, ast::DeclKind k) const;
  // The enum type named `name` visible in f, or kNoEnum.
  EnumId lookup_enum(FileId f, const std::string& name) const;
  // Enum ids visible in file f (own and imported), in declaration order.
  std::vector<EnumId> visible_enums(FileId f) const;

  const ast::Module* module(FileId f) const {
    return f < prog.modules.size() ? prog.modules[f].get() : nullptr;
  }
  bool is_main(FileId f) const { return f == prog.main_file; }
};

// ---- the passes, in the order they run ------------------------------------
void collect_decls(Checker& c);      // collect_decls.cpp
void check_enums(Checker& c);        // enums.cpp
void check_schema_types(Checker& c); // schemas.cpp: field types, columns
void check_def_signatures(Checker& c);  // defs.cpp
void check_consts(Checker& c);       // consts.cpp
void check_schema_defaults(Checker& c);  // schemas.cpp
void check_def_bodies(Checker& c);   // defs.cpp: bodies, recursion (E0206)
void check_profiles(Checker& c);     // profiles.cpp
void check_tests(Checker& c);        // check_tests.cpp
void lint_unused(Checker& c);        // lint_unused.cpp (W0001)
void quiet_recovered(Checker& c);    // quiet_recovered.cpp

// ---- helpers shared by passes ---------------------------------------------
// collect_decls.cpp: the name of a top-level declaration (null for imports, tests).
const ast::Ident* decl_name(const ast::Decl& d);
// "enum", "schema", "const", "def", "profile", "persona", "test".
const char* decl_kind_word(const ast::Decl& d);
// The same with its article: "an enum", "a schema".
std::string decl_kind_phrase(const ast::Decl& d);
// resolve_types.cpp: a written type to a Type (E0105); Error if unknown.
Type resolve_type(Checker& c, FileId f, const ast::TypeRef& t);
// consts.cpp: make sure const `index` is checked and folded (on demand).
void ensure_const(Checker& c, uint32_t index);
// defs.cpp: type a def's body on demand (for uses_as_of of callees).
void ensure_def_body(Checker& c, uint32_t index);

}  // namespace icp::sema
