/* The import root through the C API (LANGUAGE.md section 3, 0.2; icp.h,
 * "Imports and the import root"): source from memory has no root unless the
 * host names one; with a root, imports stay inside it, read regular .icp
 * files of at most 8 MiB, and a refused file is never quoted. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capi_test.h"

static char g_dir[256];

static void put(const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", g_dir, name);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
}

/* Compiles `src` (named model.icp inside the root) and checks that it fails
   with every one of `want` in the message and without `never`. */
static void refused(const char *src, const char *root, const char *want1, const char *want2, const char *never) {
  char *err = NULL;
  icp_model *m = icp_compile_source_in(src, strlen(src), "model.icp", root, &err);
  CHECK(m == NULL, "compiled: %s", src);
  icp_model_free(m);
  CHECK(err && strstr(err, want1), "'%s' not in: %s", want1, err ? err : "(null)");
  if (want2) CHECK(err && strstr(err, want2), "'%s' not in: %s", want2, err ? err : "(null)");
  if (never) CHECK(!err || !strstr(err, never), "the refused file is quoted: %s", err);
  icp_free(err);
}

void test_imports(void) {
  strcpy(g_dir, "/tmp/icp_capi_imports_XXXXXX");
  if (!mkdtemp(g_dir)) {
    CHECK(0, "mkdtemp failed");
    return;
  }
  char sub[512], outside[512], path[512];
  snprintf(sub, sizeof sub, "%s/root", g_dir);
  mkdir(sub, 0755);
  put("root/common.icp", "const LIMIT = 10\n");
  put("secret.icp", "SECRET-LINE of a file outside the root\n");
  put("root/notes.txt", "SECRET-TXT of a file that is not .icp\n");
  snprintf(outside, sizeof outside, "%s/secret.icp", g_dir);
  snprintf(path, sizeof path, "%s/root/link.icp", g_dir);
  symlink(outside, path);
  snprintf(path, sizeof path, "%s/root/zero.icp", g_dir);
  symlink("/dev/zero", path);
  snprintf(path, sizeof path, "%s/root/pipe.icp", g_dir);
  mkfifo(path, 0644);

  const char *ok = "import \"./common.icp\"\nconst X = LIMIT + 1\n";
  char *err = NULL;
  /* No root for source from memory. */
  refused(ok, NULL, "error[E0104]", "has no import root", NULL);
  /* With a root, the same source compiles; std/ always does. */
  icp_model *m = icp_compile_source_in(ok, strlen(ok), "model.icp", sub, &err);
  CHECK(m != NULL, "%s", err ? err : "");
  icp_model_free(m);
  icp_free(err);
  err = NULL;
  const char *std = "import \"std/geo\"\nconst Y = 1\n";
  m = icp_compile_source(std, strlen(std), "std.icp", &err);
  CHECK(m != NULL, "std/ without a root: %s", err ? err : "");
  icp_model_free(m);
  icp_free(err);
  err = NULL;

  refused("import \"../secret.icp\"\n", sub, "leaves the import root", "model.icp:1:8", "SECRET");
  refused("import \"./link.icp\"\n", sub, "leaves the import root", NULL, "SECRET");
  refused("import \"./zero.icp\"\n", sub, "leaves the import root", NULL, NULL);
  refused("import \"./pipe.icp\"\n", sub, "is a FIFO, not a regular file", NULL, NULL);
  refused("import \"/etc/passwd\"\n", sub, "is an absolute path", NULL, "root:");
  refused("import \"./notes.txt\"\n", sub, "does not name an .icp file", NULL, "SECRET");

  /* A file over 8 MiB. */
  snprintf(path, sizeof path, "%s/root/big.icp", g_dir);
  FILE *f = fopen(path, "w");
  for (int i = 0; i < 9 * 1024; ++i) {
    char line[1024];
    memset(line, ' ', sizeof line);
    line[sizeof line - 1] = '\n';
    fwrite(line, 1, sizeof line, f);
  }
  fclose(f);
  refused("import \"./big.icp\"\n", sub, "larger than 8 MiB", NULL, NULL);

  /* icp_compile_file_in: the default root is the file's folder. */
  put("root/main.icp", "import \"../secret.icp\"\n");
  snprintf(path, sizeof path, "%s/root/main.icp", g_dir);
  CHECK(icp_compile_file(path, &err) == NULL, "import outside the file's folder compiled");
  CHECK(err && strstr(err, "leaves the import root"), "%s", err ? err : "(null)");
  icp_free(err);
  err = NULL;
  m = icp_compile_file_in(path, g_dir, &err); /* a wider root allows it (the file is then a syntax error) */
  CHECK(m == NULL && err && strstr(err, "secret.icp:1:") && !strstr(err, "leaves"), "%s", err ? err : "(null)");
  icp_free(err);
  err = NULL;
  CHECK(icp_compile_file_in(path, "/nonexistent/root", &err) == NULL, "a missing root was accepted");
  CHECK(err && strstr(err, "is not a folder"), "%s", err ? err : "(null)");
  icp_free(err);

  char rm[600];
  snprintf(rm, sizeof rm, "rm -rf '%s'", g_dir);
  CHECK(system(rm) == 0, "could not remove %s", g_dir);
}
