// Every built-in overload of sema/builtins.def, on edge-case and random
// arguments (fixed seed): the constant folder's value must be the
// interpreter's and the JIT's, to the last bit (known or not, and the value).
// The overloads come from the registry, so a new built-in is covered without
// touching this file. Self-checks: the comparison finds the drift of the
// folder before the registry (its own trim() and domain()), and a folder
// that is off by one ulp / one unit / one character for any overload.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../codegen/ir_fixture.h"
#include "sema/builtins.h"
#include "sema/fold_builtins.h"

namespace icp::test {
namespace {

using sema::ConstValue;
using sema::Param;

// ---- argument values -------------------------------------------------------

// The values a parameter class is tested with, from its registry entry (so
// a new class needs nothing here unless it brings a new kind of value).
enum class Kind { Str, Set, Date, Duration, Int, Float };
Kind kind_of(Param p) {
  const sema::ParamInfo& info = sema::param_info(p);
  switch (info.ir) {
    case sema::ParamIr::Str: return Kind::Str;
    case sema::ParamIr::StrSet: return Kind::Set;
    case sema::ParamIr::Float: return Kind::Float;
    case sema::ParamIr::Int: break;
  }
  if (info.accepts & (1u << unsigned(sema::TypeKind::Date))) return Kind::Date;
  if (info.expected == sema::TypeKind::Duration) return Kind::Duration;
  return Kind::Int;
}


const std::vector<std::string>& edge_strings() {
  static const std::vector<std::string> v = {
      "", " ", "x", "Jo <jo@WWW.Acme.com>", "https://acme.com./x", "\u00A0x\u00A0", "  Hello World \t",
      "\r\n", "ÉCOLE", "straße", "ΣΟΦΙΑ", "Привет", "www.amazon.com", "jo@gmail.com",
      "HTTPS://User:pw@WWW.Stock.Walmart.com:8080/path?q#f", "mailto:Jo@X.org", "@", "://", "a@b@c.com",
      "\u3000x", "İstanbul", "WWW.", "www", ".com.", "x.com/", "é", "Ünïcödé", "\u2028", "ab", "AB",
  };
  return v;
}

const std::vector<std::vector<std::string>>& edge_sets() {
  static const std::vector<std::vector<std::string>> v = {
      {}, {"a"}, {"A", "a"}, {"Ä", "ä", "x"}, {"ΣΟΦΙΑ", "sofia"}, {"", " "}, {"Kubernetes", "kubernetes", "AWS"},
  };
  return v;
}

std::vector<int64_t> edge_ints(Kind k) {
  constexpr int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  if (k == Kind::Date) return {0, -1, 1, 19000, 20000, 20454, 20455, -719468, 2932896, 10000000, -10000000};
  if (k == Kind::Duration) return {1, 7, 14, 30, 365, int64_t(1) << 40, 0, -7};
  return {0, 1, -1, 2, -7, 100, lo, lo + 1, hi, hi - 1, int64_t(1) << 53};
}

const std::vector<double>& edge_floats() {
  static const std::vector<double> v = {
      0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 1.0, -1.0, 1e-310, -1e-310, 1e308, -1e308, 9.2e18, 9.3e18,
      -9.3e18, 4503599627370497.0, 1.0 / 3, 2.718281828459045, 123.456, 0.49999999999999994,
  };
  return v;
}

// Test inputs are typed per parameter class.
struct Arg {
  Param cls;
  ConstValue folded;  // what the folder gets
  Cell cell;          // what the engines read
};

Arg make_str(Param p, const std::string& s) { return {p, s, s}; }
Arg make_set(Param p, std::vector<std::string> items) {
  std::vector<std::string> sorted = items;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return {p, sema::StringSetValue(sorted), items};
}
Arg make_int(Param p, int64_t v) {
  if (kind_of(p) == Kind::Date) return {p, sema::DateValue{int32_t(v)}, v};
  if (kind_of(p) == Kind::Duration) return {p, sema::DurationValue{v}, v};
  return {p, v, v};
}
Arg make_float(Param p, double v) { return {p, v, v}; }

std::vector<Arg> edges(Param p) {
  std::vector<Arg> out;
  switch (kind_of(p)) {
    case Kind::Str:
      for (const auto& s : edge_strings()) out.push_back(make_str(p, s));
      break;
    case Kind::Set:
      for (const auto& s : edge_sets()) out.push_back(make_set(p, s));
      break;
    case Kind::Date:
    case Kind::Duration:
    case Kind::Int:
      for (int64_t v : edge_ints(kind_of(p))) out.push_back(make_int(p, v));
      break;
    case Kind::Float:
      for (double v : edge_floats()) out.push_back(make_float(p, v));
      break;
  }
  return out;
}

// Random values from the raw engine (distributions differ between standard
// libraries; the engine's sequence does not).
struct Random {
  std::mt19937_64 g{20261205};
  uint64_t below(uint64_t n) { return g() % n; }
  std::string str() {
    static const char* pieces[] = {"a", "B", " ", "\t", "\u00A0", "@", "www.", "WWW.", ".", "/", ":", "é",
                                   "Σ", "ß", "http://", "<", ">", "x.com", "\u3000", "Ж", "?", "#", "İ", "\n"};
    std::string s;
    for (uint64_t n = below(7); n > 0; --n) s += pieces[below(std::size(pieces))];
    return s;
  }
  int64_t integer(Param p) {
    if (kind_of(p) == Kind::Date) return int64_t(below(80000)) - 20000;
    if (kind_of(p) == Kind::Duration) return int64_t(below(400)) + 1;
    switch (below(3)) {
      case 0: return int64_t(below(201)) - 100;
      case 1: return int64_t(g());
      default: return int64_t(g() >> below(63));
    }
  }
  double real() {
    if (below(2)) return (double(int64_t(below(2000001)) - 1000000)) / double(1 + below(1000));
    double d;
    do d = std::bit_cast<double>(g()); while (!std::isfinite(d));
    return d;
  }
  Arg arg(Param p) {
    switch (kind_of(p)) {
      case Kind::Str: return make_str(p, str());
      case Kind::Set: {
        std::vector<std::string> items;
        for (uint64_t n = below(5); n > 0; --n) items.push_back(str());
        return make_set(p, items);
      }
      case Kind::Date: case Kind::Duration: case Kind::Int: return make_int(p, integer(p));
      case Kind::Float: return make_float(p, real());
    }
    return {};
  }
};

// Edge cases (every combination, for up to three parameters) and random
// arguments.
std::vector<std::vector<Arg>> cases_for(const sema::Overload& o, Random& rnd, size_t random_cases) {
  std::vector<std::vector<Arg>> out{{}};
  for (Param p : o.params) {
    std::vector<std::vector<Arg>> next;
    for (const auto& prefix : out)
      for (const Arg& a : edges(p)) {
        next.push_back(prefix);
        next.back().push_back(a);
      }
    out = std::move(next);
  }
  for (size_t i = 0; i < random_cases; ++i) {
    std::vector<Arg> args;
    for (Param p : o.params) args.push_back(rnd.arg(p));
    out.push_back(std::move(args));
  }
  return out;
}

// ---- the comparison --------------------------------------------------------

using Folder = std::function<ConstValue(sema::BuiltinCall, const std::vector<ConstValue>&, int64_t as_of)>;

ConstValue real_folder(sema::BuiltinCall c, const std::vector<ConstValue>& args, int64_t as_of) {
  const sema::Overload& o = sema::overload_info(c);
  if (o.reads_as_of()) return *sema::fold_call(c, args, as_of);
  // What the folder does with a call: fold_builtin picks the overload.
  std::string why;
  auto v = sema::fold_builtin(o.fn, args, &why);
  EXPECT_TRUE(v.has_value()) << o.ir_name << ": not folded: " << why;
  return v.value_or(ConstValue{});
}

VType vtype_of(Param p) {
  switch (sema::param_ir(p)) {
    case sema::ParamIr::Str: return VType::Str;
    case sema::ParamIr::StrSet: return VType::StrSet;
    case sema::ParamIr::Int: return VType::Int;
    case sema::ParamIr::Float: return VType::Float;
  }
  return VType::Int;
}

VType vtype_of(sema::TypeKind k) {
  switch (k) {
    case sema::TypeKind::Bool: return VType::Bool;
    case sema::TypeKind::Int: return VType::Int;
    case sema::TypeKind::Float: return VType::Float;
    case sema::TypeKind::String: return VType::Str;
    case sema::TypeKind::StringSet: return VType::StrSet;
    default: return VType::Int;
  }
}

Cell cell_of(const ConstValue& v) {
  if (auto* b = std::get_if<bool>(&v)) return *b;
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* s = std::get_if<sema::StringSetValue>(&v)) return std::vector<std::string>(*s);
  return none();
}

std::string show(const ConstValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "unknown";
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{} (0x{:016x})", *d, std::bit_cast<uint64_t>(*d));
  if (auto* s = std::get_if<std::string>(&v)) return "\"" + *s + "\"";
  if (auto* s = std::get_if<sema::StringSetValue>(&v)) {
    std::string r = "{";
    for (const auto& x : *s) r += "\"" + x + "\" ";
    return r + "}";
  }
  if (auto* d = std::get_if<sema::DateValue>(&v)) return "date " + std::to_string(d->days);
  if (auto* d = std::get_if<sema::DurationValue>(&v)) return std::to_string(d->days) + "d";
  return "?";
}

struct Report {
  size_t compared = 0;
  std::vector<std::string> differences;
};

// One IR function per overload: fields a0..an-1 and `want` (the folded
// value), rule 0 "known" (is the call known), rule 1 "equal" (call == want)
// and rule 2 "value" (the call as points, for Float: the bits).
void compare(const sema::Overload& o, const std::vector<std::vector<Arg>>& cases, int64_t as_of,
             const Folder& fold, Report& rep) {
  IrBuilder ib;
  std::vector<ValueId> args;
  if (o.reads_as_of()) args.push_back(ib.add({.op = Op::AsOf, .type = VType::Int}));
  for (size_t i = 0; i < o.params.size(); ++i)
    args.push_back(ib.load(ib.field("a" + std::to_string(i), vtype_of(o.params[i]))));
  VType rt = vtype_of(o.result);
  ValueId want = ib.load(ib.field("want", rt));
  ValueId call = ib.call(o.call, rt, args);
  ib.probe("known", ib.op1(Op::IsKnown, VType::Bool, call));
  ValueId eq = rt == VType::StrSet ? ib.op2(Op::And, VType::Bool, ib.op2(Op::SetHasAll, VType::Bool, call, want),
                                            ib.op2(Op::SetHasAll, VType::Bool, want, call))
                                   : ib.cmp(Pred::Eq, rt, call, want);
  ib.probe("equal", eq);
  if (rt == VType::Float) ib.signal("value", ib.cb(true), call);
  ib.finish();

  std::vector<std::vector<Cell>> rows;
  std::vector<ConstValue> expected;
  for (const auto& c : cases) {
    std::vector<ConstValue> folded_args;
    std::vector<Cell> row;
    for (const Arg& a : c) {
      folded_args.push_back(a.folded);
      row.push_back(a.cell);
    }
    expected.push_back(fold(o.call, folded_args, as_of));
    row.push_back(cell_of(expected.back()));
    rows.push_back(std::move(row));
  }
  std::string err;
  auto jit = codegen::make_jit(ib.f, &err);
  ASSERT_TRUE(jit) << err;
  auto interp = interp::make_interpreter(ib.f);
  Batch batch(ib.f, rows);
  Results rj = score_with(*jit, batch, as_of), ri = score_with(*interp, batch, as_of);
  for (size_t r = 0; r < rows.size(); ++r) {
    ++rep.compared;
    bool known = !std::holds_alternative<std::monostate>(expected[r]);
    auto describe = [&](const char* engine, const std::string& what) {
      std::string a;
      for (const Arg& x : cases[r]) a += (a.empty() ? "" : ", ") + show(x.folded);
      return fmt::format("{}({}) as_of {}: folded {}, {} {}", o.ir_name, a, as_of, show(expected[r]), engine, what);
    };
    for (auto [engine, res] : {std::pair{"interpreter", &ri}, std::pair{"JIT", &rj}}) {
      uint8_t k = res->st(r, 0), e = res->st(r, 1);
      if (k != (known ? T : F)) {
        rep.differences.push_back(describe(engine, known ? "unknown" : "known"));
        continue;
      }
      if (!known) continue;
      if (e != T) rep.differences.push_back(describe(engine, "a different value"));
      if (rt == VType::Float && std::bit_cast<uint64_t>(res->pts(r, 2)) !=
                                    std::bit_cast<uint64_t>(std::get<double>(expected[r])))
        rep.differences.push_back(describe(engine, fmt::format("{} (0x{:016x})", res->pts(r, 2),
                                                               std::bit_cast<uint64_t>(res->pts(r, 2)))));
    }
    if (!(rj == ri)) rep.differences.push_back(describe("JIT", "differs from the interpreter"));
  }
}

constexpr int64_t kAsOfs[] = {20000, 20454, -5, 0};

Report compare_all(const Folder& fold, size_t random_cases, const std::vector<sema::BuiltinCall>& only = {}) {
  Report rep;
  Random rnd;
  for (size_t k = 0; k < sema::kBuiltinCallCount; ++k) {
    const sema::Overload& o = sema::overload_info(sema::BuiltinCall(k));
    if (!only.empty() && std::find(only.begin(), only.end(), o.call) == only.end()) continue;
    auto cases = cases_for(o, rnd, random_cases);
    if (o.reads_as_of())
      for (int64_t as_of : kAsOfs) compare(o, cases, as_of, fold, rep);
    else
      compare(o, cases, kAsOfs[0], fold, rep);
  }
  return rep;
}

std::string first(const Report& r, size_t n = 10) {
  std::string s;
  for (size_t i = 0; i < r.differences.size() && i < n; ++i) s += "  " + r.differences[i] + "\n";
  return s;
}

TEST(BuiltinsAgree, FolderInterpreterAndJitOnEveryOverload) {
  Report rep = compare_all(real_folder, 400);
  std::printf("%zu calls of %zu overloads compared on both engines\n", rep.compared, sema::kBuiltinCallCount);
  EXPECT_GT(rep.compared, 10000u);
  EXPECT_EQ(rep.differences.size(), 0u) << rep.differences.size() << " differences of " << rep.compared
                                        << ", the first:\n"
                                        << first(rep);
}

// The three disagreements of issue 10, by value.
TEST(BuiltinsAgree, TheCasesThatDriftedBeforeTheRegistry) {
  auto fold = [](sema::Builtin b, ConstValue arg) {
    std::string why;
    auto v = sema::fold_builtin(b, {std::move(arg)}, &why);
    return v ? show(*v) : "not folded: " + why;
  };
  EXPECT_EQ(fold(sema::Builtin::Domain, std::string("Jo <jo@WWW.Acme.com>")), "\"acme.com\"");
  EXPECT_EQ(fold(sema::Builtin::Domain, std::string("https://acme.com./x")), "\"acme.com\"");
  EXPECT_EQ(fold(sema::Builtin::Trim, std::string("\u00A0x\u00A0")), "\"x\"");
  // round() takes an int too, and hover says so.
  EXPECT_EQ(fold(sema::Builtin::Round, int64_t(3)), "3");
  EXPECT_EQ(sema::builtin_signature(sema::Builtin::Round), "round(x: number): int");
}

// ---- self-checks: the comparison does find differences ---------------------

// The folder's own trim() and domain() before the registry (sema's
// fold_builtins.cpp until this test was written).
std::string old_trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}
std::string old_domain(std::string s) {
  s = old_trim(s);
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (auto p = s.find("://"); p != std::string::npos) s = s.substr(p + 3);
  if (auto p = s.rfind('@'); p != std::string::npos) s = s.substr(p + 1);
  if (auto p = s.find_first_of("/?#:"); p != std::string::npos) s = s.substr(0, p);
  if (s.rfind("www.", 0) == 0) s = s.substr(4);
  return s;
}

