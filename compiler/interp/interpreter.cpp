// The reference interpreter: evaluates a profile's IR row by row and scores
// each row in exactly the order ir.h states (rules, then `order` for the
// score, confidence, then tiers). Thread-safe: all per-call state is local,
// and runtime contexts (arena + compiled regexes) come from a locked pool.
#include "interp/interpreter.h"

#include <memory>
#include <mutex>
#include <vector>

#include "icp/rt_calls.h"
#include "interp/eval_inst.h"

namespace icp::interp {

namespace {

using ir::Engine;
using ir::Function;
using ir::Group;
using ir::OrderEntry;
using ir::Rule;
using ir::RuleKind;

class Interpreter final : public Engine {
 public:
  explicit Interpreter(const Function& f) : f_(f) {
    for (const auto& p : f.regexes) patterns_.push_back(p.c_str());
    for (const auto& set : f.str_sets) {
      std::vector<icp_str> items;
      for (const auto& s : set) items.push_back(icp_str{s.data(), s.size()});
      set_items_.push_back(std::move(items));
    }
    for (const auto& items : set_items_) sets_.push_back(icp_strset{items.data(), items.size()});
    group_rules_.resize(f.groups.size());
    for (size_t k = 0; k < f.rules.size(); ++k)
      if (f.rules[k].group >= 0 && f.rules[k].kind != RuleKind::Exclude)
        group_rules_.at(size_t(f.rules[k].group)).push_back(uint32_t(k));
  }
  ~Interpreter() override {
    for (icp_rt_ctx* c : pool_) icp_rt_ctx_free(c);
  }

  const Function& function() const override { return f_; }

  void score(const icp_batch_view& in, int64_t as_of, const icp_result_view& out) const override {
    icp_rt_ctx* rt = acquire();
    std::vector<Val> vals(f_.insts.size());
    RowEnv env;
    env.in = &in;
    env.as_of = as_of;
    env.rt = rt;
    env.const_sets = sets_.data();
    for (uint64_t r = 0; r < in.rows; ++r) {
      env.row = r;
      score_row(vals.data(), env, out);
    }
    release(rt);
  }

 private:
  void score_row(Val* vals, RowEnv& env, const icp_result_view& out) const {
    uint32_t n = uint32_t(f_.insts.size());
    for (uint32_t v = 0; v < f_.tiers_begin && v < n; ++v) vals[v] = interp::eval_inst(f_, f_.insts[v], vals, env);

    // Rule states and contributions.
    size_t nrules = f_.rules.size();
    uint64_t base = env.row * out.nrules;
    bool excluded = false;
    uint64_t scored = 0, known = 0;
    for (size_t k = 0; k < nrules; ++k) {
      const Rule& rule = f_.rules[k];
      const Val& c = vals[rule.cond];
      uint8_t state = ICP_RULE_UNKNOWN;
      double pts = 0;
      if (c.known && !c.i) {
        state = ICP_RULE_FALSE;
      } else if (c.known) {
        if (rule.kind == RuleKind::Exclude) {
          state = ICP_RULE_TRUE;
        } else if (vals[rule.points].known) {
          state = ICP_RULE_TRUE;
          pts = vals[rule.points].f;
        }
      }
      if (rule.kind == RuleKind::Exclude) {
        excluded = excluded || state == ICP_RULE_TRUE;
      } else {
        ++scored;
        if (state != ICP_RULE_UNKNOWN) ++known;
      }
      out.state[base + k] = state;
      out.points[base + k] = pts;
    }

    // Score: in `order`; a group adds its (capped) subtotal.
    double score = 0.0;
    for (const OrderEntry& e : f_.order) {
      if (!e.is_group) {
        score += out.points[base + e.index];
        continue;
      }
      double sub = 0.0;
      for (uint32_t k : group_rules_[e.index]) sub += out.points[base + k];
      const Group& g = f_.groups[e.index];
      if (g.has_cap && g.cap < sub) sub = g.cap;
      score += sub;
    }
    double confidence = scored == 0 ? 1.0 : double(known) / double(scored);

    // Tiers.
    env.score = score;
    env.confidence = confidence;
    for (uint32_t v = f_.tiers_begin; v < n; ++v) vals[v] = interp::eval_inst(f_, f_.insts[v], vals, env);
    int32_t tier = ICP_TIER_OUT;
    if (excluded) {
      tier = ICP_TIER_EXCLUDED;
    } else {
      for (size_t t = 0; t < f_.tiers.size(); ++t) {
        const Val& c = vals[f_.tiers[t].cond];
        if (c.known && c.i) {
          tier = int32_t(t);
          break;
        }
      }
    }
    out.score[env.row] = score;
    out.confidence[env.row] = confidence;
    out.tier[env.row] = tier;
  }

  icp_rt_ctx* acquire() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        icp_rt_ctx* c = pool_.back();
        pool_.pop_back();
        return c;
      }
    }
    return icp_rt_ctx_new(patterns_.data(), uint32_t(patterns_.size()));
  }
  void release(icp_rt_ctx* c) const {
    icp_rt_ctx_reset(c);
    std::lock_guard<std::mutex> lock(mu_);
    pool_.push_back(c);
  }

  const Function& f_;
  std::vector<const char*> patterns_;
  std::vector<std::vector<icp_str>> set_items_;
  std::vector<icp_strset> sets_;
  std::vector<std::vector<uint32_t>> group_rules_;  // per group: its scored rules, in source order
  mutable std::mutex mu_;
  mutable std::vector<icp_rt_ctx*> pool_;
};

}  // namespace

std::unique_ptr<ir::Engine> make_interpreter(const ir::Function& f) { return std::make_unique<Interpreter>(f); }

}  // namespace icp::interp
