// Tests of the CSV reader: RFC 4180 details, header matching, rejects,
// line numbers, chunking, lenient mode, robustness.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "reader_util.h"
#include "test_schemas.h"

using namespace icp::rt;
using namespace icp::rt::testing;
using namespace std::string_literals;

namespace {
std::string file_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

Schema two_strings() {
  Schema s;
  s.fields.push_back(field("a", ValueKind::String));
  s.fields.push_back(field("b", ValueKind::String, true));
  return s;
}
}  // namespace

TEST(CsvReader, ConformanceCsvRejectsInput) {
  Schema s = csv_rejects_schema();
  std::string text = file_text(ICP_RUNTIME_TEST_DATA "/csv_rejects_input.csv");
  ASSERT_TRUE(text.starts_with("\xEF\xBB\xBF" "Company Name,"));
  auto src = csv(text, s);
  ASSERT_TRUE(src);
  EXPECT_TRUE(src->warnings().empty());
  EXPECT_EQ(src->reject_header(),
            (std::vector<std::string>{"Company Name", "Annual Revenue", "Employees", "Region", "Headcount Growth",
                                      "Public", "Notes"}));
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{2, 4}));
  const auto& acme = all.records[0].values;
  EXPECT_EQ(acme[0], Value::string("Acme, Inc."));
  EXPECT_EQ(acme[1], Value::real(12500000));
  EXPECT_EQ(acme[2], Value::integer(250));
  EXPECT_EQ(acme[3], Value::enumeration(1));  // emea
  EXPECT_EQ(acme[4], Value::real(0.35));
  EXPECT_EQ(acme[5], Value::boolean(false));
  const auto& globex = all.records[1].values;
  EXPECT_EQ(globex[0], Value::string("Globex"));
  EXPECT_TRUE(globex[1].is_missing());
  EXPECT_EQ(globex[2], Value::integer(1200));
  EXPECT_EQ(globex[3], Value::enumeration(2));  // apac
  EXPECT_TRUE(globex[4].is_missing());
  EXPECT_EQ(globex[5], Value::boolean(true));

  ASSERT_EQ(all.rejects.size(), 3u);
  EXPECT_EQ(all.rejects[0].row, 3);
  EXPECT_EQ(all.rejects[0].line, 5);
  EXPECT_EQ(all.rejects[0].column, "Employees");
  EXPECT_EQ(all.rejects[0].reason, "cannot read \"twelve\" as an int");
  EXPECT_EQ(all.rejects[0].cells,
            (std::vector<std::string>{"Initech", "900000", "twelve", "americas", "5%", "no", "bad employees cell"}));
  EXPECT_EQ(all.rejects[1].row, 4);
  EXPECT_EQ(all.rejects[1].line, 6);
  EXPECT_EQ(all.rejects[1].column, "Region");
  EXPECT_EQ(all.rejects[1].reason, "\"Mars\" is not a Region (expected one of americas, emea, apac)");
  EXPECT_EQ(all.rejects[2].row, 5);
  EXPECT_EQ(all.rejects[2].line, 7);
  EXPECT_EQ(all.rejects[2].column, "Employees");
  EXPECT_EQ(all.rejects[2].reason, "missing required value for 'Employees'");
  EXPECT_EQ(src->rows_read(), 5);
  EXPECT_EQ(src->rows_rejected(), 3);
}

TEST(CsvReader, ChunkSizesDoNotChangeResults) {
  Schema s = csv_rejects_schema();
  std::string text = file_text(ICP_RUNTIME_TEST_DATA "/csv_rejects_input.csv");
  for (size_t chunk : {1u, 2u, 3u, 100u}) {
    auto src = csv(text, s);
    ReadAll all = read_all(*src, chunk);
    EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 2})) << chunk;
    EXPECT_EQ(all.rejects.size(), 3u) << chunk;
  }
}

