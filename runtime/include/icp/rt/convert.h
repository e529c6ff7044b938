// Typed reading of one input value (LANGUAGE.md section 8): numbers with
// signs, currency, thousands separators, exponents, magnitudes (applied in
// decimal: `2.01k` is exactly 2010) and percent; booleans; dates; durations;
// enum members and aliases; set<string> cells. Every failure gives a reason a
// person understands, e.g. `cannot read "twelve" as an int`.
//
// All functions take text that is already trimmed and not empty (the readers
// decide "no value" before calling them).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "icp/rt/dates.h"
#include "icp/rt/schema.h"
#include "icp/rt/value.h"

namespace icp::rt {

// Reader options (the `icp score` flags of TOOLS.md).
struct ReadOptions {
  char delimiter = ',';           // CSV field separator (--delimiter; '\t' for .tsv)
  std::string list_sep = ";";     // set<string> item separator in CSV cells (--list-sep)
  DateFormat date_format = DateFormat::Ymd;  // --date-format
  bool lenient = false;           // --lenient
  // A CSV record or an NDJSON line longer than this (without its line
  // ending) rejects its row; a CSV header longer than this is an error (0:
  // no limit; `icp score` uses kMaxRecordBytes of reader.h).
  size_t max_record_bytes = 0;
  // Absent CSV columns that read as no value (--allow-missing; compared as
  // column_key()s). Only optional fields, sets and fields with a default
  // may be absent, allowed or not; `allow_missing_all` allows all of them.
  std::vector<std::string> allow_missing;
  bool allow_missing_all = false;
};

// A number read exactly: value = (negative ? -1 : 1) * digits * 10^exp10,
// `digits` without leading zeros ("" for zero).
struct DecimalNumber {
  bool negative = false;
  std::string digits;
  int32_t exp10 = 0;
  bool percent = false;  // had a trailing '%' (already applied to exp10)
};

// Parses the number syntax of section 8. false when `s` is not a number.
bool parse_decimal(std::string_view s, DecimalNumber& out);

bool parse_int_cell(std::string_view s, int64_t& out, std::string& reason);
bool parse_float_cell(std::string_view s, double& out, std::string& reason);
bool parse_bool_cell(std::string_view s, bool& out, std::string& reason);
bool parse_date_value(std::string_view s, DateFormat fmt, int32_t& out, std::string& reason);
// Days: `90`, `90d`, `6w`, `3mo` (30 days), `1y` (365 days).
bool parse_duration_cell(std::string_view s, int64_t& out, std::string& reason);
// Member ordinal: name or alias, else the default member, else an error
// `"Mars" is not a Region (expected one of americas, emea, apac)`.
bool parse_enum_cell(std::string_view s, const EnumSpec& e, int32_t& out, std::string& reason);
// Splits on `sep`, trims items, drops empties and duplicates (first kept).
// Views point into `s`.
void split_set_cell(std::string_view s, std::string_view sep, std::vector<std::string_view>& items);

// A whole cell (trimmed, non-empty) into a Value of the field's kind. For
// set<string>, a cell that is a JSON array of strings is read as one.
bool convert_text(std::string_view s, const FieldSpec& f, const ReadOptions& o, Value& out, std::string& reason);

// `"text"` for messages: quoted, shortened to 60 code points with "...".
std::string quote_for_message(std::string_view s);

}  // namespace icp::rt
