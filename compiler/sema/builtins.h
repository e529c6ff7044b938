// The registry of built-in functions (builtins.def), as C++: every phase that
// knows about built-ins reads it from here (the checker, the folder, hover,
// the IR's call kinds, the interpreter and the JIT through ir/rt_call.h).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sema/types.h"

namespace icp::sema {

// A built-in function of the language.
enum class Builtin : uint8_t {
#define ICP_BUILTIN(Id, name, params, doc) Id,
#include "sema/builtins.def"
};

// One overload of a built-in; also the IR's call kind (ir::CallKind).
enum class BuiltinCall : uint8_t {
#define ICP_OVERLOAD(Fn, Call, ir_name, params, result, flags, rt_fn, sql) Call,
#include "sema/builtins.def"
};

inline constexpr size_t kBuiltinCount = 0
#define ICP_BUILTIN(Id, name, params, doc) +1
#include "sema/builtins.def"
    ;
inline constexpr size_t kBuiltinCallCount = 0
#define ICP_OVERLOAD(Fn, Call, ir_name, params, result, flags, rt_fn, sql) +1
#include "sema/builtins.def"
    ;

// A parameter class: which argument types an overload's parameter accepts,
// and what its runtime function receives (builtins.def's ICP_PARAM).
enum class Param : uint8_t {
#define ICP_PARAM(Id, type, expectation, accepts, expected, ir, rule) Id,
#include "sema/builtins.def"
};

// What the runtime function receives for a parameter.
enum class ParamIr : uint8_t { Int, Float, Str, StrSet };
// A rule on an argument's value, beyond its type.
enum class ParamRule : uint8_t { None, PositiveConstant };

struct ParamInfo {
  std::string_view type;         // in signatures: `d: date`
  std::string_view expectation;  // in E0204: "must be a date"
  uint32_t accepts;              // bit set over TypeKind
  TypeKind expected;             // the type an argument is checked against; Error: none
  ParamIr ir;
  ParamRule rule;
};
const ParamInfo& param_info(Param p);

constexpr ParamIr param_ir(Param p) {
  switch (p) {
#define ICP_PARAM(Id, type, expectation, accepts, expected, ir, rule) \
    case Param::Id: return ParamIr::ir;
#include "sema/builtins.def"
  }
  return ParamIr::Int;
}

enum BuiltinFlags : uint8_t {
  AsOf = 1,  // the runtime function takes the scoring date first; never folded
};

struct Overload {
  BuiltinCall call;
  Builtin fn;
  std::string_view ir_name;           // printed `call.<ir_name>`
  std::span<const Param> params;
  TypeKind result;                     // Bool, Int, Float, String or StringSet
  uint8_t flags;
  std::string_view rt_symbol;          // the function of icp/rt_calls.h
  std::string_view sql;                // empty: no SQL translation yet
  bool reads_as_of() const { return flags & AsOf; }
};

struct BuiltinInfo {
  Builtin id;
  std::string_view name;
  std::span<const std::string_view> param_names;
  std::string_view doc;
  std::span<const Overload> overloads;  // in the order they are tried
  size_t arity() const { return param_names.size(); }
  bool reads_as_of() const;
};

const BuiltinInfo& builtin_info(Builtin b);
const Overload& overload_info(BuiltinCall c);
std::span<const BuiltinInfo> all_builtins();

// The name of a built-in function as written, and back.
std::string_view builtin_name(Builtin b);
std::optional<Builtin> builtin_by_name(std::string_view name);

// Whether a parameter of class p takes an argument of type t (optional or
// not; Error is not accepted).
bool param_accepts(Param p, Type t);

// "a string", "a string or a set<string>", "a number": what argument i of b
// may be, over all its overloads (for E0204).
std::string param_expectation(Builtin b, size_t i);

// The first overload of b that takes arguments of these types, or null.
const Overload* choose_overload(Builtin b, std::span<const Type> args);

// `name(p: type, ...): result`, one line per overload (hover, completion,
// signature help), and one parameter as written there (`s: string`).
std::string builtin_signature(Builtin b);
std::string overload_signature(const Overload& o);
std::string overload_param_label(const Overload& o, size_t i);

}  // namespace icp::sema
