// Random programs and records. See generator.h. Expressions are generated
// by type; every compound subexpression is parenthesised so precedence and
// the level rules of `between` / `within` never matter.
#include "generator.h"

#include <vector>

namespace icp::difftest {

namespace {

enum class T { Bool, Int, Float, Str, Date, Enum, Set };

struct Field {
  const char* name;
  T type;
  bool optional;
};

// Schema R, in order (random_record follows it).
const Field kFields[] = {
    {"b", T::Bool, true},   {"i", T::Int, true},    {"j", T::Int, false},  {"x", T::Float, true},
    {"y", T::Float, false}, {"s", T::Str, true},    {"t", T::Str, false},  {"d", T::Date, true},
    {"e", T::Date, true},   {"k", T::Enum, true},   {"tags", T::Set, false},
};

const char* kWords[] = {"a", "B", "kubernetes", "AWS", "aws", "Straße", "É", "x@Acme.com", "https://www.ex.io/p", ""};

class Gen {
 public:
  explicit Gen(std::mt19937_64& rng) : rng_(rng) {}

  int pick(int n) { return int(rng_() % uint64_t(n)); }
  bool chance(int percent) { return pick(100) < percent; }

  std::string field_of(T t) {
    std::vector<const char*> names;
    for (const Field& f : kFields)
      if (f.type == t) names.push_back(f.name);
    return names[size_t(pick(int(names.size())))];
  }

  std::string int_lit() {
    static const char* lits[] = {"0", "1", "2", "3", "-7", "10", "100", "1_000", "50k",
                                 "9223372036854775807", "4611686018427387904", "-9223372036854775807"};
    return lits[pick(12)];
  }
  std::string float_lit() {
    static const char* lits[] = {"0.5", "1.5", "15%", "2e6", "-3.25", "0.0", "1e300", "0.1"};
    return lits[pick(8)];
  }
  std::string str_lit() { return std::string("\"") + kWords[pick(9)] + "\""; }
  std::string date_lit() {
    static const char* lits[] = {"2026-02-16", "2026-01-01", "2025-12-31", "2024-02-29", "2026-03-01"};
    return lits[pick(5)];
  }
  std::string dur_lit() {
    static const char* lits[] = {"0d", "1d", "30d", "90d", "6w", "3mo", "1y"};
    return lits[pick(7)];
  }
  std::string enum_lit() {
    static const char* lits[] = {"K.k0", "K.k1", "K.k2", "K.k3"};
    return lits[pick(4)];
  }
  std::string set_lit() {
    std::string s = "{";
    int n = 1 + pick(3);
    for (int k = 0; k < n; ++k) s += (k ? ", " : "") + str_lit();
    return s + "}";
  }

  std::string p(const std::string& s) { return "(" + s + ")"; }

  std::string gen(T t, int depth) {
    bool leaf = depth <= 0 || chance(25);
    switch (t) {
      case T::Bool: return leaf ? bool_leaf() : bool_node(depth - 1);
      case T::Int: return leaf ? (chance(50) ? field_of(T::Int) : int_lit()) : int_node(depth - 1);
      case T::Float: return leaf ? (chance(50) ? field_of(T::Float) : float_lit()) : float_node(depth - 1);
      case T::Str: return leaf ? (chance(60) ? field_of(T::Str) : str_lit()) : str_node(depth - 1);
      case T::Date: return leaf ? (chance(70) ? field_of(T::Date) : date_lit()) : date_node(depth - 1);
      case T::Enum: return leaf || chance(50) ? (chance(70) ? "k" : enum_lit()) : p("if " + gen(T::Bool, depth - 1) + " then " + enum_lit() + " else k");
      case T::Set: return chance(70) ? "tags" : "lower(tags)";
    }
    return "true";
  }

  std::string bool_leaf() {
    switch (pick(4)) {
      case 0: return "b";
      case 1: return chance(50) ? "true" : "false";
      case 2: return p(field_of(T::Int) + " > 0");
      default: return p(field_of(T::Date) + " within 30d");
    }
  }

  std::string cmp() {
    static const char* ops[] = {"==", "!=", "<", "<=", ">", ">="};
    return std::string(" ") + ops[pick(6)] + " ";
  }

