/* libicp: the C API for embedding the ICP compiler and JIT (TOOLS.md, "The
 * C API"). Link with -licp.
 *
 * Compile a model (an .icp program), make a scorer for one of its profiles
 * (JIT-compiled), then score records: one JSON object at a time
 * (icp_score_json) or many rows of columnar data at once (icp_score_batch,
 * with the layout of <icp/abi.h>; the icp_scorer_field_* / rule / tier
 * functions describe what a scorer expects and produces).
 *
 * Every function is thread-safe: models may be compiled from several threads
 * at once, and one scorer may be used from many threads at once. Strings
 * returned through `char **` are malloc'd and freed with icp_free(); `const
 * char *` results belong to the model or scorer and live as long as it.
 */
#ifndef ICP_ICP_H
#define ICP_ICP_H
#include <stddef.h>
#include <stdint.h>

#include "icp/abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ICP_API __attribute__((visibility("default")))
#else
#define ICP_API
#endif

typedef struct icp_model icp_model;   /* a checked .icp program            */
typedef struct icp_scorer icp_scorer; /* one profile, JIT-compiled          */

/* ---- The minimum contract of TOOLS.md --------------------------------- */

/* Compile. On failure return NULL and, if `errors` is not NULL, set *errors to
   a malloc'd text of all diagnostics in the `icp check` format. */
ICP_API icp_model *icp_compile_file(const char *path, char **errors);
ICP_API icp_model *icp_compile_source(const char *source, size_t len, const char *name,
                                      char **errors);
ICP_API void icp_model_free(icp_model *);

/* `profile` may be NULL when the model has exactly one profile or persona.
   A scorer keeps what it needs of its model: the model may be freed first. */
ICP_API icp_scorer *icp_scorer_new(icp_model *, const char *profile, char **errors);
ICP_API void icp_scorer_free(icp_scorer *);

/* Score one record given as a JSON object. `as_of` is "YYYY-MM-DD" or NULL for
   today. On success return 0 and set *result to a malloc'd JSON object of the
   NDJSON output's shape (without "row"); on a bad record return 1 and set
   *result to a malloc'd message. */
ICP_API int icp_score_json(icp_scorer *, const char *record, size_t len, const char *as_of,
                           char **result);

ICP_API void icp_free(void *); /* frees what the API allocated */
ICP_API const char *icp_version(void);

/* ---- Imports and the import root (LANGUAGE.md section 3, 0.2) ---------- */

/* A relative import (`import "./common.icp"`) reads only a regular .icp file
   of at most 8 MiB inside the import root, after symbolic links are
   resolved: an absolute path, a path that leaves the root, a directory,
   device or FIFO, a file of another kind or a larger file is an E0104
   diagnostic, and the refused file is never read or quoted. `std/` imports
   read the standard library only.
     icp_compile_file:   the root is the folder of `path`.
     icp_compile_source: no root: every relative import is refused.
   These two name the root (`import_root` a folder; NULL gives the default
   above). For icp_compile_source_in, relative imports are resolved from the
   folder of `name`; a relative `name` is taken inside the root
   ("lead.icp" with root "/srv/models" is "/srv/models/lead.icp", as
   diagnostics show). An `import_root` that is not a folder fails the
   compile with a message in *errors. A host compiling untrusted models
   confines them with a root that holds nothing else. */
ICP_API icp_model *icp_compile_file_in(const char *path, const char *import_root, char **errors);
ICP_API icp_model *icp_compile_source_in(const char *source, size_t len, const char *name,
                                         const char *import_root, char **errors);

/* ---- Models ------------------------------------------------------------ */

/* Warnings of a model that compiled (the `icp check` text, "" when none). */
ICP_API const char *icp_model_warnings(const icp_model *);
/* The profiles and personas of the model's main file, in source order. */
ICP_API size_t icp_model_profile_count(const icp_model *);
ICP_API const char *icp_model_profile_name(const icp_model *, size_t i);

/* ---- What a scorer reads and writes --------------------------------------- */

