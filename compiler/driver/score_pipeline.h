// The parallel, ordered scoring pipeline of `icp score`:
//
//   reader thread --> N worker threads --> caller's thread (in input order)
//   RowSource::next_chunk   score + format      ChunkConsumer::consume
//
// A fixed pool of chunks circulates (2 per worker + 2), so at most that
// many chunks are in flight whatever the input size: the reader waits for
// a free chunk, the consumer waits for the next chunk in sequence. Reading,
// scoring and writing overlap. Every input row ends in exactly one chunk,
// as a scored row or a reject.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "driver/score_summary.h"
#include "eval/scorer.h"
#include "icp/rt/reader.h"

namespace icp::driver {

// One chunk of input rows after scoring: output text and rejects text ready
// to write, and its tally.
struct ScoredChunk {
  uint64_t seq = 0;
  rt::Batch batch;
  std::vector<rt::Reject> rejects;
  rt::ResultBatch results;
  std::string text;          // output rows (CSV or NDJSON)
  std::string rejects_text;  // rejects CSV rows (no header)
  ScoreTally tally;
};

// Cumulative nanoseconds per phase (summed over threads for score/format).
struct PhaseTimes {
  std::atomic<int64_t> read{0}, score{0}, format{0}, write{0}, reader_stall{0}, consumer_stall{0};
};

struct PipelineConfig {
  int workers = 1;
  size_t chunk_rows = 4096;
  int64_t as_of = 0;
  bool ndjson_out = false;
};

class ChunkConsumer {
 public:
  virtual ~ChunkConsumer() = default;
  // Called on the caller's thread, in input order. False stops the run
  // (e.g. the output cannot be written).
  virtual bool consume(const ScoredChunk& chunk) = 0;
  // Called on the caller's thread about every 100 ms while waiting.
  virtual void idle() {}
};

// Runs the pipeline to the end of `src`. False when the consumer stopped it.
bool run_score_pipeline(rt::RowSource& src, const eval::Scorer& scorer, const PipelineConfig& cfg,
                        ChunkConsumer& consumer, PhaseTimes& times);

}  // namespace icp::driver