TEST(CsvReader, QuotingCrLfAndEmbeddedNewlines) {
  Schema s = two_strings();
  auto src = csv("a,b\r\n\"x, \"\"quoted\"\"\",\"line1\r\nline2\"\r\n  \"padded\"  ,plain\r\nlast,row", s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[0].values[0], Value::string("x, \"quoted\""));
  EXPECT_EQ(all.records[0].values[1], Value::string("line1\r\nline2"));
  EXPECT_EQ(all.records[1].values[0], Value::string("padded"));
  EXPECT_EQ(all.records[2].values[1], Value::string("row"));  // no final newline
  EXPECT_EQ(all.lines, (std::vector<int64_t>{2, 4, 5}));
}

TEST(CsvReader, TabDelimiterAndTrimmedHeader) {
  Schema s = two_strings();
  ReadOptions o;
  o.delimiter = '\t';
  auto src = csv(" A \t B\nx, y\t z \n", s, o);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].values[0], Value::string("x, y"));
  EXPECT_EQ(all.records[0].values[1], Value::string("z"));
}

TEST(CsvReader, BlankLinesAreNotRows) {
  Schema s = two_strings();
  auto src = csv("a,b\n\nx,1\n   \n\ny,2\n\n", s);
  ReadAll all = read_all(*src);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{3, 6}));
  EXPECT_TRUE(all.rejects.empty());
}

TEST(CsvReader, WrongCellCounts) {
  Schema s = two_strings();
  auto src = csv("a,b\nx\nx,y,z\nx,y,,  \nok,1\n", s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.rejects.size(), 2u);
  EXPECT_EQ(all.rejects[0].row, 1);
  EXPECT_EQ(all.rejects[0].reason, "expected 2 cells, found 1");
  EXPECT_EQ(all.rejects[0].cells, (std::vector<std::string>{"x"}));
  EXPECT_EQ(all.rejects[1].row, 2);
  EXPECT_EQ(all.rejects[1].reason, "expected 2 cells, found 3");
  EXPECT_EQ(all.rows, (std::vector<int64_t>{3, 4}));  // trailing blank cells are fine
}

TEST(CsvReader, UnterminatedQuoteRejectsLastRow) {
  Schema s = two_strings();
  auto src = csv("a,b\nx,1\ny,\"never closed\nmore text", s);
  ReadAll all = read_all(*src);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1}));
  ASSERT_EQ(all.rejects.size(), 1u);
  EXPECT_EQ(all.rejects[0].row, 2);
  EXPECT_EQ(all.rejects[0].line, 3);
  EXPECT_EQ(all.rejects[0].reason, "a quoted field that starts here is never closed");
  EXPECT_EQ(all.rejects[0].cells, (std::vector<std::string>{"y", "never closed\nmore text"}));
}

TEST(CsvReader, InvalidUtf8RejectsRow) {
  Schema s = two_strings();
  auto src = csv("a,b,ignored\nok\xFF,1,x\nfine,2,\xFF\n", s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.rejects.size(), 1u);
  EXPECT_EQ(all.rejects[0].column, "a");
  EXPECT_EQ(all.rejects[0].reason, "invalid UTF-8 at byte 3 of the cell");
  EXPECT_EQ(all.rows, (std::vector<int64_t>{2}));  // unused column not checked
}

TEST(CsvReader, HugeCellAcrossBufferRefills) {
  Schema s = two_strings();
  std::string big(10 * 1024 * 1024, 'x');
  big[5] = '\n';
  big[6] = ',';
  big[7] = '"';
  big[8] = '"';
  std::string text = "a,b\n\"" + big + "\",tail\nnext,1\n";
  auto src = csv(text, s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 2u);
  std::string want = big;
  want.replace(7, 2, "\"");
  EXPECT_EQ(all.records[0].values[0].as_string().size(), want.size());
  EXPECT_EQ(all.records[0].values[0].as_string(), want);
  EXPECT_EQ(all.records[0].values[1], Value::string("tail"));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{2, 4}));
}

