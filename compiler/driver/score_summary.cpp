// Tallies of scored rows and the end-of-run summary. See score_summary.h.
#include "driver/score_summary.h"

#include "icp/json.h"
#include "icp/rt/dates.h"

namespace icp::driver {

void ScoreTally::init(const rt::ProfileInfo& p, const rt::Schema* schema) {
  date_fields.clear();
  if (schema)
    for (uint32_t f = 0; f < schema->fields.size(); ++f)
      if (schema->fields[f].kind == rt::ValueKind::Date) date_fields.push_back(f);
  after_as_of.assign(date_fields.size(), 0);
  scored = rejected = 0;
  tiers.assign(p.tiers.size() + 2, 0);
  excludes.clear();
  for (uint32_t k = 0; k < p.rules.size(); ++k)
    if (p.rules[k].kind == rt::RuleKind::Exclude) excludes.push_back(k);
  removed.assign(excludes.size(), 0);
  matched.assign(excludes.size(), 0);
  unknown.assign(excludes.size(), 0);
}

void ScoreTally::add(const rt::ResultBatch& res) {
  const size_t ntiers = tiers.size() - 2;
  for (size_t r = 0; r < res.rows; ++r) {
    int32_t t = res.tier[r];
    size_t slot = t >= 0 ? size_t(t) : t == rt::kTierOut ? ntiers : ntiers + 1;
    if (slot < tiers.size()) ++tiers[slot];
    const uint8_t* state = res.rule_state.data() + r * res.rules;
    bool first = true;
    for (size_t e = 0; e < excludes.size(); ++e) {
      if (state[excludes[e]] == rt::kRuleUnknown) ++unknown[e];
      if (state[excludes[e]] != rt::kRuleFired) continue;
      ++matched[e];
      if (first) ++removed[e];
      first = false;
    }
  }
  scored += int64_t(res.rows);
}

void ScoreTally::add_dates(const rt::Batch& batch, int64_t as_of) {
  for (size_t d = 0; d < date_fields.size(); ++d) {
    if (date_fields[d] >= batch.columns.size()) continue;
    const rt::Column& col = batch.columns[date_fields[d]];
    int64_t n = 0;
    for (size_t r = 0; r < batch.rows && r < col.i32.size(); ++r) n += col.valid[r] && int64_t(col.i32[r]) > as_of;
    after_as_of[d] += n;
  }
}

void ScoreTally::merge(const ScoreTally& o) {
  for (size_t i = 0; i < after_as_of.size() && i < o.after_as_of.size(); ++i) after_as_of[i] += o.after_as_of[i];
  scored += o.scored;
  rejected += o.rejected;
  for (size_t i = 0; i < tiers.size() && i < o.tiers.size(); ++i) tiers[i] += o.tiers[i];
  for (size_t i = 0; i < removed.size() && i < o.removed.size(); ++i) {
    removed[i] += o.removed[i];
    matched[i] += o.matched[i];
    unknown[i] += o.unknown[i];
  }
}

void print_score_summary(std::ostream& os, const ScoreTally& t, const rt::ProfileInfo& p, bool lenient,
                         int64_t lenient_count, const std::vector<std::pair<std::string, int64_t>>& lenient_by_column,
                         const rt::Schema* schema, int64_t as_of) {
  os << "scored " << t.scored << " rows, rejected " << t.rejected << "\n";
  os << "tiers:";
  for (size_t i = 0; i < t.tiers.size(); ++i) {
    const std::string& name = i < p.tiers.size() ? p.tiers[i] : i == p.tiers.size() ? "out" : "excluded";
    os << (i ? ", " : " ") << name << " " << t.tiers[i];
  }
  os << "\n";
  for (size_t e = 0; e < t.excludes.size(); ++e)
    os << "excluded by \"" << p.rules[t.excludes[e]].label << "\": " << t.removed[e] << " (matched " << t.matched[e]
       << ", unknown " << t.unknown[e] << ")\n";
  if (lenient) {
    os << "lenient: read " << lenient_count << " unreadable values as missing";
    for (size_t i = 0; i < lenient_by_column.size(); ++i)
      os << (i ? ", " : " (") << lenient_by_column[i].first << " " << lenient_by_column[i].second;
    os << (lenient_by_column.empty() ? "\n" : ")\n");
  }
  bool any_after = false;
  for (size_t d = 0; d < t.after_as_of.size(); ++d) {
    if (!schema || t.after_as_of[d] == 0 || t.date_fields[d] >= schema->fields.size()) continue;
    os << (any_after ? ", " : "dates after the scoring date " + rt::format_date(as_of) + ": ")
       << schema->fields[t.date_fields[d]].column << " " << t.after_as_of[d];
    any_after = true;
  }
  if (any_after) os << " (a trigger or `within` on them is false)\n";
}

void print_unread_keys(std::ostream& os, const std::vector<rt::UnreadKey>& keys, int64_t more) {
  if (keys.empty()) return;
  os << "keys that no field reads:";
  for (size_t i = 0; i < keys.size(); ++i) {
    os << (i ? ", " : " ") << json::quote(keys[i].key) << " in " << keys[i].rows << (keys[i].rows == 1 ? " row" : " rows");
    if (!keys[i].hint.empty()) os << " (" << keys[i].hint << ")";
  }
  if (more > 0) os << ", and " << more << " other key" << (more == 1 ? "" : "s");
  os << "\n";
}

}  // namespace icp::driver
