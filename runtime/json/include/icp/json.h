// JSON string escaping (RFC 8259): the one quoter of every JSON the project
// writes by hand (result rows, explain, `--format json` diagnostics, AST
// dumps). A leaf: it uses nothing else of the project, so a phase that only
// writes JSON strings (diag) links this and not the runtime.
#pragma once
#include <string>
#include <string_view>

namespace icp::json {

// Appends `s` as a JSON string: quotes, `\"` `\\` `\n` `\r` `\t` `\b` `\f`,
// `\u00XX` for the other control characters; other bytes (UTF-8) as they are.
void append_string(std::string& out, std::string_view s);
// The same, as a new string.
std::string quote(std::string_view s);

}  // namespace icp::json
