// Tests of the NDJSON reader and of single JSON records.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "icp/rt/record_json.h"
#include "reader_util.h"
#include "test_schemas.h"

using namespace icp::rt;
using namespace icp::rt::testing;

namespace {
std::string file_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST(NdjsonReader, ConformanceObservabilityInput) {
  Schema s = observability_schema();
  auto src = ndjson(file_text(ICP_RUNTIME_TEST_DATA "/score_observability_input.ndjson"), s);
  ReadAll all = read_all(*src);
  ASSERT_TRUE(all.rejects.empty()) << all.rejects[0].reason;
  ASSERT_EQ(all.records.size(), 5u);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  const auto& acme = all.records[0].values;
  EXPECT_EQ(acme[0], Value::string("Acme"));
  EXPECT_EQ(acme[1], Value::string("acme.io"));
  EXPECT_EQ(acme[2], Value::enumeration(1));  // "Finance and Insurance" alias
  EXPECT_EQ(acme[3], Value::integer(800));    // JSON number
  EXPECT_EQ(acme[4], Value::set({"kubernetes", "terraform", "aws"}));
  EXPECT_EQ(acme[5], Value::enumeration(4));  // series_c
  EXPECT_EQ(acme[6], Value::date(20758));
  EXPECT_EQ(acme[7], Value::integer(0));  // default
  const auto& globex = all.records[1].values;
  EXPECT_EQ(globex[4], Value::set({"mainframe", "sap"}));  // string split on ';'
  EXPECT_EQ(globex[5], Value::enumeration(5));
  EXPECT_TRUE(globex[6].is_missing());
  EXPECT_EQ(globex[7], Value::integer(4));
  const auto& hooli = all.records[3].values;
  EXPECT_TRUE(hooli[2].is_missing());  // null
  EXPECT_TRUE(hooli[3].is_missing());  // absent key
  EXPECT_EQ(hooli[5], Value::enumeration(3));  // "Series B"
  const auto& umbrella = all.records[4].values;
  EXPECT_EQ(umbrella[2], Value::enumeration(4));  // "biotech" -> default member other
  EXPECT_EQ(umbrella[4], Value::set({}));
}

TEST(NdjsonReader, NumbersAndStringsReadLikeCells) {
  Schema s;
  s.fields.push_back(field("n", ValueKind::Int, true));
  s.fields.push_back(field("s", ValueKind::String, true));
  s.fields.push_back(field("f", ValueKind::Float, true));
  s.fields.push_back(field("b", ValueKind::Bool, true));
  auto src = ndjson(
      "{\"n\":\"1,200\",\"s\":42,\"f\":1e2,\"b\":true}\n"
      "{\"N\":2.5e1,\"S\":\"  x\\\"y\\u00e9\\n \",\"F\":\"35%\",\"B\":\"no\"}\n"
      "{\"n\":null,\"s\":false,\"f\":-0.5,\"b\":0}\n",
      s);
  ReadAll all = read_all(*src);
  ASSERT_TRUE(all.rejects.empty()) << all.rejects[0].reason;
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[0].values[0], Value::integer(1200));
  EXPECT_EQ(all.records[0].values[1], Value::string("42"));
  EXPECT_EQ(all.records[0].values[2], Value::real(100));
  EXPECT_EQ(all.records[0].values[3], Value::boolean(true));
  EXPECT_EQ(all.records[1].values[0], Value::integer(25));
  EXPECT_EQ(all.records[1].values[1], Value::string("x\"yé"));
  EXPECT_EQ(all.records[1].values[2], Value::real(0.35));
  EXPECT_EQ(all.records[1].values[3], Value::boolean(false));
  EXPECT_TRUE(all.records[2].values[0].is_missing());
  EXPECT_EQ(all.records[2].values[1], Value::string("false"));
  EXPECT_EQ(all.records[2].values[3], Value::boolean(false));
}

