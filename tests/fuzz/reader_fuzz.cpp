// Fuzz targets `csv` and `ndjson` (this file, built twice: ICP_FUZZ_NDJSON
// selects the NDJSON reader): the runtime's streaming readers
// (runtime/src/csv_reader.cpp, ndjson_reader.cpp) on any bytes.
//
// Input: one options byte, then the file. The options pick --lenient, the
// delimiter (CSV: ',' or tab), a record/line limit, the chunk size and the
// date format. The CSV schema is made from the header (each column a kind
// chosen by a hash of its name, so mutating the rows keeps the schema); the
// NDJSON schema is fixed (a field of every kind).
//
// Properties (each aborts when violated) -- no row is ever lost:
//   - rows read = rows produced + rows rejected, and it equals the number of
//     rows an independent reading of the input finds (the oracle below:
//     RFC 4180 records after the header that are not blank / non-blank lines);
//   - produced and rejected rows together are rows 1..N, each once, in
//     order, each with the physical line the oracle says it starts on;
//   - a chunk never holds more than the rows asked for;
//   - every reject has a reason; a CSV reject keeps the record's cells;
//     an NDJSON reject keeps its line (the head of one over the limit);
//   - an input with a NUL byte in its first 64 KiB is refused, and so is a
//     CSV header over the limit;
//   - without --lenient, a produced row has a value for every field that is
//     not optional; set values hold distinct items; enum ordinals are members.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "icp/rt/reader.h"
#include "icp/rt/schema.h"
#include "icp/rt/utf8.h"

