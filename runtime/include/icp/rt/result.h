// The result of scoring one record (LANGUAGE.md section 6), the profile
// facts a writer needs to print it (labels, groups, tier names), and a
// columnar form that engines can fill for a whole Batch.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace icp::rt {

enum class RuleKind : uint8_t { Exclude, Signal, Trigger };

struct RuleInfo {
  std::string label;
  RuleKind kind = RuleKind::Signal;
  int32_t group = -1;  // index in ProfileInfo::groups, -1 outside groups
};

// Rules are numbered in source order (excludes, signals and triggers
// together); results refer to them by index.
struct ProfileInfo {
  std::string name;
  std::vector<RuleInfo> rules;
  std::vector<std::string> groups;  // group labels
  std::vector<std::string> tiers;   // tier names in order
};

inline constexpr int32_t kTierOut = -1;       // no tier matched
inline constexpr int32_t kTierExcluded = -2;  // excluded_by is not empty

// "bullseye" / "out" / "excluded".
const std::string& tier_name(const ProfileInfo& p, int32_t tier);

struct FiredRule {
  uint32_t rule = 0;  // index in ProfileInfo::rules
  double points = 0;  // after decay, before caps
  bool operator==(const FiredRule&) const = default;
};

struct ScoreResult {
  double score = 0;
  int32_t tier = kTierOut;
  std::vector<uint32_t> excluded_by;  // exclude rules whose condition was true, in order
  std::vector<FiredRule> fired;       // in source order
  std::vector<uint32_t> unknown;      // rules that counted as unknown, excludes too, in order
  double confidence = 1;
};

// Results for a whole Batch, one array per output: what compiled code fills.
//   rule_state[r * rules + k]: per row r and rule k, one of the RuleState
//   values; rule_points[r * rules + k]: the points of a Fired rule.
enum RuleState : uint8_t { kRuleFalse = 0, kRuleFired = 1, kRuleUnknown = 2 };
struct ResultBatch {
  size_t rows = 0, rules = 0;
  std::vector<double> score;
  std::vector<int32_t> tier;
  std::vector<double> confidence;
  std::vector<uint8_t> rule_state;   // an exclude that is true is kRuleFired
  std::vector<double> rule_points;

  void reset(size_t rows, size_t rules);  // zero-filled
  // Row r as a ScoreResult (excludes that fired go to excluded_by).
  ScoreResult row(size_t r, const ProfileInfo& p) const;
};

}  // namespace icp::rt