  std::string bool_node(int d) {
    switch (pick(17)) {
      case 0: return p(gen(T::Bool, d) + " and " + gen(T::Bool, d));
      case 1: return p(gen(T::Bool, d) + " or " + gen(T::Bool, d));
      case 2: return p("not " + gen(T::Bool, d));
      case 3: return p(gen(T::Int, d) + cmp() + gen(T::Int, d));
      case 4: return p(gen(T::Float, d) + cmp() + gen(T::Int, d));
      case 5: return p(gen(T::Str, d) + cmp() + gen(T::Str, d));
      case 6: return p(gen(T::Date, d) + cmp() + gen(T::Date, d));
      case 7: return p(gen(T::Enum, d) + cmp() + enum_lit());
      case 8: return p(gen(T::Enum, d) + (chance(50) ? " in " : " not in ") + "{K.k1, K.k3}");
      case 9: return p(gen(T::Str, d) + (chance(50) ? " in " : " not in ") + set_lit());
      case 10: {
        static const char* modes[] = {" has ", " has any ", " has all "};
        int m = pick(3);
        return p(gen(T::Set, d) + modes[m] + (m == 0 ? str_lit() : set_lit()));
      }
      case 11: {
        static const char* res[] = {"r\"(?i)aws\"", "r\"^[a-z]+$\"", "r\"@acme\\\\.com$\"", "r\"ß|é\""};
        return p(gen(T::Str, d) + " matches " + res[pick(4)]);
      }
      case 12: return p(p(gen(T::Date, d)) + " within " + dur_lit());
      case 13: return p(field_of(T::Int) + (chance(50) ? " is missing" : " is present"));
      case 14: return p(p(gen(T::Int, d)) + (chance(50) ? " between " : " not between ") + p(gen(T::Int, d)) + " and " + p(gen(T::Int, d)));
      case 15: {
        static const char* fns[] = {"starts_with", "ends_with", "contains"};
        return fns[pick(3)] + p(gen(T::Str, d) + ", " + gen(T::Str, d));
      }
      default: return p("b ?? " + gen(T::Bool, d));
    }
  }

  std::string int_node(int d) {
    switch (pick(15)) {
      case 0: return p(gen(T::Int, d) + " + " + gen(T::Int, d));
      case 1: return p(gen(T::Int, d) + " - " + gen(T::Int, d));
      case 2: return p(gen(T::Int, d) + " * " + gen(T::Int, d));
      case 3: return p("-" + gen(T::Int, d));
      case 4: return "len" + p(gen(T::Str, d));
      case 5: return "count" + p(gen(T::Set, d));
      case 6: return (chance(50) ? "year" : "month") + p(gen(T::Date, d));
      case 7: return "days_since" + p(gen(T::Date, d));
      case 8: return p(gen(T::Date, d) + " - " + gen(T::Date, d));
      case 9: return (chance(50) ? "min" : "max") + p(gen(T::Int, d) + ", " + gen(T::Int, d));
      case 10: return chance(50) ? "abs" + p(gen(T::Int, d)) : "clamp" + p(gen(T::Int, d) + ", -5, 50");
      case 11: return "round" + p(gen(T::Float, d));
      case 12: return p(field_of(T::Int) + " ?? " + gen(T::Int, d));
      case 13: return p("if " + gen(T::Bool, d) + " then " + gen(T::Int, d) + " else " + gen(T::Int, d));
      default: return chance(50) ? "dbl" + p(gen(T::Int, d)) : "pick" + p(field_of(T::Int) + ", " + gen(T::Int, d));
    }
  }

  std::string float_node(int d) {
    switch (pick(10)) {
      case 0: return p(gen(T::Float, d) + " + " + gen(T::Int, d));
      case 1: return p(gen(T::Float, d) + " * " + gen(T::Float, d));
      case 2: return p(gen(T::Int, d) + " / " + gen(T::Int, d));
      case 3: return p(gen(T::Float, d) + " / " + gen(T::Float, d));
      case 4: return "log" + p(gen(T::Float, d));
      case 5: return (chance(50) ? "min" : "max") + p(gen(T::Float, d) + ", " + gen(T::Int, d));
      case 6: return chance(50) ? "abs" + p(gen(T::Float, d)) : "clamp" + p(gen(T::Float, d) + ", 0, 1.5");
      case 7: return p(field_of(T::Float) + " ?? " + gen(T::Float, d));
      case 8: return "ratio" + p(gen(T::Float, d) + ", " + gen(T::Int, d));
      default: return p("if " + gen(T::Bool, d) + " then " + gen(T::Float, d) + " else " + gen(T::Int, d));
    }
  }

  std::string str_node(int d) {
    switch (pick(5)) {
      case 0: return "lower" + p(gen(T::Str, d));
      case 1: return "upper" + p(gen(T::Str, d));
      case 2: return "trim" + p(gen(T::Str, d));
      case 3: return "domain" + p(gen(T::Str, d));
      default: return p("s ?? " + gen(T::Str, d));
    }
  }

