// `icp score MODEL INPUT [options]` (TOOLS.md): reads CSV or NDJSON with the
// runtime's readers, scores chunks of rows on worker threads with the chosen
// engine, and writes one output row per scored input row in input order
// (score_pipeline.h); rejected rows go to the rejects file, created only
// when there is one. Ends with the summary of score_summary.h on stderr.
// Exit 1 when a row was rejected or the header lacks a required column.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "driver/cli.h"
#include "driver/output_file.h"
#include "driver/score_options.h"
#include "driver/score_output.h"
#include "driver/score_pipeline.h"
#include "driver/score_progress.h"
#include "driver/score_summary.h"
#include "driver/scoring_common.h"
#include "eval/scorer.h"
#include "icp/rt/reader.h"
#include "icp/rt/writers.h"

namespace icp::driver {

namespace {

using Clock = std::chrono::steady_clock;

// Writes chunks in order: results, rejects, tally, progress. Stops the run
// at the first failed write (a full disk): scoring on is wasted work.
class Writer : public ChunkConsumer {
 public:
  Writer(OutputFile& out, RejectsFile& rejects, ScoreTally& tally, Progress& progress,
         const std::atomic<uint64_t>& bytes_read)
      : out_(out), rejects_(rejects), tally_(tally), progress_(progress), bytes_(bytes_read) {}

  bool consume(const ScoredChunk& c) override {
    out_.write(c.text);
    if (out_.failed() || !rejects_.write(c.rejects_text)) return false;
    tally_.merge(c.tally);
    return true;
  }
  void idle() override { progress_.update(tally_.scored + tally_.rejected, bytes_.load(std::memory_order_relaxed)); }

