// The options of `icp score` (TOOLS.md) and their checks: turning the raw
// command-line strings into reader options, formats and paths. Each check
// prints a usage error itself and returns false.
#pragma once
#include <string>
#include <vector>

#include "eval/engines.h"
#include "icp/rt/convert.h"
#include "icp/rt/reader.h"

namespace icp::driver {

struct ScoreOptions {
  std::string model, input, profile, as_of, output, format, rejects, input_format, list_sep = ";", delimiter,
      date_format = "ymd";
  std::vector<std::string> keep;
  std::vector<std::string> allow_missing;  // --allow-missing COL,...|all
  bool lenient = false;
  bool stats = false;  // hidden: per-phase timings on stderr
  int threads = 0;     // 0: all cores
  eval::EngineKind engine = eval::EngineKind::Interp;
};

// What the options resolve to.
struct ScoreSettings {
  rt::InputFormat input_format = rt::InputFormat::Csv;
  bool ndjson_out = false;
  rt::ReadOptions read;
  std::string rejects_path;
  int workers = 1;
};

bool resolve_score_options(const ScoreOptions& opt, ScoreSettings& out);

// `--allow-missing` against the model's schema: every name is the column of
// an optional field, a set or a field with a default (ignoring case), or is
// `all`. A required field's column, or a name no field reads, is a usage
// error (with the closest column). Fills out.allow_missing*.
// The input columns copied to the output, in order: the schema's key column
// (LANGUAGE.md section 3, TOOLS.md: always, right after `row`, under its
// `from` name), then the --keep columns (one naming the key column again,
// ignoring case, is dropped). A key column named like a result column is a
// usage error.
bool copied_columns(const rt::Schema& schema, const std::vector<std::string>& keep, std::vector<std::string>& out);

bool resolve_allow_missing(const std::vector<std::string>& names, const rt::Schema& schema, rt::ReadOptions& out);

}  // namespace icp::driver
