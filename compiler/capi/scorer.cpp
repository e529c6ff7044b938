// icp_scorer_new / icp_scorer_free / icp_score_json: an eval::Scorer (the
// same session the CLI uses: lowering, the JIT, JSON record reading per
// LANGUAGE.md section 8, NDJSON-shaped results).
#include <exception>

#include "capi_internal.h"
#include "eval/runtime_schema.h"
#include "icp/rt/dates.h"
#include "icp/rt/name_list.h"
#include "icp/rt/writers.h"

namespace icp::capi {

bool parse_as_of(const char* as_of, int64_t& days) {
  if (!as_of) {
    days = rt::today_utc();
    return true;
  }
  auto d = rt::parse_iso_date(as_of);
  if (!d) return false;
  days = *d;
  return true;
}

namespace {

icp_field_kind kind_of(const sema::Type& t) {
  switch (t.kind) {
    case sema::TypeKind::Bool: return ICP_FIELD_BOOL;
    case sema::TypeKind::Int: return ICP_FIELD_INT;
    case sema::TypeKind::Float: return ICP_FIELD_FLOAT;
    case sema::TypeKind::Date: return ICP_FIELD_DATE;
    case sema::TypeKind::Duration: return ICP_FIELD_DURATION;
    case sema::TypeKind::StringSet: return ICP_FIELD_STRING_SET;
    case sema::TypeKind::Enum: return ICP_FIELD_ENUM;
    default: return ICP_FIELD_STRING;
  }
}

}  // namespace
}  // namespace icp::capi

extern "C" {

icp_scorer* icp_scorer_new(icp_model* m, const char* profile, char** errors) {
  using namespace icp;
  if (errors) *errors = nullptr;
  if (!m) {
    capi::set_out(errors, "error: no model given");
    return nullptr;
  }
  const sema::SemanticModel& model = m->program->model;
  const sema::ProfileInfo* p = nullptr;
  if (profile) {
    p = model.find_profile(profile);
    if (!p) {
      std::string msg = "error: no profile or persona named '" + std::string(profile) + "'";
      if (!m->profiles.empty()) {
        msg += " (the model has: " + rt::name_list(m->profiles) + ")";
      }
      capi::set_out(errors, msg);
      return nullptr;
    }
  } else if (model.profiles.size() == 1) {
    p = &model.profiles[0];
  } else {
    capi::set_out(errors, model.profiles.empty()
                              ? "error: the model has no profile or persona"
                              : "error: the model has several profiles: name one");
    return nullptr;
  }
  if (p->schema < 0) {
    capi::set_out(errors, "error: profile '" + p->name + "' has no schema");
    return nullptr;
  }
  try {
    std::string err;
    auto sc = eval::Scorer::create(*m->program, *p, eval::default_engine_kind(), &err);
    if (!sc) {
      capi::set_out(errors, "error: cannot compile profile '" + p->name + "': " + err);
      return nullptr;
    }
    auto* s = new icp_scorer();
    s->program = m->program;
    s->profile = p->name;
    const sema::SchemaInfo& schema = model.schemas.at(size_t(p->schema));
    for (const auto& f : schema.fields) {
      s->kinds.push_back(capi::kind_of(f.type));
      std::vector<std::string> members;
      if (f.type.kind == sema::TypeKind::Enum) members = model.enum_info(f.type.enum_id).members;
      s->enum_members.push_back(std::move(members));
    }
    s->scorer = std::move(sc);
    for (const auto& r : s->scorer->function().rules)
      s->rule_groups.push_back(r.group >= 0 ? s->scorer->function().groups.at(size_t(r.group)).label.c_str()
                                            : nullptr);
    return s;
  } catch (const std::exception& e) {
    capi::set_out(errors, std::string("internal error: ") + e.what());
    return nullptr;
  }
}

void icp_scorer_free(icp_scorer* s) { delete s; }

int icp_score_json(icp_scorer* s, const char* record, size_t len, const char* as_of, char** result) {
  using namespace icp;
  if (result) *result = nullptr;
  if (!s || (!record && len)) {
    capi::set_out(result, "no scorer or record given");
    return 1;
  }
  int64_t day = 0;
  if (!capi::parse_as_of(as_of, day)) {
    capi::set_out(result, "as_of is not a date of the form YYYY-MM-DD: " + std::string(as_of));
    return 1;
  }
  try {
    eval::ScoreRun run;
    std::string err;
    if (!s->scorer->score_json(std::string_view(record ? record : "", len), day, run, err)) {
      capi::set_out(result, err);
      return 1;
    }
    capi::set_out(result, rt::result_json(s->scorer->result(run), s->scorer->info()));
    return 0;
  } catch (const std::exception& e) {
    capi::set_out(result, std::string("internal error: ") + e.what());
    return 1;
  }
}

}  // extern "C"
