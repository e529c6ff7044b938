// StringDict: interned strings of one Batch. Every string cell, set item and
// kept cell of a Batch is an id (uint32) into the Batch's one dictionary, so
// equal strings have equal ids across all columns (`==`, `in`, `has` compare
// ids; `matches`, lower() ... can be computed once per id and cached).
//
// Layout for compiled code: string `id` is the bytes
//   data()[offsets()[id] .. offsets()[id + 1])
// (UTF-8, not NUL-terminated). Pointers are stable once the batch is filled.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace icp::rt {

class StringDict {
 public:
  StringDict() { clear(); }
  uint32_t intern(std::string_view s);
  // id of `s`, or -1 when it is not in the dictionary.
  int64_t find(std::string_view s) const;
  std::string_view get(uint32_t id) const {
    return std::string_view(bytes_).substr(size_t(offsets_[id]), size_t(offsets_[id + 1] - offsets_[id]));
  }
  size_t size() const { return offsets_.size() - 1; }
  void clear();

  const char* data() const { return bytes_.data(); }
  const int64_t* offsets() const { return offsets_.data(); }  // size() + 1 entries

 private:
  void grow();
  std::string bytes_;
  std::vector<int64_t> offsets_;
  std::vector<uint32_t> slots_;   // open addressing: id + 1, 0 = empty
  std::vector<uint64_t> hashes_;  // per id
};

}  // namespace icp::rt
