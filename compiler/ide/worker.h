// Debounced background diagnostics: a change after a quiet spell is checked
// at once; a change that closely follows another (re)schedules its document
// a short delay later. A worker thread runs the publish callback for every
// document that is due, so a burst of typing gives few compiles.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace icp::ide {

class DiagnosticsWorker {
 public:
  using Publish = std::function<void(const std::string& uri)>;
  DiagnosticsWorker(std::chrono::milliseconds debounce, Publish publish);
  ~DiagnosticsWorker();

  // Runs `publish(uri)` after the debounce delay (or at once).
  void schedule(const std::string& uri, bool immediate = false);
  void cancel(const std::string& uri);
  // Waits until nothing is scheduled or running (for shutdown).
  void drain();

 private:
  void loop();
  using Clock = std::chrono::steady_clock;
  std::chrono::milliseconds debounce_;
  Publish publish_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, Clock::time_point> due_;
  std::map<std::string, Clock::time_point> last_change_;
  bool busy_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace icp::ide
