/* The C API from C: compile errors, scorers, icp_score_json from many
 * threads at once (one shared scorer, and threads compiling their own
 * models), bad records. */
#include <pthread.h>
#include <string.h>

#include "capi_test.h"

int capi_failures = 0;

const char *const kModel =
    "/// The example of LANGUAGE.md section 1, without its imports.\n"
    "enum Industry { information, finance_insurance (\"Finance and Insurance\"), manufacturing,\n"
    "                public_administration, other default }\n"
    "enum FundingStage { bootstrapped, seed, series_a, series_b, series_c, public }\n"
    "enum Segment { smb, mid_market, enterprise }\n"
    "const CORE = {\"kubernetes\", \"terraform\"}\n"
    "schema Account {\n"
    "  name:         string\n"
    "  domain:       string            from \"Website\"\n"
    "  industry:     Industry?\n"
    "  employees:    int?              from \"Employee Count\"\n"
    "  tech:         set<string>       from \"Technologies\"\n"
    "  stage:        FundingStage?\n"
    "  last_funding: date?\n"
    "  sre_openings: int = 0\n"
    "}\n"
    "def segment(n: int): Segment =\n"
    "  if n < 200 then smb else if n < 5000 then mid_market else enterprise\n"
    "profile Observability on Account {\n"
    "  let mm = segment(employees) == mid_market\n"
    "  exclude \"Public sector\"        when industry in {public_administration}\n"
    "  exclude \"Already on Datadog\"   when tech has \"datadog\"\n"
    "  group \"Account profile\" {\n"
    "    signal \"Software or finance\"  when industry in {information, finance_insurance} => +25\n"
    "    signal \"Mid-market\"           when mm => +20\n"
    "    signal \"Cloud native\"         when tech has all CORE => +15\n"
    "    signal \"Mainframe shop\"       when tech has any {\"mainframe\", \"cobol\"} => -10\n"
    "  }\n"
    "  group \"Urgency\" {\n"
    "    trigger \"Fresh funding\" on last_funding within 180d when stage >= series_b => +20 halflife 60d\n"
    "    signal  \"Hiring SREs\"   when sre_openings >= 3 => +10\n"
    "  }\n"
    "  tier bullseye when score >= 60\n"
    "  tier inner    when score >= 40\n"
    "  tier outer    when score >= 20\n"
    "}\n";

typedef struct {
  const char *record;
  const char *want[4]; /* substrings of the result */
} Case;

static const Case kCases[] = {
    {"{\"name\":\"Acme\",\"Website\":\"acme.io\",\"industry\":\"Finance and Insurance\",\"Employee Count\":800,"
     "\"Technologies\":[\"kubernetes\",\"terraform\",\"aws\"],\"stage\":\"series_c\",\"last_funding\":\"2026-11-01\"}",
     {"\"score\":80", "\"tier\":\"bullseye\"", "{\"label\":\"Fresh funding\",\"points\":20,\"group\":\"Urgency\"}",
      "\"confidence\":1"}},
    {"{\"name\":\"Globex\",\"Website\":\"globex.com\",\"industry\":\"manufacturing\",\"Employee Count\":12000,"
     "\"Technologies\":\"mainframe; sap\",\"stage\":\"public\",\"sre_openings\":4}",
     {"\"score\":0", "\"tier\":\"out\"", "\"unknown\":[\"Fresh funding\"]", "\"confidence\":0.8333333333333334"}},
    {"{\"name\":\"Initech\",\"Website\":\"initech.com\",\"industry\":\"information\",\"Employee Count\":300,"
     "\"Technologies\":[\"datadog\",\"kubernetes\"]}",
     {"\"score\":45", "\"tier\":\"excluded\"", "\"excluded_by\":[\"Already on Datadog\"]", "\"fired\":["}},
    {"{\"name\":\"Hooli\",\"Website\":\"hooli.xyz\",\"industry\":null,\"Technologies\":[\"kubernetes\",\"terraform\"],"
     "\"stage\":\"Series B\",\"last_funding\":\"2026-09-02\"}",
     {"\"score\":25", "\"tier\":\"outer\"", "\"points\":10,\"group\":\"Urgency\"", "\"confidence\":0.6666666666666666"}},
    {"{\"name\":\"Umbrella\",\"Website\":\"umbrella.bio\",\"industry\":\"biotech\",\"Employee Count\":150}",
     {"\"score\":0", "\"tier\":\"out\"", "\"excluded_by\":[]", "\"unknown\":[\"Fresh funding\"]"}},
};
enum { kNumCases = sizeof kCases / sizeof kCases[0], kThreads = 8, kRounds = 50 };

