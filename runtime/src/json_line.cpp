// One-line JSON object parser for NDJSON input. See json_line.h.
#include "json_line.h"

#include <algorithm>

#include "icp/rt/schema.h"
#include "icp/rt/utf8.h"

namespace icp::rt {

void JsonLineParser::ws() {
  while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\r' || in_[pos_] == '\n')) ++pos_;
}

bool JsonLineParser::fail(const char* what) {
  if (error_.empty()) {
    error_ = "invalid JSON at column " + std::to_string(pos_ + 1) + ": ";
    error_ += pos_ >= in_.size() ? std::string("unexpected end of line, ") + what : what;
  }
  return false;
}

bool JsonLineParser::skip_ws_expect(char c) {
  ws();
  if (pos_ < in_.size() && in_[pos_] == c) {
    ++pos_;
    return true;
  }
  return false;
}

namespace {
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool JsonLineParser::string(Str& out) {
  // at the opening quote
  size_t start = ++pos_;
  while (pos_ < in_.size() && in_[pos_] != '"' && in_[pos_] != '\\') {
    if (static_cast<unsigned char>(in_[pos_]) < 0x20) return fail("control character in a string");
    ++pos_;
  }
  if (pos_ >= in_.size()) return fail("unterminated string");
  if (in_[pos_] == '"') {
    out = {false, start, pos_ - start};
    ++pos_;
    return true;
  }
  size_t off = scratch_.size();
  scratch_.append(in_.substr(start, pos_ - start));
  while (pos_ < in_.size()) {
    char c = in_[pos_];
    if (c == '"') {
      ++pos_;
      out = {true, off, scratch_.size() - off};
      return true;
    }
    if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
    if (c != '\\') {
      scratch_ += c;
      ++pos_;
      continue;
    }
    if (++pos_ >= in_.size()) break;
    char e = in_[pos_++];
    switch (e) {
      case '"': scratch_ += '"'; break;
      case '\\': scratch_ += '\\'; break;
      case '/': scratch_ += '/'; break;
      case 'b': scratch_ += '\b'; break;
      case 'f': scratch_ += '\f'; break;
      case 'n': scratch_ += '\n'; break;
      case 'r': scratch_ += '\r'; break;
      case 't': scratch_ += '\t'; break;
      case 'u': {
        auto read4 = [&](char32_t& cp) {
          if (pos_ + 4 > in_.size()) return false;
          cp = 0;
          for (int k = 0; k < 4; ++k) {
            int h = hex(in_[pos_ + size_t(k)]);
            if (h < 0) return false;
            cp = cp * 16 + char32_t(h);
          }
          pos_ += 4;
          return true;
        };
        size_t escape_at = pos_ - 2;  // the backslash
        char32_t cp;
        if (!read4(cp)) return fail("bad \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 1 < in_.size() && in_[pos_] == '\\' && in_[pos_ + 1] == 'u') {
          size_t save = pos_;
          pos_ += 2;
          char32_t lo;
          if (read4(lo) && lo >= 0xDC00 && lo <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          else pos_ = save;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          // LANGUAGE.md 0.2 section 8: an unpaired surrogate makes the row
          // unreadable, as invalid UTF-8 does in CSV (never U+FFFD).
          if (error_.empty()) {
            error_ = "unpaired surrogate escape " + std::string(in_.substr(escape_at, 6)) + " at column " +
                     std::to_string(escape_at + 1);
            surrogate_error_ = true;
          }
          return false;
        }
        utf8_append(scratch_, cp);
        break;
      }
      default: --pos_; return fail("bad escape in a string");
    }
  }
  return fail("unterminated string");
}

bool JsonLineParser::value(JsonValueRef& v, std::vector<Str>* item_strs, int depth) {
  ws();
  if (pos_ >= in_.size()) return fail("expected a value");
  if (depth > 200) return fail("nesting too deep");
  size_t start = pos_;
  char c = in_[pos_];
  if (c == '"') {
    Str s;
    if (!string(s)) return false;
    v.kind = JsonValueRef::String;
    pending_text_ = s;
  } else if (c == '{' || c == '[') {
    v.kind = c == '{' ? JsonValueRef::Object : JsonValueRef::Array;
    char close = c == '{' ? '}' : ']';
    ++pos_;
    if (!skip_ws_expect(close)) {
      for (;;) {
        if (c == '{') {
          ws();
          Str k;
          if (pos_ >= in_.size() || in_[pos_] != '"') return fail("expected a key");
          if (!string(k)) return false;
          if (!skip_ws_expect(':')) return fail("expected ':'");
        }
        JsonValueRef inner;
        Str saved = pending_text_;
        if (!value(inner, nullptr, depth + 1)) return false;
        if (c == '[' && item_strs) {
          if (inner.kind == JsonValueRef::String) item_strs->push_back(pending_text_);
          else if (inner.kind == JsonValueRef::Number || inner.kind == JsonValueRef::Bool)
            item_strs->push_back(Str{false, size_t(inner.raw.data() - in_.data()), inner.raw.size()});
          else if (inner.kind != JsonValueRef::Null) v.array_of_scalars = false;
        }
        pending_text_ = saved;
        if (skip_ws_expect(',')) continue;
        if (skip_ws_expect(close)) break;
        return fail(c == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
  } else if (c == 't' || c == 'f' || c == 'n') {
    std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
    if (in_.substr(pos_, word.size()) != word) return fail("expected a value");
    pos_ += word.size();
    v.kind = c == 'n' ? JsonValueRef::Null : JsonValueRef::Bool;
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    auto digit = [&] { return pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9'; };
    if (in_[pos_] == '-') ++pos_;
    if (!digit()) return fail("bad number");
    if (in_[pos_] == '0') ++pos_;
    else while (digit()) ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '.') {
      ++pos_;
      if (!digit()) return fail("bad number");
      while (digit()) ++pos_;
    }
    if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
      if (!digit()) return fail("bad number");
      while (digit()) ++pos_;
    }
    v.kind = JsonValueRef::Number;
  } else {
    return fail("expected a value");
  }
  v.raw = in_.substr(start, pos_ - start);
  if (v.kind == JsonValueRef::Number || v.kind == JsonValueRef::Bool) v.text = v.raw;
  return true;
}

bool JsonLineParser::parse_object(std::string_view line, std::string& error) {
  in_ = line;
  pos_ = 0;
  scratch_.clear();
  error_.clear();
  error_key_.clear();
  surrogate_error_ = false;
  members_.clear();
  items_.clear();
  key_columns_.clear();
  std::vector<Str> keys, texts, item_strs;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  auto done = [&](bool ok) {
    if (!ok) error = error_;
    return ok;
  };
  ws();
  if (pos_ < in_.size() && in_[pos_] == '\xEF' && in_.substr(pos_, 3) == "\xEF\xBB\xBF") pos_ += 3;
  if (pos_ >= in_.size() || in_[pos_] != '{') return done(fail("expected a JSON object"));
  ++pos_;
  if (!skip_ws_expect('}')) {
    for (;;) {
      ws();
      Str k;
      if (pos_ >= in_.size() || in_[pos_] != '"') return done(fail("expected a key"));
      size_t key_at = pos_;
      if (!string(k)) {
        if (surrogate_error_) error_ += ", in a key";
        return done(false);
      }
      if (!skip_ws_expect(':')) return done(fail("expected ':'"));
      JsonMember m;
      pending_text_ = {};
      uint32_t ib = uint32_t(item_strs.size());
      if (!value(m.value, &item_strs, 0)) {
        if (surrogate_error_) {
          error_key_ = std::string(resolve(k));
          error_ += ", in the value of key \"" + error_key_ + "\"";
        }
        return done(false);
      }
      keys.push_back(k);
      key_columns_.push_back(key_at + 1);
      texts.push_back(pending_text_);
      ranges.emplace_back(ib, uint32_t(item_strs.size()));
      members_.push_back(m);
      if (skip_ws_expect(',')) continue;
      if (skip_ws_expect('}')) break;
      return done(fail("expected ',' or '}'"));
    }
  }
  ws();
  if (pos_ != in_.size()) return done(fail("text after the object"));
  for (const Str& s : item_strs) items_.push_back(resolve(s));
  for (size_t i = 0; i < members_.size(); ++i) {
    JsonMember& m = members_[i];
    m.key = resolve(keys[i]);
    if (m.value.kind == JsonValueRef::String) m.value.text = resolve(texts[i]);
    if (m.value.kind == JsonValueRef::Array) {
      m.value.items_begin = ranges[i].first;
      m.value.items_end = ranges[i].second;
    }
  }
  if (!check_duplicate_keys()) return done(false);
  return done(true);
}

bool JsonLineParser::check_duplicate_keys() {
  size_t n = members_.size();
  if (n < 2) return true;
  // Keys read columns by column_key() (trimmed, case-insensitive), so two keys
  // equal under it are one column given twice: which value wins is a guess.
  norm_keys_.resize(n);
  for (size_t i = 0; i < n; ++i) norm_keys_[i] = column_key(members_[i].key);
  size_t first = 0, second = n;  // the earliest repetition in line order
  if (n <= 16) {
    for (size_t j = 1; j < n && second == n; ++j)
      for (size_t i = 0; i < j; ++i)
        if (norm_keys_[i] == norm_keys_[j]) {
          first = i;
          second = j;
          break;
        }
  } else {
    std::vector<uint32_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = uint32_t(i);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return norm_keys_[a] < norm_keys_[b]; });
    for (size_t i = 1; i < n; ++i) {
      if (norm_keys_[order[i - 1]] != norm_keys_[order[i]] || order[i] >= second) continue;
      size_t g = i - 1;  // the group's first member (lowest index, the sort is stable)
      while (g > 0 && norm_keys_[order[g - 1]] == norm_keys_[order[i]]) --g;
      first = order[g];
      second = order[i];
    }
  }
  if (second == n) return true;
  const std::string_view a = members_[first].key, b = members_[second].key;
  error_key_ = std::string(b);
  error_ = "key \"" + error_key_ + "\" at column " + std::to_string(key_columns_[second]) + " repeats ";
  error_ += a == b ? "the key" : "key \"" + std::string(a) + "\"";
  error_ += " at column " + std::to_string(key_columns_[first]);
  if (a != b) error_ += " (keys match case-insensitively)";
  return false;
}

bool JsonLineParser::parse_string_array(std::string_view s, std::vector<std::string_view>& out) {
  in_ = s;
  pos_ = 0;
  scratch_.clear();
  error_.clear();
  surrogate_error_ = false;
  items_.clear();
  std::vector<Str> item_strs;
  JsonValueRef v;
  ws();
  if (pos_ >= in_.size() || in_[pos_] != '[') return false;
  if (!value(v, &item_strs, 0) || !v.array_of_scalars) return false;
  ws();
  if (pos_ != in_.size()) return false;
  out.clear();
  for (const Str& st : item_strs) {
    std::string_view item = trim_view(resolve(st));
    if (item.empty()) continue;
    bool dup = false;
    for (auto seen : out) dup = dup || seen == item;
    if (!dup) out.push_back(item);
  }
  return true;
}

}  // namespace icp::rt
