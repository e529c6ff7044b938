// The progress bar of `icp score`. See score_progress.h.
#include "driver/score_progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace icp::driver {

Progress::Progress(uint64_t total_bytes, bool enabled)
    : total_(total_bytes), enabled_(enabled), start_(Clock::now()), last_(start_) {}

void Progress::update(int64_t rows, uint64_t bytes) {
  if (!enabled_) return;
  auto now = Clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 2.0 || now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  char line[160];
  double mb = double(bytes) / 1e6, rate = elapsed > 0 ? mb / elapsed : 0;
  if (total_ > 0) {
    double frac = std::min(1.0, double(bytes) / double(total_));
    constexpr int kWidth = 30;
    int fill = int(frac * kWidth);
    std::string bar(size_t(fill), '#');
    bar.append(size_t(kWidth - fill), '-');
    std::snprintf(line, sizeof line, "\r\033[K[%s] %3d%%  %lld rows  %.1f MB/s", bar.c_str(), int(frac * 100),
                  static_cast<long long>(rows), rate);
  } else {
    std::snprintf(line, sizeof line, "\r\033[K%lld rows  %.1f MB  %.1f MB/s", static_cast<long long>(rows), mb, rate);
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::finish() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

bool progress_allowed() {
  if (!isatty(fileno(stderr))) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

}  // namespace icp::driver