TEST(CsvReader, ManyRowsAcrossRefills) {
  Schema s;
  s.fields.push_back(field("n", ValueKind::Int));
  std::string text = "n\n";
  for (int i = 1; i <= 200000; ++i) text += std::to_string(i) + "\r\n";
  auto src = csv(text, s);
  Batch b;
  std::vector<Reject> rej;
  int64_t expect = 1, sum = 0;
  while (src->next_chunk(b, rej, 4096)) {
    for (size_t r = 0; r < b.rows; ++r) {
      ASSERT_EQ(b.row_number[r], expect);
      ASSERT_EQ(b.line[r], expect + 1);
      ASSERT_EQ(b.columns[0].i64[r], expect);
      sum += b.columns[0].i64[r];
      ++expect;
    }
  }
  EXPECT_EQ(expect, 200001);
  EXPECT_EQ(sum, int64_t(200000) * 200001 / 2);
  EXPECT_TRUE(rej.empty());
}

TEST(CsvReader, HeaderErrorsAndWarnings) {
  Schema s = csv_rejects_schema();
  std::string err;
  // Every absent column is an error (section 8, 0.2), required or not: one
  // line each, naming the field and the closest header name, then notes.
  auto src = open_csv(string_source("Company Name,Revenue,Employee Count,Notes\nx,1,1,\n"), s, {}, {}, err);
  EXPECT_FALSE(src);
  EXPECT_EQ(err,
            "no column 'Annual Revenue' for field 'revenue'; the closest header name is 'Revenue'\n"
            "no column 'Employees' for field 'employees'; the closest header name is 'Employee Count'\n"
            "no column 'region' for field 'region'; no header name is close to it\n"
            "no column 'Headcount Growth' for field 'growth'; no header name is close to it\n"
            "no column 'public' for field 'public'; no header name is close to it\n"
            "note: the header has: Company Name, Revenue, Employee Count, Notes\n"
            "note: to read an absent column of an optional field, a set or a field with a default as no value, "
            "pass --allow-missing 'Annual Revenue,region,Headcount Growth,public'");

  // Allowed absent columns read as no value, each with a note.
  ReadOptions o;
  o.allow_missing = {"annual revenue", "PUBLIC", "headcount growth"};
  src = open_csv(string_source("company name,EMPLOYEES,Region\nx,1,\n"), s, o, {}, err);
  ASSERT_TRUE(src) << err;
  EXPECT_TRUE(src->warnings().empty());
  ASSERT_EQ(src->notes().size(), 3u);
  EXPECT_EQ(src->notes()[0], "no column 'Annual Revenue': field 'revenue' is missing in every row (--allow-missing)");
  EXPECT_EQ(src->notes()[2], "no column 'public': field 'public' takes its default in every row (--allow-missing)");
  ReadAll all = read_all(*src);
  EXPECT_EQ(all.records.size(), 1u);
  o.allow_missing.pop_back();
  src = open_csv(string_source("company name,EMPLOYEES,Region\nx,1,\n"), s, o, {}, err);
  EXPECT_FALSE(src);
  EXPECT_EQ(err.substr(0, err.find('\n')), "no column 'Headcount Growth' for field 'growth'; no header name is close to it");
  // `all` allows every optional, set and defaulted column, never a required one.
  o.allow_missing_all = true;
  src = open_csv(string_source("Employees\n1\n"), s, o, {}, err);
  EXPECT_FALSE(src);
  EXPECT_TRUE(err.starts_with("no column 'Company Name' for field 'company'")) << err;
  src = open_csv(string_source("Company Name,Employees\nx,1\n"), s, o, {}, err);
  ASSERT_TRUE(src) << err;
  EXPECT_EQ(src->notes().size(), 4u);

  src = open_csv(string_source(""), s, {}, {}, err);
  EXPECT_FALSE(src);
  EXPECT_EQ(err, "the input is empty (a CSV file needs a header row)");

  src = open_csv(string_source("Company Name,Employees\n"), s, o, {"Website"}, err);
  EXPECT_FALSE(src);
  EXPECT_EQ(err, "no column 'Website' to keep (the header has: Company Name, Employees)");
}

TEST(CsvReader, KeptColumns) {
  Schema s = two_strings();
  auto src = csv("a,b,Website,Notes\nx,y, acme.io ,\"n, 1\"\n", s, {}, {"website", "NOTES"});
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.kept.size(), 1u);
  EXPECT_EQ(all.kept[0][0], (std::pair<uint8_t, std::string>{KeptColumn::Text, "acme.io"}));
  EXPECT_EQ(all.kept[0][1], (std::pair<uint8_t, std::string>{KeptColumn::Text, "n, 1"}));
}

