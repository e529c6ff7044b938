// ICP string literals from string values: the inverse of the lexer's
// decode_string (syntax/literals.h), under LANGUAGE.md section 2's escapes.
#pragma once
#include <string>
#include <string_view>

namespace icp::formatter {

// `value` as a "..." literal that decodes back to exactly `value`: `"` and
// `\` escaped, `\n` and `\t` as themselves, every other control character
// (U+0000 to U+001F, U+007F: a literal cannot hold a raw line break) as
// `\u{X}`; everything else, UTF-8 included, as it is. ICP has no `\r`, `\b`,
// `\f` or `\u00XX` escapes: JSON quoting is not ICP quoting.
std::string quote_string(std::string_view value);

}  // namespace icp::formatter
