// The NDJSON RowSource: one JSON object per line. See icp/rt/reader.h.
#include <cstring>
#include <unordered_map>

#include "icp/rt/reader.h"
#include "icp/rt/utf8.h"
#include "input_buffer.h"
#include "json_line.h"
#include "row_builder.h"

namespace icp::rt {

namespace {

class NdjsonSource : public RowSource {
 public:
  NdjsonSource(std::unique_ptr<ByteSource> in, const Schema& schema, const ReadOptions& opts,
               const std::vector<std::string>& keep)
      : in_(std::move(in)), schema_(schema), builder_(schema, opts), keep_(keep), max_line_(opts.max_record_bytes) {
    for (size_t f = 0; f < schema.fields.size(); ++f) by_key_.emplace(column_key(schema.fields[f].column), int(f));
    for (size_t k = 0; k < keep.size(); ++k) keep_by_key_.emplace(column_key(keep[k]), int(k));
    inputs_.resize(schema.fields.size());
    reject_header_ = {"record"};
  }
  bool open(std::string& error) { return refuse_binary_input(in_, error); }
  bool next_chunk(Batch& out, std::vector<Reject>& rejects, size_t max_rows) override;
  std::vector<UnreadKey> unread_keys() const override {
    std::vector<UnreadKey> out = unread_;
    for (auto& u : out) u.hint = unread_key_hint(u.key, schema_);
    return out;
  }
  int64_t more_unread_keys() const override { return int64_t(more_unread_.size()); }

 private:
  static constexpr size_t kMaxUnreadKeys = 100;
  struct Lookup {
    int field = -1, kept = -1;
    int unread = -1;  // index in unread_ of a key nothing reads (-1: read, or beyond the limit)
  };
  // Field and kept-column index of a key as written (cached).
  Lookup lookup(std::string_view key);
  bool next_line(std::string_view& line, int64_t& line_no);
  // `length`: the line's full length when `text` is only its head (0: whole).
  void reject(std::vector<Reject>& rejects, int64_t row, int64_t line, std::string column, std::string reason,
              std::string_view text, uint64_t length = 0);

