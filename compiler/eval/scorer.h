// A scoring session for one profile: its IR, an engine (JIT or interpreter),
// the runtime schema for reading input and the profile facts for writing
// results. Used by `icp test`, `icp explain`, `icp score` and the C API.
//
//   std::string err;
//   auto s = eval::Scorer::create(program, *program.model.find_profile("P"),
//                                 eval::default_engine_kind(), &err);
//   eval::ScoreRun run;
//   if (s->score_json(R"({"Employees": 800})", as_of, run, err))
//     rt::ScoreResult r = s->result(run);   // score, tier, fired, unknown, ...
//
// Thread-safe: a Scorer may be used from many threads at once.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "eval/engines.h"
#include "icp/rt/batch.h"
#include "icp/rt/convert.h"
#include "icp/rt/result.h"
#include "icp/rt/schema.h"
#include "ir/ir.h"
#include "sema/program.h"

namespace icp::eval {

// One scored batch: the input rows and the engine's result columns.
struct ScoreRun {
  rt::Batch batch;
  rt::ResultBatch results;
};

class Scorer {
 public:
  // Lowers the profile and builds the engine. Null and *error set on failure.
  static std::unique_ptr<Scorer> create(const sema::Program& program, const sema::ProfileInfo& profile,
                                        EngineKind kind, std::string* error);

  const ir::Function& function() const { return *fn_; }
  const ir::Engine& engine() const { return *engine_; }
  const rt::Schema& schema() const { return *schema_; }
  const rt::ProfileInfo& info() const { return info_; }
  const sema::SchemaInfo& schema_info() const { return sema_schema_; }

  // Scores every row of `batch` into `out` (reset here).
  void score(const rt::Batch& batch, int64_t as_of, rt::ResultBatch& out) const;
  // One record given as a JSON object (NDJSON rules). False and `error` set
  // when the record cannot be read. `unread_keys`, when given, receives the
  // record's keys that no field reads.
  bool score_json(std::string_view json, int64_t as_of, ScoreRun& run, std::string& error,
                  const rt::ReadOptions& opts = {}, std::vector<std::string>* unread_keys = nullptr) const;
  // One record of field values (a test's `given`).
  void score_record(const rt::Record& rec, int64_t as_of, ScoreRun& run) const;

  rt::ScoreResult result(const ScoreRun& run, size_t row = 0) const { return run.results.row(row, info_); }

 private:
  Scorer() = default;
  std::unique_ptr<ir::Function> fn_;
  std::unique_ptr<ir::Engine> engine_;
  std::unique_ptr<rt::Schema> schema_;
  sema::SchemaInfo sema_schema_;
  rt::ProfileInfo info_;
};

// The runtime's profile facts (rule labels and kinds, groups, tiers) of `f`.
rt::ProfileInfo profile_info(const ir::Function& f);

}  // namespace icp::eval
