#include "syntax/parser.h"

#include <mutex>

#include "syntax/ast_builder.h"
#include "syntax/error_strategy.h"
#include "syntax/parse_context.h"

namespace icp {

namespace {
// ANTLR's C++ runtime shares its DFA and prediction caches between parser
// instances without locking: one parse at a time.
std::mutex g_parse_mutex;

// ANTLR's input stream over code points we decoded ourselves (ANTLR's own
// constructor would decode UTF-8 a second time, and throws on invalid input).
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::u32string code_points) {
    _data = std::move(code_points);
    p = 0;
  }
};
}  // namespace

std::unique_ptr<ast::Module> parse_module(const SourceFile& file, ast::NodeIdAllocator& ids,
                                          DiagnosticEngine& diags) {
  std::lock_guard<std::mutex> lock(g_parse_mutex);
  syntax::ParseContext cx(file, diags);

  // ANTLR indexes code points. Decode the text ourselves (an invalid byte is
  // one U+FFFD, as SourceFile counts it) so positions map back to bytes.
  const std::string& text = file.text();
  cx.text_size = static_cast<uint32_t>(text.size());
  std::u32string code_points;
  code_points.reserve(text.size());
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c < 0x80;
  if (ascii) {
    code_points.assign(text.begin(), text.end());  // code point i is byte i
  } else {
    cx.cp_to_byte.reserve(text.size() + 1);
    for (size_t i = 0; i < text.size();) {
      cx.cp_to_byte.push_back(static_cast<uint32_t>(i));
      code_points.push_back(static_cast<char32_t>(decode_utf8(text, i)));
    }
    cx.cp_to_byte.push_back(static_cast<uint32_t>(text.size()));
  }

  CodePointStream input(std::move(code_points));
  icp_antlr::ICPLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  cx.tokens = &tokens;

  icp_antlr::ICPParser parser(&tokens);
  parser.removeErrorListeners();
  cx.vocab = &parser.getVocabulary();
  parser.setErrorHandler(std::make_shared<syntax::ErrorStrategy>(cx));
  auto* tree = parser.compilationUnit();
  return syntax::build_ast(cx, ids, tree);
}

}  // namespace icp
