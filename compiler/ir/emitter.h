// The instruction emitter used by the lowering: appends instructions to a
// Function, dedupes constants, fields and table entries, and computes
// Inst::may_be_unknown conservatively (true unless provably known).
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "ir/ir.h"

namespace icp::ir {

class Emitter {
 public:
  explicit Emitter(Function& f) : f_(f) {}
  Function& fn() { return f_; }
  const Inst& inst(ValueId v) const { return f_.insts.at(v); }
  VType type(ValueId v) const { return inst(v).type; }
  bool maybe_unknown(ValueId v) const { return inst(v).may_be_unknown; }

  ValueId const_bool(bool b);
  ValueId const_int(int64_t i);
  ValueId const_float(double d);
  ValueId const_str(const std::string& s);
  ValueId const_str_set(std::vector<std::string> items);  // sorted + deduped here
  ValueId missing(VType t);
  ValueId field(uint32_t index);
  ValueId as_of();

  ValueId unary(Op op, VType t, ValueId a);
  ValueId binary(Op op, VType t, ValueId a, ValueId b);
  ValueId select(ValueId c, ValueId a, ValueId b);
  ValueId cmp(Pred p, ValueId a, ValueId b);  // operands of one type
  ValueId to_float(ValueId v);                // IntToFloat (folded on constants)
  ValueId not_(ValueId a) { return unary(Op::Not, VType::Bool, a); }
  ValueId and_(ValueId a, ValueId b) { return binary(Op::And, VType::Bool, a, b); }
  ValueId or_(ValueId a, ValueId b) { return binary(Op::Or, VType::Bool, a, b); }
  ValueId in_enum_set(ValueId a, std::vector<bool> members);
  ValueId matches(ValueId a, const std::string& pattern);
  ValueId call(CallKind k, VType result, const std::vector<ValueId>& args);
  ValueId special(Op op, VType t);  // Score / Confidence

 private:
  ValueId push(Inst i);
  Function& f_;
  std::map<std::tuple<int, int64_t, uint64_t>, ValueId> consts_;
  std::map<uint32_t, ValueId> fields_;
  std::map<std::string, uint32_t> strings_, regexes_;
  std::map<std::vector<std::string>, uint32_t> str_sets_;
  std::map<std::vector<bool>, uint32_t> enum_sets_;
  ValueId as_of_ = kNoValue;
};

}  // namespace icp::ir