  InputBuffer in_;
  const Schema& schema_;
  RowBuilder builder_;
  std::vector<std::string> keep_;
  size_t max_line_ = 0;
  std::unordered_map<std::string, int> by_key_, keep_by_key_;
  std::unordered_map<std::string, Lookup> cache_;
  std::unordered_map<std::string, int> unread_by_key_;  // column_key -> index in unread_
  std::vector<UnreadKey> unread_;
  std::unordered_map<std::string, int> more_unread_;    // distinct keys beyond kMaxUnreadKeys (capped too)
  int64_t line_ = 1;
  std::string pending_;     // a consumed line being processed (only its head when long_line_)
  uint64_t long_line_ = 0;  // the length of an over-limit line read as its head only, else 0
  JsonLineParser json_;
  std::vector<CellInput> inputs_;
  std::vector<const JsonValueRef*> kept_vals_;
  std::vector<CellProblem> problems_;
};

NdjsonSource::Lookup NdjsonSource::lookup(std::string_view key) {
  auto it = cache_.find(std::string(key));
  if (it != cache_.end()) return it->second;
  std::string k = column_key(key);
  auto f = by_key_.find(k);
  auto c = keep_by_key_.find(k);
  Lookup r{f == by_key_.end() ? -1 : f->second, c == keep_by_key_.end() ? -1 : c->second, -1};
  if (r.field < 0 && r.kept < 0) {
    auto u = unread_by_key_.find(k);
    if (u != unread_by_key_.end()) {
      r.unread = u->second;
    } else if (unread_.size() < kMaxUnreadKeys) {
      r.unread = int(unread_.size());
      unread_by_key_.emplace(k, r.unread);
      unread_.push_back({std::string(key), 0, ""});
    } else if (more_unread_.size() < 100000) {
      more_unread_.emplace(k, 0);
    }
  }
  if (cache_.size() < 4096) cache_.emplace(std::string(key), r);
  return r;
}

bool NdjsonSource::next_line(std::string_view& line, int64_t& line_no) {
  long_line_ = 0;
  for (;;) {
    std::string_view b = in_.view();
    const char* nl = static_cast<const char*>(std::memchr(b.data(), '\n', b.size()));
    size_t len = nl ? size_t(nl - b.data()) : b.size();
    if (b.empty()) {
      if (!in_.fill()) return false;
      continue;
    }
    // Over the limit: its end is in the buffer and the line (less a CR
    // before the newline) is longer, or it is not and the buffer already
    // holds more than the limit and a CR.
    bool over = max_line_ && (nl || in_.eof() ? len - (len > 0 && b[len - 1] == '\r') > max_line_
                                              : b.size() > max_line_ + 1);
    if (!over && !nl && !in_.eof()) {
      in_.fill();
      continue;
    }
    line_no = line_++;
    if (over) {
      // Keep the head for the rejects file and skip the rest as it streams
      // by, counting it: memory stays bounded whatever the line's length.
      pending_.assign(b.substr(0, std::min(b.size(), kRejectCopyBytes)));
      uint64_t total = 0;
      char last = 0;
      for (;;) {
        b = in_.view();
        nl = static_cast<const char*>(std::memchr(b.data(), '\n', b.size()));
        len = nl ? size_t(nl - b.data()) : b.size();
        total += len;
        if (len) last = b[len - 1];
        in_.consume(nl ? len + 1 : len);
        if (nl || !in_.fill()) break;
      }
      if (last == '\r') --total;
      if (pending_.size() > total) pending_.resize(total);  // (a limit below kRejectCopyBytes)
      long_line_ = total;
      line = pending_;
      return true;
    }
    pending_.assign(b.substr(0, len));
    in_.consume(nl ? len + 1 : len);
    if (!pending_.empty() && pending_.back() == '\r') pending_.pop_back();
    if (line_no == 1 && std::string_view(pending_).starts_with("\xEF\xBB\xBF")) pending_.erase(0, 3);
    if (trim_view(pending_).empty()) continue;
    line = pending_;
    return true;
  }
}

void NdjsonSource::reject(std::vector<Reject>& rejects, int64_t row, int64_t line, std::string column, std::string reason,
                          std::string_view text, uint64_t length) {
  Reject r;
  r.row = row;
  r.line = line;
  r.column = std::move(column);
  r.reason = std::move(reason);
  // Only a line over the limit is cut; any other is copied whole (TOOLS.md:
  // one pass over the rejects fixes the row).
  r.cells.push_back(length ? reject_copy(text, length) : std::string(text));
  rejects.push_back(std::move(r));
  ++rows_rejected_;
}

bool NdjsonSource::next_chunk(Batch& out, std::vector<Reject>& rejects, size_t max_rows) {
  out.reset(schema_, keep_);
  bool any = false;
  std::string column, reason;
  // Rejected rows count towards max_rows too, so a chunk stays bounded.
  const uint64_t start = in_.consumed();
  for (size_t taken = 0; taken < max_rows && (taken == 0 || in_.consumed() - start < kChunkBytes); ++taken) {
    std::string_view line;
    int64_t line_no = 0;
    if (!next_line(line, line_no)) break;
    any = true;
    int64_t row = ++rows_read_;
    if (long_line_) {
      reject(rejects, row, line_no, "",
             "a line of " + std::to_string(long_line_) + " bytes (the limit is " + std::to_string(max_line_) + ")",
             line, long_line_);
      continue;
    }
    size_t bad = utf8_invalid_at(line);
    if (bad != std::string_view::npos) {
      reject(rejects, row, line_no, "", "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line", line);
      continue;
    }
    if (!json_.parse_object(line, reason)) {
      reject(rejects, row, line_no, json_.error_key(), reason, line);
      continue;
    }
    for (auto& in : inputs_) {
      in.kind = CellInput::Absent;
      in.column = {};
    }
    kept_vals_.assign(keep_.size(), nullptr);
    int64_t order = 0;
    for (const JsonMember& m : json_.members()) {
      auto [f, k, unread] = lookup(m.key);
      if (unread >= 0) ++unread_[size_t(unread)].rows;
      ++order;
      if (k >= 0) kept_vals_[size_t(k)] = &m.value;
      if (f < 0) continue;
      CellInput& in = inputs_[size_t(f)];
      cell_from_json(in, m, json_);
      in.order = order;
    }
    problems_.clear();
    if (!builder_.add(inputs_, out, problems_)) {
      describe_problems(problems_, column, reason);
      reject(rejects, row, line_no, column, reason, line);
      continue;
    }
    out.row_number.push_back(row);
    out.line.push_back(line_no);
    for (size_t k = 0; k < keep_.size(); ++k) {
      const JsonValueRef* v = kept_vals_[k];
      KeptColumn& kc = out.kept[k];
      if (!v || v->kind == JsonValueRef::Null) {
        kc.kind.push_back(KeptColumn::Absent);
        kc.id.push_back(0);
      } else if (v->kind == JsonValueRef::String) {
        kc.kind.push_back(KeptColumn::Text);
        kc.id.push_back(out.dict.intern(v->text));
      } else {
        kc.kind.push_back(KeptColumn::Json);
        kc.id.push_back(out.dict.intern(v->raw));
      }
    }
    ++out.rows;
  }
  lenient_count_ = builder_.lenient_count();
  lenient_by_column_ = builder_.lenient_by_column();
  return any;
}

}  // namespace

std::unique_ptr<RowSource> open_ndjson(std::unique_ptr<ByteSource> in, const Schema& schema, const ReadOptions& opts,
                                       const std::vector<std::string>& keep, std::string& error) {
  if (!in) {
    if (error.empty()) error = "no input";
    return nullptr;
  }
  auto src = std::make_unique<NdjsonSource>(std::move(in), schema, opts, keep);
  if (!src->open(error)) return nullptr;
  return src;
}

}  // namespace icp::rt