/* Field kinds and how each is laid out in an icp_batch_view column. */
typedef enum icp_field_kind {
  ICP_FIELD_BOOL = 0,       /* int64_t 0/1                        */
  ICP_FIELD_INT = 1,        /* int64_t                            */
  ICP_FIELD_FLOAT = 2,      /* double                             */
  ICP_FIELD_STRING = 3,     /* icp_str                            */
  ICP_FIELD_DATE = 4,       /* int64_t days since 1970-01-01      */
  ICP_FIELD_DURATION = 5,   /* int64_t days                       */
  ICP_FIELD_STRING_SET = 6, /* icp_strset, items sorted bytewise, unique */
  ICP_FIELD_ENUM = 7        /* int64_t member index (icp_scorer_enum_member) */
} icp_field_kind;

typedef enum icp_rule_kind {
  ICP_RULE_EXCLUDE = 0,
  ICP_RULE_SIGNAL = 1,
  ICP_RULE_TRIGGER = 2
} icp_rule_kind;

ICP_API const char *icp_scorer_profile(const icp_scorer *);
/* The schema's fields: batch column i is field i. */
ICP_API size_t icp_scorer_field_count(const icp_scorer *);
ICP_API const char *icp_scorer_field_name(const icp_scorer *, size_t field);
/* The input column / JSON key (the `from` name, else the field name). */
ICP_API const char *icp_scorer_field_column(const icp_scorer *, size_t field);
ICP_API icp_field_kind icp_scorer_field_kind(const icp_scorer *, size_t field);
/* 1 for `T?` fields. */
ICP_API int icp_scorer_field_optional(const icp_scorer *, size_t field);
/* Enum fields: the members in declaration order (0 for other fields). */
ICP_API size_t icp_scorer_enum_member_count(const icp_scorer *, size_t field);
ICP_API const char *icp_scorer_enum_member(const icp_scorer *, size_t field, size_t member);
/* Index of the field whose column or name is `name` (case-insensitive), or -1. */
ICP_API int64_t icp_scorer_find_field(const icp_scorer *, const char *name);

/* Rules in source order (excludes, signals, triggers): result column k. */
ICP_API size_t icp_scorer_rule_count(const icp_scorer *);
ICP_API const char *icp_scorer_rule_label(const icp_scorer *, size_t rule);
ICP_API icp_rule_kind icp_scorer_rule_kind(const icp_scorer *, size_t rule);
/* The rule's group label, or NULL outside groups. */
ICP_API const char *icp_scorer_rule_group(const icp_scorer *, size_t rule);
/* Tier names in order; result tier t >= 0 is icp_scorer_tier_name(s, t). */
ICP_API size_t icp_scorer_tier_count(const icp_scorer *);
/* Tier index t, or "out" for ICP_TIER_OUT and "excluded" for ICP_TIER_EXCLUDED. */
ICP_API const char *icp_scorer_tier_name(const icp_scorer *, int32_t tier);

/* ---- Batches ------------------------------------------------------------ */

/* Scores in->rows records as of `as_of` ("YYYY-MM-DD", or NULL for today).
   `in` has one column per field (icp_scorer_field_count), laid out as
   icp_field_kind says; a column's `valid` may be NULL when every row has a
   value. Values are used as given: schema defaults are applied when reading
   input (icp_score_json), not here. `out->nrules` must be
   icp_scorer_rule_count() and its arrays must hold in->rows entries
   (state/points: rows * nrules). Returns 0, or 1 and sets *error (if not
   NULL) to a malloc'd message for a bad argument. */
ICP_API int icp_score_batch(icp_scorer *, const icp_batch_view *in, const char *as_of,
                            const icp_result_view *out, char **error);

/* "YYYY-MM-DD" -> days since 1970-01-01 (for date columns). 0 on success, 1
   when the text is not a valid ISO date. */
ICP_API int icp_parse_date(const char *ymd, int64_t *days);

#ifdef __cplusplus
}
#endif
#endif /* ICP_ICP_H */