TEST(CsvReader, LenientReadsBadOptionalValuesAsMissing) {
  Schema s = csv_rejects_schema();
  ReadOptions o;
  o.lenient = true;
  o.allow_missing = {"Headcount Growth"};
  auto src = csv("Company Name,Annual Revenue,Employees,Region,Public\nA,lots,5,Mars,maybe\nB,1,many,emea,no\n", s, o);
  ASSERT_TRUE(src);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_TRUE(all.records[0].values[1].is_missing());
  EXPECT_TRUE(all.records[0].values[3].is_missing());
  EXPECT_EQ(all.records[0].values[5], Value::boolean(false));  // the default
  EXPECT_EQ(src->lenient_count(), 3);
  // Per column, in schema order, as the header writes them.
  EXPECT_EQ(src->lenient_by_column(), (std::vector<std::pair<std::string, int64_t>>{
                                          {"Annual Revenue", 1}, {"Region", 1}, {"Public", 1}}));
  ASSERT_EQ(all.rejects.size(), 1u);  // a required int is still rejected
  EXPECT_EQ(all.rejects[0].reason, "cannot read \"many\" as an int");
}

TEST(CsvReader, SetsDatesAndListSeparator) {
  Schema s;
  s.fields.push_back(field("tech", ValueKind::StringSet));
  s.fields.push_back(field("tags", ValueKind::StringSet, true));
  s.fields.push_back(field("when", ValueKind::Date, true));
  ReadOptions o;
  o.list_sep = "|";
  o.date_format = DateFormat::Mdy;
  auto src = csv("tech,tags,when\n\"aws| gcp |aws\",,11/01/2026\n,x|y,\n", s, o);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].values[0], Value::set({"aws", "gcp"}));
  EXPECT_TRUE(all.records[0].values[1].is_missing());
  EXPECT_EQ(all.records[0].values[2], Value::date(20758));
  EXPECT_EQ(all.records[1].values[0], Value::set({}));  // non-optional set: empty
  EXPECT_EQ(all.records[1].values[1], Value::set({"x", "y"}));
}

TEST(CsvReader, Inc5000StyleRows) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String, false, "Company Name"));
  s.fields.push_back(field("growth", ValueKind::Float, true, "3-Year % Growth"));
  s.fields.push_back(field("revenue", ValueKind::Float, true, "Revenue"));
  s.fields.push_back(field("employees", ValueKind::Int, true, "# of Employees"));
  auto src = csv(
      "Rank,Company Name,3-Year % Growth,Revenue,Industry,# of Employees,City,State\n"
      "1, Unified Payments, 23646%, $59.5 million, Financial Services, 31, North Miami Beach, FL\n"
      "294, Facebook, 1264%, $3.7 billion, Media, 3200, Menlo Park, CA\n",
      s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].values[0], Value::string("Unified Payments"));
  EXPECT_EQ(all.records[0].values[1], Value::real(236.46));
  EXPECT_EQ(all.records[0].values[2], Value::real(59500000));
  EXPECT_EQ(all.records[0].values[3], Value::integer(31));
  EXPECT_EQ(all.records[1].values[2], Value::real(3700000000.0));
}

TEST(CsvReader, RealDataFilesReadWithoutRejects) {
  // The Inc. 5000 list of 2012, as the pond-map example carries it.
  std::string path = ICP_SOURCE_DIR "/examples/pond-map/inc5000_2012.csv";
  ASSERT_TRUE(std::ifstream(path)) << "missing data file " << path;
  Schema s;
  s.fields.push_back(field("name", ValueKind::String, false, "Company Name"));
  s.fields.push_back(field("growth", ValueKind::Float, false, "3-Year % Growth"));
  s.fields.push_back(field("revenue", ValueKind::Float, false, "Revenue"));
  s.fields.push_back(field("employees", ValueKind::Int, true, "# of Employees"));  // 8 rows have none
  std::string err;
  auto src = open_csv(open_file(path, err), s, {}, {}, err);
  ASSERT_TRUE(src) << err;
  ReadAll all = read_all(*src, 1000);
  EXPECT_EQ(all.records.size(), 5001u);
  size_t no_employees = 0;
  for (const auto& r : all.records) no_employees += r.values[3].is_missing();
  EXPECT_EQ(no_employees, 8u);
  EXPECT_EQ(all.records[0].values[2], Value::real(59500000));
  for (const auto& r : all.rejects) ADD_FAILURE() << r.row << " " << r.column << ": " << r.reason;
}

