// Checks and resolution of `icp score` options. See score_options.h.
#include "driver/score_options.h"

#include <algorithm>
#include <optional>
#include <thread>

#include "driver/cli.h"
#include "icp/rt/utf8.h"

namespace icp::driver {

namespace {

// A one-character separator: "x", "\t" (backslash-t) or "tab".
std::optional<char> separator_char(const std::string& s) {
  if (s == "\\t" || s == "tab" || s == "\t") return '\t';
  if (s.size() == 1) return s[0];
  return std::nullopt;
}

const char* const kResultNames[] = {"row", "score", "tier", "excluded_by", "fired", "unknown", "confidence"};

bool check_keep(const std::vector<std::string>& keep) {
  for (const auto& k : keep) {
    if (k.empty()) {
      usage_error("--keep: an empty column name");
      return false;
    }
    for (const char* r : kResultNames) {
      if (k != r) continue;
      usage_error("--keep: '" + k + "' is a result column; it cannot be kept");
      return false;
    }
  }
  return true;
}

}  // namespace

bool resolve_score_options(const ScoreOptions& opt, ScoreSettings& out) {
  if (!check_keep(opt.keep)) return false;
  const bool is_stdin = opt.input == "-";
  if (!opt.input_format.empty()) {
    out.input_format = opt.input_format == "csv" ? rt::InputFormat::Csv : rt::InputFormat::Ndjson;
  } else if (auto f = rt::input_format_for(opt.input)) {
    out.input_format = *f;
  } else {
    usage_error(is_stdin ? "reading stdin needs --input-format csv|ndjson"
                         : "cannot tell the format of '" + opt.input +
                               "' from its name (.csv, .tsv, .ndjson, .jsonl); use --input-format csv|ndjson");
    return false;
  }
  out.ndjson_out = opt.format.empty() ? out.input_format == rt::InputFormat::Ndjson : opt.format == "ndjson";

  rt::ReadOptions& ro = out.read;
  ro.lenient = opt.lenient;
  ro.max_record_bytes = rt::kMaxRecordBytes;
  if (opt.list_sep.empty() || opt.list_sep == "\n" || opt.list_sep == "\r") {
    usage_error("--list-sep: expected a separator such as ';' or '|'");
    return false;
  }
  ro.list_sep = opt.list_sep == "\\t" || opt.list_sep == "tab" ? "\t" : opt.list_sep;
  if (opt.delimiter.empty()) {
    ro.delimiter = rt::default_delimiter_for(opt.input);
  } else {
    auto d = separator_char(opt.delimiter);
    if (!d || *d == '"' || *d == '\n' || *d == '\r') {
      usage_error("--delimiter: expected one character other than a quote or line break (or \\t), not '" +
                  opt.delimiter + "'");
      return false;
    }
    ro.delimiter = *d;
  }
  if (auto df = rt::parse_date_format(opt.date_format)) {
    ro.date_format = *df;
  } else {
    usage_error("--date-format: expected ymd, mdy or dmy");
    return false;
  }
  if (opt.threads < 0) {
    usage_error("--threads: expected a positive number (or 0 for all cores)");
    return false;
  }
  int cores = int(std::thread::hardware_concurrency());
  out.workers = opt.threads > 0 ? std::min(opt.threads, 1024) : std::max(cores, 1);
  out.rejects_path = !opt.rejects.empty() ? opt.rejects : is_stdin ? std::string("rejects.csv")
                                                                    : opt.input + ".rejects.csv";
  return true;
}

bool copied_columns(const rt::Schema& schema, const std::vector<std::string>& keep, std::vector<std::string>& out) {
  out.clear();
  std::string key_column;
  for (const auto& f : schema.fields)
    if (f.key) key_column = f.column;
  if (!key_column.empty()) {
    for (const char* r : kResultNames) {
      if (rt::column_key(key_column) != r) continue;
      usage_error("the key column '" + key_column + "' of schema '" + schema.name +
                  "' has the name of a result column; give the key field another `from` name");
      return false;
    }
    out.push_back(key_column);
  }
  for (const auto& k : keep)
    if (key_column.empty() || rt::column_key(k) != rt::column_key(key_column)) out.push_back(k);
  return true;
}

bool resolve_allow_missing(const std::vector<std::string>& names, const rt::Schema& schema, rt::ReadOptions& out) {
  std::vector<std::string> columns;
  for (const auto& f : schema.fields) columns.push_back(f.column);
  for (const auto& raw : names) {
    std::string name(rt::trim_view(raw));
    if (name == "all") {
      out.allow_missing_all = true;
      continue;
    }
    if (name.empty()) {
      usage_error("--allow-missing: an empty column name");
      return false;
    }
    int f = schema.find_column(name);
    if (f < 0) {
      std::string msg = "--allow-missing: no field of schema '" + schema.name + "' reads a column '" + name + "'";
      std::string near = rt::closest_column(name, columns, true);
      if (!near.empty()) msg += "; did you mean '" + near + "'?";
      usage_error(msg);
      return false;
    }
    const rt::FieldSpec& fs = schema.fields[size_t(f)];
    if (fs.required()) {
      usage_error("--allow-missing: '" + fs.column + "' is the column of required field '" + fs.name +
                  "' (not optional, no default): every row needs it");
      return false;
    }
    out.allow_missing.push_back(fs.column);
  }
  return true;
}

}  // namespace icp::driver
