// Private to syntax/: the code points ANTLR indexes, decoded once.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace icp::syntax {

// Decodes UTF-8 (an invalid byte is one U+FFFD, as SourceFile counts it).
// For a text that is not all ASCII, fills `cp_to_byte` with the byte offset
// of every code point and one past the end; an ASCII text leaves it empty
// (code point i is byte i).
std::u32string decode_code_points(std::string_view text, std::vector<uint32_t>* cp_to_byte);

}  // namespace icp::syntax
