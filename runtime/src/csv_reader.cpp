// The CSV RowSource (RFC 4180, streamed). See icp/rt/reader.h for the rules.
#include <algorithm>
#include <cstring>

#include "icp/rt/reader.h"
#include "icp/rt/name_list.h"
#include "icp/rt/utf8.h"
#include "input_buffer.h"
#include "row_builder.h"

namespace icp::rt {

namespace {

class CsvSource : public RowSource {
 public:
  CsvSource(std::unique_ptr<ByteSource> in, const Schema& schema, const ReadOptions& opts)
      : in_(std::move(in)), schema_(schema), opts_(opts), builder_(schema, opts) {}

  bool open(const std::vector<std::string>& keep, std::string& error);
  bool next_chunk(Batch& out, std::vector<Reject>& rejects, size_t max_rows) override;

 private:
  // TooLong: over opts_.max_record_bytes; a row's is skipped (see skip_record).
  enum class Rec { Ok, Eof, Unterminated, NeedMore, TooLong };
  Rec parse(std::string_view b, bool eof, size_t& used, int64_t& newlines, size_t& length);
  Rec read_record(int64_t& start_line, bool header);
  Rec skip_record(int64_t& start_line);
  bool blank_record() const;
  std::string_view cell(size_t i) const { return std::string_view(cellbuf_).substr(cells_[i].first, cells_[i].second); }
  void reject(std::vector<Reject>& rejects, int64_t row, int64_t line, std::string column, std::string reason);