static void check_case(icp_scorer *s, const Case *c) {
  char *out = NULL;
  int rc = icp_score_json(s, c->record, strlen(c->record), "2026-11-01", &out);
  CHECK(rc == 0, "%s", out ? out : "(null)");
  for (int i = 0; i < 4 && out; ++i)
    CHECK(strstr(out, c->want[i]) != NULL, "want %s in %s", c->want[i], out);
  CHECK(out == NULL || strstr(out, "\"row\"") == NULL, "no row: %s", out);
  icp_free(out);
}

static void *shared_scorer_thread(void *arg) {
  icp_scorer *s = arg;
  for (int r = 0; r < kRounds; ++r)
    for (int i = 0; i < kNumCases; ++i) check_case(s, &kCases[i]);
  return NULL;
}

static void *own_model_thread(void *arg) {
  (void)arg;
  char *err = NULL;
  icp_model *m = icp_compile_source(kModel, strlen(kModel), "thread.icp", &err);
  CHECK(m != NULL, "%s", err ? err : "");
  icp_free(err);
  if (!m) return NULL;
  icp_scorer *s = icp_scorer_new(m, "Observability", &err);
  CHECK(s != NULL, "%s", err ? err : "");
  icp_free(err);
  icp_model_free(m); /* the scorer keeps what it needs */
  if (!s) return NULL;
  for (int i = 0; i < kNumCases; ++i) check_case(s, &kCases[i]);
  icp_scorer_free(s);
  return NULL;
}

static void test_errors(void) {
  const char *bad = "schema A { x: int }\nprofile P on A {\n  signal \"s\" when y > 1 => 1\n}\n";
  char *err = NULL;
  icp_model *m = icp_compile_source(bad, strlen(bad), "bad.icp", &err);
  CHECK(m == NULL, "a model with an unknown name compiled");
  CHECK(err && strstr(err, "bad.icp:3:") && strstr(err, "error[E0101]"), "errors: %s", err ? err : "(null)");
  icp_free(err);
  err = NULL;
  CHECK(icp_compile_file("/nonexistent/model.icp", &err) == NULL, "missing file compiled");
  CHECK(err != NULL, "no message for a missing file");
  icp_free(err);
}

int main(void) {
  CHECK(icp_version() && *icp_version(), "no version");
  test_errors();
  test_imports();

  char *err = NULL;
  icp_model *m = icp_compile_source(kModel, strlen(kModel), "model.icp", &err);
  CHECK(m != NULL, "%s", err ? err : "");
  icp_free(err);
  if (!m) return 1;
  CHECK(icp_model_profile_count(m) == 1, "profiles");
  err = NULL;
  CHECK(icp_scorer_new(m, "Nope", &err) == NULL, "unknown profile");
  CHECK(err && strstr(err, "Nope"), "%s", err ? err : "(null)");
  icp_free(err);
  icp_scorer *s = icp_scorer_new(m, "Observability", &err);
  CHECK(s != NULL, "%s", err ? err : "");
  icp_free(err);
  if (!s) return 1;

  /* A bad record. */
  char *out = NULL;
  const char *rec = "{\"name\":\"X\",\"Website\":\"x.io\",\"Employee Count\":\"twelve\"}";
  CHECK(icp_score_json(s, rec, strlen(rec), "2026-11-01", &out) == 1, "bad record scored: %s", out);
  CHECK(out && strstr(out, "twelve"), "message: %s", out ? out : "(null)");
  icp_free(out);
  out = NULL;
  CHECK(icp_score_json(s, "{}", 2, "2026-13-01", &out) == 1, "bad as_of accepted");
  icp_free(out);

  pthread_t ts[kThreads + 3];
  for (int i = 0; i < kThreads; ++i) pthread_create(&ts[i], NULL, shared_scorer_thread, s);
  for (int i = kThreads; i < kThreads + 3; ++i) pthread_create(&ts[i], NULL, own_model_thread, NULL);
  for (int i = 0; i < kThreads + 3; ++i) pthread_join(ts[i], NULL);

  test_batch(s);
  icp_scorer_free(s);
  icp_model_free(m);
  if (capi_failures) {
    fprintf(stderr, "%d checks failed\n", capi_failures);
    return 1;
  }
  printf("capi: all checks passed\n");
  return 0;
}
