// Batch: a block of input rows in columns, the one data layout that both the
// interpreter and the JIT read.
//
//   Batch
//     rows                    number of rows (n)
//     row_number[n]           1-based data row of the input (header excluded)
//     line[n]                 physical line (1-based) where the row starts
//     columns[f]              one Column per schema field, in Schema order
//     kept[k]                 input columns copied to the output (--keep)
//     dict                    StringDict shared by every column of the batch
//
//   Column (only the vector of its kind is filled; all have n entries
//   except the set vectors):
//     valid[n]                1 = has a value, 0 = missing (payload is 0)
//     Bool                    b8[n]        0 / 1
//     Int, Duration           i64[n]       value / days
//     Float                   f64[n]
//     Date                    i32[n]       days since 1970-01-01
//     Enum                    i32[n]       member ordinal (EnumSpec order)
//     String                  str[n]       id in dict
//     StringSet               set_offsets[n + 1], set_ids[...]: row r's
//                             items are set_ids[set_offsets[r] .. set_offsets[r+1]),
//                             distinct ids in first-seen order. A missing set
//                             (only for an optional set) has no items.
//
// Vectors do not move once a batch is filled, so `.data()` pointers can be
// handed to compiled code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "icp/rt/schema.h"
#include "icp/rt/strdict.h"
#include "icp/rt/value.h"

namespace icp::rt {

struct Column {
  ValueKind kind = ValueKind::String;
  bool optional = false;  // the field's `?` (a non-optional set is never missing)
  std::vector<uint8_t> valid;
  std::vector<uint8_t> b8;
  std::vector<int64_t> i64;
  std::vector<int32_t> i32;
  std::vector<double> f64;
  std::vector<uint32_t> str;
  std::vector<uint32_t> set_offsets{0};
  std::vector<uint32_t> set_ids;

  void clear();
  void resize(size_t n);  // to n rows (truncating a set column too)
};

// An input column copied to the output. Cells are ids in Batch::dict with a
// kind, so NDJSON input can be echoed as the JSON it was.
struct KeptColumn {
  enum CellKind : uint8_t {
    Absent = 0,  // no such key / JSON null / (CSV) never
    Text = 1,    // a CSV cell or a JSON string (decoded): printed as a JSON string
    Json = 2,    // a JSON number, boolean, array or object: printed as written
  };
  std::string name;  // as given to --keep
  std::vector<uint8_t> kind;
  std::vector<uint32_t> id;
};

struct Batch {
  size_t rows = 0;
  std::vector<int64_t> row_number;
  std::vector<int64_t> line;
  std::vector<Column> columns;
  std::vector<KeptColumn> kept;
  StringDict dict;

  // Empties the batch and sets up one column per field and the kept columns.
  void reset(const Schema& schema, const std::vector<std::string>& keep = {});
  // Appends one row from a Record (values must match the field kinds; a
  // missing value of a non-optional set is stored as the empty set).
  void append_record(const Record& rec, int64_t row_number = 0, int64_t line = 0);
  // Row `r` back as a Record (for explain and tests).
  Record record(size_t r) const;
  Value value(size_t field, size_t r) const;
};

}  // namespace icp::rt
