// Private to syntax/: state shared by the parser front door, the error
// strategy and the AST builder for one parse. Includes ANTLR headers, so it
// must never be included from outside compiler/syntax/*.cpp.
#pragma once
#include <algorithm>
#include <cstdint>
#include <tuple>
#include <string>
#include <vector>

#include "ICPLexer.h"
#include "ICPParser.h"
#include "antlr4-runtime.h"
#include "diag/diagnostic.h"
#include "source/source.h"

namespace icp::syntax {

struct ParseContext {
  const SourceFile& file;
  DiagnosticEngine& diags;
  // ANTLR positions are code-point indices; cp_to_byte[i] is the byte offset
  // of code point i (one entry past the end as well). Left empty for an
  // all-ASCII text, where the two are the same (text_size says where it ends).
  std::vector<uint32_t> cp_to_byte;
  uint32_t text_size = 0;
  antlr4::CommonTokenStream* tokens = nullptr;
  const antlr4::dfa::Vocabulary* vocab = nullptr;  // the parser's (static) vocabulary
  // Errors the parser met, reported or quietened (ErrorStrategy::report).
  // Zero means the parse tree holds no error node and no exception.
  size_t parse_errors = 0;
  // Token indexes where guard_nesting() cut a too-deep part out, ascending
  // (syntax/nesting.h).
  std::vector<size_t> cuts;
  // Labels and names of statements that error recovery skipped whole (a
  // misspelt `signl "x" ...`): Module::lost_names.
  std::vector<std::string> lost_names;
  // Statements that a syntax error made suspect although their rule
  // completed (`tier top when a = 3` ends at `a`): Module::recovered.
  std::vector<SourceRange> suspect;

  ParseContext(const SourceFile& f, DiagnosticEngine& d) : file(f), diags(d) {}

  uint32_t byte_of(size_t cp) const {
    if (cp_to_byte.empty()) return static_cast<uint32_t>(std::min<size_t>(cp, text_size));
    if (cp >= cp_to_byte.size()) return cp_to_byte.back();
    return cp_to_byte[cp];
  }
  // diags.emit, for short.
  template <DiagKind K, typename... A>
  DiagBuilder report(DiagDef<K, A...> k, SourceRange r, std::type_identity_t<A>... a) {
    return diags.emit(k, r, a...);
  }
  // Whether a cut starts at a token index in [first, last].
  bool has_cut(size_t first, size_t last) const {
    auto it = std::lower_bound(cuts.begin(), cuts.end(), first);
    return it != cuts.end() && *it <= last;
  }
  static bool is_real(const antlr4::Token* t) {
    return t && t->getTokenIndex() != INVALID_INDEX && t->getStartIndex() != INVALID_INDEX;
  }
  // The range of a token (zero-width at its start for EOF).
  SourceRange token_range(const antlr4::Token* t) const {
    if (!is_real(t) || t->getType() == antlr4::Token::EOF) return file.range(token_begin(t), token_end(t));
    return span(t, t);
  }
  // Byte offsets of a token (no line/column work: this is on the hot path).
  uint32_t token_begin(const antlr4::Token* t) const { return is_real(t) ? byte_of(t->getStartIndex()) : 0; }
  uint32_t token_end(const antlr4::Token* t) const {
    if (!is_real(t)) return 0;
    uint32_t b = byte_of(t->getStartIndex());
    uint32_t e = t->getType() == antlr4::Token::EOF ? b : byte_of(t->getStopIndex() + 1);
    return e < b ? b : e;
  }
  // The range of a rule context: its first token to its last.
  SourceRange ctx_range(antlr4::ParserRuleContext* c) const {
    if (!c || !is_real(c->getStart())) return file.range(0, 0);
    antlr4::Token* start = c->getStart();
    antlr4::Token* stop = c->getStop();
    if (start->getType() == antlr4::Token::EOF) return file.range(token_begin(start), token_begin(start));
    bool has_stop = is_real(stop) && stop->getTokenIndex() >= start->getTokenIndex() &&
                    stop->getType() != antlr4::Token::EOF;
    return span(start, has_stop ? stop : nullptr);
  }
  // From the start of real token `first` to the end of `last` (or empty at
  // `first` when last is null). Lines and columns come from the lexer's own
  // bookkeeping (it counts code points and '\n' exactly as SourceFile does),
  // not from a search of the line table: this runs for every AST node.
  SourceRange span(const antlr4::Token* first, const antlr4::Token* last) const {
    SourceRange r;
    r.file = file.id();
    r.begin = token_begin(first);
    r.line = static_cast<uint32_t>(first->getLine());
    r.col = static_cast<uint32_t>(first->getCharPositionInLine()) + 1;
    if (!last) {
      r.end = r.begin;
      r.end_line = r.line;
      r.end_col = r.col;
      return r;
    }
    r.end = std::max(r.begin, token_end(last));
    if (may_span_lines(last->getType())) {
      std::tie(r.end_line, r.end_col) = file.line_col(r.end);
    } else {
      r.end_line = static_cast<uint32_t>(last->getLine());
      r.end_col = static_cast<uint32_t>(last->getCharPositionInLine() + 1 + last->getStopIndex() + 1 -
                                        last->getStartIndex());
    }
    return r;
  }
  // Tokens whose text may hold a line break.
  static bool may_span_lines(size_t type) {
    return type == icp_antlr::ICPLexer::BLOCK_COMMENT || type == icp_antlr::ICPLexer::UNTERMINATED_COMMENT ||
           type == icp_antlr::ICPLexer::RAW_STRING;
  }
  // The default-channel token before token index i, or null.
  antlr4::Token* previous_token(size_t i) const {
    while (i > 0) {
      --i;
      antlr4::Token* t = tokens->get(i);
      if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return t;
    }
    return nullptr;
  }
};

// Text a human reads for a token kind: `when`, `=>`, a name, a string...
std::string describe_token_kind(size_t type, const antlr4::dfa::Vocabulary& vocab);
// Text for a concrete token: `foo`, `=>`, end of file.
std::string describe_token(const antlr4::Token* t);

}  // namespace icp::syntax
