// icp_score_batch: columnar rows straight into the scorer's engine (the
// JIT-compiled batch function), after checking the views; icp_parse_date.
#include <exception>

#include "capi_internal.h"
#include "icp/rt/dates.h"

extern "C" {

int icp_score_batch(icp_scorer* s, const icp_batch_view* in, const char* as_of,
                    const icp_result_view* out, char** error) {
  using namespace icp;
  if (error) *error = nullptr;
  if (!s || !in || !out) {
    capi::set_out(error, "no scorer, batch or result view given");
    return 1;
  }
  int64_t day = 0;
  if (!capi::parse_as_of(as_of, day)) {
    capi::set_out(error, "as_of is not a date of the form YYYY-MM-DD: " + std::string(as_of));
    return 1;
  }
  const ir::Function& f = s->scorer->function();
  if (out->nrules != f.rules.size()) {
    capi::set_out(error, "result view has nrules " + std::to_string(out->nrules) + ", the profile has " +
                             std::to_string(f.rules.size()) + " rules");
    return 1;
  }
  if (in->rows == 0) return 0;
  if (!out->score || !out->tier || !out->confidence || (f.rules.size() && (!out->state || !out->points))) {
    capi::set_out(error, "result view has a NULL array");
    return 1;
  }
  if (!in->columns && !f.fields.empty()) {
    capi::set_out(error, "batch has no columns");
    return 1;
  }
  for (size_t i = 0; i < f.fields.size(); ++i)
    if (!in->columns[i].data) {
      capi::set_out(error, "column " + std::to_string(i) + " ('" + f.fields[i].name + "') has no data");
      return 1;
    }
  try {
    s->scorer->engine().score(*in, day, *out);
    return 0;
  } catch (const std::exception& e) {
    capi::set_out(error, std::string("internal error: ") + e.what());
    return 1;
  }
}

int icp_parse_date(const char* ymd, int64_t* days) {
  if (!ymd || !days) return 1;
  auto d = icp::rt::parse_iso_date(ymd);
  if (!d) return 1;
  *days = *d;
  return 0;
}

}  // extern "C"
