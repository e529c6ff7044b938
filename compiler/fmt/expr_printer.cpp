// Expression and type printing for the formatter (expr_printer.h).
#include "fmt/expr_printer.h"

#include <fmt/format.h>

#include <climits>

#include "diag/render.h"

namespace icp::formatter {

int precedence(const ast::Expr& e) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::If: return 1;
    case K::Binary:
      switch (static_cast<const ast::BinaryExpr&>(e).op) {
        case ast::BinaryOp::Or: return 2;
        case ast::BinaryOp::And: return 3;
        case ast::BinaryOp::Coalesce: return 6;
        case ast::BinaryOp::Add:
        case ast::BinaryOp::Sub: return 7;
        case ast::BinaryOp::Mul:
        case ast::BinaryOp::Div: return 8;
        default: return 5;
      }
    case K::Unary: return static_cast<const ast::UnaryExpr&>(e).op == ast::UnaryOp::Not ? 4 : 9;
    case K::In: case K::Between: case K::Has: case K::Matches: case K::Within: case K::IsMissing:
      return 5;
    default: return 10;
  }
}

namespace {
// Operands each side of a binary operator: {lhs min, rhs min}.
std::pair<int, int> operand_prec(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Or: return {2, 3};
    case ast::BinaryOp::And: return {3, 4};
    case ast::BinaryOp::Coalesce: return {6, 7};
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub: return {7, 8};
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::Div: return {8, 9};
    default: return {6, 6};  // comparisons do not chain
  }
}
}  // namespace

std::string ExprPrinter::slice(const SourceRange& r) const {
  const std::string& t = src_.text();
  if (!r.valid() || r.end <= r.begin || r.end > t.size()) return {};
  return t.substr(r.begin, r.end - r.begin);
}

std::string ExprPrinter::label(const ast::Label& l) const {
  std::string s = slice(l.range);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == 'r')) return s;
  return json_quote(l.value);
}

std::string ExprPrinter::literal(const ast::Expr& e, const std::string& text) const {
  if (!text.empty()) return text;
  return slice(e.range);
}

std::string ExprPrinter::type(const ast::TypeRef& t) const {
  std::string s = t.name.name;
  if (t.element) s += "<" + type(*t.element) + ">";
  if (t.optional) s += "?";
  return s;
}

Doc ExprPrinter::leading_comments(uint32_t offset) {
  if (!comments_) return nullptr;
  auto cs = comments_->take_before(offset);
  if (cs.empty()) return nullptr;
  std::vector<Doc> parts;
  for (const ast::Comment* c : cs) {
    parts.push_back(text(comments_->text(*c)));
    parts.push_back(hardline());
  }
  return concat(std::move(parts));
}

Doc ExprPrinter::print(const ast::Expr& e, int min_prec) {
  Doc lead = leading_comments(e.range.begin);
  Doc inner = print_inner(e);
  if (precedence(e) < min_prec) inner = concat({text("("), inner, text(")")});
  return lead ? concat({lead, inner}) : inner;
}

std::string ExprPrinter::flat(const ast::Expr& e, int min_prec) {
  Comments* saved = comments_;
  comments_ = nullptr;
  std::string s = render(print(e, min_prec), INT_MAX / 2, 0, 0);
  comments_ = saved;
  return s;
}

Doc ExprPrinter::print_chain(const ast::BinaryExpr& b) {
  // a or b or c: one group that breaks before each operator.
  std::vector<const ast::Expr*> operands;
  const ast::Expr* cur = &b;
  while (true) {
    const auto* bb = cur->as<ast::BinaryExpr>();
    if (!bb || bb->op != b.op || !bb->lhs || precedence(*cur) < 2) break;
    operands.push_back(bb->rhs.get());
    cur = bb->lhs.get();
  }
  auto [lmin, rmin] = operand_prec(b.op);
  std::vector<Doc> rest;
  for (size_t i = operands.size(); i-- > 0;) {
    rest.push_back(line());
    rest.push_back(text(std::string(ast::spelling(b.op)) + " "));
    rest.push_back(operands[i] ? print(*operands[i], rmin) : text("?"));
  }
  return group(concat({print(*cur, lmin), nest(2, concat(std::move(rest)))}));
}

Doc ExprPrinter::print_if(const ast::IfExpr& e) {
  std::vector<Doc> parts;
  const ast::IfExpr* cur = &e;
  parts.push_back(text("if "));
  while (true) {
    // A nested `if` as a condition or a `then` branch keeps its parentheses.
    parts.push_back(cur->cond ? print(*cur->cond, 2) : text("?"));
    parts.push_back(text(" then "));
    parts.push_back(cur->then_expr ? print(*cur->then_expr, 2) : text("?"));
    parts.push_back(line());
    const ast::Expr* els = cur->else_expr.get();
    if (!els) { parts.push_back(text("else ?")); break; }
    if (Doc lead = leading_comments(els->range.begin)) parts.push_back(lead);
    const auto* next = els->as<ast::IfExpr>();
    if (next && !(comments_ && comments_->any_within(els->range.begin, next->cond ? next->cond->range.begin : els->range.begin))) {
      parts.push_back(text("else if "));
      cur = next;
      continue;
    }
    parts.push_back(text("else "));
    parts.push_back(print(*els, 1));
    break;
  }
  return group(concat(std::move(parts)));
}

