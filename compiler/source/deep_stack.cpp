// See deep_stack.h.
#include "source/deep_stack.h"

#include <pthread.h>

#include <algorithm>
#include <atomic>

namespace icp {
namespace {

thread_local bool t_deep = false;
std::atomic<size_t> g_bytes{kDeepStackBytes};

struct Job {
  const std::function<void()>* fn;
  std::exception_ptr error;
};

void* trampoline(void* arg) {
  auto* job = static_cast<Job*>(arg);
  t_deep = true;
  try {
    (*job->fn)();
  } catch (...) {
    job->error = std::current_exception();
  }
  return nullptr;
}

}  // namespace

bool on_deep_stack() { return t_deep; }

void set_deep_stack_bytes(size_t bytes) { g_bytes = bytes ? bytes : kDeepStackBytes; }

size_t stack_left() {
  thread_local char* low = nullptr;
  if (!low) {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    // Unknown bounds: claim plenty (the check then never fires).
    if (!addr) return size_t(1) << 40;
    low = static_cast<char*>(addr);
  }
  // The frame's address, not a local's: under AddressSanitizer's
  // use-after-return detection, locals live in a "fake stack" on the heap,
  // and the address of one says nothing about the thread's stack.
  char* here = static_cast<char*>(__builtin_frame_address(0));
  return here > low ? static_cast<size_t>(here - low) : 0;
}

void run_on_deep_stack(const std::function<void()>& fn) {
  if (t_deep) return fn();
  Job job{&fn, nullptr};
  // Where address space is scarce, ask for less: a smaller deep stack still
  // beats the caller's.
  const size_t want = g_bytes;
  for (size_t bytes = want; bytes >= std::min(want, size_t(64) << 20); bytes /= 2) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) break;
    pthread_t th;
    bool started = pthread_attr_setstacksize(&attr, bytes) == 0 &&
                   pthread_create(&th, &attr, trampoline, &job) == 0;
    pthread_attr_destroy(&attr);
    if (!started) continue;
    pthread_join(th, nullptr);
    if (job.error) std::rethrow_exception(job.error);
    return;
  }
  fn();  // no thread could be made: run here
}

}  // namespace icp
