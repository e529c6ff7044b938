// A bump allocator for strings made while scoring (lower(), trim(), ...).
// Pointers stay valid until reset() or destruction; one arena per worker
// thread, reset between batches. Not thread-safe.
#pragma once
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace icp::rt {

class Arena {
 public:
  explicit Arena(size_t block_size = 64 * 1024) : block_size_(block_size) {}
  char* alloc(size_t n);
  std::string_view copy(std::string_view s);
  void reset();  // frees all but the first block
  size_t bytes_used() const { return used_total_; }

 private:
  size_t block_size_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
  size_t used_total_ = 0;
};

}  // namespace icp::rt