Doc ExprPrinter::print_set(const ast::SetLit& s) {
  if (s.elements.empty()) return text("{}");
  std::vector<Doc> parts;
  for (size_t i = 0; i < s.elements.size(); ++i) {
    Doc el = s.elements[i] ? print(*s.elements[i], 1) : text("?");
    if (i + 1 < s.elements.size()) {
      parts.push_back(concat({el, text(",")}));
      parts.push_back(line());
    } else {
      parts.push_back(el);
    }
  }
  return group(concat({text("{"), nest(2, concat({softline(), fill(std::move(parts))})), softline(), text("}")}));
}

Doc ExprPrinter::print_inner(const ast::Expr& e) {
  using K = ast::ExprKind;
  auto sub = [&](const ast::ExprPtr& p, int min) { return p ? print(*p, min) : text("?"); };
  switch (e.kind) {
    case K::IntLit: return text(literal(e, static_cast<const ast::IntLit&>(e).text));
    case K::FloatLit: return text(literal(e, static_cast<const ast::FloatLit&>(e).text));
    case K::StringLit: return text(literal(e, static_cast<const ast::StringLit&>(e).text));
    case K::DurationLit: return text(literal(e, static_cast<const ast::DurationLit&>(e).text));
    case K::BoolLit: return text(static_cast<const ast::BoolLit&>(e).value ? "true" : "false");
    case K::DateLit: {
      const auto& d = static_cast<const ast::DateLit&>(e);
      return text(fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    }
    case K::MissingLit: return text("missing");
    case K::Name: return text(static_cast<const ast::NameExpr&>(e).name.name);
    case K::Qualified: {
      const auto& q = static_cast<const ast::QualifiedExpr&>(e);
      return text(q.enum_name.name + "." + q.member.name);
    }
    case K::Special:
      switch (static_cast<const ast::SpecialExpr&>(e).which) {
        case ast::SpecialName::Score: return text("score");
        case ast::SpecialName::Confidence: return text("confidence");
        case ast::SpecialName::AsOf: return text("as_of");
      }
      return text("score");
    case K::Call: {
      const auto& c = static_cast<const ast::CallExpr&>(e);
      std::vector<Doc> parts{text(c.callee.name + "(")};
      for (size_t i = 0; i < c.args.size(); ++i) {
        if (i) parts.push_back(text(", "));
        parts.push_back(sub(c.args[i], 1));
      }
      parts.push_back(text(")"));
      return concat(std::move(parts));
    }
    case K::Unary: {
      const auto& u = static_cast<const ast::UnaryExpr&>(e);
      if (u.op == ast::UnaryOp::Not) return concat({text("not "), sub(u.operand, 4)});
      std::string op = u.op == ast::UnaryOp::Neg ? "-" : "+";
      // `-(-x)`, not `--x` or `- -x`; a literal written with its sign likewise.
      bool wrap = false;
      if (u.operand && precedence(*u.operand) >= 9) {
        std::string lit = u.operand->kind == K::IntLit || u.operand->kind == K::FloatLit ? flat(*u.operand) : "";
        wrap = u.operand->as<ast::UnaryExpr>() || (!lit.empty() && (lit[0] == '-' || lit[0] == '+'));
      }
      Doc operand = wrap ? concat({text("("), sub(u.operand, 1), text(")")}) : sub(u.operand, 9);
      return concat({text(op), operand});
    }
    case K::Binary: {
      const auto& b = static_cast<const ast::BinaryExpr&>(e);
      if (b.op == ast::BinaryOp::Or || b.op == ast::BinaryOp::And) return print_chain(b);
      auto [lmin, rmin] = operand_prec(b.op);
      return concat({sub(b.lhs, lmin), text(std::string(" ") + ast::spelling(b.op) + " "), sub(b.rhs, rmin)});
    }
    case K::In: {
      const auto& x = static_cast<const ast::InExpr&>(e);
      return concat({sub(x.value, 6), text(x.negated ? " not in " : " in "), sub(x.set, 6)});
    }
    case K::Between: {
      const auto& x = static_cast<const ast::BetweenExpr&>(e);
      return concat({sub(x.value, 6), text(x.negated ? " not between " : " between "), sub(x.lo, 6),
                     text(" and "), sub(x.hi, 6)});
    }
    case K::Has: {
      const auto& x = static_cast<const ast::HasExpr&>(e);
      const char* mode = x.mode == ast::HasMode::Any ? " has any " : x.mode == ast::HasMode::All ? " has all " : " has ";
      return concat({sub(x.set, 6), text(mode), sub(x.operand, 6)});
    }
    case K::Matches: {
      const auto& x = static_cast<const ast::MatchesExpr&>(e);
      return concat({sub(x.value, 6), text(" matches "), sub(x.pattern, 6)});
    }
    case K::Within: {
      const auto& x = static_cast<const ast::WithinExpr&>(e);
      return concat({sub(x.date, 6), text(" within "), sub(x.window, 6)});
    }
    case K::IsMissing: {
      const auto& x = static_cast<const ast::IsMissingExpr&>(e);
      return concat({sub(x.value, 6), text(x.present ? " is present" : " is missing")});
    }
    case K::If: return print_if(static_cast<const ast::IfExpr&>(e));
    case K::SetLit: return print_set(static_cast<const ast::SetLit&>(e));
    case K::Error: return text(slice(e.range));
  }
  return text("?");
}

}  // namespace icp::formatter
