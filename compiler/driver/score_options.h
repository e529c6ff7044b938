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
  bool lenient = false;
  bool stats = false;  // hidden: per-phase timings on stderr
  int threads = 0;     // 0: all cores
  eval::EngineKind engine = eval::EngineKind::Interp;
};

// A used cell (or NDJSON line) longer than this rejects its row.
inline constexpr size_t kMaxCellBytes = size_t(1) << 20;

// What the options resolve to.
struct ScoreSettings {
  rt::InputFormat input_format = rt::InputFormat::Csv;
  bool ndjson_out = false;
  rt::ReadOptions read;
  std::string rejects_path;
  int workers = 1;
};

bool resolve_score_options(const ScoreOptions& opt, ScoreSettings& out);

}  // namespace icp::driver
