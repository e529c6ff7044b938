// A small, fast JSON parser for one NDJSON line (a flat object) and for JSON
// arrays of strings in set cells. Keeps the original text of numbers and
// booleans (section 8 reads them like CSV cells) and the raw text of every
// value (for kept columns). Internal to the runtime.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace icp::rt {

struct JsonValueRef {
  enum Kind : uint8_t { Null, String, Number, Bool, Array, Object };
  Kind kind = Null;
  std::string_view text;  // String: decoded; Number/Bool: literal text
  std::string_view raw;   // the value's JSON text as written
  uint32_t items_begin = 0, items_end = 0;  // Array: range in items()
  bool array_of_scalars = true;             // Array: no nested arrays/objects
};

struct JsonMember {
  std::string_view key;  // decoded
  JsonValueRef value;
};

class JsonLineParser {
 public:
  // Parses `line` as one JSON object. On failure returns false and sets
  // `error` ("invalid JSON at column 12: expected ':'"). Views stay valid
  // until the next parse and while `line` lives.
  // Unreadable as a row too (LANGUAGE.md 0.2 section 8), with the key and
  // column in `error`: a string with an unpaired surrogate escape ("\ud800"),
  // and a key given twice (compared as columns are matched: trimmed,
  // case-insensitively).
  bool parse_object(std::string_view line, std::string& error);
  // After a failed parse_object: the key the error is about (the repeated
  // key, or the key whose value holds a bad escape), or "".
  const std::string& error_key() const { return error_key_; }
  const std::vector<JsonMember>& members() const { return members_; }
  // Array items: strings decoded, numbers/booleans as written, nulls left out.
  std::span<const std::string_view> items(const JsonValueRef& v) const {
    return std::span<const std::string_view>(items_).subspan(v.items_begin, v.items_end - v.items_begin);
  }
  // `s` as a JSON array of scalars -> trimmed, non-empty, distinct items.
  bool parse_string_array(std::string_view s, std::vector<std::string_view>& out);

 private:
  struct Str {  // a decoded string: in the input or in scratch_
    bool scratch;
    size_t off, len;
  };
  bool value(JsonValueRef& v, std::vector<Str>* item_strs, int depth);
  bool string(Str& out);
  bool skip_ws_expect(char c);
  void ws();
  bool fail(const char* what);
  bool check_duplicate_keys();
  std::string_view resolve(const Str& s) const {
    return s.scratch ? std::string_view(scratch_).substr(s.off, s.len) : in_.substr(s.off, s.len);
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string scratch_;
  std::string error_;
  std::string error_key_;
  bool surrogate_error_ = false;
  std::vector<size_t> key_columns_;     // 1-based column of each member's key
  std::vector<std::string> norm_keys_;  // scratch for check_duplicate_keys
  std::vector<JsonMember> members_;
  std::vector<std::string_view> items_;
  Str pending_text_{};  // the decoded text of the last string value parsed
};

}  // namespace icp::rt
