/* The batch API from C: describe the scorer's schema, build columns of the
 * icp/abi.h layout for two records, score them, read the result columns. */
#include <string.h>

#include "capi_test.h"

static int64_t member(icp_scorer *s, int64_t field, const char *name) {
  for (size_t m = 0; m < icp_scorer_enum_member_count(s, (size_t)field); ++m)
    if (strcmp(icp_scorer_enum_member(s, (size_t)field, m), name) == 0) return (int64_t)m;
  return -1;
}

void test_batch(icp_scorer *s) {
  enum { ROWS = 2, MAXF = 16 };
  size_t nf = icp_scorer_field_count(s);
  CHECK(nf == 8, "fields: %zu", nf);
  if (nf > MAXF) return;
  int64_t f_name = icp_scorer_find_field(s, "name"), f_dom = icp_scorer_find_field(s, "website"),
          f_ind = icp_scorer_find_field(s, "industry"), f_emp = icp_scorer_find_field(s, "Employee Count"),
          f_tech = icp_scorer_find_field(s, "technologies"), f_stage = icp_scorer_find_field(s, "stage"),
          f_fund = icp_scorer_find_field(s, "last_funding"), f_sre = icp_scorer_find_field(s, "sre_openings");
  CHECK(f_emp == 3 && f_dom == 1, "find_field");
  CHECK(icp_scorer_field_kind(s, (size_t)f_ind) == ICP_FIELD_ENUM, "industry kind");
  CHECK(icp_scorer_field_kind(s, (size_t)f_tech) == ICP_FIELD_STRING_SET, "tech kind");
  CHECK(icp_scorer_field_kind(s, (size_t)f_fund) == ICP_FIELD_DATE, "date kind");
  CHECK(icp_scorer_field_optional(s, (size_t)f_emp) == 1, "optional");
  CHECK(strcmp(icp_scorer_field_column(s, (size_t)f_emp), "Employee Count") == 0, "column");

  /* Row 0: Acme (bullseye, 80); row 1: nothing known but the name. */
  uint8_t valid[MAXF][ROWS];
  int64_t ints[MAXF][ROWS];
  icp_str strs[MAXF][ROWS];
  icp_strset sets[MAXF][ROWS];
  memset(valid, 0, sizeof valid);
  memset(ints, 0, sizeof ints);
  memset(strs, 0, sizeof strs);
  memset(sets, 0, sizeof sets);
  icp_column cols[MAXF];
  for (size_t f = 0; f < nf; ++f) {
    icp_field_kind k = icp_scorer_field_kind(s, f);
    cols[f].valid = valid[f];
    cols[f].data = k == ICP_FIELD_STRING ? (const void *)strs[f]
                   : k == ICP_FIELD_STRING_SET ? (const void *)sets[f] : (const void *)ints[f];
    cols[f].str_ids = NULL;
    cols[f].dict = NULL;
    cols[f].dict_size = 0;
  }
  static const icp_str tech[] = {{"aws", 3}, {"kubernetes", 10}, {"terraform", 9}}; /* sorted */
  strs[f_name][0] = (icp_str){"Acme", 4};
  strs[f_name][1] = (icp_str){"Nobody", 6};
  valid[f_name][0] = valid[f_name][1] = 1;
  strs[f_dom][0] = strs[f_dom][1] = (icp_str){"acme.io", 7};
  valid[f_dom][0] = valid[f_dom][1] = 1;
  ints[f_ind][0] = member(s, f_ind, "finance_insurance");
  valid[f_ind][0] = 1;
  ints[f_emp][0] = 800;
  valid[f_emp][0] = 1;
  sets[f_tech][0] = (icp_strset){tech, 3};
  valid[f_tech][0] = valid[f_tech][1] = 1; /* row 1: the empty set */
  ints[f_stage][0] = member(s, f_stage, "series_c");
  valid[f_stage][0] = 1;
  CHECK(icp_parse_date("2026-11-01", &ints[f_fund][0]) == 0, "parse_date");
  valid[f_fund][0] = 1;
  valid[f_sre][0] = valid[f_sre][1] = 1;

  icp_batch_view in = {ROWS, cols};
  size_t nr = icp_scorer_rule_count(s);
  CHECK(nr == 8, "rules: %zu", nr);
  double score[ROWS], conf[ROWS], points[ROWS * 8];
  int32_t tier[ROWS];
  uint8_t state[ROWS * 8];
  icp_result_view out = {nr, score, tier, conf, state, points};
  char *err = NULL;
  int rc = icp_score_batch(s, &in, "2026-11-01", &out, &err);
  CHECK(rc == 0, "%s", err ? err : "");
  icp_free(err);
  CHECK(score[0] == 80, "score %g", score[0]);
  CHECK(strcmp(icp_scorer_tier_name(s, tier[0]), "bullseye") == 0, "tier %d", tier[0]);
  CHECK(conf[0] == 1, "confidence %g", conf[0]);
  CHECK(strcmp(icp_scorer_rule_label(s, 6), "Fresh funding") == 0, "rule 6");
  CHECK(icp_scorer_rule_kind(s, 6) == ICP_RULE_TRIGGER, "trigger");
  CHECK(strcmp(icp_scorer_rule_group(s, 6), "Urgency") == 0, "group");
  CHECK(icp_scorer_rule_group(s, 0) == NULL, "no group");
  CHECK(state[6] == ICP_RULE_TRUE && points[6] == 20, "fresh funding %d %g", state[6], points[6]);
  CHECK(score[1] == 0 && tier[1] == ICP_TIER_OUT, "row 1: %g %d", score[1], tier[1]);
  CHECK(state[8 + 2] == ICP_RULE_UNKNOWN, "row 1 industry unknown");
  CHECK(strcmp(icp_scorer_tier_name(s, ICP_TIER_OUT), "out") == 0, "out");

  /* Argument checks. */
  icp_result_view bad = out;
  bad.nrules = 3;
  err = NULL;
  CHECK(icp_score_batch(s, &in, "2026-11-01", &bad, &err) == 1 && err, "nrules mismatch accepted");
  icp_free(err);
}
