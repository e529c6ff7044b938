// Where a completion is asked for, read off the text before the cursor (the
// code being typed is usually broken, so the last good tree cannot say): the
// blocks the cursor is in, the statement being written in the innermost one
// and what that statement expects next. Knows the grammar's shape, nothing
// of the program's names; completion.cpp turns a context into candidates.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace icp::ide {

struct CompletionContext {
  enum Kind : uint8_t {
    Nothing,      // a name being declared, a comment, a literal, a header
    Declaration,  // where a top-level declaration starts
    ProfileItem,  // where a profile item starts
    GroupItem,    // where a group item starts
    TestItem,     // where a test item starts
    Keywords,     // only `keywords` (`when` after a signal's label, ...)
    Operand,      // an expression operand: names, literals, `if`, `not`
    Operator,     // after a complete operand: `and`, `in`, `between`, ...
    Type,         // a schema field's, a parameter's or a def's result type
    ImportPath,   // inside the string of an `import`
    RuleLabel,    // inside the string of `expect fired|points|unknown|excluded_by`
    TierName,     // after `expect tier ==` / `!=`
    GivenField,   // a field name in `given { }`
    GivenValue,   // a value in `given { field: }`
    ProfileName,  // after `profile` / `persona` in a test
    SchemaName,   // after `on` in a profile header
    Member,       // after `Enum.`
    DefaultValue, // a schema field's `= default` (`qualifier`: the field's type name)
  };
  Kind kind = Nothing;
  // Keywords to offer: all of them for Keywords; those of the position
  // (statement continuations, `then`/`else`) for the other kinds.
  std::vector<std::string> keywords;

  // The word being typed ([word_start, cursor)), and for the two string
  // kinds the string's text typed so far (from string_start).
  std::string word;
  uint32_t word_start = 0;
  std::string string_text;
  uint32_t string_start = 0;

  // The declarations around the cursor, as far as the text says.
  std::string profile;       // the profile (or persona) being written, or a test's profile
  std::string schema;        // that profile's `on` schema
  std::string def_result;    // in a def's body: the declared result type's name
  std::vector<std::string> def_params;  // in a def: its parameters
  std::vector<std::string> lets;        // the lets in scope (profile, then group), in order
  bool in_profile = false;   // in a profile's item (fields and lets are in scope)
  bool in_test = false;
  bool in_tier = false;      // in a tier condition (`score`, `confidence`)
  bool in_def = false;       // in a def's body
  bool body_start = false;   // in_def, right after `=`, `then` or `else`: the result is expected
  // The innermost call around the cursor, if any: callee and argument index.
  std::string callee;
  int arg_index = -1;
  // RuleLabel: which expect ("fired", "points", "unknown", "excluded_by").
  std::string expect;
  // GivenValue: the field; Member: the qualifier.
  std::string field;
  std::string qualifier;
  // Operand right after `name ??`: the name (its type is the one expected).
  std::string coalesce;
};

// The context at byte `offset` of `text`.
CompletionContext completion_context(std::string_view text, uint32_t offset);

}  // namespace icp::ide
