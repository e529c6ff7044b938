// Open-addressing string interning table over one byte buffer. See
// icp/rt/strdict.h.
#include "icp/rt/strdict.h"

#include <functional>

namespace icp::rt {

namespace {
uint64_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s) | 1; }
}  // namespace

void StringDict::clear() {
  bytes_.clear();
  offsets_.assign(1, 0);
  slots_.assign(64, 0);
  hashes_.clear();
}

void StringDict::grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < hashes_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_.swap(slots);
}

int64_t StringDict::find(std::string_view s) const {
  uint64_t h = hash_of(s);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask; slots_[i]; i = (i + 1) & mask) {
    uint32_t id = slots_[i] - 1;
    if (hashes_[id] == h && get(id) == s) return id;
  }
  return -1;
}

uint32_t StringDict::intern(std::string_view s) {
  uint64_t h = hash_of(s);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (; slots_[i]; i = (i + 1) & mask) {
    uint32_t id = slots_[i] - 1;
    if (hashes_[id] == h && get(id) == s) return id;
  }
  uint32_t id = uint32_t(hashes_.size());
  bytes_.append(s);
  offsets_.push_back(int64_t(bytes_.size()));
  hashes_.push_back(h);
  slots_[i] = id + 1;
  if (hashes_.size() * 2 > slots_.size()) grow();
  return id;
}

}  // namespace icp::rt
