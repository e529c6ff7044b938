// The progress bar of `icp score` on stderr: shown only when stderr is a
// terminal and the job has run for more than 2 seconds, redrawn at most 4
// times a second, and erased at the end (so the summary lines stand alone).
// CountingSource counts the input bytes read, for the percentage.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "icp/rt/reader.h"

namespace icp::driver {

// A ByteSource that counts the bytes read through it (readable from any thread).
class CountingSource : public rt::ByteSource {
 public:
  CountingSource(std::unique_ptr<rt::ByteSource> in, std::shared_ptr<std::atomic<uint64_t>> count)
      : in_(std::move(in)), count_(std::move(count)) {}
  size_t read(char* buf, size_t n) override {
    size_t got = in_->read(buf, n);
    count_->fetch_add(got, std::memory_order_relaxed);
    return got;
  }

 private:
  std::unique_ptr<rt::ByteSource> in_;
  std::shared_ptr<std::atomic<uint64_t>> count_;
};

class Progress {
 public:
  // total_bytes: the input's size, 0 when unknown (stdin).
  Progress(uint64_t total_bytes, bool enabled);
  // Called often from one thread; draws when due.
  void update(int64_t rows, uint64_t bytes);
  // Erases the bar if it was drawn.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  uint64_t total_;
  bool enabled_, shown_ = false;
  Clock::time_point start_, last_;
};

// Whether a progress bar may be drawn: stderr is a terminal and TERM is not "dumb".
bool progress_allowed();

}  // namespace icp::driver
