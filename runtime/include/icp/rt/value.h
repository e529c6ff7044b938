// Row-wise values: `Value` (missing, or one of the ICP value kinds) and
// `Record` (one Value per schema field, in schema order). Used for single
// records: `explain --record`, the C API's icp_score_json, tests' `given`,
// schema defaults. Bulk data uses the columnar Batch (batch.h) instead.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace icp::rt {

// The kinds of schema fields (LANGUAGE.md section 4; enum-member sets exist
// only in the compiler, never as data).
enum class ValueKind : uint8_t { Bool, Int, Float, String, Date, Duration, StringSet, Enum };

const char* value_kind_name(ValueKind k);  // "bool", "int", ..., "set<string>", "enum"

struct DateVal { int32_t days = 0; bool operator==(const DateVal&) const = default; };      // since 1970-01-01
struct DurationVal { int64_t days = 0; bool operator==(const DurationVal&) const = default; };
struct EnumVal { int32_t ordinal = 0; bool operator==(const EnumVal&) const = default; };  // member index
using StringSet = std::vector<std::string>;  // distinct items, first-seen order

class Value {
 public:
  using Storage = std::variant<std::monostate, bool, int64_t, double, std::string, DateVal, DurationVal, StringSet, EnumVal>;

  Value() = default;  // missing
  static Value missing() { return {}; }
  static Value boolean(bool b) { return Value(Storage(b)); }
  static Value integer(int64_t i) { return Value(Storage(i)); }
  static Value real(double d) { return Value(Storage(d)); }
  static Value string(std::string s) { return Value(Storage(std::move(s))); }
  static Value date(int32_t days) { return Value(Storage(DateVal{days})); }
  static Value duration(int64_t days) { return Value(Storage(DurationVal{days})); }
  static Value set(StringSet s) { return Value(Storage(std::move(s))); }
  static Value enumeration(int32_t ordinal) { return Value(Storage(EnumVal{ordinal})); }

  bool is_missing() const { return std::holds_alternative<std::monostate>(v_); }
  bool present() const { return !is_missing(); }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  int32_t as_date() const { return std::get<DateVal>(v_).days; }
  int64_t as_duration() const { return std::get<DurationVal>(v_).days; }
  const StringSet& as_set() const { return std::get<StringSet>(v_); }
  int32_t as_enum() const { return std::get<EnumVal>(v_).ordinal; }

  const Storage& storage() const { return v_; }
  bool operator==(const Value&) const = default;

  // For messages and debugging: `missing`, `true`, `42`, `1.5`, `"text"`,
  // `2026-11-01`, `90d`, `{"a", "b"}`, `#2` (enum ordinal).
  std::string debug_string() const;

 private:
  explicit Value(Storage v) : v_(std::move(v)) {}
  Storage v_;
};

// One value per schema field, indexed like Schema::fields.
struct Record {
  std::vector<Value> values;
};

}  // namespace icp::rt
