// One JSON object -> one row / Record. See icp/rt/record_json.h.
#include "icp/rt/record_json.h"

#include <algorithm>

#include "icp/rt/utf8.h"
#include "json_line.h"
#include "row_builder.h"

namespace icp::rt {

bool append_record_json(std::string_view json, const Schema& schema, const ReadOptions& opts, Batch& out,
                        std::string& error, std::vector<std::string>* unread_keys) {
  size_t bad = utf8_invalid_at(json);
  if (bad != std::string_view::npos) {
    error = "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the record";
    return false;
  }
  JsonLineParser parser;
  if (!parser.parse_object(json, error)) return false;
  std::vector<CellInput> inputs(schema.fields.size());
  std::vector<std::string> keys;
  for (const auto& f : schema.fields) keys.push_back(column_key(f.column));
  int64_t order = 0;
  for (const JsonMember& m : parser.members()) {
    std::string k = column_key(m.key);
    ++order;
    bool read = false;
    for (size_t f = 0; f < keys.size(); ++f) {
      if (keys[f] != k) continue;
      CellInput& in = inputs[f];
      cell_from_json(in, m, parser);
      in.order = order;
      read = true;
    }
    if (!read && unread_keys) unread_keys->emplace_back(m.key);
  }
  RowBuilder builder(schema, opts);
  std::vector<CellProblem> problems;
  if (!builder.add(inputs, out, problems)) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const CellProblem& a, const CellProblem& b) { return a.order < b.order; });
    error.clear();
    for (const auto& p : problems) {
      if (!error.empty()) error += "; ";
      error += p.reason.starts_with("missing required") ? p.reason : "'" + p.column + "': " + p.reason;
    }
    return false;
  }
  out.row_number.push_back(int64_t(out.rows) + 1);
  out.line.push_back(1);
  for (auto& k : out.kept) {
    k.kind.push_back(KeptColumn::Absent);
    k.id.push_back(0);
  }
  ++out.rows;
  return true;
}

bool read_record_json(std::string_view json, const Schema& schema, const ReadOptions& opts, Record& out,
                      std::string& error) {
  Batch b;
  b.reset(schema);
  if (!append_record_json(json, schema, opts, b, error)) return false;
  out = b.record(0);
  return true;
}

}  // namespace icp::rt
