// The completion context (completion_context.h): the tokens before the
// cursor (completion_tokens.h), the blocks they open (completion_blocks.h),
// then what the statement being written in the innermost one expects next.
#include "ide/completion_context.h"

#include <algorithm>
#include <cctype>

#include "ide/completion_blocks.h"

namespace icp::ide {

namespace {

using Ctx = CompletionContext;
using namespace completion;

// The tokens of the current schema field / given field (after the last `,`,
// `{` or line break).
std::vector<Tok> current_field(const std::vector<Tok>& s) {
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i].text == "," || s[i].text == "{") from = i + 1;
    else if (s[i].line_start) from = i;
  return {s.begin() + static_cast<long>(from), s.end()};
}

// The context of an expression position, from the token before the cursor.
void expression(Ctx& c, const std::vector<Tok>& toks, const std::vector<Tok>& stmt) {
  const Tok* last = toks.empty() ? nullptr : &toks.back();
  const Tok* before = toks.size() >= 2 ? &toks[toks.size() - 2] : nullptr;
  if (last && last->kind == Tok::Word && last->text == "is") {
    c.kind = Ctx::Keywords;
    c.keywords = {"missing", "present", "not"};
    return;
  }
  if (last && last->kind == Tok::Word && last->text == "not" && before) {
    if (before->kind == Tok::Word && before->text == "is") {
      c.kind = Ctx::Keywords;
      c.keywords = {"missing", "present"};
      return;
    }
    if (completes(*before)) {
      c.kind = Ctx::Keywords;
      c.keywords = {"in", "between"};
      return;
    }
  }
  if (last && completes(*last)) {
    c.kind = Ctx::Operator;
    size_t ifs = count(stmt, "if"), thens = count(stmt, "then"), elses = count(stmt, "else");
    if (ifs > thens) c.keywords.push_back("then");
    else if (thens > elses) c.keywords.push_back("else");
    return;
  }
  c.kind = Ctx::Operand;
  if (last && last->kind == Tok::Word && last->text == "has") c.keywords = {"any", "all"};
  if (last && last->kind == Tok::Punct && last->text == "??" && before && before->kind == Tok::Word)
    c.coalesce = before->text;
}

bool item_complete(const std::vector<Tok>& s) {
  if (s.empty()) return true;
  const Tok& last = s.back();
  const std::string& k = s[0].text;
  if (k == "let") return has(s, "=") && completes(last) && s.size() > 3;
  if (k == "signal" || k == "trigger") return has(s, "=>") && completes(last);
  if (k == "exclude" || k == "tier") return has(s, "when") && completes(last);
  if (k == "group") return false;  // until its block closes
  return true;  // not a statement: whatever it is, a new item may start
}

bool test_item_complete(const std::vector<Tok>& s) {
  if (s.empty()) return true;
  const std::string& k = s[0].text;
  if (k == "profile" || k == "persona" || k == "as_of") return s.size() >= 2;
  if (k == "expect") return s.size() >= 2 && completes(s.back()) && s.back().text != "not";
  if (k == "given") return false;
  return true;
}

void in_statement_block(Ctx& c, const Frame& f, const std::vector<Tok>& toks, bool first_on_line) {
  const std::vector<Tok>& s = f.stmt;
  Ctx::Kind items = f.block == Block::Profile ? Ctx::ProfileItem : Ctx::GroupItem;
  if (s.empty() || (first_on_line && item_complete(s))) {
    c.kind = items;
    return;
  }
  const std::string& k = s[0].text;
  bool label = s.size() == 2 && s[1].kind == Tok::String;
  if (k == "let") {
    if (has(s, "=")) expression(c, toks, s);
  } else if (k == "signal" || k == "exclude") {
    if (label) c.kind = Ctx::Keywords, c.keywords = {"when"};
    else if (has(s, "when")) expression(c, toks, s);
  } else if (k == "trigger") {
    if (label) {
      c.kind = Ctx::Keywords, c.keywords = {"on"};
    } else if (has(s, "on")) {
      expression(c, toks, s);
      if (c.kind == Ctx::Operator) {
        if (!has(s, "within")) c.keywords.push_back("within");
        else if (!has(s, "when") && !has(s, "=>")) c.keywords.push_back("when");
        else if (has(s, "=>") && !has(s, "halflife")) c.keywords.push_back("halflife");
      }
    }
  } else if (k == "tier") {
    if (s.size() == 2 && s[1].kind == Tok::Word) c.kind = Ctx::Keywords, c.keywords = {"when"};
    else if (has(s, "when")) c.in_tier = true, expression(c, toks, s);
  } else if (k == "group") {
    if (label) c.kind = Ctx::Keywords, c.keywords = {"cap"};
    else if (has(s, "cap")) expression(c, toks, s);
  } else if (first_on_line) {
    c.kind = items;
  }
}

