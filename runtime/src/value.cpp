// Value helpers. See icp/rt/value.h.
#include "icp/rt/value.h"

#include "icp/rt/dates.h"
#include "icp/rt/jsnum.h"

namespace icp::rt {

const char* value_kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Float: return "float";
    case ValueKind::String: return "string";
    case ValueKind::Date: return "date";
    case ValueKind::Duration: return "duration";
    case ValueKind::StringSet: return "set<string>";
    case ValueKind::Enum: return "enum";
  }
  return "?";
}

std::string Value::debug_string() const {
  struct V {
    std::string operator()(std::monostate) const { return "missing"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return format_js_number(d); }
    std::string operator()(const std::string& s) const {
      std::string out(1, '"');
      out += s;
      out += '"';
      return out;
    }
    std::string operator()(DateVal d) const { return format_date(d.days); }
    std::string operator()(DurationVal d) const {
      std::string out = std::to_string(d.days);
      out += 'd';
      return out;
    }
    std::string operator()(const StringSet& s) const {
      std::string out = "{";
      for (size_t i = 0; i < s.size(); ++i) {
        out += i ? ", \"" : "\"";
        out += s[i];
        out += '"';
      }
      out += '}';
      return out;
    }
    std::string operator()(EnumVal e) const {
      std::string out(1, '#');
      out += std::to_string(e.ordinal);
      return out;
    }
  };
  return std::visit(V{}, v_);
}

}  // namespace icp::rt
