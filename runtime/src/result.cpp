// ScoreResult helpers. See icp/rt/result.h.
#include "icp/rt/result.h"

namespace icp::rt {

const std::string& tier_name(const ProfileInfo& p, int32_t tier) {
  static const std::string kOut = "out", kExcluded = "excluded";
  if (tier == kTierExcluded) return kExcluded;
  if (tier >= 0 && size_t(tier) < p.tiers.size()) return p.tiers[size_t(tier)];
  return kOut;
}

void ResultBatch::reset(size_t n, size_t k) {
  rows = n;
  rules = k;
  score.assign(n, 0);
  tier.assign(n, kTierOut);
  confidence.assign(n, 1);
  rule_state.assign(n * k, kRuleFalse);
  rule_points.assign(n * k, 0);
}

ScoreResult ResultBatch::row(size_t r, const ProfileInfo& p) const {
  ScoreResult res;
  res.score = score[r];
  res.tier = tier[r];
  res.confidence = confidence[r];
  for (size_t k = 0; k < rules && k < p.rules.size(); ++k) {
    uint8_t s = rule_state[r * rules + k];
    if (s == kRuleFired) {
      if (p.rules[k].kind == RuleKind::Exclude) res.excluded_by.push_back(uint32_t(k));
      else res.fired.push_back({uint32_t(k), rule_points[r * rules + k]});
    } else if (s == kRuleUnknown) {  // excludes too (LANGUAGE.md section 6, step 6)
      res.unknown.push_back(uint32_t(k));
    }
  }
  return res;
}

}  // namespace icp::rt
