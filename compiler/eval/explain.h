// `icp explain`: an account of one scored record built from what the engine
// wrote (rule states and points, score, tier) plus the IR: for a rule that
// counted as unknown, the fields in its condition and points that were
// missing in the record (a walk from the rule's values to Field leaves).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "eval/scorer.h"
#include "source/source.h"

namespace icp::eval {

struct RuleExplanation {
  uint32_t rule = 0;
  std::string kind;   // "exclude" / "signal" / "trigger"
  std::string label;
  int group = -1;
  std::string outcome;  // "true" / "false" / "unknown"
  double points = 0;    // after decay, before caps; 0 unless it fired
  std::vector<std::string> missing;  // unknown: the missing fields it reads
};

struct GroupExplanation {
  std::string label;
  double subtotal = 0;  // its rules' points, in source order
  bool has_cap = false;
  double cap = 0;
  double contribution = 0;  // min(subtotal, cap) with a cap
};

struct TierExplanation {
  std::string name;
  std::string condition;  // source text, when known
  bool chosen = false;
};

struct Explanation {
  std::string profile;
  int64_t as_of = 0;
  rt::ScoreResult result;
  std::string tier;
  std::string tier_reason;
  std::vector<RuleExplanation> rules;
  std::vector<GroupExplanation> groups;
  std::vector<TierExplanation> tiers;
};

// Row `row` of a scored run. `sources` (optional) gives tier conditions' text.
Explanation explain(const Scorer& s, const ScoreRun& run, int64_t as_of, const SourceManager* sources = nullptr,
                    size_t row = 0);

std::string explain_text(const Explanation& e);
std::string explain_json(const Explanation& e);  // one JSON object, with a newline

// The schema fields (by name) read by `v` and its operands that are missing
// in row `row` of `view` columns' validity, in field order.
std::vector<std::string> missing_fields(const ir::Function& f, const std::vector<ir::ValueId>& roots,
                                        const rt::Batch& batch, size_t row);

}  // namespace icp::eval
