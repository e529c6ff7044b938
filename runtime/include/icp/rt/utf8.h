// UTF-8 helpers shared by the readers and the string built-ins: validation,
// decoding/encoding one code point, white-space trimming, ASCII/Unicode case
// mapping of one code point (see builtins.h for the coverage).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace icp::rt {

// Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates and
// code points above U+10FFFF are invalid), or npos when `s` is valid.
size_t utf8_invalid_at(std::string_view s);
inline bool utf8_valid(std::string_view s) { return utf8_invalid_at(s) == std::string_view::npos; }

// Decodes the code point at s[i], advancing i. Invalid bytes decode as
// U+FFFD, one byte at a time.
char32_t utf8_decode(std::string_view s, size_t& i);
void utf8_append(std::string& out, char32_t cp);

// Number of code points (an invalid byte counts as one).
int64_t utf8_length(std::string_view s);

// White space for trimming: ASCII space, \t \n \v \f \r, U+00A0, U+1680,
// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
bool is_unicode_space(char32_t cp);
std::string_view trim_view(std::string_view s);

char32_t to_lower_cp(char32_t cp);
char32_t to_upper_cp(char32_t cp);

}  // namespace icp::rt
