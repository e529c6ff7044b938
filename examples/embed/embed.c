/* Embedding icp in a C program (docs/c-api.md): compile a model, make a
 * scorer for one profile, score records as JSON and as a columnar batch, and
 * report errors. Build and run from the repository root, against an installed
 * icp (cmake --install build --prefix PREFIX):
 *
 *   cc -std=c11 -Wall -o embed examples/embed/embed.c \
 *      -I PREFIX/include -L PREFIX/lib -licp -Wl,-rpath,PREFIX/lib
 *   ./embed examples/embed/model.icp
 *
 * Its output is examples/embed/expected_output.txt (ctest c_api_embed_example).
 */
#include <icp/icp.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Prints the message and frees it (NULL is fine). */
static void print_and_free(const char *what, char *text) {
  printf("%s:\n%s", what, text ? text : "(none)\n");
  icp_free(text);
}

static int score_json(icp_scorer *s, const char *record) {
  char *result = NULL;
  int rc = icp_score_json(s, record, strlen(record), "2026-11-01", &result);
  /* 0: result is the JSON output row; 1: result is why the record was refused.
     Either way it is malloc'd by the library and freed with icp_free. */
  printf("%s %s\n", rc == 0 ? "scored:" : "refused:", result);
  icp_free(result);
  return rc;
}

/* Two rows scored at once, laid out as the scorer describes its fields. */
static int score_batch(icp_scorer *s) {
  enum { ROWS = 2 };
  size_t nfields = icp_scorer_field_count(s);
  if (nfields != 4) return 1;
  int64_t f_name = icp_scorer_find_field(s, "name");
  int64_t f_emp = icp_scorer_find_field(s, "employees");
  int64_t f_plan = icp_scorer_find_field(s, "Plan"); /* the column name works too */
  int64_t f_tools = icp_scorer_find_field(s, "tools");
  if (f_name < 0 || f_emp < 0 || f_plan < 0 || f_tools < 0) return 1;

  icp_str names[ROWS] = {{"Initech", 7}, {"Hooli", 5}};
  int64_t employees[ROWS] = {1200, 0};
  uint8_t employees_valid[ROWS] = {1, 0}; /* Hooli's head count is missing */
  int64_t plan[ROWS] = {0, 0};
  /* Enum columns hold the member's index: find "team". */
  for (size_t m = 0; m < icp_scorer_enum_member_count(s, (size_t)f_plan); ++m)
    if (strcmp(icp_scorer_enum_member(s, (size_t)f_plan, m), "team") == 0) plan[0] = plan[1] = (int64_t)m;
  icp_str slack = {"slack", 5};
  icp_strset tools[ROWS] = {{&slack, 1}, {NULL, 0}};

  icp_column cols[4];
  memset(cols, 0, sizeof cols);
  cols[f_name].data = names;
  cols[f_emp].data = employees;
  cols[f_emp].valid = employees_valid;
  cols[f_plan].data = plan;
  cols[f_tools].data = tools;
  icp_batch_view in = {ROWS, cols};

  size_t nrules = icp_scorer_rule_count(s);
  double score[ROWS], confidence[ROWS], points[ROWS * 8];
  int32_t tier[ROWS];
  uint8_t state[ROWS * 8];
  if (nrules > 8) return 1;
  icp_result_view out = {nrules, score, tier, confidence, state, points};
  char *error = NULL;
  if (icp_score_batch(s, &in, "2026-11-01", &out, &error) != 0) {
    print_and_free("batch error", error);
    return 1;
  }
  for (size_t r = 0; r < ROWS; ++r) {
    printf("batch row %zu: %.*s score %g tier %s confidence %g\n", r + 1, (int)names[r].len,
           names[r].ptr, score[r], icp_scorer_tier_name(s, tier[r]), confidence[r]);
    for (size_t k = 0; k < nrules; ++k) {
      uint8_t st = state[r * nrules + k];
      printf("  %-7s %s%s\n", st == ICP_RULE_TRUE ? "true" : st == ICP_RULE_FALSE ? "false" : "unknown",
             icp_scorer_rule_label(s, k), icp_scorer_rule_kind(s, k) == ICP_RULE_EXCLUDE ? " (exclude)" : "");
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: embed MODEL.icp\n");
    return 2;
  }
  char *errors = NULL;

  /* 1. A model with an error: NULL, and the diagnostics as `icp check` prints them. */
  const char *bad = "schema A { n: int }\nprofile P on A {\n  signal \"Big\" when m > 1 => +1\n}\n";
  icp_model *broken = icp_compile_source(bad, strlen(bad), "inline.icp", &errors);
  printf("inline.icp compiles: %s\n", broken ? "yes" : "no");
  print_and_free("errors", errors);
  icp_model_free(broken); /* NULL is fine */

  /* 2. The model file, its profiles, and a scorer for one of them. */
  errors = NULL;
  icp_model *model = icp_compile_file(argv[1], &errors);
  if (!model) {
    print_and_free("errors", errors);
    return 1;
  }
  printf("profiles: %zu, the first is %s\n", icp_model_profile_count(model), icp_model_profile_name(model, 0));
  icp_scorer *scorer = icp_scorer_new(model, "Expansion", &errors);
  icp_model_free(model); /* the scorer keeps what it needs */
  if (!scorer) {
    print_and_free("errors", errors);
    return 1;
  }
  printf("scorer for %s: %zu fields, %zu rules, %zu tiers\n", icp_scorer_profile(scorer),
         icp_scorer_field_count(scorer), icp_scorer_rule_count(scorer), icp_scorer_tier_count(scorer));

  /* 3. Records as JSON objects, keyed by input column. */
  score_json(scorer, "{\"name\": \"Acme\", \"employees\": 800, \"Plan\": \"team\", \"Tools\": [\"slack\"]}");
  score_json(scorer, "{\"name\": \"Globex\", \"Plan\": \"enterprise\", \"Tools\": []}");
  score_json(scorer, "{\"employees\": 800}"); /* no name: refused */

  /* 4. Columnar rows. */
  int rc = score_batch(scorer);
  icp_scorer_free(scorer);
  return rc;
}
