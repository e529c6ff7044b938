// Tests of the result writers (NDJSON, CSV, C API JSON) and the rejects file.
#include <gtest/gtest.h>

#include "icp/json.h"
#include "icp/rt/writers.h"
#include "reader_util.h"
#include "test_schemas.h"

using namespace icp::rt;
using namespace icp::rt::testing;

namespace {
// conformance/cases/score_observability/model.icp, as the compiler would describe it.
ProfileInfo observability_profile() {
  ProfileInfo p;
  p.name = "Observability";
  p.groups = {"Account profile", "Urgency"};
  p.tiers = {"bullseye", "inner", "outer"};
  p.rules = {
      {"Public sector", RuleKind::Exclude, -1},     {"Already on Datadog", RuleKind::Exclude, -1},
      {"Software or finance", RuleKind::Signal, 0}, {"Mid-market", RuleKind::Signal, 0},
      {"Cloud native", RuleKind::Signal, 0},        {"Mainframe shop", RuleKind::Signal, 0},
      {"Fresh funding", RuleKind::Trigger, 1},      {"Hiring SREs", RuleKind::Signal, 1},
  };
  return p;
}

Batch one_row_batch(int64_t row, std::vector<std::string> keep = {}) {
  Schema s;
  Batch b;
  b.reset(s, keep);
  b.append_record(Record{}, row, row + 1);
  return b;
}
}  // namespace

TEST(Writers, NdjsonRowMatchesToolsShape) {
  ProfileInfo p = observability_profile();
  ScoreResult r;
  r.score = 0;
  r.tier = kTierOut;
  r.fired = {{5, -10}, {7, 10}};
  r.unknown = {6};
  r.confidence = 5.0 / 6.0;
  Batch b = one_row_batch(2);
  std::string out;
  append_ndjson_result(out, b, 0, r, p);
  EXPECT_EQ(out,
            "{\"row\":2,\"score\":0,\"tier\":\"out\",\"excluded_by\":[],\"fired\":[{\"label\":\"Mainframe shop\","
            "\"points\":-10,\"group\":\"Account profile\"},{\"label\":\"Hiring SREs\",\"points\":10,\"group\":\"Urgency\"}],"
            "\"unknown\":[\"Fresh funding\"],\"confidence\":0.8333333333333334}\n");
}

TEST(Writers, NdjsonWithoutGroupAndExcluded) {
  ProfileInfo p;
  p.rules = {{"Revenue 10M+", RuleKind::Signal, -1}, {"Size", RuleKind::Signal, -1}, {"Listed", RuleKind::Exclude, -1}};
  p.tiers = {"a", "b"};
  ScoreResult r;
  r.score = 62.5;
  r.tier = 0;
  r.fired = {{0, 30}, {1, 2.5}};
  Batch b = one_row_batch(1);
  std::string out;
  append_ndjson_result(out, b, 0, r, p);
  EXPECT_EQ(out,
            "{\"row\":1,\"score\":62.5,\"tier\":\"a\",\"excluded_by\":[],\"fired\":[{\"label\":\"Revenue 10M+\",\"points\":30},"
            "{\"label\":\"Size\",\"points\":2.5}],\"unknown\":[],\"confidence\":1}\n");
  r = ScoreResult{};
  r.tier = kTierExcluded;
  r.excluded_by = {2};
  r.unknown = {0, 1};
  r.confidence = 0.5;
  EXPECT_EQ(result_json(r, p),
            "{\"score\":0,\"tier\":\"excluded\",\"excluded_by\":[\"Listed\"],\"fired\":[],\"unknown\":[\"Revenue 10M+\","
            "\"Size\"],\"confidence\":0.5}");
}

TEST(Writers, KeptColumnsInNdjsonAndCsv) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  auto src = ndjson("{\"name\":\"A\",\"Website\":\"a.io\",\"size\":1.50,\"note\":\"x,\\\"y\\\"\"}\n", s, {},
                    {"Website", "size", "missing", "note"});
  Batch b;
  std::vector<Reject> rej;
  ASSERT_TRUE(src->next_chunk(b, rej, 10));
  ProfileInfo p;
  ScoreResult r;
  r.score = 1e21;
  std::string out;
  append_ndjson_result(out, b, 0, r, p);
  EXPECT_EQ(out,
            "{\"row\":1,\"Website\":\"a.io\",\"size\":1.50,\"missing\":null,\"note\":\"x,\\\"y\\\"\",\"score\":1e+21,"
            "\"tier\":\"out\",\"excluded_by\":[],\"fired\":[],\"unknown\":[],\"confidence\":1}\n");
  out.clear();
  append_csv_result_header(out, {"Website", "size", "missing", "note"});
  append_csv_result(out, b, 0, r, p);
  EXPECT_EQ(out,
            "row,Website,size,missing,note,score,tier,excluded_by,fired,unknown,confidence\n"
            "1,a.io,1.50,,\"x,\"\"y\"\"\",1e+21,out,,,,1\n");
}

