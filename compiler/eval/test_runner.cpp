// The test runner. See test_runner.h.
#include "eval/test_runner.h"

#include <cmath>
#include <map>
#include <memory>
#include <variant>

#include "eval/given.h"
#include "eval/scorer.h"
#include "icp/rt/dates.h"
#include "icp/rt/jsnum.h"

namespace icp::eval {

namespace {

std::optional<double> number_of(const sema::SemanticModel& m, const ast::Expr* e) {
  if (!e) return std::nullopt;
  if (const sema::ConstValue* c = m.constant_of(e->id)) {
    if (auto* i = std::get_if<int64_t>(c)) return double(*i);
    if (auto* d = std::get_if<double>(c)) return *d;
  }
  if (auto* i = e->as<ast::IntLit>()) return double(i->value);
  if (auto* f = e->as<ast::FloatLit>()) return f->value;
  if (auto* u = e->as<ast::UnaryExpr>(); u && u->op == ast::UnaryOp::Neg)
    if (auto v = number_of(m, u->operand.get())) return -*v;
  return std::nullopt;
}

bool holds(ast::CmpOp op, double actual, double want) {
  constexpr double kEps = 1e-9;
  switch (op) {
    case ast::CmpOp::Eq: return std::fabs(actual - want) <= kEps;
    case ast::CmpOp::Ne: return std::fabs(actual - want) > kEps;
    case ast::CmpOp::Lt: return actual < want;
    case ast::CmpOp::Le: return actual <= want;
    case ast::CmpOp::Gt: return actual > want;
    case ast::CmpOp::Ge: return actual >= want;
  }
  return false;
}

std::string label_list(const rt::ProfileInfo& p, const std::vector<uint32_t>& rules) {
  std::string s = "[";
  for (uint32_t k : rules) s += (s.size() > 1 ? ", \"" : "\"") + p.rules[k].label + "\"";
  return s + "]";
}

std::string fired_list(const rt::ProfileInfo& p, const rt::ScoreResult& r) {
  std::vector<uint32_t> ks;
  for (const auto& f : r.fired) ks.push_back(f.rule);
  return label_list(p, ks);
}

std::string source_text(const sema::Program& prog, const SourceRange& r) {
  if (!r.valid() || r.file >= prog.sources.size()) return "expect";
  const std::string& text = prog.sources.file(r.file).text();
  if (r.end > text.size() || r.begin > r.end) return "expect";
  return text.substr(r.begin, r.end - r.begin);
}

// The actual value when `e` does not hold, or nullopt when it does.
std::optional<std::string> check(const sema::SemanticModel& m, const ast::Expect& e, const rt::ProfileInfo& p,
                                 const rt::ScoreResult& r) {
  auto has_label = [&](const std::vector<uint32_t>& ks) {
    for (uint32_t k : ks)
      if (p.rules[k].label == e.label.value) return true;
    return false;
  };
  using K = ast::ExpectKind;
  switch (e.kind) {
    case K::Tier: {
      const std::string& tier = rt::tier_name(p, r.tier);
      bool eq = tier == e.tier.name;
      bool ok = (e.op == ast::CmpOp::Ne) ? !eq : eq;
      if (e.negated) ok = !ok;
      if (ok) return std::nullopt;
      return "tier is " + tier;
    }
    case K::Score:
    case K::Confidence: {
      double actual = e.kind == K::Score ? r.score : r.confidence;
      auto want = number_of(m, e.value.get());
      if (!want) return "the expected value is not a number";
      bool ok = holds(e.op, actual, *want) != e.negated;
      if (ok) return std::nullopt;
      return std::string(e.kind == K::Score ? "score is " : "confidence is ") + rt::format_js_number(actual);
    }
    case K::Fired: {
      bool fired = false;
      for (const auto& f : r.fired) fired = fired || p.rules[f.rule].label == e.label.value;
      if (fired != e.negated) return std::nullopt;
      return "fired " + fired_list(p, r);
    }
    case K::Points: {
      for (const auto& f : r.fired) {
        if (p.rules[f.rule].label != e.label.value) continue;
        auto want = number_of(m, e.value.get());
        if (!want) return "the expected value is not a number";
        if (holds(e.op, f.points, *want) != e.negated) return std::nullopt;
        return "points are " + rt::format_js_number(f.points);
      }
      return "\"" + e.label.value + "\" did not fire (fired " + fired_list(p, r) + ")";
    }
    case K::Unknown:
      if (has_label(r.unknown) != e.negated) return std::nullopt;
      return "unknown " + label_list(p, r.unknown);
    case K::ExcludedBy:
      if (has_label(r.excluded_by) != e.negated) return std::nullopt;
      return "excluded_by " + label_list(p, r.excluded_by);
    case K::Excluded:
      if (!r.excluded_by.empty() != e.negated) return std::nullopt;
      return "excluded_by " + label_list(p, r.excluded_by);
  }
  return std::nullopt;
}

std::optional<int64_t> test_as_of(const sema::SemanticModel& m, const ast::TestDecl& t) {
  if (!t.as_of) return std::nullopt;
  if (const sema::ConstValue* c = m.constant_of(t.as_of->id))
    if (auto* d = std::get_if<sema::DateValue>(c)) return d->days;
  if (auto* d = t.as_of->as<ast::DateLit>()) return d->days;
  return std::nullopt;
}

}  // namespace

std::vector<TestOutcome> run_tests(const sema::Program& program, EngineKind engine, std::string* error) {
  std::vector<TestOutcome> out;
  const ast::Module* mod = program.main_module();
  if (!mod) return out;
  const sema::SemanticModel& m = program.model;
  std::map<const sema::ProfileInfo*, std::unique_ptr<Scorer>> scorers;
  int64_t today = rt::today_utc();
  for (const auto& decl : mod->decls) {
    const auto* t = decl->as<ast::TestDecl>();
    if (!t) continue;
    TestOutcome outcome;
    outcome.test = t;
    const sema::ProfileInfo* profile = m.find_profile(t->profile.name);
    if (!profile && m.profiles.size() == 1 && t->profile.empty()) profile = &m.profiles[0];
    if (!profile) {
      outcome.failures.push_back({t->range, "profile " + t->profile.name, "no such profile"});
      out.push_back(std::move(outcome));
      continue;
    }
    auto& scorer = scorers[profile];
    if (!scorer) {
      scorer = Scorer::create(program, *profile, engine, error);
      if (!scorer) return out;
    }
    rt::Record rec;
    std::string why;
    if (!given_record(m, scorer->schema_info(), *t, rec, &why)) {
      outcome.failures.push_back({t->given_range.value_or(t->range), "given", why});
      out.push_back(std::move(outcome));
      continue;
    }
    ScoreRun run;
    scorer->score_record(rec, test_as_of(m, *t).value_or(today), run);
    rt::ScoreResult result = scorer->result(run);
    for (const ast::Expect& e : t->expects)
      if (auto actual = check(m, e, scorer->info(), result))
        outcome.failures.push_back({e.range, source_text(program, e.range), *actual});
    out.push_back(std::move(outcome));
  }
  return out;
}

}  // namespace icp::eval
