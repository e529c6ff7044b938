// Reading the blocks of the text before the cursor (completion_blocks.h).
#include "ide/completion_blocks.h"

namespace icp::ide::completion {

bool has(const std::vector<Tok>& s, std::string_view w) {
  for (const Tok& t : s)
    if (t.text == w && (t.kind == Tok::Word || t.kind == Tok::Punct)) return true;
  return false;
}
size_t count(const std::vector<Tok>& s, std::string_view w) {
  size_t n = 0;
  for (const Tok& t : s) n += t.kind == Tok::Word && t.text == w;
  return n;
}

namespace {

bool statement_keyword(Block b, std::string_view w) {
  switch (b) {
    case Block::Top: return declaration_keyword(w);
    case Block::Profile:
    case Block::Group: return one_of(w, {"let", "exclude", "signal", "trigger", "tier", "group"});
    case Block::Test: return one_of(w, {"profile", "persona", "as_of", "given", "expect"});
    default: return false;
  }
}

class Reader {
 public:
  explicit Reader(const std::vector<Tok>& toks) : toks_(toks) { stack_.emplace_back(Block::Top); }

  void run() {
    for (const Tok& t : toks_) step(t);
  }
  const std::vector<Frame>& stack() const { return stack_; }

 private:
  void start_statement(Frame& f, const Tok& t) {
    if (f.stmt.size() >= 2 && f.stmt[0].text == "let" && f.stmt[1].kind == Tok::Word) f.lets.push_back(f.stmt[1].text);
    if (f.block == Block::Top) f.params.clear();
    f.stmt.assign(1, t);
  }

  void step(const Tok& t) {
    if (t.kind == Tok::Word && t.col0 && declaration_keyword(t.text) && stack_.size() > 1 &&
        !(stack_.back().block == Block::Test && (t.text == "profile" || t.text == "persona"))) {
      stack_.erase(stack_.begin() + 1, stack_.end());  // a declaration at the start of a line: the blocks before it were left open
    }
    Frame& f = stack_.back();
    if (t.kind == Tok::Punct && t.text == "{") {
      Block nb = Block::Set;
      std::string first = f.stmt.empty() ? "" : f.stmt[0].text;
      if (f.block == Block::Top) {
        if (first == "enum") nb = Block::Enum;
        else if (first == "schema") nb = Block::Schema;
        else if (first == "profile" || first == "persona") nb = Block::Profile;
        else if (first == "test") nb = Block::Test;
      } else if (f.block == Block::Profile && first == "group") {
        nb = Block::Group;
      } else if (f.block == Block::Test && first == "given") {
        nb = Block::Given;
      }
      Frame n(nb);
      if (nb == Block::Profile) {
        if (f.stmt.size() >= 2) n.name = f.stmt[1].text;
        for (size_t i = 0; i + 1 < f.stmt.size(); ++i)
          if (f.stmt[i].text == "on") n.schema = f.stmt[i + 1].text;
      }
      f.stmt.push_back(t);
      stack_.push_back(std::move(n));
      return;
    }
    if (t.kind == Tok::Punct && t.text == "(") {
      Frame n(Block::Parens);
      if (!f.stmt.empty() && f.stmt.back().kind == Tok::Word && !reserved(f.stmt.back().text))
        n.callee = f.stmt.back().text;
      f.stmt.push_back(t);
      stack_.push_back(std::move(n));
      return;
    }
    if (t.kind == Tok::Punct && (t.text == "}" || t.text == ")")) {
      if (stack_.size() == 1) return;  // stray
      Block closed = stack_.back().block;
      stack_.pop_back();
      Frame& p = stack_.back();
      if (closed == Block::Set || closed == Block::Parens) p.stmt.push_back(t);  // an operand ends
      else p.stmt.clear();  // a declaration, group or given ends
      return;
    }
    if (t.kind == Tok::Word && statement_keyword(f.block, t.text)) {
      start_statement(f, t);
      return;
    }
    f.stmt.push_back(t);
    if (f.block == Block::Test && f.stmt.size() == 2 && (f.stmt[0].text == "profile" || f.stmt[0].text == "persona"))
      f.name = t.text;
    if (f.block == Block::Parens && t.text == ",") ++f.commas;
    // A def's parameter: `name :` in the parentheses of a def header.
    if (f.block == Block::Parens && t.text == ":" && stack_.size() == 2 && f.stmt.size() >= 2) {
      Frame& top = stack_[0];
      if (!top.stmt.empty() && top.stmt[0].text == "def" && !has(top.stmt, "="))
        top.params.push_back(f.stmt[f.stmt.size() - 2].text);
    }
  }

  const std::vector<Tok>& toks_;
  std::vector<Frame> stack_;
};

}  // namespace

std::vector<Frame> read_blocks(const std::vector<Tok>& toks) {
  Reader r(toks);
  r.run();
  return r.stack();
}

}  // namespace icp::ide::completion
