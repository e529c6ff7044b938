// `icp explain MODEL --record JSON [--profile NAME] [--as-of DATE]
//  [--format text|json] [--engine jit|interp]`: scores one record and
// prints every rule's outcome (and, when unknown, the missing fields it
// reads), its points, group subtotals and caps, and the tier decision.
// `--record @FILE` reads the JSON from a file, `--record -` from stdin.
// Keys of the record that no field reads are named in a warning each, with
// the field they probably meant.
#include <fstream>
#include <iostream>
#include <memory>

#include "driver/cli.h"
#include "driver/scoring_common.h"
#include "eval/explain.h"
#include "icp/json.h"
#include "icp/rt/reader.h"
#include "icp/rt/schema.h"

namespace icp::driver {

namespace {

struct ExplainOptions {
  std::string model, record, profile, as_of;
  OutputFormat format = OutputFormat::Text;
  eval::EngineKind engine = eval::EngineKind::Interp;
};

// Reads at most the record limit (and a line ending) and a byte more, so
// that `--record @/dev/zero` or an endless stdin ends: what is over the
// limit is refused by run_explain, as `score` rejects such a line.
bool read_bounded(std::istream& in, std::string& out) {
  const size_t cap = rt::kMaxRecordBytes + 3;
  out.resize(cap);
  in.read(out.data(), std::streamsize(cap));
  out.resize(size_t(in.gcount()));
  return !in.bad();
}

bool read_record(const std::string& arg, std::string& out) {
  if (arg == "-") return read_bounded(std::cin, out);
  if (arg.size() > 1 && arg[0] == '@') {
    std::ifstream in(arg.substr(1), std::ios::binary);
    return in && read_bounded(in, out);
  }
  out = arg;
  return true;
}

int run_explain(const ExplainOptions& opt) {
  auto as_of = parse_as_of(opt.as_of);
  if (!as_of) return kExitUsage;
  std::string json;
  if (!read_record(opt.record, json)) return usage_error("cannot read '" + opt.record.substr(1) + "'");
  // The limit of an NDJSON line (docs/limits.md), without a line ending.
  std::string_view text = json;
  if (text.ends_with('\n')) text.remove_suffix(text.ends_with("\r\n") ? 2 : 1);
  if (text.size() > rt::kMaxRecordBytes) {
    std::cerr << "icp: error: the record cannot be read: it is longer than " << rt::kMaxRecordBytes
              << " bytes, the limit of a record\n";
    return kExitFailed;
  }
  int code = kExitOk;
  std::unique_ptr<sema::Program> program;
  auto scorer = load_scorer(opt.model, opt.profile, opt.engine, &code, &program);
  if (!scorer) return code;
  std::string error;
  eval::ScoreRun run;
  std::vector<std::string> unread;
  bool ok = scorer->score_json(json, *as_of, run, error, {}, &unread);
  // Keys no field reads (TOOLS.md 0.2): a misspelt key would otherwise read
  // as a missing value without a word.
  for (const auto& k : unread) {
    std::string hint = rt::unread_key_hint(k, scorer->schema());
    std::cerr << "icp: warning: no field of schema '" << scorer->schema().name << "' reads the record's key "
              << json::quote(k) << (hint.empty() ? "" : "; " + hint) << "\n";
  }
  if (!ok) {
    std::cerr << "icp: error: the record cannot be read: " << error << "\n";
    return kExitFailed;
  }
  eval::Explanation e = eval::explain(*scorer, run, *as_of, &program->sources);
  std::cout << (opt.format == OutputFormat::Json ? eval::explain_json(e) : eval::explain_text(e));
  return kExitOk;
}

}  // namespace

Command setup_explain(CLI::App& icp) {
  auto opt = std::make_shared<ExplainOptions>();
  CLI::App* sub = icp.add_subcommand("explain", "Explain the score of one record");
  sub->add_option("model", opt->model, "The .icp model")->required()->type_name("MODEL.icp");
  sub->add_option("--record", opt->record, "The record as a JSON object (@FILE reads a file, - stdin)")
      ->required()
      ->type_name("JSON");
  sub->add_option("--profile", opt->profile, "The profile or persona (required when there are several)");
  sub->add_option("--as-of", opt->as_of, "The scoring date (default: today, UTC)")->type_name("YYYY-MM-DD");
  sub->add_option_function<std::string>(
         "--format", [opt](const std::string& v) { opt->format = v == "json" ? OutputFormat::Json : OutputFormat::Text; },
         "Human-readable text or one JSON object")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
  add_engine_option(*sub, opt->engine);
  add_import_root_option(*sub);
  return {sub, [opt] { return run_explain(*opt); }};
}

}  // namespace icp::driver
