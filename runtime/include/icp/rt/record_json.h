// One record given as a JSON object (`icp explain --record`, the C API's
// icp_score_json): read with exactly the rules of an NDJSON row (section 8),
// but the object may span lines.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "icp/rt/batch.h"
#include "icp/rt/convert.h"
#include "icp/rt/schema.h"
#include "icp/rt/value.h"

namespace icp::rt {

// Appends the record as one row of `out` (which must have been reset() for
// `schema`; row_number 1, line 1). On a bad record returns false and sets
// `error`, e.g. `'Employees': cannot read "twelve" as an int` (every
// unreadable value, `; `-separated). `unread_keys`, when given, receives the
// keys that no field reads, as written, in order.
bool append_record_json(std::string_view json, const Schema& schema, const ReadOptions& opts, Batch& out,
                        std::string& error, std::vector<std::string>* unread_keys = nullptr);
// Same, as a Record.
bool read_record_json(std::string_view json, const Schema& schema, const ReadOptions& opts, Record& out,
                      std::string& error);

}  // namespace icp::rt
