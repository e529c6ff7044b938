// NDJSON / CSV result writers and the rejects writer. See icp/rt/writers.h.
#include "icp/rt/writers.h"

#include "icp/json.h"
#include "icp/rt/jsnum.h"

namespace icp::rt {

const char* const kResultColumns[6] = {"score", "tier", "excluded_by", "fired", "unknown", "confidence"};

void append_csv_field(std::string& out, std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t'));
  if (!quote) {
    out.append(s);
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

namespace {

void json_label_list(std::string& out, const std::vector<uint32_t>& rules, const ProfileInfo& p) {
  out += '[';
  for (size_t i = 0; i < rules.size(); ++i) {
    if (i) out += ',';
    json::append_string(out, p.rules[rules[i]].label);
  }
  out += ']';
}

void json_body(std::string& out, const ScoreResult& res, const ProfileInfo& p) {
  out += "\"score\":";
  append_json_number(out, res.score);
  out += ",\"tier\":";
  json::append_string(out, tier_name(p, res.tier));
  out += ",\"excluded_by\":";
  json_label_list(out, res.excluded_by, p);
  out += ",\"fired\":[";
  for (size_t i = 0; i < res.fired.size(); ++i) {
    const RuleInfo& rule = p.rules[res.fired[i].rule];
    out += i ? ",{\"label\":" : "{\"label\":";
    json::append_string(out, rule.label);
    out += ",\"points\":";
    append_json_number(out, res.fired[i].points);
    if (rule.group >= 0) {
      out += ",\"group\":";
      json::append_string(out, p.groups[size_t(rule.group)]);
    }
    out += '}';
  }
  out += "],\"unknown\":";
  json_label_list(out, res.unknown, p);
  out += ",\"confidence\":";
  append_json_number(out, res.confidence);
}

void csv_label_list(std::string& out, const std::vector<uint32_t>& rules, const ProfileInfo& p) {
  std::string joined;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (i) joined += ';';
    joined += p.rules[rules[i]].label;
  }
  append_csv_field(out, joined);
}

}  // namespace

void append_ndjson_result(std::string& out, const Batch& batch, size_t r, const ScoreResult& res,
                          const ProfileInfo& p) {
  out += "{\"row\":";
  out += std::to_string(batch.row_number[r]);
  for (const KeptColumn& k : batch.kept) {
    out += ',';
    json::append_string(out, k.name);
    out += ':';
    switch (k.kind[r]) {
      case KeptColumn::Absent: out += "null"; break;
      case KeptColumn::Text: json::append_string(out, batch.dict.get(k.id[r])); break;
      case KeptColumn::Json: out.append(batch.dict.get(k.id[r])); break;
    }
  }
  out += ',';
  json_body(out, res, p);
  out += "}\n";
}

void append_csv_result_header(std::string& out, const std::vector<std::string>& kept_names) {
  out += "row";
  for (const auto& k : kept_names) {
    out += ',';
    append_csv_field(out, k);
  }
  for (const char* c : kResultColumns) {
    out += ',';
    out += c;
  }
  out += '\n';
}

void append_csv_result(std::string& out, const Batch& batch, size_t r, const ScoreResult& res, const ProfileInfo& p) {
  out += std::to_string(batch.row_number[r]);
  for (const KeptColumn& k : batch.kept) {
    out += ',';
    if (k.kind[r] != KeptColumn::Absent) append_csv_field(out, batch.dict.get(k.id[r]));
  }
  out += ',';
  append_js_number(out, res.score);
  out += ',';
  append_csv_field(out, tier_name(p, res.tier));
  out += ',';
  csv_label_list(out, res.excluded_by, p);
  out += ',';
  std::vector<uint32_t> fired;
  for (const auto& f : res.fired) fired.push_back(f.rule);
  csv_label_list(out, fired, p);
  out += ',';
  csv_label_list(out, res.unknown, p);
  out += ',';
  append_js_number(out, res.confidence);
  out += '\n';
}

std::string result_json(const ScoreResult& res, const ProfileInfo& p) {
  std::string out = "{";
  json_body(out, res, p);
  out += '}';
  return out;
}

void append_rejects_header(std::string& out, const std::vector<std::string>& reject_header) {
  out += "row,line,column,reason";
  for (const auto& h : reject_header) {
    out += ',';
    append_csv_field(out, h);
  }
  out += '\n';
}

void append_reject(std::string& out, const Reject& r) {
  out += std::to_string(r.row);
  out += ',';
  out += std::to_string(r.line);
  out += ',';
  append_csv_field(out, r.column);
  out += ',';
  append_csv_field(out, r.reason);
  for (const auto& c : r.cells) {
    out += ',';
    append_csv_field(out, c);
  }
  out += '\n';
}

}  // namespace icp::rt
