// Compile-time evaluation of the built-ins of LANGUAGE.md section 9: the
// overload the checker would choose, computed by its runtime function
// (builtins.def's rt_fn, through builtin_rt.h), the very code the interpreter
// and the JIT call. Unknown in, unknown out.
#include "sema/fold_builtins.h"

#include <cstdint>

#include <fmt/format.h>

#include "sema/builtin_rt.h"
#include "sema/fold.h"

namespace icp::sema {
namespace {

using V = ConstValue;

bool unknown(const V& v) { return std::holds_alternative<std::monostate>(v); }

Type type_of_value(const V& v) {
  struct Visit {
    Type operator()(std::monostate) const { return Type::error(); }
    Type operator()(bool) const { return Type::of(TypeKind::Bool); }
    Type operator()(int64_t) const { return Type::of(TypeKind::Int); }
    Type operator()(double) const { return Type::of(TypeKind::Float); }
    Type operator()(const std::string&) const { return Type::of(TypeKind::String); }
    Type operator()(DateValue) const { return Type::of(TypeKind::Date); }
    Type operator()(DurationValue) const { return Type::of(TypeKind::Duration); }
    Type operator()(const StringSetValue&) const { return Type::of(TypeKind::StringSet); }
    Type operator()(EnumValue e) const { return Type::enumeration(e.enum_id); }
    Type operator()(const EnumSetValue& e) const { return Type::enum_set(e.enum_id); }
  };
  return std::visit(Visit{}, v);
}

// One scratch context per thread for the strings the runtime makes.
icp_rt_ctx* scratch() {
  struct Owner {
    icp_rt_ctx* ctx = icp_rt_ctx_new(nullptr, 0);
    ~Owner() { icp_rt_ctx_free(ctx); }
  };
  thread_local Owner owner;
  icp_rt_ctx_reset(owner.ctx);
  return owner.ctx;
}

// The folded arguments as the runtime function's inputs (rt_invoke's source).
class Inputs {
 public:
  explicit Inputs(const std::vector<V>& args) : args_(args) {
    strs_.resize(args.size());
    sets_.resize(args.size());
    items_.resize(args.size());
    for (size_t k = 0; k < args.size(); ++k) {
      if (auto* s = std::get_if<std::string>(&args[k])) strs_[k] = icp_str{s->data(), s->size()};
      if (auto* s = std::get_if<StringSetValue>(&args[k]))
        for (const auto& item : *s) items_[k].push_back(icp_str{item.data(), item.size()});
      if (auto* s = std::get_if<EnumSetValue>(&args[k]))  // only its size matters (count)
        items_[k].assign(s->members.size(), icp_str{"", 0});
      sets_[k] = icp_strset{items_[k].data(), items_[k].size()};
    }
  }
  icp_rt_ctx* ctx() { return scratch_ ? scratch_ : (scratch_ = scratch()); }
  int64_t int_arg(size_t k) const {
    const V& v = args_.at(k);
    if (auto* d = std::get_if<DurationValue>(&v)) return d->days;
    if (auto* d = std::get_if<DateValue>(&v)) return d->days;
    if (auto* b = std::get_if<bool>(&v)) return *b;
    return std::get<int64_t>(v);
  }
  double float_arg(size_t k) const {
    if (auto* d = std::get_if<double>(&args_.at(k))) return *d;
    return static_cast<double>(int_arg(k));
  }
  const icp_str* str_arg(size_t k) const { return &strs_.at(k); }
  const icp_strset* set_arg(size_t k) const { return &sets_.at(k); }

 private:
  const std::vector<V>& args_;
  std::vector<icp_str> strs_;
  std::vector<icp_strset> sets_;
  std::vector<std::vector<icp_str>> items_;
  icp_rt_ctx* scratch_ = nullptr;
};

V to_value(const RtValue& r, TypeKind result) {
  if (!r.known) return V{};
  switch (result) {
    case TypeKind::Bool: return V(r.i != 0);
    case TypeKind::Int: return V(r.i);
    case TypeKind::Float: return V(r.f);
    case TypeKind::String: return V(std::string(r.s.ptr ? r.s.ptr : "", size_t(r.s.len)));
    case TypeKind::StringSet: {
      StringSetValue out;  // the runtime gives sets sorted and unique
      for (uint64_t i = 0; i < r.set.n; ++i) out.emplace_back(r.set.items[i].ptr, size_t(r.set.items[i].len));
      return V(std::move(out));
    }
    case TypeKind::Error: case TypeKind::Date: case TypeKind::Duration: case TypeKind::Enum:
    case TypeKind::EnumSet: case TypeKind::EmptySet: break;
  }
  return V{};
}

}  // namespace

void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

std::optional<ConstValue> fold_call(BuiltinCall c, const std::vector<V>& args, std::optional<int64_t> as_of) {
  const Overload& o = overload_info(c);
  if (o.reads_as_of() && !as_of) return std::nullopt;
  for (const V& v : args)
    if (unknown(v)) return V{};
  std::vector<V> with_date;
  if (o.reads_as_of()) {
    with_date.push_back(*as_of);
    with_date.insert(with_date.end(), args.begin(), args.end());
  }
  Inputs in(o.reads_as_of() ? with_date : args);
  RtValue r = visit_rt_function(c, [&](auto fn, const char*) { return rt_invoke(fn, in); });
  return to_value(r, o.result);
}

std::optional<ConstValue> fold_builtin(Builtin b, const std::vector<V>& a, std::string* why) {
  const BuiltinInfo& info = builtin_info(b);
  if (info.reads_as_of()) {
    *why = fmt::format("{}() reads 'as_of', the scoring date", info.name);
    return std::nullopt;
  }
  for (const V& v : a)
    if (unknown(v)) return V{};
  std::vector<Type> types;
  for (const V& v : a) types.push_back(type_of_value(v));
  const Overload* o = choose_overload(b, types);
  if (!o) return V{};  // the checker reported it
  return fold_call(o->call, a);
}

std::string value_text(const SemanticModel& m, const ConstValue& v) {
  struct Visit {
    const SemanticModel& m;
    std::string operator()(std::monostate) const { return "missing"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return fmt::format("{}", d); }
    std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
    std::string operator()(DateValue d) const {
      int y, mo, da;
      civil_from_days(d.days, y, mo, da);
      return fmt::format("{:04}-{:02}-{:02}", y, mo, da);
    }
    std::string operator()(DurationValue d) const { return std::to_string(d.days) + "d"; }
    std::string operator()(const StringSetValue& s) const {
      std::string r = "{";
      for (size_t i = 0; i < s.size(); ++i) r += (i ? ", \"" : "\"") + s[i] + "\"";
      return r + "}";
    }
    std::string operator()(EnumValue e) const { return m.enums.at(e.enum_id).members.at(e.member); }
    std::string operator()(const EnumSetValue& s) const {
      std::string r = "{";
      for (size_t i = 0; i < s.members.size(); ++i)
        r += (i ? ", " : "") + m.enums.at(s.enum_id).members.at(s.members[i]);
      return r + "}";
    }
  };
  return std::visit(Visit{m}, v);
}

}  // namespace icp::sema
