// Tests of civil date conversion, validation, parsing and formatting.
#include <gtest/gtest.h>

#include "icp/rt/dates.h"

using namespace icp::rt;

TEST(Dates, EpochAndKnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2026, 11, 1), 20758);
  EXPECT_EQ(civil_from_days(20758), (CivilDate{2026, 11, 1}));
  EXPECT_EQ(civil_from_days(-1), (CivilDate{1969, 12, 31}));
}

TEST(Dates, RoundTripManyDays) {
  for (int64_t d = -800000; d <= 800000; d += 37) {
    CivilDate c = civil_from_days(d);
    ASSERT_TRUE(is_valid_date(c.year, c.month, c.day));
    ASSERT_EQ(days_from_civil(c.year, c.month, c.day), d);
  }
}

TEST(Dates, Validation) {
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2026, 2, 29));
  EXPECT_FALSE(is_valid_date(1900, 2, 29));
  EXPECT_TRUE(is_valid_date(2000, 2, 29));
  EXPECT_FALSE(is_valid_date(2026, 2, 30));
  EXPECT_FALSE(is_valid_date(2026, 4, 31));
  EXPECT_FALSE(is_valid_date(2026, 13, 1));
  EXPECT_FALSE(is_valid_date(2026, 0, 1));
  EXPECT_FALSE(is_valid_date(2026, 1, 0));
}

TEST(Dates, ParseIso) {
  EXPECT_EQ(parse_iso_date("2026-11-01"), 20758);
  EXPECT_EQ(parse_iso_date("2026-11-1"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2026-02-30"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2026-11-01T00:00"), std::nullopt);
  EXPECT_EQ(parse_iso_date("20261101"), std::nullopt);
  EXPECT_EQ(parse_iso_date(""), std::nullopt);
}

TEST(Dates, ParseCellWithTimePart) {
  EXPECT_EQ(parse_date_cell("2026-11-01", DateFormat::Ymd), 20758);
  EXPECT_EQ(parse_date_cell("2026-11-01T10:20:30Z", DateFormat::Ymd), 20758);
  EXPECT_EQ(parse_date_cell("2026-11-01 10:20", DateFormat::Ymd), 20758);
  EXPECT_EQ(parse_date_cell("2026-11-01x", DateFormat::Ymd), std::nullopt);
  EXPECT_EQ(parse_date_cell("2026-13-01", DateFormat::Ymd), std::nullopt);
  // 0.2 (LANGUAGE.md 11.1): only a real time part may follow the date.
  for (const char* ok : {"2026-11-01T10:20", "2026-11-01t10:20:30z", "2026-11-01 23:59:59.123456",
                         "2026-11-01T00:00:00+05:30", "2026-11-01T10:20-08:00", "2026-11-01 10:20Z"})
    EXPECT_EQ(parse_date_cell(ok, DateFormat::Ymd), 20758) << ok;
  for (const char* bad : {"2026-11-01 is wrong date", "2026-11-01 (approx)", "2026-11-01T99:99",
                          "2026-11-01T24:00", "2026-11-01T10:60", "2026-11-01T10:20:61", "2026-11-01T10",
                          "2026-11-01T", "2026-11-01 ", "2026-11-01T10:20:30.", "2026-11-01T10:20+5:30",
                          "2026-11-01T10:20+05", "2026-11-01T10:20+0530", "2026-11-01T10:20Z extra",
                          "2026-11-01T1:20", "2026-11-01  10:20"})
    EXPECT_EQ(parse_date_cell(bad, DateFormat::Ymd), std::nullopt) << bad;
}

TEST(Dates, ParseSlashes) {
  EXPECT_EQ(parse_date_cell("11/01/2026", DateFormat::Ymd), std::nullopt);
  EXPECT_EQ(parse_date_cell("11/01/2026", DateFormat::Mdy), 20758);
  EXPECT_EQ(parse_date_cell("01/11/2026", DateFormat::Dmy), 20758);
  EXPECT_EQ(parse_date_cell("1/11/2026", DateFormat::Dmy), 20758);
  EXPECT_EQ(parse_date_cell("11/1/2026 09:00", DateFormat::Mdy), 20758);
  EXPECT_EQ(parse_date_cell("2026-11-01", DateFormat::Mdy), 20758);  // ISO always
  EXPECT_EQ(parse_date_cell("13/01/2026", DateFormat::Mdy), std::nullopt);
  EXPECT_EQ(parse_date_cell("02/30/2026", DateFormat::Mdy), std::nullopt);
  EXPECT_EQ(parse_date_cell("11/01/26", DateFormat::Mdy), std::nullopt);
  EXPECT_EQ(parse_date_cell("111/01/2026", DateFormat::Mdy), std::nullopt);
  EXPECT_EQ(parse_date_cell("11/1/2026 09:00:00Z", DateFormat::Mdy), 20758);
  EXPECT_EQ(parse_date_cell("11/1/2026 (approx)", DateFormat::Mdy), std::nullopt);
  EXPECT_EQ(parse_date_cell("11/1/2026 9am", DateFormat::Mdy), std::nullopt);
}

TEST(Dates, FormatAndParts) {
  EXPECT_EQ(format_date(20758), "2026-11-01");
  EXPECT_EQ(format_date(0), "1970-01-01");
  EXPECT_EQ(format_date(days_from_civil(5, 3, 9)), "0005-03-09");
  EXPECT_EQ(date_year(20758), 2026);
  EXPECT_EQ(date_month(20758), 11);
  EXPECT_EQ(parse_date_format("mdy"), DateFormat::Mdy);
  EXPECT_EQ(parse_date_format("xyz"), std::nullopt);
}

TEST(Dates, TodayIsPlausible) {
  int32_t t = today_utc();
  EXPECT_GT(t, days_from_civil(2024, 1, 1));
  EXPECT_LT(t, days_from_civil(2100, 1, 1));
}
