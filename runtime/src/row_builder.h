// RowBuilder: turns the cells of one input record (already split by a
// reader) into one row of a Batch, or into a reject reason. Shared by the
// CSV and NDJSON readers; applies section 8's rules for no value, defaults,
// lenient mode and required fields. Internal to the runtime.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "icp/rt/batch.h"
#include "icp/rt/convert.h"
#include "icp/rt/schema.h"
#include "json_line.h"

namespace icp::rt {

// One field's input in one record.
struct CellInput {
  enum Kind : uint8_t {
    Absent,  // no such column / key, or JSON null
    Text,    // CSV cell, or JSON string / number / boolean text
    Array,   // JSON array (items in `items`)
    Object,  // JSON object (never readable)
    BadArray,  // JSON array holding arrays or objects
    Unreadable,  // already found unreadable by the reader (invalid UTF-8, too long)
  };
  Kind kind = Absent;
  int64_t order = 0;  // the cell's place in the record (header index, key index), for messages
  std::string_view text;
  std::vector<std::string_view> items;
  std::string_view column;  // the column / key as written in the input (for messages)
};

// Fills `in` from a JSON member's value (section 8: strings, numbers and
// booleans read like CSV cells; arrays only for sets; objects never).
inline void cell_from_json(CellInput& in, const JsonMember& m, const JsonLineParser& parser) {
  in.column = m.key;
  switch (m.value.kind) {
    case JsonValueRef::Null: in.kind = CellInput::Absent; break;
    case JsonValueRef::String:
    case JsonValueRef::Number:
    case JsonValueRef::Bool:
      in.kind = CellInput::Text;
      in.text = m.value.text;
      break;
    case JsonValueRef::Object: in.kind = CellInput::Object; break;
    case JsonValueRef::Array: {
      in.kind = m.value.array_of_scalars ? CellInput::Array : CellInput::BadArray;
      auto items = parser.items(m.value);
      in.items.assign(items.begin(), items.end());
      break;
    }
  }
}

// One unreadable cell of a record.
struct CellProblem {
  int64_t order = 0;  // as CellInput::order; problems are reported in this order
  std::string column;
  std::string reason;
};

// Sorts `problems` by order (stably) and writes the first one's column and
// `reason; COLUMN: why; ...` for the rest (Reject's form).
void describe_problems(std::vector<CellProblem>& problems, std::string& column, std::string& reason);

class RowBuilder {
 public:
  RowBuilder(const Schema& schema, const ReadOptions& opts);
  // cells[f] for every schema field f. On success appends the row to `out`
  // (fields only; the caller fills kept columns, row_number and line) and
  // returns true; otherwise appends every unreadable cell of the record to
  // `problems` (cells of kind Unreadable are the caller's) and leaves `out`
  // unchanged. With `commit` false it only checks (the caller has found the
  // record unreadable already and wants the rest of its problems).
  bool add(std::vector<CellInput>& cells, Batch& out, std::vector<CellProblem>& problems, bool commit = true);
  int64_t lenient_count() const { return lenient_; }
  // Values read as missing by --lenient, per column as written in the input
  // (schema field order; only columns with a count).
  std::vector<std::pair<std::string, int64_t>> lenient_by_column() const;

 private:
  struct Slot {
    bool valid = false;
    int64_t i = 0;
    double d = 0;
    std::string_view s;
    std::vector<std::string_view> items;
    Value def;  // a default that must be stored
    bool use_def = false;
  };
  bool read_cell(size_t f, CellInput& c, Slot& slot, std::string& reason);

  const Schema& schema_;
  ReadOptions opts_;
  std::vector<Slot> slots_;
  int64_t lenient_ = 0;
  std::vector<int64_t> lenient_by_field_;
  std::vector<std::string> lenient_column_;  // the column name as first seen in the input
  std::vector<uint8_t> lenient_row_;          // this record's, committed with the row
};

}  // namespace icp::rt