TEST(NdjsonReader, RejectsBadLinesWithReasons) {
  Schema s;
  s.fields.push_back(field("n", ValueKind::Int));
  s.fields.push_back(field("tags", ValueKind::StringSet, true));
  auto src = ndjson(
      "{\"n\":1}\n"
      "\n"
      "{\"n\":\"twelve\"}\n"
      "{\"n\":{\"a\":1}}\n"
      "{\"n\":[1,2]}\n"
      "not json\n"
      "{\"n\":1,}\n"
      "{\"n\":1} extra\n"
      "{\"tags\":[\"a\"]}\n"
      "{\"n\":3,\"tags\":[[\"nested\"]]}\n"
      "{\"n\":\"ok\xFF\"}\n"
      "[1]\n"
      "{\"n\":7,\"tags\":[\"a\",1,true,null,\" a \"]}\n"
      "{\"n\":8",  // truncated last line
      s);
  ReadAll all = read_all(*src, 3);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 12}));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{1, 13}));
  EXPECT_EQ(all.records[1].values[1], Value::set({"a", "1", "true"}));
  ASSERT_EQ(all.rejects.size(), 11u);
  auto check = [&](size_t i, int64_t row, int64_t line, const std::string& col, const std::string& reason) {
    EXPECT_EQ(all.rejects[i].row, row) << i;
    EXPECT_EQ(all.rejects[i].line, line) << i;
    EXPECT_EQ(all.rejects[i].column, col) << i;
    EXPECT_EQ(all.rejects[i].reason, reason) << i;
  };
  check(0, 2, 3, "n", "cannot read \"twelve\" as an int");
  EXPECT_EQ(all.rejects[0].cells, (std::vector<std::string>{"{\"n\":\"twelve\"}"}));
  check(1, 3, 4, "n", "cannot read a JSON object as an int");
  check(2, 4, 5, "n", "cannot read a JSON array as an int");
  check(3, 5, 6, "", "invalid JSON at column 1: expected a JSON object");
  check(4, 6, 7, "", "invalid JSON at column 8: expected a key");
  check(5, 7, 8, "", "invalid JSON at column 9: text after the object");
  check(6, 8, 9, "n", "missing required value for 'n'");
  check(7, 9, 10, "tags", "cannot read a JSON array holding arrays or objects as a set<string>");
  check(8, 10, 11, "", "invalid UTF-8 at byte 9 of the line");
  check(9, 11, 12, "", "invalid JSON at column 1: expected a JSON object");
  check(10, 13, 14, "", "invalid JSON at column 7: unexpected end of line, expected ',' or '}'");
}

TEST(NdjsonReader, KeptColumnsEchoJson) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  auto src = ndjson("{\"name\":\"A\",\"Website\":\"a.io\",\"size\":1.50,\"tags\":[1, 2]}\n{\"name\":\"B\",\"size\":null}\n", s, {},
                    {"website", "size", "tags"});
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.kept.size(), 2u);
  EXPECT_EQ(all.kept[0][0], (std::pair<uint8_t, std::string>{KeptColumn::Text, "a.io"}));
  EXPECT_EQ(all.kept[0][1], (std::pair<uint8_t, std::string>{KeptColumn::Json, "1.50"}));
  EXPECT_EQ(all.kept[0][2], (std::pair<uint8_t, std::string>{KeptColumn::Json, "[1, 2]"}));
  EXPECT_EQ(all.kept[1][0].first, KeptColumn::Absent);
  EXPECT_EQ(all.kept[1][1].first, KeptColumn::Absent);
}

TEST(NdjsonReader, CrLfAndBom) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  auto src = ndjson("\xEF\xBB\xBF{\"name\":\"a\"}\r\n{\"name\":\"c\"}\r\n", s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].values[0], Value::string("a"));
  EXPECT_EQ(all.records[1].values[0], Value::string("c"));
}

