// Shared by the libFuzzer targets of tests/fuzz (README.md there): the
// property check that aborts (so libFuzzer records the input as a finding),
// and a small independent JSON reader used as an oracle for what the product
// writes and reads.
#pragma once
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A violated property: prints what and where, then aborts. Unlike assert()
// it is never compiled out.
#define FUZZ_CHECK(cond, ...)                                                           \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "\nFUZZ PROPERTY VIOLATED at %s:%d: %s\n  ", __FILE__, __LINE__, \
                   #cond);                                                              \
      std::fprintf(stderr, __VA_ARGS__);                                                \
      std::fprintf(stderr, "\n");                                                       \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

namespace fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The folder named by an environment variable, else the compiled-in default
// (the source tree the target was built from).
inline std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::string(fallback);
}

// Whether `s` is valid UTF-8 (RFC 3629: no overlongs, no surrogates, at most
// U+10FFFF). Independent of the runtime's utf8.h on purpose.
inline bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += len;
  }
  return true;
}

// ---- A minimal JSON reader (RFC 8259), the oracle -------------------------
// RFC 8259 (numbers may have leading zeros); strings are checked, not decoded (escapes are validated,
// lone surrogate escapes are accepted as most parsers do). Nesting deeper
// than kMaxDepth makes the result Unknown (the oracle then claims nothing).
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  std::string text;  // Number/Bool: as written; String: the raw text between the quotes
  std::vector<Json> items;                           // Array
  std::vector<std::string> keys;  // Object: the raw keys, in order
  std::vector<Json> values;       // Object: their values

  const Json* get(std::string_view key) const {
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return &values[i];
    return nullptr;
  }
};

enum class JsonStatus { Ok, Invalid, Unknown };

class JsonReader {
 public:
  static constexpr int kMaxDepth = 200;
  JsonStatus parse(std::string_view s, Json& out) {
    in_ = s;
    pos_ = 0;
    deep_ = false;
    bool ok = value(out, 0);
    ws();
    if (deep_) return JsonStatus::Unknown;
    return ok && pos_ == in_.size() ? JsonStatus::Ok : JsonStatus::Invalid;
  }

 private:
  void ws() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r'))
      ++pos_;
  }
  bool lit(std::string_view w) {
    if (in_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }
  bool string(std::string& raw) {
    if (pos_ >= in_.size() || in_[pos_] != '"') return false;
    size_t start = ++pos_;
    while (pos_ < in_.size()) {
      unsigned char c = static_cast<unsigned char>(in_[pos_]);
      if (c == '"') {
        raw.assign(in_.substr(start, pos_ - start));
        ++pos_;
        return valid_utf8(raw);
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++pos_ >= in_.size()) return false;
        char e = in_[pos_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (pos_ + k >= in_.size() || !std::isxdigit(static_cast<unsigned char>(in_[pos_ + k]))) return false;
          pos_ += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      }
      ++pos_;
    }
    return false;
  }
  bool number(std::string& text) {
    size_t s = pos_;
    if (pos_ < in_.size() && in_[pos_] == '-') ++pos_;
    auto digits = [&] {
      size_t d = pos_;
      while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
      return pos_ > d;
    };
    // Leading zeros ("01") are accepted: RFC 8259 forbids them, but LLVM's
    // JSON parser (the language server's) reads them, and the oracle must not
    // call a message it answers malformed.
    if (!digits()) return false;
    if (pos_ < in_.size() && in_[pos_] == '.') {
      ++pos_;
      if (!digits()) return false;
    }
    if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
      if (!digits()) return false;
    }
    text.assign(in_.substr(s, pos_ - s));
    return true;
  }
  bool value(Json& v, int depth) {
    if (depth > kMaxDepth) {
      deep_ = true;
      return false;
    }
    ws();
    if (pos_ >= in_.size()) return false;
    char c = in_[pos_];
    if (c == 'n') return v.kind = Json::Null, lit("null");
    if (c == 't') return v.kind = Json::Bool, v.text = "true", lit("true");
    if (c == 'f') return v.kind = Json::Bool, v.text = "false", lit("false");
    if (c == '"') return v.kind = Json::String, string(v.text);
    if (c == '[') {
      v.kind = Json::Array;
      ++pos_;
      ws();
      if (pos_ < in_.size() && in_[pos_] == ']') return ++pos_, true;
      for (;;) {
        v.items.emplace_back();
        if (!value(v.items.back(), depth + 1)) return false;
        ws();
        if (pos_ < in_.size() && in_[pos_] == ',') {
          ++pos_;
          continue;
        }
        return pos_ < in_.size() && in_[pos_++] == ']';
      }
    }
    if (c == '{') {
      v.kind = Json::Object;
      ++pos_;
      ws();
      if (pos_ < in_.size() && in_[pos_] == '}') return ++pos_, true;
      for (;;) {
        ws();
        std::string key;
        if (!string(key)) return false;
        ws();
        if (pos_ >= in_.size() || in_[pos_++] != ':') return false;
        v.keys.push_back(std::move(key));
        v.values.emplace_back();
        if (!value(v.values.back(), depth + 1)) return false;
        ws();
        if (pos_ < in_.size() && in_[pos_] == ',') {
          ++pos_;
          continue;
        }
        return pos_ < in_.size() && in_[pos_++] == '}';
      }
    }
    return v.kind = Json::Number, number(v.text);
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool deep_ = false;
};

inline JsonStatus parse_json(std::string_view s, Json& out) { return JsonReader().parse(s, out); }

}  // namespace fuzz