// A rejected row lists every unreadable cell (TOOLS.md, 0.2): the first one
// in `column`/`reason`, then `; COLUMN: why` for each other one, in header
// order, whatever the order of the schema's fields. The reader's own checks
// (invalid UTF-8) and a required value that is absent are among them.
TEST(CsvReader, RejectListsEveryUnreadableCellInHeaderOrder) {
  Schema s = csv_rejects_schema();
  auto src = csv("Public,Region,Employees,Annual Revenue,Company Name,Headcount Growth\n"
                 "maybe,mars,x,1M,A,2%\n"
                 "no,emea,,lots,B\xFF,\n"
                 "no,emea,5,1M,C,\n",
                 s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 1u);
  ASSERT_EQ(all.rejects.size(), 2u);
  EXPECT_EQ(all.rejects[0].column, "Public");
  EXPECT_EQ(all.rejects[0].reason,
            "cannot read \"maybe\" as a bool (expected true, false, yes, no, y, n, 1 or 0); "
            "Region: \"mars\" is not a Region (expected one of americas, emea, apac); "
            "Employees: cannot read \"x\" as an int");
  EXPECT_EQ(all.rejects[1].column, "Employees");
  EXPECT_EQ(all.rejects[1].reason,
            "missing required value for 'Employees'; Annual Revenue: cannot read \"lots\" as a float; "
            "Company Name: invalid UTF-8 at byte 2 of the cell");
}

// The record limit applies while reading (docs/limits.md): a record over it
// is rejected and skipped as it streams by, with the quoting rules, so that
// every row after it is read from where it starts, on the right line.
TEST(CsvReader, RecordLimitSkipsLongRecordsAndKeepsTheRest) {
  Schema s = two_strings();
  ReadOptions o;
  o.max_record_bytes = 64;
  std::string at_limit = "p," + std::string(62, 'p');  // exactly 64 bytes
  // Over the limit and longer than the rejects copy: quoted delimiters,
  // `""` and line breaks (some past the copy), text after a closing quote.
  std::string quoted = "\"" + std::string(5000, 'q') + ",\"\"\n\n" + std::string(3000, 'r') + "\nx\"after,tail";
  // Over the limit by far (several buffer refills), a line break every 1000
  // bytes inside its quotes.
  std::string huge = "h,\"";
  for (int i = 0; i < 5000; ++i) huge += std::string(999, 'h') + "\n";
  huge += "\"";
  std::string text = "a,b\n" "x,1\n" + at_limit + "\r\n" + "o," + std::string(63, 'o') + "\r\n" + quoted + "\n" +
                     "y,2\n" + huge + "\r\n" + "z,3";
  auto src = csv(text, s, o);
  ReadAll all = read_all(*src, 4096);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 2, 5, 7}));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{2, 3, 9, 5011}));
  EXPECT_EQ(all.records[1].values[1].as_string(), std::string(62, 'p'));
  EXPECT_EQ(all.records[2].values[0], Value::string("y"));
  EXPECT_EQ(all.records[3].values[0], Value::string("z"));
  ASSERT_EQ(all.rejects.size(), 3u);
  EXPECT_EQ(all.rejects[0].row, 3);
  EXPECT_EQ(all.rejects[0].line, 4);
  EXPECT_EQ(all.rejects[0].column, "");
  EXPECT_EQ(all.rejects[0].reason, "a record of 65 bytes (the limit is 64)");  // the CR is not counted
  // Shorter than the copy: copied whole, no mark.
  EXPECT_EQ(all.rejects[0].cells, (std::vector<std::string>{"o", std::string(63, 'o')}));
  EXPECT_EQ(all.rejects[1].line, 5);
  EXPECT_EQ(all.rejects[1].reason, "a record of " + std::to_string(quoted.size()) + " bytes (the limit is 64)");
  // The copy: the cells within the first 4096 bytes, the last one cut and
  // marked with the record's length.
  ASSERT_EQ(all.rejects[1].cells.size(), 1u);
  EXPECT_EQ(all.rejects[1].cells[0],
            std::string(4095, 'q') + "... [cut: " + std::to_string(quoted.size()) + " bytes in all]");
  EXPECT_EQ(all.rejects[2].row, 6);
  EXPECT_EQ(all.rejects[2].line, 10);
  EXPECT_EQ(all.rejects[2].reason, "a record of " + std::to_string(huge.size()) + " bytes (the limit is 64)");
  std::string line = std::string(999, 'h') + "\n";
  EXPECT_EQ(all.rejects[2].cells, (std::vector<std::string>{"h", line + line + line + line + std::string(93, 'h') +
                                                                      "... [cut: 5000004 bytes in all]"}));
  EXPECT_EQ(src->rows_read(), 7);
  EXPECT_EQ(src->rows_rejected(), 3);
}