// LANGUAGE.md 0.2 section 8: a key given twice is an unreadable row (keys
// match columns trimmed and case-insensitively, so "NAME" repeats "name"),
// whether or not the model reads that key; the reason names the key and both
// columns. Distinct keys, and repeats inside a nested object, are fine.
TEST(NdjsonReader, DuplicateKeysRejectTheRow) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  s.fields.push_back(field("n", ValueKind::Int, true));
  std::string many;  // more than 16 keys: the sorted path
  for (int i = 0; i < 30; ++i) many += ",\"k" + std::to_string(i) + "\":" + std::to_string(i);
  auto src = ndjson(
      "{\"name\":\"a\",\"name\":\"b\"}\n"
      "{\"NAME\":\"b\", \"name\":\"c\"}\n"
      "{\"name\":\"d\",\"other\":1,\"other\":null}\n"
      "{\"name\":\"e\",\"x\":{\"y\":1,\"y\":2},\"Name \":\"f\"}\n"
      "{\"n\\u0061me\":\"g\",\"name\":\"h\"}\n"
      "{\"name\":\"i\"" + many + ",\"K7\":0,\"k0\":1}\n"
      "{\"name\":\"ok\",\"n\":1,\"N2\":2,\"x\":{\"y\":1,\"y\":2}}\n",
      s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].values[0], Value::string("ok"));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{7}));
  ASSERT_EQ(all.rejects.size(), 6u);
  auto check = [&](size_t i, int64_t line, const std::string& col, const std::string& reason) {
    EXPECT_EQ(all.rejects[i].line, line) << i;
    EXPECT_EQ(all.rejects[i].column, col) << i;
    EXPECT_EQ(all.rejects[i].reason, reason) << i;
  };
  check(0, 1, "name", "key \"name\" at column 13 repeats the key at column 2");
  check(1, 2, "name", "key \"name\" at column 14 repeats key \"NAME\" at column 2 (keys match case-insensitively)");
  check(2, 3, "other", "key \"other\" at column 23 repeats the key at column 13");
  check(3, 4, "Name ", "key \"Name \" at column 31 repeats key \"name\" at column 2 (keys match case-insensitively)");
  check(4, 5, "name", "key \"name\" at column 18 repeats the key at column 2");
  // The earliest repetition in line order: "K7" (after k0..k29) repeats "k7";
  // "k0" given again later is reported only once this one is fixed.
  size_t k7 = std::string("{\"name\":\"i\"" + many).size() + 2;
  check(5, 6, "K7", "key \"K7\" at column " + std::to_string(k7) + " repeats key \"k7\" at column " +
                        std::to_string(std::string("{\"name\":\"i\"" + many).find("\"k7\"") + 1) +
                        " (keys match case-insensitively)");
  EXPECT_EQ(all.rejects[0].cells, (std::vector<std::string>{"{\"name\":\"a\",\"name\":\"b\"}"}));
}

