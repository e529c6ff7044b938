// `icp score MODEL INPUT [options]` (TOOLS.md): reads CSV or NDJSON with the
// runtime's readers, scores every readable row with the chosen engine, and
// writes one output row per scored input row in input order; rejected rows
// go to the rejects file. Ends with `scored N rows, rejected M` on stderr.
// Exit 1 when a row was rejected. (Single-threaded for now: --threads is
// accepted and ignored.)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "driver/cli.h"
#include "driver/scoring_common.h"
#include "eval/scorer.h"
#include "icp/rt/reader.h"
#include "icp/rt/writers.h"

namespace icp::driver {

namespace {

struct ScoreOptions {
  std::string model, input, profile, as_of, output, format, rejects, input_format, list_sep = ";",
      delimiter, date_format = "ymd";
  std::vector<std::string> keep;
  bool lenient = false;
  int threads = 0;
  eval::EngineKind engine = eval::EngineKind::Interp;
};

// Writes text to a file or stdout.
class Output {
 public:
  bool open(const std::string& path) {
    if (path.empty() || path == "-") return true;
    file_.open(path, std::ios::binary | std::ios::trunc);
    return bool(file_);
  }
  void write(const std::string& s) { (file_.is_open() ? static_cast<std::ostream&>(file_) : std::cout) << s; }
  bool close() {
    if (!file_.is_open()) return bool(std::cout.flush());
    file_.close();
    return !file_.fail();
  }

