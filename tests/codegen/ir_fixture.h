// Helpers for the codegen tests: a small builder of ir::Function values, a
// columnar batch with owned storage, and a runner that scores a batch with
// the JIT and the interpreter, requiring identical results.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "codegen/jit.h"
#include "icp/abi.h"
#include "interp/interpreter.h"
#include "ir/engine.h"
#include "ir/ir.h"

namespace icp::test {

using ir::CallKind;
using ir::Op;
using ir::Pred;
using ir::ValueId;
using ir::VType;

struct IrBuilder {
  ir::Function f;

  IrBuilder() { f.name = "T"; }
  uint32_t field(const std::string& name, VType t) {
    f.fields.push_back({name, name, t, true});
    return static_cast<uint32_t>(f.fields.size() - 1);
  }
  ValueId add(ir::Inst i) { return f.add(i); }
  ValueId load(uint32_t fi) { return add({.op = Op::Field, .type = f.fields[fi].type, .extra = fi}); }
  ValueId cb(bool b) { return add({.op = Op::ConstBool, .type = VType::Bool, .imm = b}); }
  ValueId ci(int64_t v) { return add({.op = Op::ConstInt, .type = VType::Int, .imm = v}); }
  ValueId cf(double v) { return add({.op = Op::ConstFloat, .type = VType::Float, .fimm = v}); }
  ValueId cs(const std::string& s) {
    f.strings.push_back(s);
    return add({.op = Op::ConstStr, .type = VType::Str, .extra = uint32_t(f.strings.size() - 1)});
  }
  ValueId cset(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    f.str_sets.push_back(items);
    return add({.op = Op::ConstStrSet, .type = VType::StrSet, .extra = uint32_t(f.str_sets.size() - 1)});
  }
  ValueId missing(VType t) { return add({.op = Op::Missing, .type = t}); }
  ValueId op1(Op op, VType t, ValueId a) { return add({.op = op, .type = t, .a = a}); }
  ValueId op2(Op op, VType t, ValueId a, ValueId b) { return add({.op = op, .type = t, .a = a, .b = b}); }
  ValueId sel(VType t, ValueId a, ValueId b, ValueId c) {
    return add({.op = Op::Select, .type = t, .a = a, .b = b, .c = c});
  }
  ValueId cmp(Pred p, VType operand, ValueId a, ValueId b) {
    return add({.op = Op::Cmp, .type = VType::Bool, .operand = operand, .pred = p, .a = a, .b = b});
  }
  ValueId in_enum(ValueId a, std::vector<bool> bits) {
    f.enum_sets.push_back(std::move(bits));
    return add({.op = Op::InEnumSet, .type = VType::Bool, .a = a, .extra = uint32_t(f.enum_sets.size() - 1)});
  }
  ValueId matches(ValueId a, const std::string& re) {
    f.regexes.push_back(re);
    return add({.op = Op::Matches, .type = VType::Bool, .a = a, .extra = uint32_t(f.regexes.size() - 1)});
  }
  ValueId call(CallKind k, VType t, std::vector<ValueId> args) {
    uint32_t at = uint32_t(f.call_args.size());
    for (ValueId a : args) f.call_args.push_back(a);
    return add({.op = Op::Call, .type = t, .a = at, .b = uint32_t(args.size()), .extra = uint32_t(k)});
  }
  ValueId flt(ValueId a) { return op1(Op::IntToFloat, VType::Float, a); }
  // A signal at profile level (or in `group`) with these points.
  uint32_t signal(const std::string& label, ValueId cond, ValueId points, int group = -1) {
    f.rules.push_back({ir::RuleKind::Signal, label, group, cond, points, {}, {}});
    uint32_t k = uint32_t(f.rules.size() - 1);
    if (group < 0) f.order.push_back({false, k});
    return k;
  }
  uint32_t exclude(const std::string& label, ValueId cond) {
    f.rules.push_back({ir::RuleKind::Exclude, label, -1, cond, ir::kNoValue, {}, {}});
    uint32_t k = uint32_t(f.rules.size() - 1);
    f.order.push_back({false, k});
    return k;
  }
  int group(const std::string& label, std::optional<double> cap = {}) {
    f.groups.push_back({label, cap.has_value(), cap.value_or(0)});
    f.order.push_back({true, uint32_t(f.groups.size() - 1)});
    return int(f.groups.size() - 1);
  }
  // A signal "label" that fires (1 point) when `cond` is true: a probe.
  uint32_t probe(const std::string& label, ValueId cond) { return signal(label, cond, cf(1)); }
  void begin_tiers() { f.tiers_begin = uint32_t(f.insts.size()); }
  void tier(const std::string& name, ValueId cond) { f.tiers.push_back({name, cond, {}}); }
  void finish() {
    if (f.tiers.empty() && f.tiers_begin == 0) f.tiers_begin = uint32_t(f.insts.size());
  }
};

// A cell: missing, or a value of the column's kind.
using Cell = std::variant<std::monostate, bool, int64_t, double, std::string, std::vector<std::string>>;
inline Cell none() { return std::monostate{}; }

class Batch {
 public:
  Batch(const ir::Function& f, const std::vector<std::vector<Cell>>& rows) {
    size_t n = rows.size();
    cols_.resize(f.fields.size());
    for (size_t c = 0; c < f.fields.size(); ++c) {
      Col& col = cols_[c];
      col.valid.assign(n, 0);
      col.ints.assign(n, 0);
      col.dbls.assign(n, 0);
      col.strs.assign(n, icp_str{nullptr, 0});
      col.sets.assign(n, icp_strset{nullptr, 0});
      for (size_t r = 0; r < n; ++r) {
        const Cell& cell = rows[r].at(c);
        if (std::holds_alternative<std::monostate>(cell)) continue;
        col.valid[r] = 1;
        if (auto* b = std::get_if<bool>(&cell)) col.ints[r] = *b;
        if (auto* i = std::get_if<int64_t>(&cell)) col.ints[r] = *i;
        if (auto* d = std::get_if<double>(&cell)) col.dbls[r] = *d;
        if (auto* s = std::get_if<std::string>(&cell)) col.strs[r] = str(*s);
        if (auto* v = std::get_if<std::vector<std::string>>(&cell)) {
          std::vector<std::string> items = *v;
          std::sort(items.begin(), items.end());
          items.erase(std::unique(items.begin(), items.end()), items.end());
          auto& store = items_.emplace_back();
          for (const auto& s : items) store.push_back(str(s));
          col.sets[r] = icp_strset{store.data(), store.size()};
        }
      }
      const void* data = nullptr;
      switch (f.fields[c].type) {
        case VType::Bool:
        case VType::Int: data = col.ints.data(); break;
        case VType::Float: data = col.dbls.data(); break;
        case VType::Str: data = col.strs.data(); break;
        case VType::StrSet: data = col.sets.data(); break;
      }
      columns_.push_back(icp_column{col.valid.data(), data, nullptr, nullptr, 0});
    }
    view_ = icp_batch_view{n, columns_.data()};
  }
  const icp_batch_view& view() const { return view_; }

