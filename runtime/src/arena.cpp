// Bump allocator for strings made while scoring. See icp/rt/arena.h.
#include "icp/rt/arena.h"

#include <cstring>

namespace icp::rt {

char* Arena::alloc(size_t n) {
  if (n > left_) {
    size_t size = n > block_size_ ? n : block_size_;
    blocks_.emplace_back(new char[size]);
    cur_ = blocks_.back().get();
    left_ = size;
  }
  char* p = cur_;
  cur_ += n;
  left_ -= n;
  used_total_ += n;
  return p;
}

std::string_view Arena::copy(std::string_view s) {
  if (s.empty()) return {};
  char* p = alloc(s.size());
  std::memcpy(p, s.data(), s.size());
  return {p, s.size()};
}

void Arena::reset() {
  if (blocks_.size() > 1) blocks_.resize(1);
  cur_ = blocks_.empty() ? nullptr : blocks_[0].get();
  left_ = blocks_.empty() ? 0 : block_size_;
  used_total_ = 0;
}

}  // namespace icp::rt
