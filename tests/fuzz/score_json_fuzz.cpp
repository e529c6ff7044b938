// Fuzz target `score_json`: icp_score_json of the C API (libicp.so, the JIT)
// on any record, for every profile of every example model
// (examples/*/model.icp, compiled once).
//
// Properties (each aborts when violated):
//   - icp_score_json returns 0 or 1 and always sets a non-empty result;
//   - on 0 the result is a JSON object with a "score" member;
//   - the reference interpreter (eval::Scorer with EngineKind::Interp, the
//     engine of `icp score --engine interp`) gives the same answer to the
//     byte: the same result JSON, or the same message for an unreadable
//     record. (The JIT and the interpreter must agree to the last bit.)
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eval/scorer.h"
#include "fuzz_common.h"
#include "icp/icp.h"
#include "icp/rt/dates.h"
#include "icp/rt/writers.h"
#include "sema/program.h"

namespace {

constexpr const char* kAsOf = "2026-06-15";

struct ScorerFree {
  void operator()(icp_scorer* s) const { icp_scorer_free(s); }
};

struct Target {
  std::string name;  // model:profile
  std::unique_ptr<icp_scorer, ScorerFree> jit;
  std::unique_ptr<icp::sema::Program> program;  // keeps the interpreter's IR inputs alive
  std::unique_ptr<icp::eval::Scorer> interp;
};

std::vector<Target>& targets() {
  static std::vector<Target> all = [] {
    std::vector<Target> out;
    namespace fs = std::filesystem;
    std::vector<fs::path> models;
    for (const auto& e : fs::directory_iterator(fuzz::env_or("ICP_FUZZ_EXAMPLES", ICP_FUZZ_SOURCE_DIR "/examples")))
      if (fs::exists(e.path() / "model.icp")) models.push_back(e.path() / "model.icp");
    std::sort(models.begin(), models.end());
    for (const auto& m : models) {
      char* errors = nullptr;
      icp_model* model = icp_compile_file(m.c_str(), &errors);
      FUZZ_CHECK(model, "%s does not compile through the C API: %s", m.c_str(), errors ? errors : "");
      icp::sema::CompileOptions opts;
      opts.stdlib_dir = fuzz::env_or("ICP_STDLIB", ICP_FUZZ_SOURCE_DIR "/stdlib");
      for (size_t i = 0; i < icp_model_profile_count(model); ++i) {
        Target t;
        std::string profile = icp_model_profile_name(model, i);
        t.name = m.parent_path().filename().string() + ":" + profile;
        t.jit.reset(icp_scorer_new(model, profile.c_str(), &errors));
        FUZZ_CHECK(t.jit, "%s: no scorer: %s", t.name.c_str(), errors ? errors : "");
        t.program = icp::sema::compile_file(m.string(), opts);
        FUZZ_CHECK(!t.program->diags.has_errors(), "%s does not compile", m.c_str());
        const icp::sema::ProfileInfo* p = t.program->model.find_profile(profile);
        FUZZ_CHECK(p, "%s: no profile %s in the checked model", m.c_str(), profile.c_str());
        std::string err;
        t.interp = icp::eval::Scorer::create(*t.program, *p, icp::eval::EngineKind::Interp, &err);
        FUZZ_CHECK(t.interp, "%s: no interpreter: %s", t.name.c_str(), err.c_str());
        out.push_back(std::move(t));
      }
      icp_model_free(model);
    }
    FUZZ_CHECK(!out.empty(), "no example model found");
    std::fprintf(stderr, "score_json: %zu profiles\n", out.size());
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string record(fuzz::as_text(data, size));
  static const int64_t as_of = *icp::rt::parse_iso_date(kAsOf);
  for (Target& t : targets()) {
    char* out = nullptr;
    int rc = icp_score_json(t.jit.get(), record.data(), record.size(), kAsOf, &out);
    FUZZ_CHECK(rc == 0 || rc == 1, "%s: icp_score_json returned %d", t.name.c_str(), rc);
    FUZZ_CHECK(out && *out, "%s: icp_score_json returned %d without a result", t.name.c_str(), rc);
    std::string jit(out);
    icp_free(out);

    icp::eval::ScoreRun run;
    std::string err;
    bool ok = t.interp->score_json(record, as_of, run, err);
    std::string ref = ok ? icp::rt::result_json(t.interp->result(run), t.interp->info()) : err;
    FUZZ_CHECK((rc == 0) == ok && jit == ref, "%s: the C API (JIT) and the interpreter differ\n--- C API (%d):\n%s\n--- interpreter (%s):\n%s",
               t.name.c_str(), rc, jit.c_str(), ok ? "ok" : "unreadable", ref.c_str());
    if (rc == 0) {
      fuzz::Json j;
      FUZZ_CHECK(fuzz::parse_json(jit, j) == fuzz::JsonStatus::Ok && j.kind == fuzz::Json::Object && j.get("score"),
                 "%s: the result is not a JSON object with a score: %s", t.name.c_str(), jit.c_str());
    }
  }
  return 0;
}
