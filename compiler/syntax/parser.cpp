#include "syntax/parser.h"

#include "syntax/antlr_lock.h"
#include "syntax/ast_builder.h"
#include "syntax/code_points.h"
#include "syntax/error_strategy.h"
#include "syntax/nesting.h"
#include "syntax/parse_context.h"
#include "syntax/scanner.h"

namespace icp {

std::mutex& syntax::antlr_mutex() {
  static std::mutex mu;
  return mu;
}

std::unique_ptr<ast::Module> parse_module(const SourceFile& file, ast::NodeIdAllocator& ids,
                                          DiagnosticEngine& diags) {
  syntax::ParseContext cx(file, diags);
  // ANTLR indexes code points; positions map back to bytes via cp_to_byte.
  const std::string& text = file.text();
  cx.text_size = static_cast<uint32_t>(text.size());
  syntax::CodePointStream input(syntax::decode_code_points(text, &cx.cp_to_byte));

  std::lock_guard<std::mutex> lock(syntax::antlr_mutex());
  // The grammar's lexer rules, by direct code (syntax/scanner.h); the parser
  // is ANTLR's. (The generated lexer is not even linked into icp: its
  // static initialiser alone cost a millisecond at every start.)
  syntax::Scanner scanner(&input);
  syntax::ScannerTokenStream tokens(&scanner);
  tokens.fill();
  cx.tokens = &tokens;
  // ANTLR's descent recurses on brackets: what nests too deeply never
  // reaches it.
  syntax::guard_nesting(cx);

  icp_antlr::ICPParser parser(&tokens);
  parser.removeErrorListeners();
  cx.vocab = &parser.getVocabulary();
  parser.setErrorHandler(std::make_shared<syntax::ErrorStrategy>(cx));
  auto* tree = parser.compilationUnit();
  return syntax::build_ast(cx, ids, tree);
}

}  // namespace icp
