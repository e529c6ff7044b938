// The registry of built-in functions (builtins.def) as tables, and the
// questions the checker, the lowering and the IDE ask of it.
#include "sema/builtins.h"

#include <array>
#include <initializer_list>

namespace icp::sema {
namespace {

// Per overload: its parameter classes.
#define ICP_PARAMS(...) {__VA_ARGS__}
#define ICP_OVERLOAD(Fn, Call, ir_name, params, result, flags, rt_fn, sql)                  \
  constexpr auto kParams_##Call = [] {                                                        \
    using enum Param;                                                                         \
    return std::to_array<Param>(ICP_PARAMS params);                                           \
  }();
#include "sema/builtins.def"

// Per built-in: its parameter names.
#define ICP_NAMES(...) #__VA_ARGS__
constexpr size_t count_names(std::string_view s) {
  size_t n = s.empty() ? 0 : 1;
  for (char c : s) n += c == ',';
  return n;
}
template <size_t N>
constexpr std::array<std::string_view, N> split_names(std::string_view s) {
  std::array<std::string_view, N> out{};
  for (size_t i = 0; i < N; ++i) {
    size_t comma = s.find(',');
    std::string_view part = s.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    out[i] = part;
    s = comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  }
  return out;
}
#define ICP_BUILTIN(Id, name, params, doc)                                  \
  constexpr std::string_view kNamesText_##Id = ICP_NAMES params;            \
  constexpr auto kNames_##Id = split_names<count_names(kNamesText_##Id)>(kNamesText_##Id);
#include "sema/builtins.def"

constexpr Overload kOverloads[] = {
#define ICP_OVERLOAD(Fn, Call, ir_name, params, result, flags, rt_fn, sql)                          \
  Overload{BuiltinCall::Call, Builtin::Fn, ir_name, kParams_##Call, TypeKind::result, uint8_t(flags), \
           #rt_fn, sql},
#include "sema/builtins.def"
};

// The overloads of each built-in are written together, right after it.
constexpr size_t first_overload(Builtin b) {
  for (size_t i = 0; i < std::size(kOverloads); ++i)
    if (kOverloads[i].fn == b) return i;
  return std::size(kOverloads);
}
constexpr size_t overload_count(Builtin b) {
  size_t n = 0;
  for (const Overload& o : kOverloads) n += o.fn == b;
  return n;
}

constexpr BuiltinInfo kBuiltins[] = {
#define ICP_BUILTIN(Id, name, params, doc)                                                     \
  BuiltinInfo{Builtin::Id, name, kNames_##Id, doc,                                             \
              std::span<const Overload>(kOverloads + first_overload(Builtin::Id), overload_count(Builtin::Id))},
#include "sema/builtins.def"
};

// Consistency of the table, checked when it is compiled.
constexpr bool table_ok() {
  for (size_t i = 0; i < std::size(kOverloads); ++i) {
    const Overload& o = kOverloads[i];
    if (size_t(o.call) != i) return false;
    const BuiltinInfo& b = kBuiltins[size_t(o.fn)];
    // Overloads follow their built-in, together, with its arity.
    if (o.params.size() != b.param_names.size()) return false;
    if (i > 0 && kOverloads[i - 1].fn != o.fn && size_t(kOverloads[i - 1].fn) + 1 != size_t(o.fn)) return false;
  }
  for (size_t i = 0; i < std::size(kBuiltins); ++i)
    if (size_t(kBuiltins[i].id) != i || kBuiltins[i].overloads.empty()) return false;
  return true;
}
static_assert(table_ok(), "builtins.def: every built-in needs overloads right after it, of its arity");
static_assert(std::size(kBuiltins) == kBuiltinCount && std::size(kOverloads) == kBuiltinCallCount);

std::string_view type_text(TypeKind k) {
  switch (k) {
    case TypeKind::Bool: return "bool";
    case TypeKind::Int: return "int";
    case TypeKind::Float: return "float";
    case TypeKind::String: return "string";
    case TypeKind::Date: return "date";
    case TypeKind::Duration: return "duration";
    case TypeKind::StringSet: return "set<string>";
    case TypeKind::Error: case TypeKind::Enum: case TypeKind::EnumSet: case TypeKind::EmptySet: break;
  }
  return "?";
}

constexpr uint32_t mask_of(std::initializer_list<TypeKind> kinds) {
  uint32_t m = 0;
  for (TypeKind k : kinds) m |= 1u << unsigned(k);
  return m;
}

#define ICP_KINDS(...) {__VA_ARGS__}
constexpr ParamInfo kParamInfo[] = {
#define ICP_PARAM(Id, type, expectation, accepts, expected, ir, rule)                                  \
  ParamInfo{type, expectation, [] { using enum TypeKind; return mask_of(ICP_KINDS accepts); }(),      \
            TypeKind::expected, ParamIr::ir, ParamRule::rule},
#include "sema/builtins.def"
};

uint32_t accepted(Param p) { return kParamInfo[size_t(p)].accepts; }

}  // namespace

bool BuiltinInfo::reads_as_of() const {
  for (const Overload& o : overloads)
    if (o.reads_as_of()) return true;
  return false;
}

const BuiltinInfo& builtin_info(Builtin b) { return kBuiltins[size_t(b)]; }
const Overload& overload_info(BuiltinCall c) { return kOverloads[size_t(c)]; }
std::span<const BuiltinInfo> all_builtins() { return kBuiltins; }

std::string_view builtin_name(Builtin b) { return kBuiltins[size_t(b)].name; }

std::optional<Builtin> builtin_by_name(std::string_view name) {
  for (const BuiltinInfo& b : kBuiltins)
    if (b.name == name) return b.id;
  return std::nullopt;
}

const ParamInfo& param_info(Param p) { return kParamInfo[size_t(p)]; }

bool param_accepts(Param p, Type t) { return !t.is_error() && (accepted(p) >> unsigned(t.kind) & 1u); }

std::string param_expectation(Builtin b, size_t i) {
  uint32_t mask = 0;
  for (const Overload& o : builtin_info(b).overloads)
    if (i < o.params.size()) mask |= accepted(o.params[i]);
  for (const ParamInfo& p : kParamInfo)
    if (p.accepts == mask) return std::string(p.expectation);
  std::string out;
  for (TypeKind k : {TypeKind::Bool, TypeKind::Int, TypeKind::Float, TypeKind::String, TypeKind::Date,
                     TypeKind::Duration, TypeKind::StringSet}) {
    if (!(mask >> unsigned(k) & 1u)) continue;
    out += out.empty() ? "a " : " or a ";
    out += type_text(k);
  }
  return out;
}

const Overload* choose_overload(Builtin b, std::span<const Type> args) {
  for (const Overload& o : builtin_info(b).overloads) {
    if (o.params.size() != args.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < args.size() && ok; ++i) ok = param_accepts(o.params[i], args[i]);
    if (ok) return &o;
  }
  return nullptr;
}

std::string overload_param_label(const Overload& o, size_t i) {
  const BuiltinInfo& b = builtin_info(o.fn);
  return std::string(b.param_names[i]) + ": " + std::string(param_info(o.params[i]).type);
}

std::string overload_signature(const Overload& o) {
  std::string s(builtin_info(o.fn).name);
  s += "(";
  for (size_t i = 0; i < o.params.size(); ++i) s += (i ? ", " : "") + overload_param_label(o, i);
  return s + "): " + std::string(type_text(o.result));
}

std::string builtin_signature(Builtin b) {
  std::string s;
  for (const Overload& o : builtin_info(b).overloads) s += (s.empty() ? "" : "\n") + overload_signature(o);
  return s;
}

}  // namespace icp::sema