TEST(CsvReader, RecordLimitUnterminatedQuoteRunsToTheEnd) {
  Schema s = two_strings();
  ReadOptions o;
  o.max_record_bytes = 1000;
  std::string rest;
  for (int i = 0; i < 100000; ++i) rest += "n,1\n";  // 400,000 bytes, all inside the quote
  auto src = csv("a,b\nx,1\ny,\"never closed\n" + rest, s, o);
  ReadAll all = read_all(*src, 4096);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1}));
  ASSERT_EQ(all.rejects.size(), 1u);
  EXPECT_EQ(all.rejects[0].line, 3);
  EXPECT_EQ(all.rejects[0].reason,
            "a quoted field that starts here is never closed: the row runs to the end of the input "
            "(400016 bytes on 100001 lines)");
  ASSERT_EQ(all.rejects[0].cells.size(), 2u);
  EXPECT_TRUE(all.rejects[0].cells[1].starts_with("never closed\nn,1\n"));
  EXPECT_TRUE(all.rejects[0].cells[1].ends_with("n,1\n... [cut: 400016 bytes in all]"));
}

TEST(CsvReader, HeaderOverTheLimitOrBinaryInputIsAnError) {
  Schema s = two_strings();
  ReadOptions o;
  o.max_record_bytes = 100;
  std::string err;
  EXPECT_FALSE(open_csv(string_source("\n\na,b," + std::string(98, 'c') + "\nx,1\n"), s, o, {}, err));
  EXPECT_EQ(err, "line 3: the header is longer than 100 bytes, the limit of a record");
  EXPECT_TRUE(open_csv(string_source("a,b," + std::string(96, 'c') + "\nx,1\n"), s, o, {}, err)) << err;
  err.clear();
  EXPECT_FALSE(open_csv(string_source("a,b\nx,1\ny,\0z\n"s), s, {}, {}, err));
  EXPECT_EQ(err, "line 3: a NUL byte (byte 3 of the line): this is not UTF-8 text (a binary file, or UTF-16?)");
  err.clear();
  EXPECT_FALSE(open_csv(string_source(std::string(3 << 20, '\0')), s, o, {}, err));
  EXPECT_EQ(err, "line 1: a NUL byte (byte 1 of the line): this is not UTF-8 text (a binary file, or UTF-16?)");
}

TEST(CsvReader, AChunkEndsAfterAboutOneMiBOfInput) {
  Schema s = two_strings();
  std::string text = "a,b\n";
  for (int i = 0; i < 40; ++i) text += std::to_string(i) + "," + std::string(100000, 'w') + "\n";
  auto src = csv(text, s);
  Batch b;
  std::vector<Reject> rej;
  size_t chunks = 0, rows = 0;
  while (src->next_chunk(b, rej, 4096)) {
    ++chunks;
    rows += b.rows;
    EXPECT_LE(b.rows, 11u);  // 11 rows of 100 KB pass 1 MiB (kChunkBytes)
  }
  EXPECT_EQ(rows, 40u);
  EXPECT_EQ(chunks, 4u);
}
