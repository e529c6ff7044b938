// The interpreter's value: a payload and a `known` bit (ir.h: every IR value
// is a pair). Bool payloads are 0/1 in `i`; Int also holds dates, durations
// and enum member indexes.
#pragma once
#include <cstdint>

#include "icp/abi.h"

namespace icp::interp {

struct Val {
  bool known = false;
  union {
    int64_t i = 0;
    double f;
    icp_str s;
    icp_strset set;
  };

  static Val unknown() { return Val{}; }
  static Val of_int(int64_t v) { Val x; x.known = true; x.i = v; return x; }
  static Val of_bool(bool v) { return of_int(v ? 1 : 0); }
  static Val of_float(double v) { Val x; x.known = true; x.f = v; return x; }
  // A float result is known only when finite (LANGUAGE.md section 6).
  static Val of_finite(double v) { return v - v == 0 ? of_float(v) : unknown(); }
  static Val of_str(icp_str v) { Val x; x.known = true; x.s = v; return x; }
  static Val of_set(icp_strset v) { Val x; x.known = true; x.set = v; return x; }
};

}  // namespace icp::interp
