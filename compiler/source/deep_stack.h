// Running a recursive pass on a stack of a size we choose, not the caller's.
//
// Every phase recurses over expressions (up to the nesting limit, E0003)
// and over chains of declarations (a def calling a def ..., checked and
// inlined recursively). The stack that takes is far more than a host
// thread may have (a 512 KiB thread of a C API host, `ulimit -s 2048`), so
// the entry points that compile (sema::compile_*, ir::lower_profile, the
// driver's commands) run their work on a thread with kDeepStackBytes of
// stack, reserved and only touched as used, and wait for it. Work already
// on such a thread runs directly. Exceptions reach the caller.
#pragma once
#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace icp {

inline constexpr size_t kDeepStackBytes = size_t(1) << 30;  // 1 GiB of address space

// The size of the deep stacks made from now on (tests make it small to
// reach the limits of chains quickly); 0 restores kDeepStackBytes.
void set_deep_stack_bytes(size_t bytes);

// Runs fn on a deep stack and returns when it has finished.
void run_on_deep_stack(const std::function<void()>& fn);

// Whether the calling thread is a deep-stack thread.
bool on_deep_stack();

// About how many bytes of stack the calling thread has left (any thread).
// Passes that recurse over chains of declarations stop, with an error,
// when it falls under kStackReserve, rather than crash.
size_t stack_left();
inline constexpr size_t kStackReserve = size_t(1) << 20;

template <class F>
auto with_deep_stack(F&& f) -> std::invoke_result_t<F&> {
  using R = std::invoke_result_t<F&>;
  if (on_deep_stack()) return f();
  if constexpr (std::is_void_v<R>) {
    run_on_deep_stack([&] { f(); });
  } else {
    std::optional<R> out;
    run_on_deep_stack([&] { out.emplace(f()); });
    return std::move(*out);
  }
}

}  // namespace icp
