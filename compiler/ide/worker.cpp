// The diagnostics worker thread (worker.h).
#include "ide/worker.h"

namespace icp::ide {

DiagnosticsWorker::DiagnosticsWorker(std::chrono::milliseconds debounce, Publish publish)
    : debounce_(debounce), publish_(std::move(publish)), thread_([this] { loop(); }) {}

DiagnosticsWorker::~DiagnosticsWorker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void DiagnosticsWorker::schedule(const std::string& uri, bool immediate) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    Clock::time_point now = Clock::now();
    // Leading edge: a change after a quiet spell is checked at once; changes
    // that follow it closely wait for the typing to pause.
    auto last = last_change_.find(uri);
    if (last == last_change_.end() || now - last->second >= debounce_) immediate = true;
    last_change_[uri] = now;
    due_[uri] = now + (immediate ? std::chrono::milliseconds(0) : debounce_);
  }
  cv_.notify_all();
}

void DiagnosticsWorker::cancel(const std::string& uri) {
  std::lock_guard<std::mutex> lock(mu_);
  due_.erase(uri);
  last_change_.erase(uri);
}

void DiagnosticsWorker::drain() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return stop_ || (due_.empty() && !busy_); });
}

void DiagnosticsWorker::loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    if (due_.empty()) {
      cv_.notify_all();  // wake drain()
      cv_.wait(lock);
      continue;
    }
    auto next = due_.begin();
    for (auto it = due_.begin(); it != due_.end(); ++it)
      if (it->second < next->second) next = it;
    if (next->second > Clock::now()) {
      cv_.wait_until(lock, next->second);
      continue;
    }
    std::string uri = next->first;
    due_.erase(next);
    busy_ = true;
    lock.unlock();
    try {
      publish_(uri);
    } catch (...) {
      // A failing publish must not take the server down.
    }
    lock.lock();
    busy_ = false;
    cv_.notify_all();
  }
}

}  // namespace icp::ide
