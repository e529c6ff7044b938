// Civil (proleptic Gregorian) dates as days since 1970-01-01, after Howard
// Hinnant's `days_from_civil` / `civil_from_days`; validation, parsing of the
// input forms of LANGUAGE.md section 8 (`YYYY-MM-DD[T...| ...]`, and with
// `--date-format` `MM/DD/YYYY` or `DD/MM/YYYY`), today's UTC date, and
// formatting as `YYYY-MM-DD`. Shared by the compiler (date literals, as_of)
// and the runtime (cells).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace icp::rt {

struct CivilDate {
  int32_t year = 1970;
  uint32_t month = 1;  // 1..12
  uint32_t day = 1;    // 1..31
  bool operator==(const CivilDate&) const = default;
};

// How dates written with slashes are read (`--date-format ymd|mdy|dmy`).
// ISO `YYYY-MM-DD` is read under every format; `Ymd` reads ISO dates only.
enum class DateFormat : uint8_t { Ymd, Mdy, Dmy };

// "ymd" / "mdy" / "dmy" -> format; anything else -> nullopt.
std::optional<DateFormat> parse_date_format(std::string_view name);

bool is_leap_year(int32_t y);
uint32_t days_in_month(int32_t y, uint32_t m);  // m in 1..12
bool is_valid_date(int32_t y, uint32_t m, uint32_t d);

// Days since 1970-01-01 (negative before). Valid for any valid civil date.
int64_t days_from_civil(int32_t y, uint32_t m, uint32_t d);
CivilDate civil_from_days(int64_t days);

// Strict ISO calendar date, exactly `YYYY-MM-DD` (4-2-2 digits), validated.
// Used for date literals and `--as-of`.
std::optional<int32_t> parse_iso_date(std::string_view s);

// A cell: ISO `YYYY-MM-DD` optionally followed by `T` or a space and a time
// part (is_time_part; ignored, no zone conversion); with Mdy/Dmy also
// `M/D/YYYY` / `D/M/YYYY` (1-2 digit month and day, the same optional time
// part). Input must already be trimmed. nullopt when malformed or impossible
// (2026-02-30, `2026-10-20 (approx)`, `2026-10-20T99:99`).
std::optional<int32_t> parse_date_cell(std::string_view s, DateFormat fmt);

// A valid time `hh:mm[:ss[.f...]]` (hh <= 23, mm and ss <= 59), then
// nothing, `Z` or `±hh:mm` (lower-case `z` and `t` are accepted as RFC 3339
// does). What may follow a date and its `T` or space.
bool is_time_part(std::string_view s);

// "YYYY-MM-DD" (years outside 0..9999 printed with sign / more digits).
std::string format_date(int64_t days);

// Today's date in UTC, as days since 1970-01-01.
int32_t today_utc();

// year(d) / month(d) of LANGUAGE.md section 9.
int32_t date_year(int64_t days);
int32_t date_month(int64_t days);

}  // namespace icp::rt