void in_test(Ctx& c, const Frame& f, bool first_on_line) {
  const std::vector<Tok>& s = f.stmt;
  if (s.empty() || (first_on_line && test_item_complete(s))) {
    c.kind = Ctx::TestItem;
    return;
  }
  const std::string& k = s[0].text;
  if ((k == "profile" || k == "persona") && s.size() == 1) {
    c.kind = Ctx::ProfileName;
  } else if (k == "expect") {
    std::vector<Tok> rest(s.begin() + 1, s.end());
    if (rest.empty()) {
      c.kind = Ctx::Keywords;
      c.keywords = {"tier", "score", "confidence", "fired", "not", "points", "unknown", "excluded_by", "excluded"};
    } else if (rest.size() == 1 && rest[0].text == "not") {
      c.kind = Ctx::Keywords;
      c.keywords = {"fired", "unknown", "excluded_by", "excluded"};
    } else if (rest.size() == 2 && rest[0].text == "tier" && (rest[1].text == "==" || rest[1].text == "!=")) {
      c.kind = Ctx::TierName;
    }
  }
}

}  // namespace

CompletionContext completion_context(std::string_view text, uint32_t offset) {
  Ctx c;
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t start = offset;
  while (start > 0 && ident_char(text[start - 1])) --start;
  c.word = std::string(text.substr(start, offset - start));
  c.word_start = start;

  std::vector<Tok> toks;
  size_t string_start = 0;
  End end = lex(text, offset, toks, string_start);
  if (end == End::Comment) return c;
  if (end == End::Code && !toks.empty() && start < offset && toks.back().kind != Tok::String &&
      toks.back().kind != Tok::Punct) {
    // The word being typed is the last token (a number being typed is a literal).
    if (toks.back().kind == Tok::Number || std::isdigit(static_cast<unsigned char>(text[start]))) return c;
    toks.pop_back();
  }
  bool first_on_line = true;
  for (uint32_t i = start; i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r'; --i)
    if (text[i - 1] != ' ' && text[i - 1] != '\t') first_on_line = false;

  const std::vector<Frame> stack = read_blocks(toks);
  const Frame& top = stack.back();

  // What the text says about the declarations around the cursor.
  for (const Frame& f : stack) {
    if (f.block == Block::Profile) {
      c.in_profile = true;
      c.profile = f.name;
      c.schema = f.schema;
    }
    if (f.block == Block::Profile || f.block == Block::Group)
      for (const auto& l : f.lets) c.lets.push_back(l);
    if (f.block == Block::Test) {
      c.in_test = true;
      c.profile = f.name;
    }
  }
  const Frame& decl = stack[0];
  if (!decl.stmt.empty() && decl.stmt[0].text == "def") {
    c.def_params = decl.params;
    for (size_t i = 0; i + 2 < decl.stmt.size(); ++i)
      if (decl.stmt[i].text == ")" && decl.stmt[i + 1].text == ":" && decl.stmt[i + 2].kind == Tok::Word)
        c.def_result = decl.stmt[i + 2].text;
    c.in_def = has(decl.stmt, "=");
  }
  if (top.block == Block::Parens && !top.callee.empty()) {
    c.callee = top.callee;
    c.arg_index = top.commas;
  }

  if (end == End::String) {
    c.string_start = static_cast<uint32_t>(string_start);
    c.string_text = std::string(text.substr(string_start, offset - string_start));
    const std::vector<Tok>& s = top.stmt;
    if (top.block == Block::Top && s.size() == 1 && s[0].text == "import") {
      c.kind = Ctx::ImportPath;
    } else if (top.block == Block::Test && !s.empty() && s[0].text == "expect") {
      size_t i = 1;
      if (i < s.size() && s[i].text == "not") ++i;
      if (i + 1 == s.size() && one_of(s[i].text, {"fired", "points", "unknown", "excluded_by"})) {
        c.kind = Ctx::RuleLabel;
        c.expect = s[i].text;
      }
    }
    return c;
  }
  if (start > 0 && text[start - 1] == '.') {
    uint32_t q = start - 1;
    while (q > 0 && ident_char(text[q - 1])) --q;
    if (q < start - 1 && ident_start(text[q])) {
      c.kind = Ctx::Member;
      c.qualifier = std::string(text.substr(q, start - 1 - q));
    }
    return c;
  }

  // The frame that holds the statement (sets and parentheses are inside one).
  size_t si = stack.size() - 1;
  while (si > 0 && (stack[si].block == Block::Set || stack[si].block == Block::Parens)) --si;
  const Frame& sf = stack[si];
  bool nested = si + 1 < stack.size();

  switch (sf.block) {
    case Block::Top: {
      const std::vector<Tok>& s = sf.stmt;
      if (!nested && (s.empty() || (first_on_line && (toks.empty() || completes(toks.back()))))) {
        c.kind = Ctx::Declaration;
        break;
      }
      if (s.empty()) break;
      const std::string& k = s[0].text;
      if (k == "const" && has(s, "=")) {
        expression(c, toks, top.stmt);
      } else if (k == "def") {
        if (c.in_def) {
          expression(c, toks, top.stmt);
          const Tok& last = toks.back();
          c.body_start = (!nested || top.callee.empty()) &&
                         (last.text == "=" || last.text == "then" || last.text == "else");
        } else if (!toks.empty() && toks.back().text == ":") {
          c.kind = Ctx::Type;
        }
      } else if ((k == "profile" || k == "persona") && !nested) {
        if (s.size() == 2) c.kind = Ctx::Keywords, c.keywords = {"on"};
        else if (s.size() == 3 && s[2].text == "on") c.kind = Ctx::SchemaName;
      }
      break;
    }
    case Block::Schema: {
      std::vector<Tok> fld = current_field(top.stmt);
      if (nested) break;
      if ((fld.size() == 2 && fld[1].text == ":") ||
          (fld.size() == 4 && fld[1].text == ":" && fld[2].text == "set" && fld[3].text == "<")) {
        c.kind = Ctx::Type;
      } else if (fld.size() >= 4 && fld[1].text == ":" && fld.back().text == "=") {
        c.kind = Ctx::DefaultValue;
        c.qualifier = fld[2].text;
      }
      break;
    }
    case Block::Profile:
    case Block::Group:
      if (nested) {
        const std::string k = sf.stmt.empty() ? "" : sf.stmt[0].text;
        c.in_tier = k == "tier";
        expression(c, toks, top.stmt);
      } else {
        in_statement_block(c, sf, toks, first_on_line);
      }
      break;
    case Block::Test:
      if (!nested) in_test(c, sf, first_on_line);
      break;
    case Block::Given: {
      std::vector<Tok> fld = current_field(sf.stmt);
      if (nested) {
        // A set value: `field: {a, |`.
        if (fld.size() >= 3 && fld[1].text == ":") c.kind = Ctx::GivenValue, c.field = fld[0].text;
      } else if (fld.empty()) {
        c.kind = Ctx::GivenField;
      } else if (fld.size() == 2 && fld[1].text == ":") {
        c.kind = Ctx::GivenValue;
        c.field = fld[0].text;
      }
      break;
    }
    default: break;
  }
  return c;
}

}  // namespace icp::ide