 private:
  OutputFile& out_;
  RejectsFile& rejects_;
  ScoreTally& tally_;
  Progress& progress_;
  const std::atomic<uint64_t>& bytes_;
};

// A write failed: nothing is left under the outputs' names (TOOLS.md, exit 4).
int write_failed(OutputFile& out, RejectsFile& rejects) {
  const OutputFile& bad = out.failed() ? out : rejects.file();
  std::cerr << "icp: error: " << bad.error() << "\n";
  if (bad.replaces())
    std::cerr << "icp: nothing was written under the output's name; an existing file there is unchanged\n";
  out.discard();
  rejects.discard();
  return kExitEnvironment;
}

double secs(int64_t ns) { return double(ns) / 1e9; }

void print_stats(const PhaseTimes& t, double wall, double setup, const ScoreTally& tally, uint64_t bytes,
                 int workers) {
  std::fprintf(stderr,
               "stats: wall_s=%.3f setup_s=%.3f read_s=%.3f score_s=%.3f format_s=%.3f write_s=%.3f "
               "reader_stall_s=%.3f writer_stall_s=%.3f rows=%lld bytes=%llu workers=%d\n",
               wall, setup, secs(t.read), secs(t.score), secs(t.format), secs(t.write), secs(t.reader_stall),
               secs(t.consumer_stall), static_cast<long long>(tally.scored + tally.rejected),
               static_cast<unsigned long long>(bytes), workers);
}

int run_score(const ScoreOptions& opt) {
  const auto start = Clock::now();
  ScoreSettings set;
  if (!resolve_score_options(opt, set)) return kExitUsage;
  auto as_of = parse_as_of(opt.as_of);
  if (!as_of) return kExitUsage;

  // No output may be an input or another output (device and inode), and
  // every output is opened before the model is compiled or a row is read.
  const std::string out_path = opt.output.empty() ? std::string("-") : opt.output;
  FileRoles roles;
  roles.input("the model", opt.model);
  roles.input("the input", opt.input);
  roles.output(opt.output.empty() || opt.output == "-" ? "the output" : "-o", out_path);
  roles.output(opt.rejects.empty() ? "the rejects file" : "--rejects", set.rejects_path);
  if (!roles.check()) return kExitUsage;
  OutputFile out;
  if (!out.open(out_path)) return usage_error(out.error());
  RejectsFile rejects(set.rejects_path, "");
  if (!rejects.open()) return usage_error(rejects.file().error());

  int code = kExitOk;
  std::unique_ptr<sema::Program> program;
  std::unique_ptr<eval::Scorer> scorer = load_scorer(opt.model, opt.profile, opt.engine, &code, &program);
  if (!scorer) return code;
  // The files the model imports are inputs too.
  for (size_t f = 0; f < program->sources.size(); ++f)
    if (FileId(f) != program->main_file) roles.input("an import of the model", program->sources.file(FileId(f)).path());
  if (!roles.check()) return kExitUsage;
  if (!resolve_allow_missing(opt.allow_missing, scorer->schema(), set.read)) return kExitUsage;
  std::vector<std::string> copied;  // the key column, then --keep's
  if (!copied_columns(scorer->schema(), opt.keep, copied)) return kExitUsage;
  std::string error;

  std::unique_ptr<rt::ByteSource> raw = rt::open_file(opt.input, error);
  if (!raw) return usage_error(error);
  auto bytes_read = std::make_shared<std::atomic<uint64_t>>(0);
  auto bytes = std::make_unique<CountingSource>(std::move(raw), bytes_read);
  std::unique_ptr<rt::RowSource> src =
      set.input_format == rt::InputFormat::Csv
          ? rt::open_csv(std::move(bytes), scorer->schema(), set.read, copied, error)
          : rt::open_ndjson(std::move(bytes), scorer->schema(), set.read, copied, error);
  const std::string input_name = opt.input == "-" ? "<stdin>" : opt.input;
  if (!src) {
    // Exit 1 before any row was scored: there is no output to put in place.
    // One problem per line; lines that start with "note: " are notes.
    size_t at = 0;
    while (at <= error.size()) {
      size_t nl = error.find('\n', at);
      std::string line = error.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      if (line.starts_with("note: ")) std::cerr << line << "\n";
      else std::cerr << "icp: error: " << input_name << ": " << line << "\n";
      if (nl == std::string::npos) break;
      at = nl + 1;
    }
    return kExitFailed;
  }
  for (const auto& w : src->warnings()) std::cerr << "icp: warning: " << input_name << ": " << w << "\n";
  for (const auto& n : src->notes()) std::cerr << "note: " << input_name << ": " << n << "\n";

  std::string header;
  if (!set.ndjson_out) rt::append_csv_result_header(header, copied);
  out.write(header);
  std::string rejects_header;
  rt::append_rejects_header(rejects_header, src->reject_header());
  rejects.set_header(std::move(rejects_header));

  std::error_code ec;
  uint64_t total = opt.input == "-" ? 0 : uint64_t(std::filesystem::file_size(opt.input, ec));
  if (ec) total = 0;
  Progress progress(total, progress_allowed());
  ScoreTally tally;
  tally.init(scorer->info(), &scorer->schema());
  Writer writer(out, rejects, tally, progress, *bytes_read);
  PipelineConfig cfg;
  cfg.workers = set.workers;
  cfg.as_of = *as_of;
  cfg.ndjson_out = set.ndjson_out;
  PhaseTimes times;
  const double setup = std::chrono::duration<double>(Clock::now() - start).count();

  bool completed = run_score_pipeline(*src, *scorer, cfg, writer, times);
  progress.finish();
  if (out.failed() || rejects.file().failed()) return write_failed(out, rejects);
  if (!completed) {
    std::cerr << "icp: internal error: scoring stopped early\n";
    return kExitInternal;
  }
  // Both files complete before either is renamed into place.
  if (!out.close() || !rejects.close()) return write_failed(out, rejects);
  if (!out.commit() || !rejects.commit()) return write_failed(out, rejects);
  print_score_summary(std::cerr, tally, scorer->info(), opt.lenient, src->lenient_count(), src->lenient_by_column(),
                      &scorer->schema(), *as_of);
  print_unread_keys(std::cerr, src->unread_keys(), src->more_unread_keys());
  if (tally.rejected > 0) std::cerr << "rejected rows are in '" << set.rejects_path << "'\n";
  else if (rejects.remove_stale())
    std::cerr << "removed '" << set.rejects_path << "': rejected rows of an earlier run (this one rejected none)\n";
  if (opt.stats)
    print_stats(times, std::chrono::duration<double>(Clock::now() - start).count(), setup, tally, bytes_read->load(),
                set.workers);
  return tally.rejected > 0 ? kExitFailed : kExitOk;
}

}  // namespace

Command setup_score(CLI::App& icp) {
  auto opt = std::make_shared<ScoreOptions>();
  CLI::App* sub = icp.add_subcommand("score", "Score every row of a CSV or NDJSON file against a profile");
  sub->footer(
      "On stderr at the end: 'scored N rows, rejected M', the rows per tier, for each exclude rule the\n"
      "rows it removed (a row counts for the first rule that excluded it), matched and left unknown,\n"
      "and, with --lenient, the values read as missing per column. Exit 1 when a row was rejected or\n"
      "the header lacks a field's column (see --allow-missing).");
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
  sub->add_option("--input-format", opt->input_format, "Input format (needed for - , stdin)")
      ->check(CLI::IsMember({"csv", "ndjson"}))
      ->type_name("csv|ndjson");
  sub->add_option("--keep", opt->keep, "Input columns copied to the output, after 'row'")
      ->delimiter(',')
      ->type_name("COL,COL");
  sub->add_option("--rejects", opt->rejects, "Where rejected rows go (default: INPUT.rejects.csv, ./rejects.csv for stdin)")
      ->type_name("FILE");
  sub->add_option("--allow-missing", opt->allow_missing,
                  "Absent CSV columns that read as no value (optional fields, sets, defaults; 'all' for every one)")
      ->delimiter(',')
      ->type_name("COL,COL|all");
  sub->add_flag("--lenient", opt->lenient, "Read unreadable values of optional fields as missing (counted)");
  sub->add_option("--list-sep", opt->list_sep, "Separator of set<string> cells in CSV (default ;)")->type_name("C");
  sub->add_option("--delimiter", opt->delimiter, "CSV field separator (default , ; tab for .tsv; \\t for tab)")
      ->type_name("C");
  sub->add_option("--date-format", opt->date_format, "How dates with slashes are read (ymd: ISO dates only)")
      ->check(CLI::IsMember({"ymd", "mdy", "dmy"}))
      ->type_name("ymd|mdy|dmy");
  sub->add_option("--threads", opt->threads, "Worker threads (default: all cores); output order is unchanged")
      ->type_name("N");
  add_engine_option(*sub, opt->engine);
  add_import_root_option(*sub);
  sub->add_flag("--stats", opt->stats, "Print per-phase timings to stderr")->group("");
  return {sub, [opt] { return run_score(*opt); }};
}

}  // namespace icp::driver