TEST(Writers, CsvListsJoinedBySemicolon) {
  ProfileInfo p = observability_profile();
  ScoreResult r;
  r.score = 45;
  r.tier = kTierExcluded;
  r.excluded_by = {1};
  r.fired = {{2, 25}, {3, 20}};
  r.unknown = {6};
  r.confidence = 5.0 / 6.0;
  Batch b = one_row_batch(3);
  std::string out;
  append_csv_result(out, b, 0, r, p);
  EXPECT_EQ(out, "3,45,excluded,Already on Datadog,Software or finance;Mid-market,Fresh funding,0.8333333333333334\n");
}

TEST(Writers, JsonStringEscapes) {
  std::string out;
  icp::json::append_string(out, "a\"b\\c\nd\te\x01 é 😀");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 é 😀\"");
  EXPECT_EQ(icp::json::quote("\r\b\f\x1f\x7f"), "\"\\r\\b\\f\\u001f\x7f\"");
  EXPECT_EQ(icp::json::quote(""), "\"\"");
}

TEST(Writers, CsvFieldQuoting) {
  std::string out;
  append_csv_field(out, "plain");
  out += '|';
  append_csv_field(out, "a,b");
  out += '|';
  append_csv_field(out, "say \"hi\"");
  out += '|';
  append_csv_field(out, "two\nlines");
  out += '|';
  append_csv_field(out, " padded");
  out += '|';
  append_csv_field(out, "");
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded\"|");
}

TEST(Writers, RejectsFileFromCsvRejectsCase) {
  Schema s = csv_rejects_schema();
  auto src = csv(
      "\xEF\xBB\xBF" "Company Name,Annual Revenue,Employees,Region,Headcount Growth,Public,Notes\n"
      "Initech,900000,twelve,americas,5%,no,bad employees cell\n"
      "\"Hooli, Inc\",50000000,80,Mars,10%,n,\"say \"\"hi\"\"\"\n",
      s);
  ReadAll all = read_all(*src);
  std::string out;
  append_rejects_header(out, src->reject_header());
  for (const auto& r : all.rejects) append_reject(out, r);
  EXPECT_EQ(out,
            "row,line,column,reason,Company Name,Annual Revenue,Employees,Region,Headcount Growth,Public,Notes\n"
            "1,2,Employees,\"cannot read \"\"twelve\"\" as an int\",Initech,900000,twelve,americas,5%,no,bad employees cell\n"
            "2,3,Region,\"\"\"Mars\"\" is not a Region (expected one of americas, emea, apac)\",\"Hooli, Inc\",50000000,80,Mars,"
            "10%,n,\"say \"\"hi\"\"\"\n");
}

TEST(Writers, ResultBatchToScoreResult) {
  ProfileInfo p = observability_profile();
  ResultBatch rb;
  rb.reset(2, p.rules.size());
  rb.score[1] = 45;
  rb.tier[1] = kTierExcluded;
  rb.confidence[1] = 5.0 / 6.0;
  rb.rule_state[1 * 8 + 0] = kRuleUnknown;  // an unknown exclude is listed too (0.2)
  rb.rule_state[1 * 8 + 1] = kRuleFired;
  rb.rule_state[1 * 8 + 2] = kRuleFired;
  rb.rule_points[1 * 8 + 2] = 25;
  rb.rule_state[1 * 8 + 6] = kRuleUnknown;
  ScoreResult r = rb.row(1, p);
  EXPECT_EQ(r.excluded_by, (std::vector<uint32_t>{1}));
  EXPECT_EQ(r.fired, (std::vector<FiredRule>{{2, 25}}));
  EXPECT_EQ(r.unknown, (std::vector<uint32_t>{0, 6}));
  EXPECT_EQ(r.tier, kTierExcluded);
  ScoreResult r0 = rb.row(0, p);
  EXPECT_TRUE(r0.fired.empty());
  EXPECT_EQ(tier_name(p, r0.tier), "out");
}
