// Positions in test texts written where they are, as clangd's Annotations:
//
//   Annotations a(R"(let big = ^employees >= $min^1000
//                    signal [[ "Big" ]] when $cond[[big]] => 1)");
//   a.code()          the text without the markers (what the test compiles)
//   a.point()         the byte offset of the one unnamed `^`
//   a.point("min")    of `$min^`
//   a.range()         the one unnamed `[[...]]` as {begin, end} (end exclusive)
//   a.range("cond")   of `$cond[[...]]`
//   a.points(), a.ranges()   every unnamed one, in order
//
// A marker is `^`, `$name^`, `[[`, `$name[[` or `]]`; a `$` must start a
// named marker. A stray `]]`, an unclosed `[[`, a name that is used twice or
// asked for but absent are errors (std::invalid_argument), so a typo in a
// test cannot move a position silently. Offsets are bytes, as the IDE API
// (compiler/ide) counts them. Texts that need a literal `^` (a regex) or
// `[[` put them in a separate string.
#pragma once
#include <cctype>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icp::test {

struct Range {
  uint32_t begin = 0, end = 0;
  bool operator==(const Range&) const = default;
};

class Annotations {
 public:
  explicit Annotations(std::string_view annotated) {
    struct Open {
      std::string name;
      uint32_t begin;
    };
    std::vector<Open> open;
    for (size_t i = 0; i < annotated.size();) {
      std::string name;
      size_t j = i;
      if (annotated[j] == '$') {
        ++j;
        while (j < annotated.size() && (std::isalnum(static_cast<unsigned char>(annotated[j])) || annotated[j] == '_'))
          name += annotated[j++];
        if (name.empty() || j >= annotated.size() || (annotated[j] != '^' && annotated.substr(j, 2) != "[["))
          fail("a `$` must start a marker `$name^` or `$name[[`", i);
      }
      auto here = static_cast<uint32_t>(code_.size());
      if (annotated[j] == '^') {
        add_point(name, here, i);
        i = j + 1;
      } else if (annotated.substr(j, 2) == "[[") {
        open.push_back({name, here});
        i = j + 2;
      } else if (annotated.substr(j, 2) == "]]") {
        if (open.empty()) fail("`]]` without `[[`", i);
        add_range(open.back().name, Range{open.back().begin, here}, i);
        open.pop_back();
        i = j + 2;
      } else {
        code_ += annotated[i++];
      }
    }
    if (!open.empty()) fail("`[[` without `]]`", annotated.size());
  }

  // The text without its markers.
  const std::string& code() const { return code_; }

  uint32_t point(const std::string& name = "") const { return one(points_, name, "point"); }
  Range range(const std::string& name = "") const { return one(ranges_, name, "range"); }
  std::vector<uint32_t> points(const std::string& name = "") const { return all(points_, name); }
  std::vector<Range> ranges(const std::string& name = "") const { return all(ranges_, name); }

 private:
  template <typename T>
  static T one(const std::map<std::string, std::vector<T>>& m, const std::string& name, const char* what) {
    auto it = m.find(name);
    if (it == m.end() || it->second.size() != 1)
      throw std::invalid_argument(std::string("the text has ") +
                                  (it == m.end() ? "no" : std::to_string(it->second.size())) + " " + what +
                                  (name.empty() ? " without a name" : " named `" + name + "`") +
                                  "; exactly one was asked for");
    return it->second[0];
  }
  template <typename T>
  static std::vector<T> all(const std::map<std::string, std::vector<T>>& m, const std::string& name) {
    auto it = m.find(name);
    return it == m.end() ? std::vector<T>{} : it->second;
  }
  void add_point(const std::string& name, uint32_t at, size_t where) {
    auto& v = points_[name];
    if (!name.empty() && !v.empty()) fail("the point `" + name + "` is marked twice", where);
    v.push_back(at);
  }
  void add_range(const std::string& name, Range r, size_t where) {
    auto& v = ranges_[name];
    if (!name.empty() && !v.empty()) fail("the range `" + name + "` is marked twice", where);
    v.push_back(r);
  }
  [[noreturn]] static void fail(const std::string& what, size_t at) {
    throw std::invalid_argument("annotated text, byte " + std::to_string(at) + ": " + what);
  }

  std::string code_;
  std::map<std::string, std::vector<uint32_t>> points_;
  std::map<std::string, std::vector<Range>> ranges_;
};

}  // namespace icp::test
