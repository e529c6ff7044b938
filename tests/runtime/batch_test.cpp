// Tests of the columnar Batch layout and the string dictionary.
#include <gtest/gtest.h>

#include "icp/rt/batch.h"
#include "icp/rt/strdict.h"
#include "reader_util.h"
#include "test_schemas.h"

using namespace icp::rt;
using namespace icp::rt::testing;

TEST(StringDict, InternFindGet) {
  StringDict d;
  uint32_t a = d.intern("alpha");
  uint32_t b = d.intern("beta");
  EXPECT_EQ(d.intern("alpha"), a);
  EXPECT_NE(a, b);
  EXPECT_EQ(d.find("beta"), b);
  EXPECT_EQ(d.find("gamma"), -1);
  EXPECT_EQ(d.get(a), "alpha");
  uint32_t e = d.intern("");
  EXPECT_EQ(d.get(e), "");
  for (int i = 0; i < 10000; ++i) d.intern("s" + std::to_string(i));
  EXPECT_EQ(d.size(), 10003u);
  EXPECT_EQ(d.get(uint32_t(d.find("s9999"))), "s9999");
  EXPECT_EQ(std::string_view(d.data() + d.offsets()[b], size_t(d.offsets()[b + 1] - d.offsets()[b])), "beta");
  d.clear();
  EXPECT_EQ(d.size(), 0u);
  EXPECT_EQ(d.find("alpha"), -1);
}

TEST(Batch, ColumnLayoutFromCsv) {
  Schema s = observability_schema();
  auto src = csv(
      "name,Website,industry,Employee Count,Technologies,stage,last_funding,sre_openings\n"
      "Acme,acme.io,information,800,k8s;aws;k8s,seed,2026-11-01,\n"
      "Beta,acme.io,,,aws,,,3\n",
      s);
  Batch b;
  std::vector<Reject> rej;
  ASSERT_TRUE(src->next_chunk(b, rej, 100));
  ASSERT_TRUE(rej.empty()) << rej[0].reason;
  ASSERT_EQ(b.rows, 2u);
  ASSERT_EQ(b.columns.size(), 8u);
  // strings share the dictionary: both rows' Website is one id
  EXPECT_EQ(b.columns[1].str[0], b.columns[1].str[1]);
  EXPECT_EQ(b.dict.get(b.columns[0].str[1]), "Beta");
  // enum ordinals in i32 with validity
  EXPECT_EQ(b.columns[2].valid, (std::vector<uint8_t>{1, 0}));
  EXPECT_EQ(b.columns[2].i32, (std::vector<int32_t>{0, 0}));
  EXPECT_EQ(b.columns[3].i64, (std::vector<int64_t>{800, 0}));
  // set: offsets + distinct ids; "aws" has one id in both rows
  const Column& tech = b.columns[4];
  EXPECT_EQ(tech.set_offsets, (std::vector<uint32_t>{0, 2, 3}));
  EXPECT_EQ(tech.valid, (std::vector<uint8_t>{1, 1}));
  EXPECT_EQ(b.dict.get(tech.set_ids[0]), "k8s");
  EXPECT_EQ(tech.set_ids[1], tech.set_ids[2]);
  EXPECT_EQ(b.columns[6].i32[0], 20758);
  EXPECT_EQ(b.columns[7].i64, (std::vector<int64_t>{0, 3}));
  EXPECT_EQ(b.columns[7].valid, (std::vector<uint8_t>{1, 1}));
}

TEST(Batch, RecordRoundTrip) {
  Schema s = observability_schema();
  Batch b;
  b.reset(s);
  Record r;
  r.values = {Value::string("Acme"), Value::string("acme.io"), Value(), Value::integer(5),
              Value::set({"a", "b", "a"}), Value::enumeration(2), Value::date(3), Value::integer(0)};
  b.append_record(r, 7, 9);
  Record empty;
  empty.values.resize(8);
  b.append_record(empty, 8, 10);
  EXPECT_EQ(b.rows, 2u);
  Record back = b.record(0);
  EXPECT_EQ(back.values[4], Value::set({"a", "b"}));
  back.values[4] = r.values[4];
  EXPECT_EQ(back.values, r.values);
  EXPECT_EQ(b.record(1).values[4], Value::set({}));  // a non-optional set is never missing
  EXPECT_TRUE(b.record(1).values[0].is_missing());
  EXPECT_EQ(b.row_number, (std::vector<int64_t>{7, 8}));
  b.reset(s);
  EXPECT_EQ(b.rows, 0u);
  EXPECT_TRUE(b.columns[4].set_ids.empty());
  EXPECT_EQ(b.columns[4].set_offsets, (std::vector<uint32_t>{0}));
}

TEST(Value, DebugStrings) {
  EXPECT_EQ(Value().debug_string(), "missing");
  EXPECT_EQ(Value::real(0.5).debug_string(), "0.5");
  EXPECT_EQ(Value::date(20758).debug_string(), "2026-11-01");
  EXPECT_EQ(Value::set({"a", "b"}).debug_string(), "{\"a\", \"b\"}");
  EXPECT_EQ(Value::duration(90).debug_string(), "90d");
  EXPECT_STREQ(value_kind_name(ValueKind::StringSet), "set<string>");
}