// LANGUAGE.md 0.2 section 8: an unpaired surrogate escape is an unreadable
// row, as invalid UTF-8 is in CSV: never U+FFFD. A proper pair reads.
TEST(NdjsonReader, UnpairedSurrogateRejectsTheRow) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  auto src = ndjson(
      "{\"name\":\"a\\ud800\"}\n"
      "{\"name\":\"\\ud83d\\ude00\\uD83D\\uDE00\"}\n"
      "{\"name\":\"b\",\"note\":\"x\\udc00y\"}\n"
      "{\"name\":\"\\ud800\\u0041\"}\n"
      "{\"na\\udbffme\":\"c\"}\n"
      "{\"name\":\"d\",\"deep\":{\"k\":[\"\\ud800\"]}}\n"
      "{\"name\":\"\\ud800\\\\udc00\"}\n",
      s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 1u);
  EXPECT_EQ(all.records[0].values[0], Value::string("\xF0\x9F\x98\x80\xF0\x9F\x98\x80"));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{2}));
  ASSERT_EQ(all.rejects.size(), 6u);
  auto check = [&](size_t i, int64_t line, const std::string& col, const std::string& reason) {
    EXPECT_EQ(all.rejects[i].line, line) << i;
    EXPECT_EQ(all.rejects[i].column, col) << i;
    EXPECT_EQ(all.rejects[i].reason, reason) << i;
  };
  check(0, 1, "name", "unpaired surrogate escape \\ud800 at column 11, in the value of key \"name\"");
  check(1, 3, "note", "unpaired surrogate escape \\udc00 at column 22, in the value of key \"note\"");
  check(2, 4, "name", "unpaired surrogate escape \\ud800 at column 10, in the value of key \"name\"");
  check(3, 5, "", "unpaired surrogate escape \\udbff at column 5, in a key");
  check(4, 6, "deep", "unpaired surrogate escape \\ud800 at column 27, in the value of key \"deep\"");
  check(5, 7, "name", "unpaired surrogate escape \\ud800 at column 10, in the value of key \"name\"");
}

TEST(NdjsonReader, LongLine) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  std::string big(3 * 1024 * 1024 + 7, 'q');
  auto src = ndjson("{\"name\":\"" + big + "\"}\n{\"name\":\"z\"}\n", s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].values[0].as_string(), big);
  EXPECT_EQ(all.lines, (std::vector<int64_t>{1, 2}));
}

