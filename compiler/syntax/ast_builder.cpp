#include "syntax/ast_builder.h"

#include <fmt/format.h>

#include <optional>
#include <typeinfo>

#include "syntax/literals.h"
#include "syntax/nesting.h"

namespace icp::syntax {

using namespace icp::ast;
using P = icp_antlr::ICPParser;
using antlr4::ParserRuleContext;
using antlr4::Token;
using antlr4::tree::ParseTree;
using antlr4::tree::TerminalNode;

namespace {

// Node classification without dynamic_casts, which walk the class hierarchy
// comparing type names, and the builder asks millions of times. A typeid
// comparison of the exact class is a pointer comparison when it matches, and
// a name comparison that stops at the first differing character otherwise.
bool is_terminal(ParseTree* t) {
  const std::type_info& ti = typeid(*t);
  return ti == typeid(antlr4::tree::TerminalNodeImpl) || ti == typeid(antlr4::tree::ErrorNodeImpl);
}
bool is_error_node(ParseTree* t) { return typeid(*t) == typeid(antlr4::tree::ErrorNodeImpl); }

// t as the labelled alternative T (an exact class), or null.
template <typename T>
T* alt(ParseTree* t) {
  return t && typeid(*t) == typeid(T) ? static_cast<T*>(t) : nullptr;
}

// The token of a real (not error-recovery) terminal node, or null.
Token* real_token(ParseTree* t) {
  if (typeid(*t) != typeid(antlr4::tree::TerminalNodeImpl)) return nullptr;
  // (TerminalNode derives from ParseTree non-virtually, so static_cast is
  // right; it is TerminalNodeImpl that derives virtually from TerminalNode.)
  Token* s = static_cast<TerminalNode*>(t)->getSymbol();
  return ParseContext::is_real(s) ? s : nullptr;
}

// The i-th real token of `type` directly under c: tokens conjured or skipped
// during error recovery (error nodes) do not count.
Token* tok(ParserRuleContext* c, size_t type, size_t i = 0) {
  if (!c) return nullptr;
  for (auto* ch : c->children) {
    Token* s = real_token(ch);
    if (s && s->getType() == type) {
      if (i == 0) return s;
      --i;
    }
  }
  return nullptr;
}

// The first real token directly under c, whatever its type.
Token* first_tok(ParserRuleContext* c) {
  if (!c) return nullptr;
  for (auto* ch : c->children)
    if (Token* s = real_token(ch)) return s;
  return nullptr;
}

// The rule contexts directly under c.
std::vector<ParserRuleContext*> subs(ParserRuleContext* c) {
  std::vector<ParserRuleContext*> out;
  for (auto* ch : c->children)
    if (!is_terminal(ch)) out.push_back(static_cast<ParserRuleContext*>(ch));
  return out;
}

// The i-th rule context directly under c, or null.
ParserRuleContext* sub(ParserRuleContext* c, size_t i = 0) {
  if (!c) return nullptr;
  for (auto* ch : c->children) {
    if (is_terminal(ch)) continue;
    if (i == 0) return static_cast<ParserRuleContext*>(ch);
    --i;
  }
  return nullptr;
}

bool is_doc_comment(std::string_view text) {
  return text.size() >= 3 && text.substr(0, 3) == "///" && !(text.size() > 3 && text[3] == '/');
}

std::string doc_line(std::string_view text) {
  std::string_view s = text.substr(3);
  if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

BinaryOp binary_op(size_t type) {
  switch (type) {
    case P::K_OR: return BinaryOp::Or;
    case P::K_AND: return BinaryOp::And;
    case P::EQ: return BinaryOp::Eq;
    case P::NE: return BinaryOp::Ne;
    case P::LT: return BinaryOp::Lt;
    case P::LE: return BinaryOp::Le;
    case P::GT: return BinaryOp::Gt;
    case P::GE: return BinaryOp::Ge;
    case P::COALESCE: return BinaryOp::Coalesce;
    case P::PLUS: return BinaryOp::Add;
    case P::MINUS: return BinaryOp::Sub;
    case P::STAR: return BinaryOp::Mul;
    default: return BinaryOp::Div;
  }
}

CmpOp cmp_op(size_t type) {
  switch (type) {
    case P::NE: return CmpOp::Ne;
    case P::LT: return CmpOp::Lt;
    case P::LE: return CmpOp::Le;
    case P::GT: return CmpOp::Gt;
    case P::GE: return CmpOp::Ge;
    default: return CmpOp::Eq;
  }
}

// Whether the parser reported or recovered from an error inside t. (A walk
// with its own stack: a flat chain of N operators is N levels deep.)
bool has_parse_errors_in(ParseTree* root) {
  std::vector<ParseTree*> todo{root};
  while (!todo.empty()) {
    ParseTree* t = todo.back();
    todo.pop_back();
    if (is_terminal(t)) {
      if (is_error_node(t)) return true;
      continue;
    }
    auto* c = static_cast<ParserRuleContext*>(t);
    if (c->exception) return true;
    todo.insert(todo.end(), c->children.begin(), c->children.end());
  }
  return false;
}
// The same, without a walk when the parser met no error at all (the usual
// case: the builder asks for every profile item).
bool has_parse_errors(const ParseContext& cx, ParseTree* t) {
  return cx.parse_errors > 0 && has_parse_errors_in(t);
}

P::TierItemContext* tier_of(P::ProfileItemContext* c) { return c->tierItem(); }
P::TierItemContext* tier_of(P::GroupMemberContext*) { return nullptr; }
P::GroupItemContext* group_of(P::ProfileItemContext* c) { return c->groupItem(); }
P::GroupItemContext* group_of(P::GroupMemberContext*) { return nullptr; }

class Builder {
 public:
  Builder(ParseContext& cx, NodeIdAllocator& ids) : cx_(cx), ids_(ids) {}

  std::unique_ptr<Module> module(P::CompilationUnitContext* tree);

 private:
  // ---- helpers -----------------------------------------------------------
  template <typename T> std::unique_ptr<T> make(SourceRange r) {
    auto n = std::make_unique<T>();
    n->id = ids_.next();
    n->range = r;
    return n;
  }
  template <typename T> void init(T& n, SourceRange r) {
    n.id = ids_.next();
    n.range = r;
  }
  SourceRange range(Token* t) { return cx_.token_range(t); }
  SourceRange range(ParserRuleContext* c) { return cx_.ctx_range(c); }
  SourceRange cover(const SourceRange& a, const SourceRange& b) { return SourceRange::cover(a, b); }
  // Zero-width range at the end of a context (where something is missing).
  SourceRange end_of(ParserRuleContext* c) {
    SourceRange r = range(c);
    return cx_.file.range(r.end, r.end);
  }
  std::string text(Token* t) {
    SourceRange r = range(t);
    return cx_.file.text().substr(r.begin, r.end - r.begin);
  }
  Ident ident(Token* t, ParserRuleContext* parent) {
    if (!t) return Ident{"", end_of(parent)};
    return Ident{text(t), range(t)};
  }
  ExprPtr error_at(SourceRange r) { return make<ErrorExpr>(r); }
  ExprPtr error_end(ParserRuleContext* c) { return error_at(end_of(c)); }

  std::string doc_before(Token* first);
  Label label(P::StringLitContext* c, ParserRuleContext* parent);

  // ---- declarations ------------------------------------------------------
  DeclPtr decl(P::DeclContext* c);
  DeclPtr enum_decl(P::EnumDeclContext* c);
  DeclPtr schema_decl(P::SchemaDeclContext* c);
  DeclPtr def_decl(P::DefDeclContext* c);
  DeclPtr profile_decl(P::ProfileDeclContext* c);
  DeclPtr test_decl(P::TestDeclContext* c);
  std::unique_ptr<TypeRef> type_ref(P::TypeRefContext* c, ParserRuleContext* parent);
  template <typename Ctx> ItemPtr item(Ctx* c, bool in_group);
  bool expect(P::ExpectationContext* c, Expect& out);
  template <typename Elem>
  void check_separators(ParserRuleContext* c, const char* what);

  // ---- expressions -------------------------------------------------------
  // One level of an expression's nesting (syntax/nesting.h): false past the
  // limit, the first level beyond it being remembered for the E0003.
  class Level {
   public:
    Level(Builder& b, ParserRuleContext* c) : b_(b), ok_(++b.depth_ <= kMaxNesting) {
      if (!ok_ && !b.too_deep_) b.too_deep_ = b.range(c);
    }
    ~Level() { --b_.depth_; }
    Level(const Level&) = delete;
    explicit operator bool() const { return ok_; }

   private:
    Builder& b_;
    bool ok_;
  };
  // A whole expression (a condition, a value...), built by `build`. One that
  // the token guard cut, or that nests too deeply (E0003 here), is an
  // ErrorExpr over its range, so no later phase recurses into it.
  template <typename F>
  ExprPtr whole(ParserRuleContext* c, F&& build);
  ExprPtr whole_const(P::ConstValueContext* c, ParserRuleContext* parent, bool allow_missing) {
    return whole(c, [&] { return const_value(c, parent, allow_missing); });
  }
  // A complete expression (a condition, a value, a def's body...).
  ExprPtr value_expr(ParseTree* c, ParserRuleContext* parent);
  ExprPtr expr(P::ExprContext* c, ParserRuleContext* parent);
  ExprPtr logic(P::LogicContext* c, ParserRuleContext* parent);
  ExprPtr cmp_expr(P::CmpExprContext* c);
  ExprPtr operand(P::OperandContext* c, ParserRuleContext* parent);
  ExprPtr primary(P::OperandContext* c);
  ExprPtr literal(Token* t, Token* sign);
  ExprPtr const_value(P::ConstValueContext* c, ParserRuleContext* parent, bool allow_missing);
  // A schema field's default: a literal, as const_value() reads it, or an
  // error that says so (E0001).
  ExprPtr default_value(P::ExprContext* c, ParserRuleContext* parent);
  // The default as a literal, or null (with *bad the part that is not one).
  ExprPtr literal_value(P::ExprContext* c, ParserRuleContext** bad);
  // A binary alternative of a left-recursive rule: children lhs, op, rhs.
  template <typename Sub, typename F>
  ExprPtr binary_alt(ParserRuleContext* c, F&& side);
  ExprPtr binary(Token* op, ExprPtr lhs, ExprPtr rhs);
  // `missing` as an operand of a comparison, `in` or `between` (LANGUAGE.md
  // 11.1): E0001, which suggests `is missing` / `is present`; the operand
  // becomes an ErrorExpr. `what` names the operator.
  void reject_missing(ExprPtr& e, std::string_view what);

  ParseContext& cx_;
  NodeIdAllocator& ids_;
  std::vector<SourceRange> recovered_;  // items with a syntax error (Module::recovered)
  size_t depth_ = 0;                     // of the expression being built
  std::optional<SourceRange> too_deep_;  // where it crossed kMaxNesting
};

// ---------------------------------------------------------------------------
// Docs and labels

std::string Builder::doc_before(Token* first) {
  if (!first || !ParseContext::is_real(first)) return "";
  auto hidden = cx_.tokens->getHiddenTokensToLeft(first->getTokenIndex(), Token::HIDDEN_CHANNEL);
  std::vector<std::string> lines;
  size_t expected_line = first->getLine() - 1;
  for (auto it = hidden.rbegin(); it != hidden.rend(); ++it) {
    Token* t = *it;
    if (t->getType() != P::LINE_COMMENT || !is_doc_comment(t->getText()) ||
        t->getLine() != expected_line)
      break;
    lines.insert(lines.begin(), doc_line(t->getText()));
    --expected_line;
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  return out;
}

Label Builder::label(P::StringLitContext* c, ParserRuleContext* parent) {
  Token* t = c ? first_tok(c) : nullptr;
  if (!t) return Label{"", end_of(parent)};
  Label l{"", range(t)};
  std::string raw_text = text(t);
  bool raw = false;
  if (!decode_string(raw_text, l.value, raw, cx_.diags, l.range)) {
    l.value = raw_text.size() >= 2 ? raw_text.substr(1, raw_text.size() - 2) : raw_text;
  }
  return l;
}

// ---------------------------------------------------------------------------
// Module and declarations

std::unique_ptr<Module> Builder::module(P::CompilationUnitContext* tree) {
  auto m = std::make_unique<Module>();
  m->file = cx_.file.id();

  // Every comment, in source order.
  // (By index: getTokens() would copy the whole token list.)
  for (size_t i = 0, n = cx_.tokens->size(); i < n; ++i) {
    Token* t = cx_.tokens->get(i);
    size_t ty = t->getType();
    if (ty != P::LINE_COMMENT && ty != P::BLOCK_COMMENT && ty != P::UNTERMINATED_COMMENT) continue;
    Comment c;
    c.range = range(t);
    c.text = text(t);
    c.kind = ty == P::LINE_COMMENT ? (is_doc_comment(c.text) ? Comment::Doc : Comment::Line)
                                   : Comment::Block;
    if (ty == P::UNTERMINATED_COMMENT)
      cx_.report(diag::UnterminatedComment, cx_.file.range(c.range.begin, c.range.begin + 2));
    m->comments.push_back(std::move(c));
  }

  std::vector<P::DeclContext*> decls = tree ? tree->decl() : std::vector<P::DeclContext*>{};
  for (auto* d : decls)
    if (DeclPtr p = decl(d)) m->decls.push_back(std::move(p));

  // `///` blocks before the first declaration document the file; with two or
  // more blocks (separated by a blank line or another comment), the last one
  // directly above a declaration other than an import documents that
  // declaration instead.
  Token* first = nullptr;
  if (!decls.empty()) first = decls.front()->getStart();
  else if (tree) first = tree->getStop() ? tree->getStop() : tree->getStart();
  if (first && ParseContext::is_real(first)) {
    auto hidden = cx_.tokens->getHiddenTokensToLeft(first->getTokenIndex(), Token::HIDDEN_CHANNEL);
    if (first->getType() == Token::EOF) {
      // No declarations: getHiddenTokensToLeft of EOF covers the whole file.
    }
    std::vector<std::vector<Token*>> blocks;
    Token* prev = nullptr;
    for (Token* t : hidden) {
      bool doc = t->getType() == P::LINE_COMMENT && is_doc_comment(t->getText());
      if (!doc) {
        prev = nullptr;
        continue;
      }
      if (!prev || t->getLine() != prev->getLine() + 1) blocks.emplace_back();
      blocks.back().push_back(t);
      prev = t;
    }
    auto block_text = [&](const std::vector<Token*>& b) {
      std::string s;
      for (size_t i = 0; i < b.size(); ++i) s += (i ? "\n" : "") + doc_line(b[i]->getText());
      return s;
    };
    size_t file_blocks = blocks.size();
    if (blocks.size() >= 2 && !m->decls.empty() && m->decls.front()->kind != DeclKind::Import &&
        blocks.back().back()->getLine() + 1 == first->getLine() &&
        hidden.back() == blocks.back().back())
      file_blocks = blocks.size() - 1;
    else if (!m->decls.empty())
      m->decls.front()->doc.clear();  // the adjacent block is the file's, not the decl's
    for (size_t i = 0; i < file_blocks; ++i)
      m->doc += (i ? "\n\n" : "") + block_text(blocks[i]);
  }
  m->recovered = std::move(recovered_);
  m->recovered.insert(m->recovered.end(), cx_.suspect.begin(), cx_.suspect.end());
  m->lost_names = cx_.lost_names;
  return m;
}

DeclPtr Builder::decl(P::DeclContext* c) {
  if (!c) return nullptr;
  DeclPtr d;
  if (auto* x = c->importDecl()) {
    auto n = make<ImportDecl>(range(x));
    n->path = label(x->stringLit(), x);
    d = std::move(n);
  } else if (auto* x = c->enumDecl()) {
    d = enum_decl(x);
  } else if (auto* x = c->schemaDecl()) {
    d = schema_decl(x);
  } else if (auto* x = c->constDecl()) {
    auto n = make<ConstDecl>(range(x));
    n->name = ident(tok(x, P::IDENT), x);
    n->value = value_expr(x->expr(), x);
    d = std::move(n);
  } else if (auto* x = c->defDecl()) {
    d = def_decl(x);
  } else if (auto* x = c->profileDecl()) {
    d = profile_decl(x);
  } else if (auto* x = c->testDecl()) {
    d = test_decl(x);
  }
  if (d) d->doc = doc_before(c->getStart());
  return d;
}

template <typename Elem>
void Builder::check_separators(ParserRuleContext* c, const char* what) {
  // After a syntax error the elements are guesses: say nothing more.
  if (has_parse_errors(cx_, c)) return;
  Elem* prev = nullptr;
  bool separated = true;
  for (auto* ch : c->children) {
    if (is_error_node(ch)) continue;
    if (auto* e = alt<Elem>(ch)) {
      if (prev && !separated && prev->getStop() && e->getStart() &&
          e->getStart()->getLine() == prev->getStop()->getLine() &&
          e->getStart()->getTokenIndex() > prev->getStop()->getTokenIndex())
        cx_.report(diag::MissingSeparator, range(e->getStart()), what);
      prev = e;
      separated = false;
    } else if (Token* t = real_token(ch)) {
      if (t->getType() == P::COMMA) separated = true;
    }
  }
}

DeclPtr Builder::enum_decl(P::EnumDeclContext* c) {
  auto n = make<EnumDecl>(range(c));
  n->name = ident(tok(c, P::IDENT), c);
  check_separators<P::EnumMemberContext>(c, "enum members");
  for (auto* mc : c->enumMember()) {
    EnumMember m;
    init(m, range(mc));
    m.name = ident(tok(mc, P::IDENT), mc);
    for (auto* s : mc->stringLit()) m.aliases.push_back(label(s, mc));
    m.is_default = tok(mc, P::K_DEFAULT) != nullptr;
    m.doc = doc_before(mc->getStart());
    if (m.name.empty()) continue;
    n->members.push_back(std::move(m));
  }
  return n;
}

DeclPtr Builder::schema_decl(P::SchemaDeclContext* c) {
  auto n = make<SchemaDecl>(range(c));
  n->name = ident(tok(c, P::IDENT), c);
  check_separators<P::SchemaFieldContext>(c, "fields");
  for (auto* fc : c->schemaField()) {
    SchemaField f;
    init(f, range(fc));
    f.name = ident(tok(fc, P::IDENT), fc);
    f.type = type_ref(fc->typeRef(), fc);
    if (Token* m = fc->mark) {
      if (m->getText() == "key")
        f.key = Ident{"key", range(m)};
      else
        cx_.report(diag::KeyMarkExpected, range(m), m->getText());
    }
    if (tok(fc, P::ASSIGN)) f.default_value = default_value(fc->expr(), fc);
    if (tok(fc, P::K_FROM)) f.from = label(fc->stringLit(), fc);
    f.doc = doc_before(fc->getStart());
    if (f.name.empty()) continue;
    n->fields.push_back(std::move(f));
  }
  return n;
}

std::unique_ptr<TypeRef> Builder::type_ref(P::TypeRefContext* c, ParserRuleContext* parent) {
  if (!c) {
    auto t = make<TypeRef>(end_of(parent));
    t->name = Ident{"", end_of(parent)};
    return t;
  }
  auto t = make<TypeRef>(range(c));
  if (Token* s = tok(c, P::K_SET) ? tok(c, P::K_SET) : tok(c, P::IDENT)) {
    // `set<...>`, or a name with a parameter (the checker's E0105).
    t->name = ident(s, c);
    t->element = type_ref(c->typeRef(), c);
  } else if (auto* tn = c->typeName()) {
    t->name = ident(first_tok(tn), c);
  } else {
    t->name = Ident{"", end_of(c)};
  }
  t->optional = tok(c, P::QUESTION) != nullptr;
  return t;
}

DeclPtr Builder::def_decl(P::DefDeclContext* c) {
  auto n = make<DefDecl>(range(c));
  n->name = ident(tok(c, P::IDENT), c);
  for (auto* pc : c->param()) {
    Param p;
    init(p, range(pc));
    p.name = ident(tok(pc, P::IDENT), pc);
    p.type = type_ref(pc->typeRef(), pc);
    if (!p.name.empty()) n->params.push_back(std::move(p));
  }
  n->result = type_ref(c->typeRef(), c);
  n->body = value_expr(c->expr(), c);
  return n;
}

DeclPtr Builder::profile_decl(P::ProfileDeclContext* c) {
  auto n = make<ProfileDecl>(range(c));
  n->persona = tok(c, P::K_PERSONA) != nullptr;
  // The name comes before `on`, the schema after it.
  Token* on = tok(c, P::K_ON);
  Token* a = tok(c, P::IDENT, 0);
  Token* b = tok(c, P::IDENT, 1);
  if (a && on && a->getTokenIndex() > on->getTokenIndex()) {
    b = a;
    a = nullptr;
  }
  n->name = ident(a, c);
  n->schema = ident(b, c);
  for (auto* ic : c->profileItem())
    if (ItemPtr it = item(ic, false)) n->items.push_back(std::move(it));
  return n;
}

template <typename Ctx>
ItemPtr Builder::item(Ctx* c, bool in_group) {
  if (!c) return nullptr;
  ParserRuleContext* inner = sub(c);
  bool broken = inner && inner->getRuleIndex() != P::RuleGroupItem && has_parse_errors(cx_, inner);
  ItemPtr out;
  if (auto* x = c->letItem()) {
    auto n = make<LetItem>(range(x));
    n->name = ident(tok(x, P::IDENT), x);
    n->value = value_expr(x->expr(), x);
    out = std::move(n);
  } else if (auto* x = c->excludeItem()) {
    auto n = make<ExcludeItem>(range(x));
    n->label = label(x->stringLit(), x);
    n->cond = value_expr(x->expr(), x);
    out = std::move(n);
  } else if (auto* x = c->signalItem()) {
    auto n = make<SignalItem>(range(x));
    n->label = label(x->stringLit(), x);
    auto es = x->expr();
    n->cond = value_expr(es.size() > 0 ? es[0] : nullptr, x);
    n->points = value_expr(es.size() > 1 ? es[1] : nullptr, x);
    out = std::move(n);
  } else if (auto* x = c->triggerItem()) {
    auto n = make<TriggerItem>(range(x));
    n->label = label(x->stringLit(), x);
    n->on = value_expr(x->on, x);
    n->within = value_expr(x->window, x);
    if (tok(x, P::K_WHEN)) n->cond = value_expr(x->cond, x);
    n->points = value_expr(x->points, x);
    if (tok(x, P::K_HALFLIFE)) n->halflife = value_expr(x->halflife, x);
    out = std::move(n);
  } else if (auto* x = tier_of(c)) {
    auto n = make<TierItem>(range(x));
    n->name = ident(x->tierName() ? first_tok(x->tierName()) : nullptr, x);
    // (A name the parser had to conjure leaves no error node in tierName.)
    broken = broken || n->name.empty();
    n->cond = value_expr(x->expr(), x);
    out = std::move(n);
  } else if (auto* x = group_of(c)) {  // (the grammar has no tier or group in a group)
    auto n = make<GroupItem>(range(x));
    n->label = label(x->stringLit(), x);
    if (tok(x, P::K_CAP)) n->cap = value_expr(x->operand(), x);
    for (auto* ic : x->groupMember())
      if (ItemPtr it = item(ic, true)) n->items.push_back(std::move(it));
    out = std::move(n);
  }
  if (out) out->doc = doc_before(c->getStart());
  // Its expressions are recovery's guesses: the checker says nothing more
  // about them (sema/quiet_recovered.cpp).
  if (out && broken) recovered_.push_back(out->range);
  return out;
}

DeclPtr Builder::test_decl(P::TestDeclContext* c) {
  auto n = make<TestDecl>(range(c));
  // After a syntax error (two tests run together, say) a repeated line is a
  // consequence, not a second mistake.
  const bool quiet = has_parse_errors(cx_, c);
  n->label = label(c->stringLit(), c);
  bool has_profile = false;
  for (auto* ic : c->testItem()) {
    if (auto* x = alt<P::TestProfileContext>(ic)) {
      Token* name = tok(x, P::IDENT);
      if (!name) continue;
      if (has_profile) {
        if (!quiet)
          cx_.report(diag::TestNamesTwoProfiles, range(x), n->profile.name);
        continue;
      }
      has_profile = true;
      n->persona = tok(x, P::K_PERSONA) != nullptr;
      n->profile = ident(name, x);
    } else if (auto* x = alt<P::TestAsOfContext>(ic)) {
      ExprPtr v = whole_const(x->constValue(), x, false);
      if (n->as_of) {
        if (!quiet) cx_.report(diag::TestAsOfTwice, range(x));
        continue;
      }
      if (v->kind != ExprKind::DateLit && v->kind != ExprKind::Error) {
        cx_.report(diag::AsOfNotADate, v->range);
        v = error_at(v->range);
      }
      n->as_of = std::move(v);
    } else if (auto* x = alt<P::TestGivenContext>(ic)) {
      if (n->given_range) {
        if (!quiet)
          cx_.report(diag::TestGivenTwice, range(x->getStart()));
      } else {
        n->given_range = range(x);
      }
      for (auto* gc : x->givenField()) {
        GivenField g;
        init(g, range(gc));
        g.name = ident(tok(gc, P::IDENT), gc);
        g.value = whole_const(gc->constValue(), gc, true);
        if (!g.name.empty()) n->given.push_back(std::move(g));
      }
    } else if (auto* x = alt<P::TestExpectContext>(ic)) {
      Expect e;
      init(e, range(x));
      if (expect(x->expectation(), e)) n->expects.push_back(std::move(e));
    }
  }
  return n;
}

bool Builder::expect(P::ExpectationContext* c, Expect& e) {
  if (!c) return false;
  auto op_of = [&](P::CmpOpContext* oc) {
    Token* t = oc ? first_tok(oc) : nullptr;
    return t ? cmp_op(t->getType()) : CmpOp::Eq;
  };
  if (auto* x = alt<P::ExpectTierContext>(c)) {
    e.kind = ExpectKind::Tier;
    e.op = op_of(x->cmpOp());
    if (e.op != CmpOp::Eq && e.op != CmpOp::Ne)
      cx_.report(diag::ExpectTierOperator, range(x->cmpOp()));
    Token* t = x->tierName() ? first_tok(x->tierName()) : nullptr;
    e.tier = ident(t, x);
    return !e.tier.empty();
  }
  if (auto* x = alt<P::ExpectScoreContext>(c)) {
    e.kind = ExpectKind::Score;
    e.op = op_of(x->cmpOp());
    e.value = value_expr(x->operand(), x);
    return true;
  }
  if (auto* x = alt<P::ExpectConfidenceContext>(c)) {
    e.kind = ExpectKind::Confidence;
    e.op = op_of(x->cmpOp());
    e.value = value_expr(x->operand(), x);
    return true;
  }
  if (auto* x = alt<P::ExpectPointsContext>(c)) {
    e.kind = ExpectKind::Points;
    e.label = label(x->stringLit(), x);
    e.op = op_of(x->cmpOp());
    e.value = value_expr(x->operand(), x);
    return true;
  }
  if (auto* x = alt<P::ExpectFiredContext>(c)) {
    e.kind = ExpectKind::Fired;
    e.negated = tok(x, P::K_NOT) != nullptr;
    e.label = label(x->stringLit(), x);
    return true;
  }
  if (auto* x = alt<P::ExpectUnknownContext>(c)) {
    e.kind = ExpectKind::Unknown;
    e.negated = tok(x, P::K_NOT) != nullptr;
    e.label = label(x->stringLit(), x);
    return true;
  }
  if (auto* x = alt<P::ExpectExcludedByContext>(c)) {
    e.kind = ExpectKind::ExcludedBy;
    e.negated = tok(x, P::K_NOT) != nullptr;
    e.label = label(x->stringLit(), x);
    return true;
  }
  if (auto* x = alt<P::ExpectExcludedContext>(c)) {
    e.kind = ExpectKind::Excluded;
    e.negated = tok(x, P::K_NOT) != nullptr;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Expressions

void Builder::reject_missing(ExprPtr& e, std::string_view what) {
  if (!e || e->kind != ExprKind::MissingLit) return;
  cx_.report(diag::MissingOperand, e->range, what);
  e = error_at(e->range);
}

template <typename F>
ExprPtr Builder::whole(ParserRuleContext* c, F&& build) {
  if (c && !cx_.cuts.empty() && ParseContext::is_real(c->getStart())) {
    size_t first = c->getStart()->getTokenIndex();
    Token* stop = c->getStop();
    size_t last = ParseContext::is_real(stop) && stop->getTokenIndex() > first ? stop->getTokenIndex() : first;
    if (cx_.has_cut(first, last)) return error_at(range(c));
  }
  depth_ = 0;
  too_deep_.reset();
  ExprPtr e = build();
  if (too_deep_) {
    cx_.diags.emit(diag::NestedTooDeeply, *too_deep_, kMaxNesting);
    too_deep_.reset();
    return error_at(c ? range(c) : e->range);
  }
  return e;
}

ExprPtr Builder::value_expr(ParseTree* t, ParserRuleContext* parent) {
  ExprPtr e;
  if (t && !is_terminal(t)) {
    auto* c = static_cast<ParserRuleContext*>(t);
    if (c->getRuleIndex() == P::RuleExpr)
      e = whole(c, [&] { return expr(static_cast<P::ExprContext*>(c), parent); });
    else if (c->getRuleIndex() == P::RuleOperand)
      e = whole(c, [&] { return operand(static_cast<P::OperandContext*>(c), parent); });
  }
  if (!e) e = error_end(parent);
  return e;
}

ExprPtr Builder::expr(P::ExprContext* c, ParserRuleContext* parent) {
  if (!c) return error_end(parent);
  if (auto* x = alt<P::IfExprContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    auto n = make<IfExpr>(range(c));
    n->cond = expr(x->cond, x);
    n->then_expr = tok(x, P::K_THEN) ? expr(x->then, x) : error_end(x);
    n->else_expr = tok(x, P::K_ELSE) ? expr(x->otherwise, x) : error_end(x);
    return n;
  }
  if (auto* x = alt<P::PlainExprContext>(c)) return logic(static_cast<P::LogicContext*>(sub(x)), x);
  return error_at(range(c));
}

ExprPtr Builder::binary(Token* op, ExprPtr lhs, ExprPtr rhs) {
  auto n = make<BinaryExpr>(cover(lhs->range, rhs->range));
  n->op = binary_op(op ? op->getType() : static_cast<size_t>(P::PLUS));
  n->op_range = op ? range(op) : lhs->range;
  n->lhs = std::move(lhs);
  n->rhs = std::move(rhs);
  return n;
}

template <typename Sub, typename F>
ExprPtr Builder::binary_alt(ParserRuleContext* c, F&& side) {
  ExprPtr lhs = side(static_cast<Sub*>(sub(c, 0)), c);
  Token* op = first_tok(c);
  ParserRuleContext* r = sub(c, 1);
  // An operator whose right operand could not be read: the error is already
  // reported; the operand is an error at the end of the operator.
  ExprPtr rhs = r && r->children.size() > 0 ? side(static_cast<Sub*>(r), c)
                : op ? error_at(cx_.file.range(range(op).end, range(op).end))
                     : error_end(c);
  return binary(op, std::move(lhs), std::move(rhs));
}

ExprPtr Builder::logic(P::LogicContext* c, ParserRuleContext* parent) {
  if (!c) return error_end(parent);
  if (auto* x = alt<P::CmpExprContext>(c)) return cmp_expr(x);
  if (auto* x = alt<P::NotOpContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    auto n = make<UnaryExpr>(range(c));
    n->op = UnaryOp::Not;
    n->operand = logic(static_cast<P::LogicContext*>(sub(x)), x);
    return n;
  }
  if (alt<P::AndOpContext>(c) || alt<P::OrOpContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    return binary_alt<P::LogicContext>(c, [&](auto* s, auto* p) { return logic(s, p); });
  }
  return error_at(range(c));
}

ExprPtr Builder::cmp_expr(P::CmpExprContext* c) {
  auto* tail = static_cast<P::CmpTailContext*>(sub(c, 1));
  if (!tail) return operand(static_cast<P::OperandContext*>(sub(c, 0)), c);
  Level level(*this, c);
  if (!level) return error_at(range(c));
  ExprPtr lhs = operand(static_cast<P::OperandContext*>(sub(c, 0)), c);
  SourceRange whole = cover(lhs->range, range(tail));
  bool negated = tok(tail, P::K_NOT) != nullptr;
  if (auto* x = alt<P::TailCompareContext>(tail)) {
    Token* op = x->cmpOp() ? first_tok(x->cmpOp()) : nullptr;
    ExprPtr rhs = operand(x->operand(), x);
    bool lmiss = lhs->kind == ExprKind::MissingLit, rmiss = rhs->kind == ExprKind::MissingLit;
    if (op && (lmiss || rmiss)) {
      size_t ty = op->getType();
      if ((ty == P::EQ || ty == P::NE) && !(lmiss && rmiss)) {
        const char* good = ty == P::EQ ? "is missing" : "is present";
        auto d = cx_.report(diag::ComparedWithMissing,
                            cover(range(op), rmiss ? rhs->range : lhs->range), op->getText(), good);
        if (rmiss) d.fix(cover(range(op), rhs->range), good);
        auto n = make<IsMissingExpr>(whole);
        n->present = ty == P::NE;
        n->value = rmiss ? std::move(lhs) : std::move(rhs);
        return n;
      }
    }
    std::string what = op ? fmt::format("`{}`", op->getText()) : std::string("a comparison");
    reject_missing(lhs, what);
    reject_missing(rhs, what);
    return binary(op, std::move(lhs), std::move(rhs));
  }
  if (auto* x = alt<P::TailInContext>(tail)) {
    auto n = make<InExpr>(whole);
    n->negated = negated;
    n->value = std::move(lhs);
    n->set = operand(x->operand(), x);
    reject_missing(n->value, "`in`");
    reject_missing(n->set, "`in`");
    return n;
  }
  if (auto* x = alt<P::TailBetweenContext>(tail)) {
    auto n = make<BetweenExpr>(whole);
    n->negated = negated;
    n->value = std::move(lhs);
    n->lo = operand(x->lo, x);
    n->hi = tok(x, P::K_AND) ? operand(x->hi, x) : error_end(x);
    reject_missing(n->value, "`between`");
    reject_missing(n->lo, "`between`");
    reject_missing(n->hi, "`between`");
    return n;
  }
  if (auto* x = alt<P::TailHasContext>(tail)) {
    auto n = make<HasExpr>(whole);
    n->mode = tok(x, P::K_ANY) ? HasMode::Any : tok(x, P::K_ALL) ? HasMode::All : HasMode::One;
    n->set = std::move(lhs);
    n->operand = operand(x->operand(), x);
    return n;
  }
  if (auto* x = alt<P::TailMatchesContext>(tail)) {
    auto n = make<MatchesExpr>(whole);
    n->value = std::move(lhs);
    n->pattern = operand(x->operand(), x);
    return n;
  }
  if (auto* x = alt<P::TailWithinContext>(tail)) {
    auto n = make<WithinExpr>(whole);
    n->date = std::move(lhs);
    n->window = operand(x->operand(), x);
    return n;
  }
  if (auto* x = alt<P::TailIsContext>(tail)) {
    Token* is = tok(x, P::K_IS);
    Token* word = tok(x, P::K_MISSING) ? tok(x, P::K_MISSING) : tok(x, P::K_PRESENT);
    if (!word) return error_at(whole);
    bool says_present = word->getType() == P::K_PRESENT;
    auto n = make<IsMissingExpr>(whole);
    n->present = says_present != negated;
    n->value = std::move(lhs);
    if (negated) {
      const char* good = n->present ? "is present" : "is missing";
      SourceRange r = cover(range(is), range(word));
      cx_.report(diag::IsNotKeyword, r, word->getText(), good)
          .fix(r, good);
    }
    return n;
  }
  return error_at(whole);
}

ExprPtr Builder::operand(P::OperandContext* c, ParserRuleContext* parent) {
  if (!c) return error_end(parent);
  if (alt<P::MulOpContext>(c) || alt<P::AddOpContext>(c) || alt<P::CoalesceOpContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    return binary_alt<P::OperandContext>(c, [&](auto* s, auto* p) { return operand(s, p); });
  }
  if (auto* x = alt<P::SignOpContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    auto n = make<UnaryExpr>(range(c));
    Token* s = first_tok(x);
    n->op = s && s->getType() == P::PLUS ? UnaryOp::Plus : UnaryOp::Neg;
    n->operand = operand(static_cast<P::OperandContext*>(sub(x)), x);
    return n;
  }
  return primary(c);
}

// The primary alternatives of `operand` (level 10).
ExprPtr Builder::primary(P::OperandContext* c) {
  if (auto* x = alt<P::LitPrimaryContext>(c)) {
    Token* t = first_tok(sub(x));
    return t ? literal(t, nullptr) : error_at(range(c));
  }
  if (auto* x = alt<P::NamePrimaryContext>(c)) {
    auto n = make<NameExpr>(range(c));
    n->name = ident(tok(x, P::IDENT), x);
    return n;
  }
  if (auto* x = alt<P::CallPrimaryContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    auto n = make<CallExpr>(range(c));
    n->callee = ident(tok(x, P::IDENT), x);
    for (auto* a : subs(x)) n->args.push_back(expr(static_cast<P::ExprContext*>(a), x));
    return n;
  }
  if (auto* x = alt<P::QualifiedPrimaryContext>(c)) {
    auto n = make<QualifiedExpr>(range(c));
    n->enum_name = ident(tok(x, P::IDENT, 0), x);
    n->member = ident(tok(x, P::IDENT, 1), x);
    if (n->member.empty()) return error_at(range(c));
    return n;
  }
  if (auto* x = alt<P::SpecialPrimaryContext>(c)) {
    auto n = make<SpecialExpr>(range(c));
    Token* t = first_tok(x);
    size_t ty = t ? t->getType() : static_cast<size_t>(P::K_SCORE);
    n->which = ty == P::K_CONFIDENCE ? SpecialName::Confidence
               : ty == P::K_AS_OF    ? SpecialName::AsOf
                                     : SpecialName::Score;
    return n;
  }
  if (alt<P::MissingPrimaryContext>(c)) return make<MissingLit>(range(c));
  if (auto* x = alt<P::ParenPrimaryContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    ExprPtr inner = expr(static_cast<P::ExprContext*>(sub(x)), x);
    // The parentheses belong to the expression's range.
    if (inner->kind != ExprKind::Error) inner->range = range(c);
    return inner;
  }
  if (auto* x = alt<P::SetPrimaryContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    auto n = make<SetLit>(range(c));
    for (auto* a : subs(x)) n->elements.push_back(expr(static_cast<P::ExprContext*>(a), x));
    return n;
  }
  return error_at(range(c));
}

ExprPtr Builder::literal(Token* t, Token* sign) {
  SourceRange r = sign ? cover(range(sign), range(t)) : range(t);
  std::string s = text(t);
  std::string written = sign ? text(sign) + s : s;
  bool neg = sign && sign->getType() == P::MINUS;
  auto no_sign = [&](const char* what) {
    cx_.report(diag::SignedLiteral, range(sign), what);
    return error_at(r);
  };
  switch (t->getType()) {
    case P::INT: {
      int64_t v = 0;
      if (!decode_int(s, v)) {
        cx_.report(diag::IntegerTooLarge, range(t), s);
        return error_at(r);
      }
      auto n = make<IntLit>(r);
      n->value = neg ? -v : v;
      n->text = written;
      return n;
    }
    case P::FLOAT: {
      auto n = make<FloatLit>(r);
      n->value = neg ? -decode_float(s) : decode_float(s);
      n->text = written;
      return n;
    }
    case P::MAGNITUDE: {
      Magnitude m = decode_magnitude(s);
      if (m.is_int) {
        if (m.overflow) {
          cx_.report(diag::IntegerTooLarge, range(t), s);
          return error_at(r);
        }
        auto n = make<IntLit>(r);
        n->value = neg ? -m.int_value : m.int_value;
        n->text = written;
        return n;
      }
      auto n = make<FloatLit>(r);
      n->value = neg ? -m.float_value : m.float_value;
      n->text = written;
      return n;
    }
    case P::PERCENT: {
      auto n = make<FloatLit>(r);
      n->value = neg ? -decode_percent(s) : decode_percent(s);
      n->percent = true;
      n->text = written;
      return n;
    }
    case P::DATE: {
      if (sign) return no_sign("a date");
      auto d = decode_date(s, cx_.diags, r);
      if (!d) return error_at(r);
      auto n = make<DateLit>(r);
      n->days = d->days;
      n->year = d->year;
      n->month = d->month;
      n->day = d->day;
      return n;
    }
    case P::DURATION: {
      if (sign) return no_sign("a duration");
      int64_t days = 0;
      if (!decode_duration(s, days)) {
        cx_.report(diag::DurationTooLarge, r, s);
        return error_at(r);
      }
      auto n = make<DurationLit>(r);
      n->days = days;
      n->text = s;
      return n;
    }
    case P::STRING:
    case P::RAW_STRING: {
      if (sign) return no_sign("a string");
      std::string value;
      bool raw = false;
      if (!decode_string(s, value, raw, cx_.diags, r)) return error_at(r);
      auto n = make<StringLit>(r);
      n->value = std::move(value);
      n->raw = raw;
      n->text = s;
      return n;
    }
    case P::K_TRUE:
    case P::K_FALSE: {
      if (sign) return no_sign("a bool");
      auto n = make<BoolLit>(r);
      n->value = t->getType() == P::K_TRUE;
      return n;
    }
    case P::BAD_NUMBER:
      report_bad_number(cx_.diags, range(t), s);
      return error_at(r);
    case P::BAD_DATE:
      cx_.report(diag::InvalidDate, range(t), s);
      return error_at(r);
    default:
      return error_at(r);
  }
}

ExprPtr Builder::const_value(P::ConstValueContext* c, ParserRuleContext* parent, bool allow_missing) {
  if (!c) return error_end(parent);
  if (auto* x = alt<P::ConstLiteralContext>(c)) {
    Token* t = x->literal() ? first_tok(x->literal()) : nullptr;
    if (!t) return error_at(range(c));
    Token* sign = tok(x, P::MINUS) ? tok(x, P::MINUS) : tok(x, P::PLUS);
    return literal(t, sign);
  }
  if (alt<P::ConstMissingContext>(c)) {
    if (!allow_missing) {
      if (alt<P::ConstSetContext>(parent))
        cx_.report(diag::SetHoldsMissing, range(c));
      else
        cx_.report(diag::AsOfNotMissing, range(c));
      return error_at(range(c));
    }
    return make<MissingLit>(range(c));
  }
  if (auto* x = alt<P::ConstNameContext>(c)) {
    Token* a = tok(x, P::IDENT, 0);
    Token* b = tok(x, P::IDENT, 1);
    if (!a) return error_at(range(c));
    if (tok(x, P::DOT)) {
      if (!b) return error_at(range(c));
      auto n = make<QualifiedExpr>(range(c));
      n->enum_name = ident(a, x);
      n->member = ident(b, x);
      return n;
    }
    auto n = make<NameExpr>(range(c));
    n->name = ident(a, x);
    return n;
  }
  if (auto* x = alt<P::ConstSetContext>(c)) {
    Level level(*this, c);
    if (!level) return error_at(range(c));
    auto n = make<SetLit>(range(c));
    for (auto* e : x->constValue()) n->elements.push_back(const_value(e, x, false));
    return n;
  }
  return error_at(range(c));
}

ExprPtr Builder::default_value(P::ExprContext* c, ParserRuleContext* parent) {
  if (!c) return error_end(parent);
  return whole(c, [&]() -> ExprPtr {
    // `= missing` (LANGUAGE.md section 5: a schema default gives `missing`
    // its type); the checker accepts it only for an optional field.
    auto* plain = alt<P::PlainExprContext>(c);
    auto* cmp = plain ? alt<P::CmpExprContext>(sub(plain)) : nullptr;
    auto* o = cmp && !sub(cmp, 1) ? static_cast<P::OperandContext*>(sub(cmp, 0)) : nullptr;
    if (o && alt<P::MissingPrimaryContext>(o)) return make<MissingLit>(range(o));
    ParserRuleContext* bad = nullptr;
    if (ExprPtr e = literal_value(c, &bad)) return e;
    if (!bad || has_parse_errors(cx_, c)) return error_at(range(c));  // reported already
    cx_.report(diag::DefaultNotLiteral, range(bad));
    return error_at(range(c));
  });
}

ExprPtr Builder::literal_value(P::ExprContext* c, ParserRuleContext** bad) {
  // The expression is `plainExpr > cmpExpr (no tail) > operand`, or not a literal.
  auto* plain = alt<P::PlainExprContext>(c);
  auto* cmp = plain ? alt<P::CmpExprContext>(sub(plain)) : nullptr;
  auto* o = cmp && !sub(cmp, 1) ? static_cast<P::OperandContext*>(sub(cmp, 0)) : nullptr;
  if (!o) {
    *bad = c;
    return nullptr;
  }
  Token* sign = nullptr;
  if (auto* x = alt<P::SignOpContext>(o)) {
    sign = first_tok(x);
    o = static_cast<P::OperandContext*>(sub(x));
    if (!alt<P::LitPrimaryContext>(o)) {
      *bad = c;
      return nullptr;
    }
  }
  if (auto* x = alt<P::LitPrimaryContext>(o)) {
    Token* t = first_tok(sub(x));
    return t ? literal(t, sign) : error_at(range(c));
  }
  if (alt<P::NamePrimaryContext>(o) || alt<P::QualifiedPrimaryContext>(o)) return primary(o);
  if (alt<P::MissingPrimaryContext>(o)) {
    cx_.report(diag::SetHoldsMissing, range(o));
    return nullptr;
  }
  if (auto* x = alt<P::SetPrimaryContext>(o)) {
    Level level(*this, x);
    if (!level) return error_at(range(x));
    auto n = make<SetLit>(range(x));
    for (auto* a : subs(x)) {
      ExprPtr el = literal_value(static_cast<P::ExprContext*>(a), bad);
      if (!el) return nullptr;
      n->elements.push_back(std::move(el));
    }
    return n;
  }
  *bad = o;
  return nullptr;
}

}  // namespace

std::unique_ptr<ast::Module> build_ast(ParseContext& cx, ast::NodeIdAllocator& ids,
                                       P::CompilationUnitContext* tree) {
  Builder b(cx, ids);
  return b.module(tree);
}

}  // namespace icp::syntax