  std::string date_node(int d) {
    switch (pick(3)) {
      case 0: return p(gen(T::Date, d) + " + " + dur_lit());
      case 1: return p("d ?? " + gen(T::Date, d));
      default: return p("if " + gen(T::Bool, d) + " then " + gen(T::Date, d) + " else " + date_lit());
    }
  }

  std::string points() { return chance(50) ? gen(T::Int, 2) : gen(T::Float, 2); }

  std::string rule(int& n, bool in_group) {
    std::string label = "\"r" + std::to_string(n++) + "\"";
    switch (pick(in_group ? 4 : 5)) {
      case 0: return "  exclude " + label + " when " + gen(T::Bool, 3) + "\n";
      case 1:
      case 2: return "  signal " + label + " when " + gen(T::Bool, 3) + " => " + points() + "\n";
      case 3: {
        std::string s = "  trigger " + label + " on " + p(gen(T::Date, 1)) + " within " + dur_lit();
        if (chance(50)) s += " when " + gen(T::Bool, 2);
        s += " => " + points();
        if (chance(60)) s += " halflife " + (chance(50) ? std::string("30d") : std::string("7d"));
        return s + "\n";
      }
      default: return "  let l" + std::to_string(n++) + " = " + gen(T::Int, 2) + "\n";
    }
  }

 private:
  std::mt19937_64& rng_;
};

}  // namespace

std::string random_program(std::mt19937_64& rng) {
  Gen g(rng);
  std::string s = "enum K { k0, k1, k2, k3 }\n\nschema R {\n";
  for (const Field& f : kFields) {
    static const char* names[] = {"bool", "int", "float", "string", "date", "K", "set<string>"};
    s += std::string("  ") + f.name + ": " + names[int(f.type)] + (f.optional ? "?" : "") + "\n";
  }
  s += "}\n\n";
  s += "def dbl(v: int): int = v * 2\n";
  s += "def pick(v: int?, w: int): int = v ?? w\n";
  s += "def ratio(a: float, c: int): float = a / c\n\n";
  s += "profile P on R {\n";
  int n = 0, rules = 3 + g.pick(8);
  for (int r = 0; r < rules; ++r) {
    if (g.chance(25)) {
      s += "  group \"g" + std::to_string(r) + "\"";
      if (g.chance(50)) s += " cap " + std::string(g.chance(50) ? "10" : "2.5");
      s += " {\n";
      int m = 1 + g.pick(3);
      for (int k = 0; k < m; ++k) s += "  " + g.rule(n, true);
      s += "  }\n";
    } else {
      s += g.rule(n, false);
    }
  }
  s += "  tier t0 when score >= " + std::to_string(g.pick(40)) + "\n";
  s += "  tier t1 when score > 0 and confidence >= 0.5\n";
  s += "  tier t2 when " + g.gen(T::Bool, 2) + " or score < 0\n";
  s += "}\n";
  // Keep the dummy defs used (W0001 is only a warning, but be tidy).
  s += "profile Q on R {\n  signal \"q\" when b => dbl(j) + pick(i, 1) + ratio(y, j)\n}\n";
  return s;
}

rt::Record random_record(std::mt19937_64& rng) {
  Gen g(rng);
  rt::Record rec;
  for (const Field& f : kFields) {
    if (f.optional && g.chance(25)) {
      rec.values.push_back(rt::Value::missing());
      continue;
    }
    switch (f.type) {
      case T::Bool: rec.values.push_back(rt::Value::boolean(g.chance(50))); break;
      case T::Int: {
        static const int64_t ints[] = {0, 1, -1, 3, 42, 1000, -250, INT64_MAX, INT64_MIN, INT64_MAX / 2, 7};
        rec.values.push_back(rt::Value::integer(ints[g.pick(11)]));
        break;
      }
      case T::Float: {
        static const double fl[] = {0.0, 0.5, -2.25, 1e300, -1e-300, 3.141592653589793, 100.0, 1e-5};
        rec.values.push_back(rt::Value::real(fl[g.pick(8)]));
        break;
      }
      case T::Str: rec.values.push_back(rt::Value::string(kWords[g.pick(10)])); break;
      case T::Date: rec.values.push_back(rt::Value::date(int32_t(kAsOf - 400 + g.pick(420)))); break;
      case T::Enum: rec.values.push_back(rt::Value::enumeration(g.pick(4))); break;
      case T::Set: {
        rt::StringSet set;
        int n = g.pick(4);
        for (int k = 0; k < n; ++k) {
          std::string w = kWords[g.pick(10)];
          bool dup = false;
          for (const auto& x : set) dup = dup || x == w;
          if (!dup) set.push_back(w);
        }
        rec.values.push_back(rt::Value::set(set));
        break;
      }
    }
  }
  return rec;
}

}  // namespace icp::difftest
