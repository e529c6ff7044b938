// The instruction emitter. See emitter.h.
#include "ir/emitter.h"
#include "ir/rt_call.h"

#include <algorithm>
#include <bit>

namespace icp::ir {

ValueId Emitter::push(Inst i) { return f_.add(i); }

ValueId Emitter::const_bool(bool b) {
  auto key = std::make_tuple(int(Op::ConstBool), int64_t(b), uint64_t(0));
  if (auto it = consts_.find(key); it != consts_.end()) return it->second;
  Inst i{.op = Op::ConstBool, .type = VType::Bool, .imm = b, .may_be_unknown = false};
  return consts_[key] = push(i);
}

ValueId Emitter::const_int(int64_t v) {
  auto key = std::make_tuple(int(Op::ConstInt), v, uint64_t(0));
  if (auto it = consts_.find(key); it != consts_.end()) return it->second;
  Inst i{.op = Op::ConstInt, .type = VType::Int, .imm = v, .may_be_unknown = false};
  return consts_[key] = push(i);
}

ValueId Emitter::const_float(double d) {
  auto key = std::make_tuple(int(Op::ConstFloat), int64_t(0), std::bit_cast<uint64_t>(d));
  if (auto it = consts_.find(key); it != consts_.end()) return it->second;
  Inst i{.op = Op::ConstFloat, .type = VType::Float, .fimm = d, .may_be_unknown = false};
  return consts_[key] = push(i);
}

ValueId Emitter::const_str(const std::string& s) {
  auto [it, fresh] = strings_.try_emplace(s, uint32_t(f_.strings.size()));
  if (fresh) f_.strings.push_back(s);
  auto key = std::make_tuple(int(Op::ConstStr), int64_t(it->second), uint64_t(0));
  if (auto c = consts_.find(key); c != consts_.end()) return c->second;
  Inst i{.op = Op::ConstStr, .type = VType::Str, .extra = it->second, .may_be_unknown = false};
  return consts_[key] = push(i);
}

ValueId Emitter::const_str_set(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  auto [it, fresh] = str_sets_.try_emplace(items, uint32_t(f_.str_sets.size()));
  if (fresh) f_.str_sets.push_back(items);
  auto key = std::make_tuple(int(Op::ConstStrSet), int64_t(it->second), uint64_t(0));
  if (auto c = consts_.find(key); c != consts_.end()) return c->second;
  Inst i{.op = Op::ConstStrSet, .type = VType::StrSet, .extra = it->second, .may_be_unknown = false};
  return consts_[key] = push(i);
}

ValueId Emitter::missing(VType t) {
  auto key = std::make_tuple(int(Op::Missing), int64_t(t), uint64_t(0));
  if (auto it = consts_.find(key); it != consts_.end()) return it->second;
  return consts_[key] = push(Inst{.op = Op::Missing, .type = t});
}

ValueId Emitter::field(uint32_t index) {
  if (auto it = fields_.find(index); it != fields_.end()) return it->second;
  const FieldDesc& fd = f_.fields.at(index);
  Inst i{.op = Op::Field, .type = fd.type, .extra = index, .may_be_unknown = fd.optional};
  return fields_[index] = push(i);
}

ValueId Emitter::as_of() {
  if (as_of_ == kNoValue) as_of_ = push(Inst{.op = Op::AsOf, .type = VType::Int, .may_be_unknown = false});
  return as_of_;
}

ValueId Emitter::special(Op op, VType t) { return push(Inst{.op = op, .type = t, .may_be_unknown = false}); }

ValueId Emitter::unary(Op op, VType t, ValueId a) {
  bool mbu = maybe_unknown(a);
  if (op == Op::IsKnown) mbu = false;
  if (op == Op::Neg) mbu = true;  // Int overflow (INT64_MIN); kept simple for Float too
  return push(Inst{.op = op, .type = t, .a = a, .may_be_unknown = mbu});
}

ValueId Emitter::binary(Op op, VType t, ValueId a, ValueId b) {
  bool mbu = maybe_unknown(a) || maybe_unknown(b);
  if (op == Op::Coalesce) mbu = maybe_unknown(a) && maybe_unknown(b);
  // Overflow, division by zero, non-finite results.
  if (op == Op::Add || op == Op::Sub || op == Op::Mul || op == Op::Div || op == Op::Pow) mbu = true;
  return push(Inst{.op = op, .type = t, .a = a, .b = b, .may_be_unknown = mbu});
}

ValueId Emitter::select(ValueId c, ValueId a, ValueId b) {
  bool mbu = maybe_unknown(c) || maybe_unknown(a) || maybe_unknown(b);
  return push(Inst{.op = Op::Select, .type = type(a), .a = c, .b = a, .c = b, .may_be_unknown = mbu});
}

ValueId Emitter::cmp(Pred p, ValueId a, ValueId b) {
  bool mbu = maybe_unknown(a) || maybe_unknown(b);
  return push(Inst{.op = Op::Cmp, .type = VType::Bool, .operand = type(a), .pred = p, .a = a, .b = b,
                   .may_be_unknown = mbu});
}

ValueId Emitter::to_float(ValueId v) {
  const Inst& i = inst(v);
  if (i.type == VType::Float) return v;
  if (i.op == Op::ConstInt) return const_float(double(i.imm));
  return unary(Op::IntToFloat, VType::Float, v);
}

ValueId Emitter::in_enum_set(ValueId a, std::vector<bool> members) {
  auto [it, fresh] = enum_sets_.try_emplace(members, uint32_t(f_.enum_sets.size()));
  if (fresh) f_.enum_sets.push_back(std::move(members));
  return push(Inst{.op = Op::InEnumSet, .type = VType::Bool, .a = a, .extra = it->second,
                   .may_be_unknown = maybe_unknown(a)});
}

ValueId Emitter::matches(ValueId a, const std::string& pattern) {
  auto [it, fresh] = regexes_.try_emplace(pattern, uint32_t(f_.regexes.size()));
  if (fresh) f_.regexes.push_back(pattern);
  return push(Inst{.op = Op::Matches, .type = VType::Bool, .a = a, .extra = it->second,
                   .may_be_unknown = maybe_unknown(a)});
}

ValueId Emitter::call(CallKind k, VType result, const std::vector<ValueId>& args) {
  // Unknown when an argument is, or when its runtime function may say so.
  bool mbu = visit_rt_function(k, [](auto fn, const char*) { return RtSig<decltype(fn)>::may_fail(); });
  for (ValueId a : args) mbu = mbu || maybe_unknown(a);
  uint32_t first = uint32_t(f_.call_args.size());
  f_.call_args.insert(f_.call_args.end(), args.begin(), args.end());
  return push(Inst{.op = Op::Call, .type = result, .a = first, .b = uint32_t(args.size()),
                   .extra = uint32_t(k), .may_be_unknown = mbu});
}

}  // namespace icp::ir