TEST(BuiltinsAgree, SelfCheckFindsTheOldFoldersDrift) {
  Folder old = [](sema::BuiltinCall c, const std::vector<ConstValue>& a, int64_t as_of) -> ConstValue {
    if (c == sema::BuiltinCall::Trim) return old_trim(std::get<std::string>(a[0]));
    if (c == sema::BuiltinCall::Domain) return old_domain(std::get<std::string>(a[0]));
    return real_folder(c, a, as_of);
  };
  Report rep = compare_all(old, 50, {sema::BuiltinCall::Trim, sema::BuiltinCall::Domain});
  auto found = [&](const std::string& needle) {
    for (const auto& d : rep.differences)
      if (d.find(needle) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(found("domain(\"Jo <jo@WWW.Acme.com>\") as_of 20000: folded \"acme.com>\"")) << first(rep);
  EXPECT_TRUE(found("domain(\"https://acme.com./x\") as_of 20000: folded \"acme.com.\"")) << first(rep);
  EXPECT_TRUE(found("trim(\"\u00A0x\u00A0\") as_of 20000: folded \"\u00A0x\u00A0\"")) << first(rep);
}

// A folder that is off by a little for one overload at a time: each is found.
TEST(BuiltinsAgree, SelfCheckFindsAPerturbationOfEveryOverload) {
  for (size_t k = 0; k < sema::kBuiltinCallCount; ++k) {
    auto target = sema::BuiltinCall(k);
    Folder off = [target](sema::BuiltinCall c, const std::vector<ConstValue>& a, int64_t as_of) -> ConstValue {
      ConstValue v = real_folder(c, a, as_of);
      if (c != target) return v;
      if (auto* b = std::get_if<bool>(&v)) return !*b;
      if (auto* i = std::get_if<int64_t>(&v)) return *i ^ 1;
      if (auto* d = std::get_if<double>(&v)) return std::bit_cast<double>(std::bit_cast<uint64_t>(*d) ^ 1);
      if (auto* s = std::get_if<std::string>(&v)) return *s + "!";
      if (auto* s = std::get_if<sema::StringSetValue>(&v)) {
        auto t = *s;
        t.push_back("\x7f!");
        return t;
      }
      return v;
    };
    Report rep = compare_all(off, 20, {target});
    EXPECT_GT(rep.differences.size(), 0u) << sema::overload_info(target).ir_name << ": a wrong folder went unnoticed";
  }
}

}  // namespace
}  // namespace icp::test
