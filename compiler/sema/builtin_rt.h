// Calling the runtime function of a built-in overload (builtins.def's rt_fn
// column) generically: the folder (sema), the interpreter (interp) and the
// JIT (codegen) all call the same C function of icp/rt_calls.h, so there is
// one implementation of each built-in.
//
// RtSig<F> reads a runtime function's C signature (see builtins.def for the
// convention) and rt_invoke() calls it with arguments taken from an engine's
// own values. The registry's parameter classes and result type are checked
// against the C signatures when this header is compiled.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "icp/rt_calls.h"
#include "sema/builtins.h"

namespace icp::sema {

// What one C parameter is.
enum class RtKind : uint8_t {
  Ctx,                                  // icp_rt_ctx*
  Int, Float, Str, StrSet,              // inputs: int64_t, double, const icp_str*, const icp_strset*
  OutInt, OutFloat, OutStr, OutStrSet,  // the result, written through a last pointer
  Other,
};

template <class T>
constexpr RtKind rt_kind() {
  if constexpr (std::is_same_v<T, icp_rt_ctx*>) return RtKind::Ctx;
  else if constexpr (std::is_same_v<T, int64_t>) return RtKind::Int;
  else if constexpr (std::is_same_v<T, double>) return RtKind::Float;
  else if constexpr (std::is_same_v<T, const icp_str*>) return RtKind::Str;
  else if constexpr (std::is_same_v<T, const icp_strset*>) return RtKind::StrSet;
  else if constexpr (std::is_same_v<T, int64_t*>) return RtKind::OutInt;
  else if constexpr (std::is_same_v<T, double*>) return RtKind::OutFloat;
  else if constexpr (std::is_same_v<T, icp_str*>) return RtKind::OutStr;
  else if constexpr (std::is_same_v<T, icp_strset*>) return RtKind::OutStrSet;
  else return RtKind::Other;
}

constexpr bool rt_is_input(RtKind k) {
  return k == RtKind::Int || k == RtKind::Float || k == RtKind::Str || k == RtKind::StrSet;
}
constexpr bool rt_is_out(RtKind k) {
  return k == RtKind::OutInt || k == RtKind::OutFloat || k == RtKind::OutStr || k == RtKind::OutStrSet;
}

// The kind of value a call gives.
enum class RtResult : uint8_t { Bool, Int, Float, Str, StrSet };

template <class F>
struct RtSig;
template <class R, class... A>
struct RtSig<R (*)(A...)> {
  using Ret = R;
  static constexpr size_t size = sizeof...(A);
  static constexpr std::array<RtKind, sizeof...(A)> params{rt_kind<A>()...};
  static constexpr bool has_out = size > 0 && rt_is_out(params[size - 1]);
  static constexpr bool uses_ctx = size > 0 && params[0] == RtKind::Ctx;
  // The function returns 0 when its result is unknown.
  static constexpr bool checked = has_out && std::is_same_v<R, int32_t>;
  static constexpr size_t inputs() {
    size_t n = 0;
    for (RtKind k : params) n += rt_is_input(k);
    return n;
  }
  // The index among the inputs of C parameter j.
  static constexpr size_t input_index(size_t j) {
    size_t n = 0;
    for (size_t i = 0; i < j; ++i) n += rt_is_input(params[i]);
    return n;
  }
  static constexpr RtResult result() {
    if constexpr (sizeof...(A) > 0) {
      if (has_out) {
        switch (params[size - 1]) {
          case RtKind::OutInt: return RtResult::Int;
          case RtKind::OutFloat: return RtResult::Float;
          case RtKind::OutStr: return RtResult::Str;
          default: return RtResult::StrSet;
        }
      }
    }
    if constexpr (std::is_same_v<R, int32_t>) return RtResult::Bool;
    else if constexpr (std::is_same_v<R, int64_t>) return RtResult::Int;
    else return RtResult::Float;
  }
  static constexpr bool well_formed() {
    for (size_t i = 0; i < size; ++i) {
      if (params[i] == RtKind::Other) return false;
      if (params[i] == RtKind::Ctx && i != 0) return false;
      if (rt_is_out(params[i]) && i != size - 1) return false;
    }
    if (has_out) return std::is_void_v<R> || std::is_same_v<R, int32_t>;
    return std::is_same_v<R, int32_t> || std::is_same_v<R, int64_t> || std::is_same_v<R, double>;
  }
  // Whether the result may be unknown although every argument is known.
  static constexpr bool may_fail() { return checked || (!has_out && std::is_same_v<R, double>); }
};

// A call's result: known, and the payload of its kind.
struct RtValue {
  bool known = false;
  int64_t i = 0;  // Bool (0/1) and Int
  double f = 0;
  icp_str s{};
  icp_strset set{};
};

namespace detail {
template <class T, size_t K, class Src, class Out>
T rt_arg(Src& src, Out* out) {
  constexpr RtKind k = rt_kind<T>();
  if constexpr (k == RtKind::Ctx) return src.ctx();
  else if constexpr (k == RtKind::Int) return src.int_arg(K);
  else if constexpr (k == RtKind::Float) return src.float_arg(K);
  else if constexpr (k == RtKind::Str) return src.str_arg(K);
  else if constexpr (k == RtKind::StrSet) return src.set_arg(K);
  else return out;
}
template <class R, class... A, size_t... J, class Src>
RtValue rt_invoke(R (*fn)(A...), std::index_sequence<J...>, Src& src) {
  using S = RtSig<R (*)(A...)>;
  RtValue v;
  v.known = true;
  auto finish = [&](auto* out) {
    if constexpr (S::has_out) {
      using O = std::remove_pointer_t<decltype(out)>;
      if constexpr (std::is_same_v<O, int64_t>) v.i = *out;
      else if constexpr (std::is_same_v<O, double>) v.f = *out, v.known = v.known && v.f - v.f == 0;
      else if constexpr (std::is_same_v<O, icp_str>) v.s = *out;
      else v.set = *out;
    }
  };
  if constexpr (S::has_out) {
    using O = std::remove_pointer_t<std::tuple_element_t<sizeof...(A) - 1, std::tuple<A...>>>;
    O out{};
    if constexpr (std::is_void_v<R>) {
      fn(rt_arg<A, S::input_index(J)>(src, &out)...);
    } else {
      v.known = fn(rt_arg<A, S::input_index(J)>(src, &out)...) != 0;
    }
    finish(&out);
  } else {
    R r = fn(rt_arg<A, S::input_index(J)>(src, static_cast<int*>(nullptr))...);
    if constexpr (std::is_same_v<R, double>) v.f = r, v.known = r - r == 0;
    else if constexpr (std::is_same_v<R, int32_t>) v.i = r != 0;
    else v.i = r;
  }
  return v;
}
}  // namespace detail

// Calls fn with its inputs from src, which provides ctx(), int_arg(k),
// float_arg(k), str_arg(k) and set_arg(k) for the k-th input argument (for
// an AsOf overload, input 0 is the scoring date).
template <class R, class... A, class Src>
RtValue rt_invoke(R (*fn)(A...), Src& src) {
  return detail::rt_invoke(fn, std::index_sequence_for<A...>{}, src);
}

// f(rt_fn, "rt_fn") for the runtime function of overload c.
template <class F>
decltype(auto) visit_rt_function(BuiltinCall c, F&& f) {
  switch (c) {
#define ICP_OVERLOAD(Fn, Call, ir_name, params, result, flags, rt_fn, sql) \
    case BuiltinCall::Call: return f(&rt_fn, #rt_fn);
#include "sema/builtins.def"
  }
  __builtin_unreachable();
}

// The registry's parameter classes and result against the C signatures.
namespace detail {
constexpr RtKind input_of(Param p) {
  switch (param_ir(p)) {
    case ParamIr::Int: return RtKind::Int;
    case ParamIr::Float: return RtKind::Float;
    case ParamIr::Str: return RtKind::Str;
    case ParamIr::StrSet: return RtKind::StrSet;
  }
  return RtKind::Other;
}
constexpr RtResult result_of(TypeKind k) {
  switch (k) {
    case TypeKind::Bool: return RtResult::Bool;
    case TypeKind::Int: return RtResult::Int;
    case TypeKind::Float: return RtResult::Float;
    case TypeKind::String: return RtResult::Str;
    default: return RtResult::StrSet;
  }
}
template <class Fn, size_t N>
constexpr bool signature_matches(const std::array<Param, N>& params, TypeKind result, bool as_of) {
  using S = RtSig<Fn>;
  if (!S::well_formed() || S::result() != result_of(result)) return false;
  if (S::inputs() != N + (as_of ? 1 : 0)) return false;
  size_t k = 0;
  for (size_t j = 0; j < S::size; ++j) {
    if (!rt_is_input(S::params[j])) continue;
    RtKind want = as_of && k == 0 ? RtKind::Int : input_of(params[k - (as_of ? 1 : 0)]);
    if (S::params[j] != want) return false;
    ++k;
  }
  return true;
}
#define ICP_PARAMS(...) {__VA_ARGS__}
#define ICP_OVERLOAD(Fn, Call, ir_name, params, result, flags, rt_fn, sql)                           \
  inline constexpr auto kRtCheckParams_##Call = [] {                                               \
    using enum Param;                                                                              \
    return std::to_array<Param>(ICP_PARAMS params);                                                \
  }();                                                                                             \
  static_assert(signature_matches<decltype(&rt_fn)>(kRtCheckParams_##Call, TypeKind::result,       \
                                                    ((flags) & AsOf) != 0),                          \
                "builtins.def: " #rt_fn " does not have the C signature overload " #Call " needs");
#include "sema/builtins.def"
#undef ICP_PARAMS
}  // namespace detail

}  // namespace icp::sema
