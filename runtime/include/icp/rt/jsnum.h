// Numbers printed as JavaScript's String(number) prints them (ECMAScript
// Number::toString): the shortest digits that read back as the same double,
// `80` not `80.0`, `0.0001` not `1e-04`, `1e21`, `1e-7`, `-0` as `0`.
#pragma once
#include <string>

namespace icp::rt {

// NaN -> "NaN", infinities -> "Infinity" / "-Infinity" (as JS does).
std::string format_js_number(double v);
void append_js_number(std::string& out, double v);
// Same, but non-finite values print as `null` (valid JSON).
void append_json_number(std::string& out, double v);

}  // namespace icp::rt