 private:
  std::ofstream file_;
};

int run_score(const ScoreOptions& opt) {
  static const char* const kResultNames[] = {"row", "score", "tier", "excluded_by", "fired", "unknown", "confidence"};
  for (const auto& k : opt.keep)
    for (const char* r : kResultNames)
      if (k == r) return usage_error("--keep: '" + k + "' is a result column");
  bool is_stdin = opt.input == "-";
  rt::InputFormat in_format;
  if (!opt.input_format.empty()) {
    in_format = opt.input_format == "csv" ? rt::InputFormat::Csv : rt::InputFormat::Ndjson;
  } else if (auto f = rt::input_format_for(opt.input)) {
    in_format = *f;
  } else {
    return usage_error("cannot tell the format of '" + opt.input + "' (use --input-format csv|ndjson)");
  }
  bool ndjson_out = opt.format.empty() ? in_format == rt::InputFormat::Ndjson : opt.format == "ndjson";
  rt::ReadOptions ro;
  ro.lenient = opt.lenient;
  ro.list_sep = opt.list_sep;
  ro.delimiter = opt.delimiter.empty() ? rt::default_delimiter_for(opt.input)
                 : opt.delimiter == "\\t" ? '\t'
                                          : opt.delimiter[0];
  if (auto df = rt::parse_date_format(opt.date_format)) ro.date_format = *df;
  else return usage_error("--date-format: expected ymd, mdy or dmy");
  auto as_of = parse_as_of(opt.as_of);
  if (!as_of) return kExitUsage;

  int code = kExitOk;
  std::unique_ptr<sema::Program> program = load_checked(opt.model, &code);
  if (!program) return code;
  const sema::ProfileInfo* profile = pick_profile(*program, opt.profile);
  if (!profile) return kExitUsage;
  std::string error;
  std::unique_ptr<eval::Scorer> scorer = eval::Scorer::create(*program, *profile, opt.engine, &error);
  if (!scorer) {
    std::cerr << "icp: internal error: " << error << "\n";
    return kExitInternal;
  }

  std::unique_ptr<rt::ByteSource> bytes = rt::open_file(opt.input, error);
  if (!bytes) return usage_error(error);
  std::unique_ptr<rt::RowSource> src =
      in_format == rt::InputFormat::Csv ? rt::open_csv(std::move(bytes), scorer->schema(), ro, opt.keep, error)
                                        : rt::open_ndjson(std::move(bytes), scorer->schema(), ro, opt.keep, error);
  if (!src) {
    std::cerr << "icp: error: " << opt.input << ": " << error << "\n";
    return kExitFailed;
  }
  for (const auto& w : src->warnings()) std::cerr << "icp: warning: " << opt.input << ": " << w << "\n";

  Output out;
  if (!out.open(opt.output)) return usage_error("cannot write '" + opt.output + "'");
  std::string rejects_path = !opt.rejects.empty() ? opt.rejects
                             : is_stdin           ? std::string("rejects.csv")
                                                  : opt.input + ".rejects.csv";
  Output rejects;
  bool rejects_open = false;

  std::string text;
  if (!ndjson_out) rt::append_csv_result_header(text, opt.keep);
  rt::Batch batch;
  rt::ResultBatch results;
  std::vector<rt::Reject> rejected;
  int64_t scored = 0, nrejected = 0;
  while (src->next_chunk(batch, rejected, 4096)) {
    scorer->score(batch, *as_of, results);
    for (size_t r = 0; r < batch.rows; ++r) {
      rt::ScoreResult res = results.row(r, scorer->info());
      if (ndjson_out) rt::append_ndjson_result(text, batch, r, res, scorer->info());
      else rt::append_csv_result(text, batch, r, res, scorer->info());
    }
    scored += int64_t(batch.rows);
    out.write(text);
    text.clear();
    if (!rejected.empty()) {
      std::string rej;
      if (!rejects_open) {
        if (!rejects.open(rejects_path)) return usage_error("cannot write '" + rejects_path + "'");
        rejects_open = true;
        rt::append_rejects_header(rej, src->reject_header());
      }
      for (const rt::Reject& x : rejected) rt::append_reject(rej, x);
      nrejected += int64_t(rejected.size());
      rejects.write(rej);
      rejected.clear();
    }
  }
  out.write(text);
  if (!out.close()) return usage_error("cannot write '" + opt.output + "'");
  if (rejects_open) rejects.close();
  std::cerr << "scored " << scored << " rows, rejected " << nrejected << "\n";
  if (src->lenient_count() > 0)
    std::cerr << "read " << src->lenient_count() << " unreadable values as missing (--lenient)\n";
  return nrejected > 0 ? kExitFailed : kExitOk;
}

}  // namespace

Command setup_score(CLI::App& icp) {
  auto opt = std::make_shared<ScoreOptions>();
  CLI::App* sub = icp.add_subcommand("score", "Score every row of a CSV or NDJSON file against a profile");
  sub->add_option("model", opt->model, "The .icp model")->required()->type_name("MODEL.icp");
  sub->add_option("input", opt->input, "The input (.csv, .tsv, .ndjson, .jsonl, or - for stdin)")
      ->required()
      ->type_name("INPUT");
  sub->add_option("--profile", opt->profile, "The profile or persona (required when there are several)");
  sub->add_option("--as-of", opt->as_of, "The scoring date (default: today, UTC)")->type_name("YYYY-MM-DD");
  sub->add_option("-o,--output", opt->output, "Output file (default: stdout)")->type_name("FILE");
  sub->add_option("--format", opt->format, "Output format (default: that of the input)")
      ->check(CLI::IsMember({"csv", "ndjson"}))
      ->type_name("csv|ndjson");
  sub->add_option("--input-format", opt->input_format, "Input format (for stdin)")
      ->check(CLI::IsMember({"csv", "ndjson"}))
      ->type_name("csv|ndjson");
  sub->add_option("--keep", opt->keep, "Input columns copied to the output")->delimiter(',')->type_name("COL,COL");
  sub->add_option("--rejects", opt->rejects, "Where rejected rows go (default: INPUT.rejects.csv)")
      ->type_name("FILE");
  sub->add_flag("--lenient", opt->lenient, "Read unreadable values of optional fields as missing");
  sub->add_option("--list-sep", opt->list_sep, "Separator of set<string> cells in CSV (default ;)")->type_name("C");
  sub->add_option("--delimiter", opt->delimiter, "CSV field separator (default , ; tab for .tsv)")->type_name("C");
  sub->add_option("--date-format", opt->date_format, "How dates with slashes are read")
      ->check(CLI::IsMember({"ymd", "mdy", "dmy"}))
      ->type_name("ymd|mdy|dmy");
  sub->add_option("--threads", opt->threads, "Worker threads (default: all cores)")->type_name("N");
  add_engine_option(*sub, opt->engine);
  return {sub, [opt] { return run_score(*opt); }};
}

}  // namespace icp::driver
