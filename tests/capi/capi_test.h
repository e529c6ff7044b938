/* Shared bits of the C API tests: the model (LANGUAGE.md section 1 without
 * its imports), its records, and a CHECK macro. */
#ifndef CAPI_TEST_H
#define CAPI_TEST_H
#include <stdio.h>
#include <stdlib.h>

#include "icp/icp.h"

extern int capi_failures;

#define CHECK(cond, ...)                                                   \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                        \
      fprintf(stderr, "\n");                                               \
      __atomic_add_fetch(&capi_failures, 1, __ATOMIC_SEQ_CST);             \
    }                                                                      \
  } while (0)

extern const char *const kModel;

/* Scores the columnar batch test; returns the number of failures. */
void test_batch(icp_scorer *s);
/* The import root (icp_compile_*_in). */
void test_imports(void);

#endif
