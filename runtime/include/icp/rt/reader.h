// Input readers: CSV (RFC 4180) and NDJSON, streamed in chunks into Batches.
// Every data row is either produced (with its 1-based row number and the
// physical line where it starts) or rejected with row, line, column, reason
// and its original cells — never dropped.
//
//   std::string err;
//   auto src = open_csv(open_file("in.csv", err), schema, opts, keep, err);
//   if (!src) -> input error in `err` (an absent column, ...): one problem
//              per line, lines starting "note: " are notes
//   for (auto& w : src->warnings()) -> stderr
//   Batch b; std::vector<Reject> rej;
//   while (src->next_chunk(b, rej, 4096)) { score b; write rej; rej.clear(); }
//
// CSV details: a UTF-8 BOM is skipped; records end at LF or CRLF; quoted
// fields may hold delimiters, `""` and line breaks; white space before an
// opening quote is ignored; text after a closing quote is kept. Lines that
// are empty or only white space are not rows. Extra cells that are all blank
// are ignored (trailing delimiters); other extra cells and missing cells
// reject the row. Invalid UTF-8 in a used column (a field's or a kept one)
// rejects the row. An unterminated quote rejects the last row. A record over
// ReadOptions::max_record_bytes rejects its row, a header over it is an error.
// NDJSON details: blank lines are not rows; each other line must be one JSON
// object (else the row is rejected with the parser's message); invalid UTF-8
// rejects the row; keys match columns case-insensitively (the last of two
// equal keys wins). A line over ReadOptions::max_record_bytes rejects its row.
// Either: a NUL byte in the first 64 KiB of the input is an error (binary or
// UTF-16 input).
#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "icp/rt/batch.h"
#include "icp/rt/convert.h"
#include "icp/rt/schema.h"

namespace icp::rt {

// A stream of bytes (a file, stdin, a string).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 at the end.
  virtual size_t read(char* buf, size_t n) = 0;
};
// "-" is stdin. nullptr and `error` set when the file cannot be opened.
std::unique_ptr<ByteSource> open_file(const std::string& path, std::string& error);
std::unique_ptr<ByteSource> string_source(std::string data);

// The limit of one record, applied while reading: an NDJSON line, or a CSV
// record (its header too, quoted line breaks included), without its line
// ending; exactly this many bytes is allowed. A longer row is rejected as it
// streams by (only its head is kept), a longer header is an error, so memory
// stays bounded whatever the input (docs/limits.md).
inline constexpr size_t kMaxRecordBytes = size_t(1) << 20;
// A chunk (next_chunk) also ends once it has read this much input, so its
// memory is bounded whatever the width of the rows.
inline constexpr size_t kChunkBytes = size_t(1) << 20;

// What a rejects row copies of a row over the record limit: its first
// kRejectCopyBytes bytes (fewer when that would split a UTF-8 character),
// then cut_mark(): "HEAD... [cut: 314572800 bytes in all]", the full length
// of the line or record. Any other rejected row is copied whole.
inline constexpr size_t kRejectCopyBytes = 4096;
// The largest n' <= n that does not split a UTF-8 character of `text`.
size_t utf8_cut(std::string_view text, size_t n);
std::string cut_mark(uint64_t full_length);
// text's head (at most kRejectCopyBytes, see utf8_cut), and cut_mark(full_length)
// unless that head is all of it.
std::string reject_copy(std::string_view text, uint64_t full_length);

struct Reject {
  int64_t row = 0;     // 1-based data row
  int64_t line = 0;    // physical line where the row starts
  std::string column;  // the first column (as in the input) at fault, "" for the whole row
  // Why: the first unreadable cell's reason, then `; COLUMN: why` for every
  // other unreadable cell of the row, in header (or key) order.
  std::string reason;
  std::vector<std::string> cells;  // CSV: the row's cells; NDJSON: the line
};

// An input key that no field reads (NDJSON): how many rows have it.
struct UnreadKey {
  std::string key;   // as first written in the input
  int64_t rows = 0;
  std::string hint;  // unread_key_hint(): "did you mean ...?" or ""
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // Clears `out` and reads up to `max_rows` input rows, or fewer once
  // kChunkBytes of input have been read: readable ones go to `out`, rejected
  // ones are appended to `rejects` (both count, so a chunk's memory is
  // bounded). Returns false once the input is exhausted (nothing was read by
  // this call).
  virtual bool next_chunk(Batch& out, std::vector<Reject>& rejects, size_t max_rows) = 0;

  // Warnings about the header (a column that appears twice, ...).
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Notes about the header (absent columns that --allow-missing allowed).
  const std::vector<std::string>& notes() const { return notes_; }
  // Column names for the rejects file after `row,line,column,reason`: the
  // CSV header cells, or {"record"} for NDJSON.
  const std::vector<std::string>& reject_header() const { return reject_header_; }
  int64_t rows_read() const { return rows_read_; }          // produced + rejected
  int64_t rows_rejected() const { return rows_rejected_; }
  int64_t lenient_count() const { return lenient_count_; }  // values read as missing by --lenient
  // The same per column (as written in the input), in schema field order;
  // only columns with a count.
  const std::vector<std::pair<std::string, int64_t>>& lenient_by_column() const { return lenient_by_column_; }
  // NDJSON: the keys that neither a field nor --keep reads, in order of
  // first appearance (keys compared as column_key()s); at most 100 distinct
  // ones, `more_unread_keys()` counts the others. Empty for CSV (its extra
  // columns are visible in the header).
  virtual std::vector<UnreadKey> unread_keys() const { return {}; }
  virtual int64_t more_unread_keys() const { return 0; }

 protected:
  std::vector<std::string> warnings_, notes_;
  std::vector<std::pair<std::string, int64_t>> lenient_by_column_;
  std::vector<std::string> reject_header_;
  int64_t rows_read_ = 0;
  int64_t rows_rejected_ = 0;
  int64_t lenient_count_ = 0;
};

// Reads the header at once: returns nullptr and sets `error` when a field's
// column is absent (and not allowed), or a `keep` column is not in the header.
// `schema` must outlive the source.
std::unique_ptr<RowSource> open_csv(std::unique_ptr<ByteSource> in, const Schema& schema, const ReadOptions& opts,
                                    const std::vector<std::string>& keep, std::string& error);
std::unique_ptr<RowSource> open_ndjson(std::unique_ptr<ByteSource> in, const Schema& schema, const ReadOptions& opts,
                                       const std::vector<std::string>& keep, std::string& error);

enum class InputFormat : uint8_t { Csv, Ndjson };
// By extension: .csv .tsv -> Csv, .ndjson .jsonl -> Ndjson (case-insensitive).
std::optional<InputFormat> input_format_for(const std::string& path);
// ',' or '\t' for a .tsv path.
char default_delimiter_for(const std::string& path);

}  // namespace icp::rt
