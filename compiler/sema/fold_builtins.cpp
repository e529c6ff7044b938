// Compile-time evaluation of the pure built-ins of LANGUAGE.md section 9,
// with the same rules as run time: unknown in, unknown out; `log` of a
// non-positive number and non-finite results are unknown.
#include "sema/fold_builtins.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

#include "sema/fold.h"
#include "source/source.h"

namespace icp::sema {
namespace {

using V = ConstValue;

bool unknown(const V& v) { return std::holds_alternative<std::monostate>(v); }
bool is_int(const V& v) { return std::holds_alternative<int64_t>(v) || std::holds_alternative<DurationValue>(v); }
int64_t as_int(const V& v) {
  if (auto* d = std::get_if<DurationValue>(&v)) return d->days;
  return std::get<int64_t>(v);
}
double as_double(const V& v) {
  if (auto* d = std::get_if<double>(&v)) return *d;
  return static_cast<double>(as_int(v));
}
bool ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
std::string map_ascii(std::string s, bool up) {
  for (char& c : s) c = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(c))
                                             : std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}
std::string domain_of(std::string s) {
  s = map_ascii(trim(s), false);
  if (auto p = s.find("://"); p != std::string::npos) s = s.substr(p + 3);
  if (auto p = s.rfind('@'); p != std::string::npos) s = s.substr(p + 1);
  if (auto p = s.find_first_of("/?#:"); p != std::string::npos) s = s.substr(0, p);
  if (s.rfind("www.", 0) == 0) s = s.substr(4);
  return s;
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

std::optional<ConstValue> fold_builtin(Builtin b, const std::vector<V>& a, std::string* why) {
  for (const V& v : a)
    if (unknown(v)) return V{};
  auto str = [&](size_t i) -> const std::string& { return std::get<std::string>(a[i]); };
  switch (b) {
    case Builtin::Lower: case Builtin::Upper: {
      bool up = b == Builtin::Upper;
      if (auto* set = std::get_if<StringSetValue>(&a[0])) {
        StringSetValue out;
        for (const auto& s : *set) {
          if (!ascii(s)) break;
          out.push_back(map_ascii(s, up));
        }
        if (out.size() == set->size()) {
          std::sort(out.begin(), out.end());
          out.erase(std::unique(out.begin(), out.end()), out.end());
          return V(out);
        }
      } else if (ascii(str(0))) {
        return V(map_ascii(str(0), up));
      }
      *why = "changing the case of non-ASCII text happens at run time";
      return std::nullopt;
    }
    case Builtin::Trim: return V(trim(str(0)));
    case Builtin::Len: return V(static_cast<int64_t>(count_code_points(str(0))));
    case Builtin::StartsWith: return V(str(0).rfind(str(1), 0) == 0);
    case Builtin::EndsWith:
      return V(str(0).size() >= str(1).size() &&
               str(0).compare(str(0).size() - str(1).size(), str(1).size(), str(1)) == 0);
    case Builtin::Contains: return V(str(0).find(str(1)) != std::string::npos);
    case Builtin::Domain: return V(domain_of(str(0)));
    case Builtin::Count:
      if (auto* s = std::get_if<StringSetValue>(&a[0])) return V(static_cast<int64_t>(s->size()));
      if (auto* s = std::get_if<EnumSetValue>(&a[0])) return V(static_cast<int64_t>(s->members.size()));
      return V{};
    case Builtin::DaysSince:
      *why = "days_since() reads 'as_of', the scoring date";
      return std::nullopt;
    case Builtin::Year: case Builtin::Month: {
      int y, m, d;
      civil_from_days(std::get<DateValue>(a[0]).days, y, m, d);
      return V(static_cast<int64_t>(b == Builtin::Year ? y : m));
    }
    case Builtin::Min: case Builtin::Max: case Builtin::Abs: case Builtin::Clamp: {
      bool ints = std::all_of(a.begin(), a.end(), is_int);
      if (ints) {
        int64_t x = as_int(a[0]);
        if (b == Builtin::Abs) return x == std::numeric_limits<int64_t>::min() ? V{} : V(x < 0 ? -x : x);
        if (b == Builtin::Min) return V(std::min(x, as_int(a[1])));
        if (b == Builtin::Max) return V(std::max(x, as_int(a[1])));
        return V(std::min(std::max(x, as_int(a[1])), as_int(a[2])));
      }
      double x = as_double(a[0]);
      if (b == Builtin::Abs) return V(std::fabs(x));
      if (b == Builtin::Min) return V(std::fmin(x, as_double(a[1])));
      if (b == Builtin::Max) return V(std::fmax(x, as_double(a[1])));
      return V(std::fmin(std::fmax(x, as_double(a[1])), as_double(a[2])));
    }
    case Builtin::Round: {
      double x = as_double(a[0]);
      double r = std::round(x);  // half away from zero
      if (!std::isfinite(r) || r < -9.2e18 || r > 9.2e18) return V{};
      return V(static_cast<int64_t>(r));
    }
    case Builtin::Log: {
      double x = as_double(a[0]);
      if (!(x > 0)) return V{};
      double r = std::log(x);
      return std::isfinite(r) ? V(r) : V{};
    }
  }
  return V{};
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
