/* ISSUE 12 defect 6: a model inside the nesting limit (an expression of
 * 999 `or`s) compiles, gets a scorer and scores through the C API on a host
 * thread whose stack is only 512 KiB. The compiler needs several MB of
 * stack for it; it runs its recursive passes on a stack of its own, so the
 * host's does not matter. Before, icp_compile_source killed the host with
 * a 1 or 2 MB stack. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_test.h"

int capi_failures = 0;

enum { kOrs = 999 };

static char *deep_model(void) {
  size_t cap = 64 + (size_t)kOrs * 24;
  char *m = malloc(cap);
  size_t n = (size_t)snprintf(m, cap, "schema S { x: int? }\nprofile P on S {\n  signal \"deep\" when x == 0");
  for (int i = 1; i <= kOrs; ++i) n += (size_t)snprintf(m + n, cap - n, " or x == %d", i * 3);
  snprintf(m + n, cap - n, " => 1\n}\n");
  return m;
}

static void *host_thread(void *arg) {
  const char *text = arg;
  char *err = NULL;
  icp_model *m = icp_compile_source(text, strlen(text), "deep.icp", &err);
  CHECK(m != NULL, "%s", err ? err : "");
  icp_free(err);
  if (!m) return NULL;
  icp_scorer *s = icp_scorer_new(m, "P", &err);
  CHECK(s != NULL, "%s", err ? err : "");
  icp_free(err);
  icp_model_free(m);
  if (!s) return NULL;
  char *out = NULL;
  CHECK(icp_score_json(s, "{\"x\": 2997}", 11, "2026-11-01", &out) == 0, "%s", out ? out : "");
  CHECK(out && strstr(out, "\"deep\""), "the last `or` did not fire: %s", out ? out : "(null)");
  icp_free(out);
  CHECK(icp_score_json(s, "{\"x\": 2}", 8, "2026-11-01", &out) == 0, "%s", out ? out : "");
  CHECK(out && !strstr(out, "\"fired\":[\"deep\"]"), "fired on 2: %s", out ? out : "(null)");
  icp_free(out);
  icp_scorer_free(s);
  return NULL;
}

int main(void) {
  char *text = deep_model();
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  CHECK(pthread_attr_setstacksize(&attr, 512 * 1024) == 0, "stack size");
  pthread_t th;
  CHECK(pthread_create(&th, &attr, host_thread, text) == 0, "thread");
  pthread_join(th, NULL);
  pthread_attr_destroy(&attr);
  free(text);
  if (capi_failures) {
    fprintf(stderr, "%d checks failed\n", capi_failures);
    return 1;
  }
  printf("capi_deep: all checks passed\n");
  return 0;
}