 private:
  icp_str str(const std::string& s) {
    const std::string& kept = strings_.emplace_back(s);
    return icp_str{kept.data(), kept.size()};
  }
  struct Col {
    std::vector<uint8_t> valid;
    std::vector<int64_t> ints;
    std::vector<double> dbls;
    std::vector<icp_str> strs;
    std::vector<icp_strset> sets;
  };
  std::vector<Col> cols_;
  std::vector<icp_column> columns_;
  std::deque<std::string> strings_;
  std::deque<std::vector<icp_str>> items_;
  icp_batch_view view_{};
};

struct Results {
  size_t rows = 0, nrules = 0;
  std::vector<double> score, confidence, points;
  std::vector<int32_t> tier;
  std::vector<uint8_t> state;
  Results(size_t r, size_t k)
      : rows(r), nrules(k), score(r, -1), confidence(r, -1), points(r * k, -1), tier(r, 99), state(r * k, 99) {}
  icp_result_view view() {
    return icp_result_view{nrules, score.data(), tier.data(), confidence.data(), state.data(), points.data()};
  }
  uint8_t st(size_t r, size_t k) const { return state[r * nrules + k]; }
  double pts(size_t r, size_t k) const { return points[r * nrules + k]; }
  bool operator==(const Results& o) const {
    auto bits_eq = [](const std::vector<double>& a, const std::vector<double>& b) {
      return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
    };
    return bits_eq(score, o.score) && bits_eq(confidence, o.confidence) && bits_eq(points, o.points) &&
           tier == o.tier && state == o.state;
  }
};

inline Results score_with(const ir::Engine& e, const Batch& b, int64_t as_of = 20000) {
  Results res(b.view().rows, e.function().rules.size());
  icp_result_view v = res.view();
  e.score(b.view(), as_of, v);
  return res;
}

// JIT-scores the rows, and checks that the interpreter produces
// bit-identical results.
inline Results run(IrBuilder& ib, const std::vector<std::vector<Cell>>& rows, int64_t as_of = 20000) {
  ib.finish();
  std::string err;
  auto jit = codegen::make_jit(ib.f, &err);
  EXPECT_TRUE(jit) << err;
  Batch b(ib.f, rows);
  if (!jit) return Results(rows.size(), ib.f.rules.size());
  Results r = score_with(*jit, b, as_of);
  // The same function split into one LLVM function per instruction, rule
  // tail and score step (each value passed on through the scratch slots),
  // and compiled with the light pipeline: the code large profiles get.
  for (codegen::OptTier tier : {codegen::OptTier::Full, codegen::OptTier::Light}) {
    codegen::CodegenOptions split;
    split.segment_cost = 1;
    split.tier = tier;
    auto jit_split = codegen::make_jit(ib.f, &err, split);
    EXPECT_TRUE(jit_split) << err;
    if (jit_split) {
      EXPECT_TRUE(score_with(*jit_split, b, as_of) == r) << "split JIT disagrees";
    }
  }
  auto interp = interp::make_interpreter(ib.f);
  Results ri = score_with(*interp, b, as_of);
  EXPECT_TRUE(r == ri) << "JIT and interpreter disagree";
  return r;
}

inline constexpr uint8_t T = ICP_RULE_TRUE, F = ICP_RULE_FALSE, U = ICP_RULE_UNKNOWN;

}  // namespace icp::test