  InputBuffer in_;
  const Schema& schema_;
  ReadOptions opts_;
  RowBuilder builder_;
  int64_t line_ = 1;  // physical line of the next unread byte
  bool bom_checked_ = false;
  std::string cellbuf_;
  std::vector<std::pair<size_t, size_t>> cells_;  // (offset, length) in cellbuf_
  bool any_quoted_ = false;
  // The last record skipped for its length: its bytes (without its line
  // ending), and whether it ran to the end of the input inside quotes.
  uint64_t long_length_ = 0;
  int64_t long_lines_ = 0;
  bool long_unterminated_ = false;
  std::vector<std::string> header_;
  std::vector<int> field_col_;  // field -> header index, -1 when absent
  std::vector<int> keep_col_;   // kept column -> header index
  std::vector<uint8_t> used_col_;
  std::vector<std::string> keep_;
  std::vector<CellInput> inputs_;
  std::vector<CellProblem> problems_;
};

// Parses one record from `b` (`eof`: nothing follows it). Sets `used` to
// the bytes consumed and `length` to the record's, without its line ending.
CsvSource::Rec CsvSource::parse(std::string_view b, bool eof, size_t& used, int64_t& newlines, size_t& length) {
  cellbuf_.clear();
  cells_.clear();
  any_quoted_ = false;
  newlines = 0;
  const char delim = opts_.delimiter;
  size_t p = 0, n = b.size();
  if (n == 0) return eof ? Rec::Eof : Rec::NeedMore;
  for (;;) {  // one cell per iteration
    size_t start = cellbuf_.size();
    size_t q = p;
    while (q < n && (b[q] == ' ' || b[q] == '\t') && b[q] != delim) ++q;
    if (q == n && !eof) return Rec::NeedMore;
    if (q < n && b[q] == '"') {
      any_quoted_ = true;
      p = q + 1;
      for (;;) {
        const char* hit = static_cast<const char*>(std::memchr(b.data() + p, '"', n - p));
        size_t e = hit ? size_t(hit - b.data()) : n;
        for (size_t i = p; i < e; ++i) newlines += b[i] == '\n';
        cellbuf_.append(b.substr(p, e - p));
        p = e;
        if (!hit) {
          if (!eof) return Rec::NeedMore;
          cells_.emplace_back(start, cellbuf_.size() - start);
          used = length = n;
          return Rec::Unterminated;
        }
        if (p + 1 < n && b[p + 1] == '"') {
          cellbuf_ += '"';
          p += 2;
          continue;
        }
        if (p + 1 == n && !eof) return Rec::NeedMore;
        ++p;  // closing quote
        break;
      }
    }
    // Unquoted text (or text after a closing quote) up to the cell's end.
    size_t s = p;
    while (p < n && b[p] != delim && b[p] != '\n' && !(b[p] == '\r' && (p + 1 == n || b[p + 1] == '\n'))) ++p;
    cellbuf_.append(b.substr(s, p - s));
    if (p == n) {
      if (!eof) return Rec::NeedMore;
      cells_.emplace_back(start, cellbuf_.size() - start);
      used = length = n;
      return Rec::Ok;
    }
    cells_.emplace_back(start, cellbuf_.size() - start);
    if (b[p] == delim) {
      ++p;
      continue;
    }
    length = p;
    if (b[p] == '\r') {
      if (p + 1 == n && !eof) return Rec::NeedMore;
      ++p;
    }
    if (p < n && b[p] == '\n') ++p;
    ++newlines;
    used = p;
    return Rec::Ok;
  }
}

CsvSource::Rec CsvSource::read_record(int64_t& start_line, bool header) {
  const size_t limit = opts_.max_record_bytes;
  for (;;) {
    std::string_view b = in_.view();
    if (!bom_checked_) {
      if (b.size() < 3 && !in_.eof()) {
        in_.fill();
        continue;
      }
      if (b.starts_with("\xEF\xBB\xBF")) in_.consume(3), b = in_.view();
      bom_checked_ = true;
    }
    size_t used = 0, length = 0;
    int64_t newlines = 0;
    Rec r = parse(b, in_.eof(), used, newlines, length);
    // Over the limit: the record ends in the buffer and is longer, or it
    // does not and the buffer already holds more than the limit and a CR.
    // The buffer never grows beyond about twice the limit.
    if ((r == Rec::NeedMore && limit && b.size() > limit + 1) ||
        ((r == Rec::Ok || r == Rec::Unterminated) && limit && length > limit)) {
      if (!header) return skip_record(start_line);
      start_line = line_;
      return Rec::TooLong;
    }
    if (r == Rec::NeedMore) {
      in_.fill();
      continue;
    }
    if (r == Rec::Eof) return r;
    in_.consume(used);
    start_line = line_;
    line_ += newlines;
    if (blank_record()) continue;
    return r;
  }
}

// A record over the limit, from its first byte at the start of the buffer:
// its cells as far as its first kRejectCopyBytes go (the last one ending in
// cut_mark) are kept for the rejects file, and the rest is skipped as it
// streams by, with the quoting rules of parse() (a quoted field may hold
// delimiters, `""` and line breaks; text after a closing quote is kept), so
// that the next record starts where it should and memory stays bounded.
CsvSource::Rec CsvSource::skip_record(int64_t& start_line) {
  std::string_view b = in_.view();
  size_t head = utf8_cut(b, std::min(b.size(), kRejectCopyBytes)), used = 0, length = 0;
  int64_t newlines = 0;
  parse(b.substr(0, head), true, used, newlines, length);

  enum class S : uint8_t { CellStart, Quoted, QuoteSeen, Unquoted } s = S::CellStart;
  const char delim = opts_.delimiter;
  uint64_t total = 0;
  int64_t lines = 0;
  char last = 0;  // the byte before the one being looked at
  bool end = false;
  while (!end) {
    b = in_.view();
    size_t i = 0, n = b.size();
    while (i < n && !end) {
      char c = b[i];
      switch (s) {
        case S::CellStart:  // white space before an opening quote
          if ((c == ' ' || c == '\t') && c != delim) ++i;
          else if (c == '"') s = S::Quoted, ++i;
          else s = S::Unquoted;
          break;
        case S::Quoted: {
          const char* q = static_cast<const char*>(std::memchr(b.data() + i, '"', n - i));
          size_t e = q ? size_t(q - b.data()) : n;
          lines += std::count(b.begin() + i, b.begin() + e, '\n');
          i = e;
          if (q) s = S::QuoteSeen, ++i;
          break;
        }
        case S::QuoteSeen:  // `""`, or the closing quote
          if (c == '"') s = S::Quoted, ++i;
          else s = S::Unquoted;
          break;
        case S::Unquoted: {
          size_t j = i;
          while (j < n && b[j] != delim && b[j] != '\n') ++j;
          i = j;
          if (j < n && b[j] == delim) s = S::CellStart, ++i;
          else if (j < n) end = true;
          break;
        }
      }
    }
    if (i > 0) last = b[i - 1];
    total += i;
    in_.consume(end ? i + 1 : i);  // the newline too
    if (!end && !in_.fill()) break;
  }
  long_unterminated_ = !end && s == S::Quoted;
  if (last == '\r' && !long_unterminated_) --total;  // CRLF, or a CR at the end of the input
  long_length_ = total;
  long_lines_ = lines + (end || last != '\n' ? 1 : 0);  // the lines it is on
  if (head < total) {  // the copy is cut: say so, at the end of its last cell
    if (cells_.empty()) cells_.emplace_back(0, 0);
    std::string mark = cut_mark(total);
    cellbuf_ += mark;
    cells_.back().second += mark.size();
  }
  start_line = line_;
  line_ += lines + (end ? 1 : 0);
  return Rec::TooLong;
}

bool CsvSource::blank_record() const {
  return cells_.size() == 1 && !any_quoted_ && trim_view(cell(0)).empty();
}

bool CsvSource::open(const std::vector<std::string>& keep, std::string& error) {
  if (!refuse_binary_input(in_, error)) return false;
  int64_t line = 0;
  Rec r = read_record(line, true);
  if (r == Rec::Eof) {
    error = "the input is empty (a CSV file needs a header row)";
    return false;
  }
  if (r == Rec::TooLong) {
    error = "line " + std::to_string(line) + ": the header is longer than " + std::to_string(opts_.max_record_bytes) +
            " bytes, the limit of a record";
    return false;
  }
  for (size_t i = 0; i < cells_.size(); ++i) header_.emplace_back(trim_view(cell(i)));
  reject_header_ = header_;
  std::vector<std::string> keys;
  for (const auto& h : header_) keys.push_back(column_key(h));
  auto find = [&](std::string_view name) {
    std::string k = column_key(name);
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == k) return int(i);
    return -1;
  };
  used_col_.assign(header_.size(), 0);
  for (const FieldSpec& f : schema_.fields) {
    int c = find(f.column);
    field_col_.push_back(c);
    if (c < 0) continue;
    used_col_[size_t(c)] = 1;
    for (size_t i = size_t(c) + 1; i < keys.size(); ++i)
      if (keys[i] == keys[size_t(c)])
        warnings_.push_back("column '" + header_[i] + "' appears twice; field '" + f.name + "' reads the first one");
  }
  // Section 8: an absent column is an error before any row is read, unless
  // --allow-missing names it (optional fields, sets, defaults only).
  std::vector<std::string> unused;
  for (size_t i = 0; i < header_.size(); ++i)
    if (!used_col_[i]) unused.push_back(header_[i]);
  std::string lines;
  std::vector<std::string> allowable;
  size_t absent = 0;  // columns reported (one line each, up to kListedNames)
  for (size_t f = 0; f < schema_.fields.size(); ++f) {
    if (field_col_[f] >= 0) continue;
    const FieldSpec& fs = schema_.fields[f];
    bool allowed = false;
    if (!fs.required()) {
      allowed = opts_.allow_missing_all;
      for (const auto& a : opts_.allow_missing) allowed = allowed || column_key(a) == column_key(fs.column);
    }
    if (allowed) {
      std::string what = fs.has_default ? "takes its default" : fs.optional ? "is missing" : "is the empty set";
      notes_.push_back("no column '" + fs.column + "': field '" + fs.name + "' " + what +
                       " in every row (--allow-missing)");
      continue;
    }
    if (!fs.required()) allowable.push_back(fs.column);
    if (absent++ >= kListedNames) continue;
    std::string near = closest_column(fs.column, unused.empty() ? header_ : unused, false);
    if (!lines.empty()) lines += "\n";
    lines += "no column '" + fs.column + "' for field '" + fs.name + "'";
    lines += near.empty() ? std::string("; no header name is close to it")
                          : "; the closest header name is '" + near + "'";
  }
  if (absent) {
    error = lines;
    if (absent > kListedNames) error += "\nand " + std::to_string(absent - kListedNames) + " more fields have no column";
    error += "\nnote: the header has: " + name_list(header_);
    if (!allowable.empty()) {
      std::string names;
      for (const auto& a : allowable) names += (names.empty() ? "" : ",") + a;
      error += "\nnote: to read an absent column of an optional field, a set or a field with a default as no value, "
               "pass --allow-missing " +
               (allowable.size() > kListedNames ? std::string("all") : "'" + names + "'");
    }
    return false;
  }
  for (const auto& k : keep) {
    int c = find(k);
    if (c < 0) {
      error = "no column '" + k + "' to keep (the header has: " + name_list(header_) + ")";
      return false;
    }
    keep_col_.push_back(c);
    used_col_[size_t(c)] = 1;
  }
  keep_ = keep;
  inputs_.resize(schema_.fields.size());
  return true;
}

void CsvSource::reject(std::vector<Reject>& rejects, int64_t row, int64_t line, std::string column, std::string reason) {
  Reject r;
  r.row = row;
  r.line = line;
  r.column = std::move(column);
  r.reason = std::move(reason);
  for (size_t i = 0; i < cells_.size(); ++i) r.cells.emplace_back(cell(i));
  rejects.push_back(std::move(r));
  ++rows_rejected_;
}

bool CsvSource::next_chunk(Batch& out, std::vector<Reject>& rejects, size_t max_rows) {
  out.reset(schema_, keep_);
  bool any = false;
  std::string column, reason;
  // Rejected rows count towards max_rows too, so a chunk stays bounded.
  const uint64_t start = in_.consumed();
  for (size_t taken = 0; taken < max_rows && (taken == 0 || in_.consumed() - start < kChunkBytes); ++taken) {
    int64_t line = 0;
    Rec r = read_record(line, false);
    if (r == Rec::Eof) break;
    any = true;
    int64_t row = ++rows_read_;
    if (r == Rec::TooLong) {
      reject(rejects, row, line, "",
             long_unterminated_
                 ? "a quoted field that starts here is never closed: the row runs to the end of the input (" +
                       std::to_string(long_length_) + " bytes on " + std::to_string(long_lines_) + " lines)"
                 : "a record of " + std::to_string(long_length_) + " bytes (the limit is " +
                       std::to_string(opts_.max_record_bytes) + ")");
      continue;
    }
    if (r == Rec::Unterminated) {
      reject(rejects, row, line, "", "a quoted field that starts here is never closed");
      continue;
    }
    size_t n = cells_.size(), h = header_.size();
    bool extra_blank = n > h;
    for (size_t i = h; i < n && extra_blank; ++i) extra_blank = trim_view(cell(i)).empty();
    if (n < h || (n > h && !extra_blank)) {
      reject(rejects, row, line, "", "expected " + std::to_string(h) + " cells, found " + std::to_string(n));
      continue;
    }
    // Every unreadable cell of the row is reported: the reader's own check
    // (UTF-8) for every used column, then the typed reading. (No cell is
    // over the limit: its record would be.)
    problems_.clear();
    for (size_t i = 0; i < h; ++i) {
      if (!used_col_[i]) continue;
      size_t at = utf8_invalid_at(cell(i));
      if (at != std::string_view::npos)
        problems_.push_back({int64_t(i), header_[i], "invalid UTF-8 at byte " + std::to_string(at + 1) + " of the cell"});
    }
    size_t reader_problems = problems_.size();
    for (size_t f = 0; f < inputs_.size(); ++f) {
      CellInput& in = inputs_[f];
      int c = field_col_[f];
      if (c < 0) {
        in.kind = CellInput::Absent;
        in.column = {};
        in.order = 0;
        continue;
      }
      in.kind = CellInput::Text;
      for (size_t p = 0; p < reader_problems; ++p)
        if (problems_[p].order == c) in.kind = CellInput::Unreadable;
      in.text = cell(size_t(c));
      in.column = header_[size_t(c)];
      in.order = c;
    }
    if (!builder_.add(inputs_, out, problems_, reader_problems == 0)) {
      describe_problems(problems_, column, reason);
      reject(rejects, row, line, column, reason);
      continue;
    }
    out.row_number.push_back(row);
    out.line.push_back(line);
    for (size_t k = 0; k < keep_col_.size(); ++k) {
      out.kept[k].kind.push_back(KeptColumn::Text);
      out.kept[k].id.push_back(out.dict.intern(trim_view(cell(size_t(keep_col_[k])))));
    }
    ++out.rows;
  }
  lenient_count_ = builder_.lenient_count();
  lenient_by_column_ = builder_.lenient_by_column();
  return any;
}

}  // namespace

std::unique_ptr<RowSource> open_csv(std::unique_ptr<ByteSource> in, const Schema& schema, const ReadOptions& opts,
                                    const std::vector<std::string>& keep, std::string& error) {
  if (!in) {
    if (error.empty()) error = "no input";
    return nullptr;
  }
  auto src = std::make_unique<CsvSource>(std::move(in), schema, opts);
  if (!src->open(keep, error)) return nullptr;
  return src;
}

}  // namespace icp::rt
