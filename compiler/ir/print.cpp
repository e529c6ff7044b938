// ir::print: a readable listing of a Function, for tests, debugging and
// `icp build --emit ir`. One instruction per line: `%7 = add.int %3, %5`,
// with a `?` after the type when the value may be unknown.
#include <fmt/format.h>

#include "ir/ir.h"

namespace icp::ir {

namespace {

const char* vtype_name(VType t) {
  switch (t) {
    case VType::Bool: return "bool";
    case VType::Int: return "int";
    case VType::Float: return "float";
    case VType::Str: return "str";
    case VType::StrSet: return "strset";
  }
  return "?";
}

const char* op_name(Op op) {
  switch (op) {
    case Op::ConstBool: case Op::ConstInt: case Op::ConstFloat: case Op::ConstStr: case Op::ConstStrSet:
      return "const";
    case Op::Missing: return "missing";
    case Op::Field: return "field";
    case Op::AsOf: return "as_of";
    case Op::Score: return "score";
    case Op::Confidence: return "confidence";
    case Op::IsKnown: return "is_known";
    case Op::Coalesce: return "coalesce";
    case Op::Guard: return "guard";
    case Op::Not: return "not";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Select: return "select";
    case Op::IntToFloat: return "int_to_float";
    case Op::Neg: return "neg";
    case Op::Add: return "add";
    case Op::Sub: return "sub";
    case Op::Mul: return "mul";
    case Op::Div: return "div";
    case Op::Pow: return "pow";
    case Op::Cmp: return "cmp";
    case Op::SetHas: return "set_has";
    case Op::SetHasAny: return "set_has_any";
    case Op::SetHasAll: return "set_has_all";
    case Op::InEnumSet: return "in_enum_set";
    case Op::Matches: return "matches";
    case Op::Call: return "call";
  }
  return "?";
}

const char* pred_name(Pred p) {
  switch (p) {
    case Pred::Eq: return "eq";
    case Pred::Ne: return "ne";
    case Pred::Lt: return "lt";
    case Pred::Le: return "le";
    case Pred::Gt: return "gt";
    case Pred::Ge: return "ge";
  }
  return "?";
}

std::string call_name(uint32_t k) {
  if (k >= kCallKindCount) return fmt::format("unknown_{}", k);
  return std::string(sema::overload_info(CallKind(k)).ir_name);
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

std::string operands(const Function& f, const Inst& i) {
  std::string out;
  auto add = [&](ValueId v) {
    if (v == kNoValue) return;
    out += out.empty() ? " " : ", ";
    out += fmt::format("%{}", v);
  };
  switch (i.op) {
    case Op::ConstBool: return i.imm ? " true" : " false";
    case Op::ConstInt: return fmt::format(" {}", i.imm);
    case Op::ConstFloat: return fmt::format(" {}", i.fimm);
    case Op::ConstStr: return " " + quoted(f.strings.at(i.extra));
    case Op::ConstStrSet: {
      std::string s = " {";
      for (const auto& item : f.str_sets.at(i.extra)) s += (s.size() > 2 ? ", " : "") + quoted(item);
      return s + "}";
    }
    case Op::Field: return fmt::format(" {} ({})", i.extra, f.fields.at(i.extra).name);
    case Op::InEnumSet: {
      add(i.a);
      std::string bits;
      for (bool b : f.enum_sets.at(i.extra)) bits += b ? '1' : '0';
      return out + " [" + bits + "]";
    }
    case Op::Matches: add(i.a); return out + " /" + f.regexes.at(i.extra) + "/";
    case Op::Call:
      for (uint32_t k = 0; k < i.b; ++k) add(f.call_args.at(i.a + k));
      return out;
    case Op::Missing: case Op::AsOf: case Op::Score: case Op::Confidence: case Op::IsKnown:
    case Op::Coalesce: case Op::Guard: case Op::Not: case Op::And: case Op::Or: case Op::Select:
    case Op::IntToFloat: case Op::Neg: case Op::Add: case Op::Sub: case Op::Mul: case Op::Div:
    case Op::Pow: case Op::Cmp: case Op::SetHas: case Op::SetHasAny: case Op::SetHasAll:
      break;
  }
  add(i.a);
  add(i.b);
  add(i.c);
  return out;
}

}  // namespace

std::string print(const Function& f) {
  std::string out = fmt::format("{} {}\n", f.persona ? "persona" : "profile", f.name);
  for (size_t k = 0; k < f.fields.size(); ++k)
    out += fmt::format("  field {} {}: {}{} from {}\n", k, f.fields[k].name, vtype_name(f.fields[k].type),
                       f.fields[k].optional ? "?" : "", quoted(f.fields[k].column));
  for (size_t v = 0; v < f.insts.size(); ++v) {
    const Inst& i = f.insts[v];
    if (v == f.tiers_begin) out += "  ; tiers\n";
    std::string name = op_name(i.op);
    if (i.op == Op::Cmp) name += fmt::format(".{}.{}", pred_name(i.pred), vtype_name(i.operand));
    if (i.op == Op::Call) name += "." + call_name(i.extra);
    out += fmt::format("  %{} = {} {}{}{}\n", v, name, vtype_name(i.type), i.may_be_unknown ? "?" : "",
                       operands(f, i));
  }
  if (f.tiers_begin >= f.insts.size()) out += "  ; tiers\n";
  auto kind_name = [](RuleKind k) {
    switch (k) {
      case RuleKind::Exclude: return "exclude";
      case RuleKind::Signal: return "signal";
      case RuleKind::Trigger: return "trigger";
    }
    return "?";
  };
  for (size_t k = 0; k < f.rules.size(); ++k) {
    const Rule& r = f.rules[k];
    out += fmt::format("rule {} {} {} cond %{}", k, kind_name(r.kind), quoted(r.label), r.cond);
    if (r.points != kNoValue) out += fmt::format(" points %{}", r.points);
    if (r.group >= 0) out += fmt::format(" group {}", r.group);
    out += "\n";
  }
  for (size_t g = 0; g < f.groups.size(); ++g) {
    out += fmt::format("group {} {}", g, quoted(f.groups[g].label));
    if (f.groups[g].has_cap) out += fmt::format(" cap {}", f.groups[g].cap);
    out += "\n";
  }
  out += "order";
  for (const OrderEntry& e : f.order) out += fmt::format(" {}{}", e.is_group ? "g" : "r", e.index);
  out += "\n";
  for (const Tier& t : f.tiers) out += fmt::format("tier {} cond %{}\n", t.name, t.cond);
  return out;
}

}  // namespace icp::ir
