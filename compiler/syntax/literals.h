// Decoding and validation of ICP literals (LANGUAGE.md section 2), private to
// syntax/. Pure functions of the token text, no ANTLR: the AST builder calls
// them and turns a failure into E0002 at the whole token.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace icp::syntax {

// `1200`, `1_200`. False on overflow of int64.
bool decode_int(std::string_view text, int64_t& out);
// `1.5`, `2e6`, `1_000.5`.
double decode_float(std::string_view text);

// `50M`, `2.5k`, `1.2345k`: an int when the value is whole, else a float.
struct Magnitude {
  bool is_int = false;
  bool overflow = false;
  int64_t int_value = 0;
  double float_value = 0;
};
Magnitude decode_magnitude(std::string_view text);

// `15%` -> 0.15 (correctly rounded from the decimal text).
double decode_percent(std::string_view text);

// `90d`, `6w`, `3mo`, `1y` -> days. False on overflow.
bool decode_duration(std::string_view text, int64_t& days);

// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
// Validates `YYYY-MM-DD`; on failure reports E0002 at `r` and returns nothing.
struct DateValue {
  int year = 0, month = 0, day = 0;
  int32_t days = 0;
};
std::optional<DateValue> decode_date(std::string_view text, DiagnosticEngine& diags, SourceRange r);

// Decodes a string literal as written, quotes included: "..." with escapes,
// r"..." and r#"..."#. On a bad escape reports E0002 at `r` and returns false.
bool decode_string(std::string_view text, std::string& out, bool& raw, DiagnosticEngine& diags,
                   SourceRange r);

// How to write `number unit` as a duration literal when `unit` is a word for
// days, weeks, months or years (`days`, `wk`, `months`, `yrs`...; not a lone
// letter), or None:
// (`6`, `months`) -> "`6mo` or `180d`", (`90`, `days`) -> "`90d`".
std::optional<std::string> duration_words(std::string_view number, std::string_view unit);

// Reports E0002 for a BAD_NUMBER token (`90days`, `3m`, `50Mb`, `1__0`),
// with a hint at what was meant.
void report_bad_number(DiagnosticEngine& diags, SourceRange r, std::string_view text);

}  // namespace icp::syntax