TEST(RecordJson, MultiLineObjectAndErrors) {
  Schema s = observability_schema();
  Record r;
  std::string err;
  ASSERT_TRUE(read_record_json("{\n \"name\": \"Acme\",\n \"website\": \"acme.io\",\n \"Employee Count\": \"1.2k\"\n}", s, {}, r,
                               err))
      << err;
  EXPECT_EQ(r.values[0], Value::string("Acme"));
  EXPECT_EQ(r.values[3], Value::integer(1200));
  EXPECT_EQ(r.values[4], Value::set({}));
  EXPECT_EQ(r.values[7], Value::integer(0));
  EXPECT_FALSE(read_record_json("{\"name\":\"A\",\"Website\":\"a\",\"Employee Count\":\"many\"}", s, {}, r, err));
  EXPECT_EQ(err, "'Employee Count': cannot read \"many\" as an int");
  EXPECT_FALSE(read_record_json("{\"Website\":\"a\"}", s, {}, r, err));
  EXPECT_EQ(err, "missing required value for 'name'");
  EXPECT_FALSE(read_record_json("{\"name\":\"A\",\"Website\":\"a\",\"website\":\"b\"}", s, {}, r, err));
  EXPECT_EQ(err, "key \"website\" at column 27 repeats key \"Website\" at column 13 (keys match case-insensitively)");
  EXPECT_FALSE(read_record_json("{\"name\":\"A\\uDFFF\",\"Website\":\"a\"}", s, {}, r, err));
  EXPECT_EQ(err, "unpaired surrogate escape \\uDFFF at column 11, in the value of key \"name\"");
  EXPECT_FALSE(read_record_json("[]", s, {}, r, err));
  EXPECT_EQ(err, "invalid JSON at column 1: expected a JSON object");

  Batch b;
  b.reset(s);
  ASSERT_TRUE(append_record_json("{\"name\":\"A\",\"Website\":\"a\"}", s, {}, b, err));
  ASSERT_TRUE(append_record_json("{\"name\":\"B\",\"Website\":\"b\"}", s, {}, b, err));
  EXPECT_EQ(b.rows, 2u);
  EXPECT_EQ(b.row_number, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(b.dict.get(b.columns[1].str[1]), "b");
}

// NDJSON lists every unreadable value too, in the order of the keys; a
// required key that is absent comes last.
TEST(NdjsonReader, RejectListsEveryUnreadableValue) {
  Schema s = csv_rejects_schema();
  auto src = ndjson("{\"Region\":\"mars\",\"Public\":\"maybe\",\"Annual Revenue\":{}}\n", s);
  ReadAll all = read_all(*src);
  ASSERT_EQ(all.rejects.size(), 1u);
  EXPECT_EQ(all.rejects[0].column, "Region");
  EXPECT_EQ(all.rejects[0].reason,
            "\"mars\" is not a Region (expected one of americas, emea, apac); "
            "Public: cannot read \"maybe\" as a bool (expected true, false, yes, no, y, n, 1 or 0); "
            "Annual Revenue: cannot read a JSON object as a float; "
            "Company Name: missing required value for 'Company Name'; "
            "Employees: missing required value for 'Employees'");
}

// The line limit applies while reading (docs/limits.md): a line over it is
// rejected as it streams by, keeping only its head for the rejects file.
TEST(NdjsonReader, LineLimitSkipsLongLinesAndKeepsTheRest) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  ReadOptions o;
  o.max_record_bytes = 64;
  auto obj = [](size_t len, char c) {  // {"name":"ccc"} of `len` bytes
    return "{\"name\":\"" + std::string(len - 11, c) + "\"}";
  };
  std::string huge = obj(5 << 20, 'h');  // several buffer refills
  std::string text = obj(20, 'a') + "\n" + obj(64, 'b') + "\r\n" + obj(65, 'c') + "\r\n\n   \n" + obj(10000, 'd') +
                     "\n" + obj(20, 'e') + "\n" + huge + "\n" + obj(20, 'f') + "\n" + obj(70, 'g');
  auto src = ndjson(text, s, o);
  ReadAll all = read_all(*src, 4096);
  EXPECT_EQ(all.rows, (std::vector<int64_t>{1, 2, 5, 7}));
  EXPECT_EQ(all.lines, (std::vector<int64_t>{1, 2, 7, 9}));
  EXPECT_EQ(all.records[1].values[0].as_string(), std::string(53, 'b'));
  ASSERT_EQ(all.rejects.size(), 4u);
  std::vector<std::tuple<int64_t, int64_t, size_t, char>> want = {
      {3, 3, 65, 'c'}, {4, 6, 10000, 'd'}, {6, 8, 5 << 20, 'h'}, {8, 10, 70, 'g'}};
  for (size_t i = 0; i < want.size(); ++i) {
    auto [row, line, len, c] = want[i];
    const Reject& r = all.rejects[i];
    EXPECT_EQ(r.row, row);
    EXPECT_EQ(r.line, line);
    EXPECT_EQ(r.column, "");
    EXPECT_EQ(r.reason, "a line of " + std::to_string(len) + " bytes (the limit is 64)");
    ASSERT_EQ(r.cells.size(), 1u);
    // Its first 4096 bytes and the mark; all of it, unmarked, when shorter.
    if (len <= 4096) EXPECT_EQ(r.cells[0], obj(len, c));
    else EXPECT_EQ(r.cells[0], obj(len, c).substr(0, 4096) + "... [cut: " + std::to_string(len) + " bytes in all]");
  }
  EXPECT_EQ(src->rows_read(), 8);
}

TEST(NdjsonReader, BinaryInputIsAnError) {
  Schema s;
  s.fields.push_back(field("name", ValueKind::String));
  std::string err;
  EXPECT_FALSE(open_ndjson(string_source(std::string(3 << 20, '\0')), s, {}, {}, err));
  EXPECT_EQ(err, "line 1: a NUL byte (byte 1 of the line): this is not UTF-8 text (a binary file, or UTF-16?)");
  // UTF-16: every other byte of ASCII text is 0.
  EXPECT_FALSE(open_ndjson(string_source(std::string("{\0\"\0n\0", 6)), s, {}, {}, err));
  EXPECT_EQ(err, "line 1: a NUL byte (byte 2 of the line): this is not UTF-8 text (a binary file, or UTF-16?)");
}