namespace {

using namespace icp::rt;

struct Options {
  ReadOptions read;
  size_t chunk = 4096;
};

Options options_from(uint8_t b) {
  Options o;
  o.read.lenient = b & 1;
  o.read.delimiter = (b & 2) ? '\t' : ',';
  static const size_t limits[] = {0, 8, 64, size_t(1) << 20};
  o.read.max_record_bytes = limits[(b >> 2) & 3];
  static const size_t chunks[] = {4096, 1, 3, 64};
  o.chunk = chunks[(b >> 4) & 3];
  static const DateFormat formats[] = {DateFormat::Ymd, DateFormat::Ymd, DateFormat::Mdy, DateFormat::Dmy};
  o.read.date_format = formats[(b >> 6) & 3];
  return o;
}

std::shared_ptr<EnumSpec> region_enum() {
  auto e = std::make_shared<EnumSpec>();
  e->name = "Region";
  e->members = {"americas", "emea", "apac"};
  e->aliases = {{"north america", "us"}, {"europe"}};
  e->default_member = -1;
  e->build();
  return e;
}

FieldSpec field(std::string name, ValueKind kind, bool optional, bool with_default, const EnumSpec* e) {
  FieldSpec f;
  f.name = name;
  f.column = name;
  f.kind = kind;
  f.optional = optional;
  f.enum_spec = e;
  if (with_default) {
    f.has_default = true;
    switch (kind) {
      case ValueKind::Bool: f.default_value = Value::boolean(false); break;
      case ValueKind::Int: f.default_value = Value::integer(7); break;
      case ValueKind::Float: f.default_value = Value::real(0.5); break;
      case ValueKind::String: f.default_value = Value::string("none"); break;
      case ValueKind::Date: f.default_value = Value::date(20000); break;
      case ValueKind::Duration: f.default_value = Value::duration(30); break;
      case ValueKind::StringSet: f.default_value = Value::set({}); break;
      case ValueKind::Enum: f.default_value = Value::enumeration(1); break;
    }
  }
  return f;
}

[[maybe_unused]] constexpr ValueKind kKinds[] = {ValueKind::Bool,     ValueKind::Int,       ValueKind::Float, ValueKind::String,
                                ValueKind::Date,     ValueKind::Duration,  ValueKind::StringSet,
                                ValueKind::Enum};

[[maybe_unused]] uint32_t name_hash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// ---- The oracle: which rows the input has, and the line each starts on ----

// CSV: RFC 4180 records as reader.h describes them (a BOM skipped; LF or
// CRLF ends a record, and a CR at the very end; quotes around a cell after
// leading blanks, `""` inside; text after a closing quote is part of the
// cell; an unterminated quote runs to the end of the input; a record that is
// one blank unquoted cell is not a row). Returns the start line of each data
// row (the first non-blank record is the header).
// With a record limit, a record longer than it (without its line ending)
// is a row even when blank; `header_over` says the header is.
[[maybe_unused]] std::vector<int64_t> csv_rows(std::string_view b, char delim, size_t limit, bool& header_over) {
  if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
  std::vector<int64_t> starts;
  size_t p = 0, n = b.size();
  int64_t line = 1;
  bool header_seen = false;
  header_over = false;
  while (p < n) {
    int64_t start = line;
    size_t cells = 0, from = p, length = 0;
    bool quoted = false, blank = true, done = false;
    while (!done) {  // one cell
      ++cells;
      size_t q = p;
      while (q < n && (b[q] == ' ' || b[q] == '\t') && b[q] != delim) ++q;
      if (q < n && b[q] == '"') {
        quoted = true;
        p = q + 1;
        for (;;) {
          if (p >= n) {  // unterminated: the rest of the input
            length = n - from;
            done = true;
            break;
          }
          if (b[p] == '"') {
            if (p + 1 < n && b[p + 1] == '"') {
              p += 2;
              continue;
            }
            ++p;
            break;
          }
          if (b[p] == '\n') ++line;
          ++p;
        }
        if (done) break;
      }
      size_t text = p;
      for (; p < n; ++p) {
        char c = b[p];
        if (c == delim || c == '\n' || (c == '\r' && (p + 1 == n || b[p + 1] == '\n'))) break;
      }
      if (!trim_view(b.substr(text, p - text)).empty()) blank = false;
      length = p - from;
      if (p == n) break;
      if (b[p] == delim) {
        ++p;
        continue;
      }
      if (b[p] == '\r') ++p;
      if (p < n && b[p] == '\n') ++p;
      ++line;
      done = true;
    }
    bool over = limit && length > limit;
    if (cells == 1 && !quoted && blank && !over) continue;
    if (!header_seen) header_seen = true, header_over = over;
    else starts.push_back(start);
  }
  return starts;
}

// NDJSON: every line (LF-terminated, a CR before the LF dropped, a BOM at
// the start of line 1 skipped) that is not blank, or is longer than `limit`.
[[maybe_unused]] std::vector<int64_t> ndjson_rows(std::string_view b, size_t limit) {
  std::vector<int64_t> starts;
  int64_t line = 1;
  size_t p = 0;
  while (p < b.size()) {
    size_t e = b.find('\n', p);
    std::string_view l = b.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    bool over = limit && l.size() > limit;
    if (line == 1 && l.starts_with("\xEF\xBB\xBF")) l.remove_prefix(3);
    if (over || !trim_view(l).empty()) starts.push_back(line);
    if (e == std::string_view::npos) break;
    p = e + 1;
    ++line;
  }
  return starts;
}

// The CSV header's cells (roughly: enough to name the schema's columns).
[[maybe_unused]] std::vector<std::string> header_names(std::string_view b, char delim) {
  if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
  std::string_view h = b.substr(0, b.find('\n'));
  std::vector<std::string> out;
  size_t p = 0;
  for (;;) {
    size_t e = h.find(delim, p);
    std::string_view c = trim_view(h.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
    if (c.size() >= 2 && c.front() == '"' && c.back() == '"') c = c.substr(1, c.size() - 2);
    if (!trim_view(c).empty()) out.emplace_back(trim_view(c));
    if (e == std::string_view::npos) break;
    p = e + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Options opt = options_from(data[0]);
  std::string input(fuzz::as_text(data + 1, size - 1));
  static const std::shared_ptr<EnumSpec> region = region_enum();

  Schema schema;
  schema.name = "Fuzz";
  std::vector<int64_t> expected;
#ifdef ICP_FUZZ_NDJSON
  const bool csv = false;
  schema.fields = {field("name", ValueKind::String, false, false, nullptr),
                   field("employees", ValueKind::Int, false, false, nullptr),
                   field("revenue", ValueKind::Float, true, false, nullptr),
                   field("active", ValueKind::Bool, false, true, nullptr),
                   field("founded", ValueKind::Date, true, false, nullptr),
                   field("age", ValueKind::Duration, true, false, nullptr),
                   field("tags", ValueKind::StringSet, false, false, nullptr),
                   field("region", ValueKind::Enum, false, true, region.get())};
  schema.fields[1].column = "Employee Count";
  expected = ndjson_rows(input, opt.read.max_record_bytes);
#else
  const bool csv = true;
  for (const std::string& name : header_names(input, opt.read.delimiter)) {
    if (schema.find_column(name) >= 0) continue;
    uint32_t h = name_hash(column_key(name));
    ValueKind k = kKinds[h % 8];
    schema.fields.push_back(field(name, k, (h >> 8) & 1, ((h >> 9) & 3) == 0, k == ValueKind::Enum ? region.get() : nullptr));
  }
  bool header_over = false;
  expected = csv_rows(input, opt.read.delimiter, opt.read.max_record_bytes, header_over);
#endif
  // A NUL byte in the first 64 KiB: not text, refused before any row.
  const bool binary = std::string_view(input).substr(0, size_t(64) << 10).find('\0') != std::string_view::npos;

  std::string error;
  std::unique_ptr<RowSource> src = csv ? open_csv(string_source(input), schema, opt.read, {}, error)
                                       : open_ndjson(string_source(input), schema, opt.read, {}, error);
  if (!src) {
    FUZZ_CHECK(!error.empty(), "the reader refused the input without a message");
    // The NDJSON reader refuses only binary input; a CSV reader also one
    // without a header, with a header over the limit, or without a column
    // it needs.
    FUZZ_CHECK(csv || binary, "the NDJSON reader refused an input: %s", error.c_str());
    return 0;
  }
  FUZZ_CHECK(!binary, "an input with a NUL byte in its first 64 KiB was read");
#ifndef ICP_FUZZ_NDJSON
  FUZZ_CHECK(!header_over, "a header over the limit was read");
#endif

  Batch batch;
  std::vector<Reject> rejects;
  int64_t next_row = 1, produced = 0, rejected = 0;
  size_t guard = 0;
  while (src->next_chunk(batch, rejects, opt.chunk)) {
    FUZZ_CHECK(++guard <= input.size() + 2, "next_chunk keeps returning true");
    FUZZ_CHECK(batch.rows == batch.row_number.size() && batch.rows == batch.line.size(),
               "a batch of %zu rows has %zu row numbers and %zu lines", batch.rows, batch.row_number.size(),
               batch.line.size());
    FUZZ_CHECK(batch.rows + rejects.size() <= opt.chunk, "a chunk of %zu rows and %zu rejects, %zu asked for",
               batch.rows, rejects.size(), opt.chunk);
    FUZZ_CHECK(batch.rows + rejects.size() > 0, "a chunk that read nothing returned true");
    // Merge the chunk's rows and rejects by row number: they must be the
    // next rows, each once, on the lines the oracle found.
    size_t r = 0, j = 0;
    while (r < batch.rows || j < rejects.size()) {
      bool take_row = j == rejects.size() || (r < batch.rows && batch.row_number[r] < rejects[j].row);
      int64_t row = take_row ? batch.row_number[r] : rejects[j].row;
      int64_t line = take_row ? batch.line[r] : rejects[j].line;
      FUZZ_CHECK(row == next_row, "row %lld came where row %lld was due", (long long)row, (long long)next_row);
      FUZZ_CHECK(size_t(row) <= expected.size(), "row %lld, but the input has %zu rows", (long long)row,
                 expected.size());
      FUZZ_CHECK(line == expected[size_t(row) - 1], "row %lld starts on line %lld, the reader says %lld",
                 (long long)row, (long long)expected[size_t(row) - 1], (long long)line);
      if (take_row) {
        for (size_t f = 0; f < schema.fields.size(); ++f) {
          const FieldSpec& fs = schema.fields[f];
          Value v = batch.value(f, r);
          if (!opt.read.lenient && !fs.optional)
            FUZZ_CHECK(v.present(), "row %lld: field '%s' (not optional) has no value", (long long)row,
                       fs.name.c_str());
          if (v.is_missing()) continue;
          if (fs.kind == ValueKind::StringSet) {
            std::vector<std::string> items = v.as_set();
            std::sort(items.begin(), items.end());
            FUZZ_CHECK(std::adjacent_find(items.begin(), items.end()) == items.end(),
                       "row %lld: set field '%s' holds an item twice", (long long)row, fs.name.c_str());
          }
          if (fs.kind == ValueKind::Enum)
            FUZZ_CHECK(v.as_enum() >= 0 && size_t(v.as_enum()) < fs.enum_spec->members.size(),
                       "row %lld: enum field '%s' has ordinal %d", (long long)row, fs.name.c_str(), v.as_enum());
        }
        ++r, ++produced;
      } else {
        const Reject& rj = rejects[j];
        FUZZ_CHECK(!rj.reason.empty(), "row %lld rejected without a reason", (long long)row);
        FUZZ_CHECK(!rj.cells.empty(), "row %lld rejected without its cells", (long long)row);
        ++j, ++rejected;
      }
      ++next_row;
    }
    rejects.clear();
  }
  FUZZ_CHECK(size_t(next_row - 1) == expected.size(), "%lld rows read, the input has %zu", (long long)(next_row - 1),
             expected.size());
  FUZZ_CHECK(src->rows_read() == produced + rejected && src->rows_rejected() == rejected,
             "rows_read() %lld, rows_rejected() %lld; %lld produced, %lld rejected", (long long)src->rows_read(),
             (long long)src->rows_rejected(), (long long)produced, (long long)rejected);
  return 0;
}
