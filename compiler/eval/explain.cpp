// Building and printing explanations. See explain.h.
#include "eval/explain.h"

#include <algorithm>

#include "icp/json.h"
#include "icp/rt/dates.h"
#include "icp/rt/jsnum.h"
#include "icp/rt/writers.h"

namespace icp::eval {

namespace {

const char* kind_name(ir::RuleKind k) {
  return k == ir::RuleKind::Exclude ? "exclude" : k == ir::RuleKind::Signal ? "signal" : "trigger";
}

const char* outcome_name(uint8_t state) {
  return state == ICP_RULE_TRUE ? "true" : state == ICP_RULE_FALSE ? "false" : "unknown";
}

std::string signed_points(double p) { return (p >= 0 ? "+" : "") + rt::format_js_number(p); }

std::string quoted_list(const std::vector<std::string>& xs) {
  std::string s;
  for (const auto& x : xs) s += (s.empty() ? "\"" : ", \"") + x + "\"";
  return s;
}

}  // namespace

Explanation explain(const Scorer& s, const ScoreRun& run, int64_t as_of, const SourceManager* sources, size_t row) {
  const ir::Function& f = s.function();
  const rt::ResultBatch& res = run.results;
  Explanation e;
  e.profile = f.name;
  e.as_of = as_of;
  e.result = s.result(run, row);
  e.tier = rt::tier_name(s.info(), e.result.tier);
  size_t nrules = f.rules.size();
  for (size_t k = 0; k < nrules; ++k) {
    const ir::Rule& r = f.rules[k];
    RuleExplanation re;
    re.rule = uint32_t(k);
    re.kind = kind_name(r.kind);
    re.label = r.label;
    re.group = r.group;
    uint8_t state = res.rule_state[row * nrules + k];
    re.outcome = outcome_name(state);
    re.points = res.rule_points[row * nrules + k];
    if (state == ICP_RULE_UNKNOWN) re.missing = missing_fields(f, {r.cond, r.points}, run.batch, row);
    e.rules.push_back(std::move(re));
  }
  for (size_t g = 0; g < f.groups.size(); ++g) {
    GroupExplanation ge;
    ge.label = f.groups[g].label;
    ge.has_cap = f.groups[g].has_cap;
    ge.cap = f.groups[g].cap;
    for (const auto& re : e.rules)
      if (re.group == int(g) && re.kind != "exclude") ge.subtotal += re.points;
    ge.contribution = ge.has_cap && ge.cap < ge.subtotal ? ge.cap : ge.subtotal;
    e.groups.push_back(ge);
  }
  for (size_t t = 0; t < f.tiers.size(); ++t) {
    TierExplanation te;
    te.name = f.tiers[t].name;
    const SourceRange& r = f.tiers[t].range;
    if (sources && r.valid() && r.file < sources->size()) {
      const std::string& text = sources->file(r.file).text();
      if (r.end <= text.size()) te.condition = text.substr(r.begin, r.end - r.begin);
    }
    te.chosen = e.result.tier == int32_t(t);
    e.tiers.push_back(std::move(te));
  }
  if (e.result.tier == rt::kTierExcluded) {
    std::vector<std::string> labels;
    for (uint32_t k : e.result.excluded_by) labels.push_back(f.rules[k].label);
    e.tier_reason = "excluded by " + quoted_list(labels);
  } else if (e.result.tier == rt::kTierOut) {
    e.tier_reason = f.tiers.empty() ? "the profile has no tiers" : "no tier condition holds";
  } else {
    e.tier_reason = "the first tier whose condition holds";
  }
  return e;
}

std::string explain_text(const Explanation& e) {
  std::string out = e.profile + " as of " + rt::format_date(e.as_of) + "\n";
  out += "  score " + rt::format_js_number(e.result.score) + ", tier " + e.tier + ", confidence " +
         rt::format_js_number(e.result.confidence) + "\n";
  size_t width = 0;
  for (const auto& r : e.rules) width = std::max(width, r.kind.size() + r.label.size() + 3);
  int current_group = -2;
  for (const auto& r : e.rules) {
    if (r.group != current_group) {
      current_group = r.group;
      out += "\n";
      if (r.group >= 0) {
        const GroupExplanation& g = e.groups[size_t(r.group)];
        out += "  group \"" + g.label + "\": subtotal " + rt::format_js_number(g.subtotal);
        if (g.has_cap)
          out += " (cap " + rt::format_js_number(g.cap) + ", counts " + rt::format_js_number(g.contribution) + ")";
        out += "\n";
      }
    }
    std::string head = (r.group >= 0 ? "    " : "  ") + r.kind + " \"" + r.label + "\"";
    head.resize(std::max(head.size() + 2, width + 8), ' ');
    std::string outcome = r.outcome;
    outcome.resize(7, ' ');
    std::string line = head + outcome;
    if (r.outcome == "true" && r.kind != "exclude") line += "  " + signed_points(r.points);
    if (r.outcome == "unknown") {
      line += r.missing.empty() ? "  (a value could not be computed: overflow, division by zero, ...)"
                                : "  (missing: " + [&] {
                                    std::string s;
                                    for (const auto& m : r.missing) s += (s.empty() ? "" : ", ") + m;
                                    return s;
                                  }() + ")";
    }
    // The outcome column is padded for the points after it; a line without
    // points ends at its last word (no trailing white space to diff against).
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "\n  tier " + e.tier + ": " + e.tier_reason + "\n";
  for (const auto& t : e.tiers)
    out += std::string(t.chosen ? "  > " : "    ") + (t.condition.empty() ? "tier " + t.name : t.condition) + "\n";
  return out;
}

std::string explain_json(const Explanation& e) {
  std::string o = "{\"profile\":";
  json::append_string(o, e.profile);
  o += ",\"as_of\":";
  json::append_string(o, rt::format_date(e.as_of));
  o += ",\"score\":";
  rt::append_json_number(o, e.result.score);
  o += ",\"tier\":";
  json::append_string(o, e.tier);
  o += ",\"tier_reason\":";
  json::append_string(o, e.tier_reason);
  o += ",\"confidence\":";
  rt::append_json_number(o, e.result.confidence);
  o += ",\"rules\":[";
  for (size_t i = 0; i < e.rules.size(); ++i) {
    const auto& r = e.rules[i];
    o += i ? ",{\"kind\":" : "{\"kind\":";
    json::append_string(o, r.kind);
    o += ",\"label\":";
    json::append_string(o, r.label);
    if (r.group >= 0) {
      o += ",\"group\":";
      json::append_string(o, e.groups[size_t(r.group)].label);
    }
    o += ",\"outcome\":";
    json::append_string(o, r.outcome);
    o += ",\"points\":";
    rt::append_json_number(o, r.points);
    o += ",\"missing\":[";
    for (size_t m = 0; m < r.missing.size(); ++m) {
      if (m) o += ',';
      json::append_string(o, r.missing[m]);
    }
    o += "]}";
  }
  o += "],\"groups\":[";
  for (size_t i = 0; i < e.groups.size(); ++i) {
    const auto& g = e.groups[i];
    o += i ? ",{\"label\":" : "{\"label\":";
    json::append_string(o, g.label);
    o += ",\"subtotal\":";
    rt::append_json_number(o, g.subtotal);
    if (g.has_cap) {
      o += ",\"cap\":";
      rt::append_json_number(o, g.cap);
    }
    o += ",\"contribution\":";
    rt::append_json_number(o, g.contribution);
    o += '}';
  }
  o += "],\"tiers\":[";
  for (size_t i = 0; i < e.tiers.size(); ++i) {
    o += i ? ",{\"name\":" : "{\"name\":";
    json::append_string(o, e.tiers[i].name);
    o += ",\"condition\":";
    json::append_string(o, e.tiers[i].condition);
    o += e.tiers[i].chosen ? ",\"chosen\":true}" : ",\"chosen\":false}";
  }
  o += "]}\n";
  return o;
}

}  // namespace icp::eval
