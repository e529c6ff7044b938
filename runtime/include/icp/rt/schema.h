// The runtime's own description of a schema, independent of the compiler:
// the compiler (or an embedder) fills `Schema` / `EnumSpec` once per model,
// and the readers, conversions and writers work from it alone.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "icp/rt/value.h"

namespace icp::rt {

// Enum normalisation for input data: trimmed, lower-cased (utf8.h case
// mapping), and every run of spaces, hyphens and underscores read as one `_`.
// "Finance and Insurance" -> "finance_and_insurance", "Series-B" -> "series_b".
std::string normalize_enum_text(std::string_view s);

struct EnumSpec {
  std::string name;                               // "Region"
  std::vector<std::string> members;               // in declaration order
  std::vector<std::vector<std::string>> aliases;  // per member (may be shorter than members)
  int32_t default_member = -1;                    // -1: none

  // Builds the lookup table. Returns "" or a message naming texts that
  // normalise to two different members (the first one wins).
  std::string build();
  // Member ordinal for a member name or alias (normalised), -1 when unknown.
  // Does not apply the default member. build() must have been called.
  int32_t find(std::string_view text) const;
  // "americas, emea, apac" (at most `max` names, then ", ...").
  std::string member_list(size_t max = 12) const;

 private:
  std::unordered_map<std::string, int32_t> index_;
};

struct FieldSpec {
  std::string name;    // field name in the schema
  std::string column;  // `from` name, or the field name
  ValueKind kind = ValueKind::String;
  bool optional = false;             // T?
  bool has_default = false;          // `= literal`
  bool key = false;                  // `name: Type key` (the schema's key; its column is copied to the output)
  Value default_value;               // when has_default
  const EnumSpec* enum_spec = nullptr;  // when kind == Enum

  // A column that must be in a CSV header: not optional, no default, not a set.
  bool required() const { return !optional && !has_default && kind != ValueKind::StringSet; }
};

struct Schema {
  std::string name;
  std::vector<FieldSpec> fields;
  // Keeps enum specs alive when the schema owns them (optional; FieldSpec
  // may also point at specs owned elsewhere).
  std::vector<std::shared_ptr<EnumSpec>> owned_enums;

  // Field index whose column matches `column` case-insensitively (trimmed),
  // -1 when none.
  int find_column(std::string_view column) const;
};

// Case-insensitive key for column names: trimmed and lower-cased.
std::string column_key(std::string_view s);

// The candidate closest to `name` for a "did you mean": compared lower-cased
// with spaces, `_` and `-` ignored, by edit distance (an adjacent
// transposition is one edit); ties go to the earlier candidate. A candidate
// that contains the other (`Revenue` / `Annual Revenue`) counts as close.
// Otherwise, with `typo_only`, only a candidate close enough to be a typo (at
// most a third of the longer name's letters, at least 1); without it, any
// candidate that keeps at least half of the longer name's letters in place.
// "" when there is none.
std::string closest_column(std::string_view name, const std::vector<std::string>& candidates, bool typo_only);

// For an input key (NDJSON, `explain --record`) that no field reads: "did
// you mean `employees`, column `Employee Count`?" naming the field whose
// column or name is closest (closest_column, typo_only; a key that is a
// field's name while the field reads another column matches too), or ""
// when no field is close. `, column ...` only when the column is not the
// field's name. A key that is the name of a field whose `from` names another
// column gets "field `employees` reads the key `Employee Count` (its `from`
// name) instead".
std::string unread_key_hint(std::string_view key, const Schema& schema);

}  // namespace icp::rt
