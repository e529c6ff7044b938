// Output writers (TOOLS.md `icp score`): result rows as NDJSON or CSV, the
// rejects CSV, and one result as the C API's JSON object. Each function
// appends text to a std::string; the caller owns I/O and ordering.
//
// NDJSON row:  {"row":1,<kept>,"score":80,"tier":"bullseye","excluded_by":[...],
//               "fired":[{"label":"..","points":25,"group":".."}],"unknown":[...],
//               "confidence":1}      ("group" only for rules in a group)
// CSV:         row,<kept>,score,tier,excluded_by,fired,unknown,confidence
//              (lists are labels joined by ';')
// Rejects CSV: row,line,column,reason,<original header cells>
// Numbers are printed as JavaScript's String(number) (jsnum.h).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "icp/rt/batch.h"
#include "icp/rt/reader.h"
#include "icp/rt/result.h"

namespace icp::rt {

// Low-level pieces.
void append_csv_field(std::string& out, std::string_view s);    // RFC 4180 quoting when needed

// The result columns, in output order.
extern const char* const kResultColumns[6];  // score tier excluded_by fired unknown confidence

// NDJSON: one line (with '\n') for batch row r. Kept columns come from
// batch.kept (names as given to --keep).
void append_ndjson_result(std::string& out, const Batch& batch, size_t r, const ScoreResult& res,
                          const ProfileInfo& p);
// CSV header line for these kept column names, and one row.
void append_csv_result_header(std::string& out, const std::vector<std::string>& kept_names);
void append_csv_result(std::string& out, const Batch& batch, size_t r, const ScoreResult& res, const ProfileInfo& p);

// The C API's object: the NDJSON shape without "row" (and without kept
// columns), no trailing newline.
std::string result_json(const ScoreResult& res, const ProfileInfo& p);

// Rejects file.
void append_rejects_header(std::string& out, const std::vector<std::string>& reject_header);
void append_reject(std::string& out, const Reject& r);

}  // namespace icp::rt
