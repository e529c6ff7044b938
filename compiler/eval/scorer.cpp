// Scoring sessions. See scorer.h.
#include "eval/scorer.h"

#include "eval/batch_view.h"
#include "eval/runtime_schema.h"
#include "icp/rt/record_json.h"
#include "ir/lower.h"

namespace icp::eval {

rt::ProfileInfo profile_info(const ir::Function& f) {
  rt::ProfileInfo p;
  p.name = f.name;
  for (const ir::Rule& r : f.rules) {
    rt::RuleInfo ri;
    ri.label = r.label;
    ri.kind = r.kind == ir::RuleKind::Exclude  ? rt::RuleKind::Exclude
              : r.kind == ir::RuleKind::Signal ? rt::RuleKind::Signal
                                               : rt::RuleKind::Trigger;
    ri.group = r.group;
    p.rules.push_back(ri);
  }
  for (const ir::Group& g : f.groups) p.groups.push_back(g.label);
  for (const ir::Tier& t : f.tiers) p.tiers.push_back(t.name);
  return p;
}

std::unique_ptr<Scorer> Scorer::create(const sema::Program& program, const sema::ProfileInfo& profile,
                                       EngineKind kind, std::string* error) {
  std::unique_ptr<Scorer> s(new Scorer());
  try {
    s->fn_ = std::make_unique<ir::Function>(ir::lower_profile(program, profile));
  } catch (const ir::LowerError& e) {
    if (error) *error = e.what();
    return nullptr;
  }
  s->engine_ = make_engine(kind, *s->fn_, error);
  if (!s->engine_) return nullptr;
  s->sema_schema_ = program.model.schemas.at(size_t(profile.schema));
  s->schema_ = runtime_schema(program.model, s->sema_schema_);
  s->info_ = profile_info(*s->fn_);
  return s;
}

void Scorer::score(const rt::Batch& batch, int64_t as_of, rt::ResultBatch& out) const {
  out.reset(batch.rows, fn_->rules.size());
  if (batch.rows == 0) return;
  BatchView view(batch);
  engine_->score(view.view(), as_of, result_view(out));
}

bool Scorer::score_json(std::string_view json, int64_t as_of, ScoreRun& run, std::string& error,
                        const rt::ReadOptions& opts, std::vector<std::string>* unread_keys) const {
  run.batch.reset(*schema_);
  if (!rt::append_record_json(json, *schema_, opts, run.batch, error, unread_keys)) return false;
  score(run.batch, as_of, run.results);
  return true;
}

void Scorer::score_record(const rt::Record& rec, int64_t as_of, ScoreRun& run) const {
  run.batch.reset(*schema_);
  run.batch.append_record(rec, 1, 1);
  score(run.batch, as_of, run.results);
}

}  // namespace icp::eval
