// Line-level output of the formatter: rows, blocks, blank lines, leading and
// trailing comments, and the column alignment of consecutive rows.
#include <algorithm>

#include "fmt/module_formatter.h"

namespace icp::formatter {

void ModuleFormatter::end_line(uint32_t end) {
  while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  // A row whose document ended with a line comment has ended its line: what
  // trails the row then goes on lines of its own.
  bool fresh = !out_.empty() && out_.back() == '\n';
  for (const ast::Comment* c : comments_.take_trailing(end)) {
    if (fresh) {
      write_indent();
      out_ += comments_.text(*c);
      out_ += '\n';
    } else {
      out_ += ' ';
      out_ += comments_.text(*c);
    }
    last_end_ = std::max(last_end_, c->range.end);
  }
  if (!fresh) out_ += '\n';
  last_end_ = std::max(last_end_, end);
}

void ModuleFormatter::leading(uint32_t offset, bool blank_first) {
  bool first = true;
  for (const ast::Comment* c : comments_.take_before(offset)) {
    if ((!first || blank_first) && comments_.blank_line_between(last_end_, c->range.begin)) out_ += '\n';
    first = false;
    write_indent();
    out_ += comments_.text(*c);
    out_ += '\n';
    last_end_ = std::max(last_end_, c->range.end);
  }
}

void ModuleFormatter::write_doc(const Doc& d) { render_into(out_, d, kWidth, indent_); }

Doc ModuleFormatter::binding(Doc keyword, const ast::Ident& name, const ast::ExprPtr& value) {
  uint32_t eq = tokens_.find(name.range.end, "=", "");
  std::vector<Doc> rest{space(), tokens_.tok(name.name, name.range.begin), space(), tokens_.tok("=", eq), space()};
  Doc v = value ? expr_.print(*value) : text("?");
  if (value && expr_.hugs(*value) && !tokens_.has_comments(name.range.end, value->range.begin))
    return concat({hang(keyword, std::move(rest)), v});
  rest.push_back(v);
  return hang(keyword, std::move(rest));
}

void ModuleFormatter::block(std::vector<Row>& rs, uint32_t open_end, uint32_t close) {
  if (rs.empty() && !comments_.any_within(open_end, close)) {
    out_ += '}';
    return;
  }
  end_line(open_end);
  indent_ += kIndent;
  rows(rs, true);
  leading(close, !rs.empty());
  indent_ -= kIndent;
  write_indent();
  out_ += '}';
}

namespace {
size_t width_of(const std::string& s) { return count_code_points(s); }

// The cells of a row as one-line texts, or nothing if one must break.
std::vector<std::string> flat_cells(const Row& r) {
  std::vector<std::string> out;
  for (const Doc& c : r.cells) {
    if (c->has_hard) return {};
    out.push_back(render_flat(c));
  }
  return out;
}

// Column widths of rows [from, to) (the last cell of a row has none).
std::vector<size_t> column_widths(const std::vector<std::vector<std::string>>& texts, size_t from, size_t to) {
  std::vector<size_t> widths;
  for (size_t i = from; i < to; ++i)
    for (size_t k = 0; k + 1 < texts[i].size(); ++k) {
      if (widths.size() <= k) widths.resize(k + 1, 0);
      widths[k] = std::max(widths[k], width_of(texts[i][k]));
    }
  return widths;
}

// The width of a row laid out with its first widths.size() columns aligned.
size_t aligned_width(const std::vector<std::string>& cells, const std::vector<size_t>& widths,
                     const std::string& suffix) {
  size_t w = 0;
  for (size_t k = 0; k + 1 < cells.size(); ++k) {
    size_t c = k < widths.size() ? widths[k] : width_of(cells[k]);
    if (c > 0) w += c + 1;
  }
  return w + (cells.empty() ? 0 : width_of(cells.back())) + width_of(suffix);
}
}  // namespace

size_t ModuleFormatter::doc_cut(const std::vector<const ast::Comment*>& lead, uint32_t begin) const {
  // The `///` lines that document the row in the source: the last comments,
  // each on the line before the next (the row's first token for the last).
  size_t source = lead.size();
  for (uint32_t next = begin; source > 0; --source) {
    const ast::Comment* c = lead[source - 1];
    if (c->kind != ast::Comment::Doc || !comments_.next_line(c->range.end, next)) break;
    next = c->range.begin;
  }
  // Printed, each comment is on a line of its own: those after the last
  // blank line are as many `///` lines directly above the row.
  size_t printed = lead.size();
  for (uint32_t next = begin; printed > 0; --printed) {
    const ast::Comment* c = lead[printed - 1];
    if (c->kind != ast::Comment::Doc || comments_.blank_line_between(c->range.end, next)) break;
    next = c->range.begin;
  }
  return printed < source ? source : lead.size() + 1;
}

void ModuleFormatter::emit_row(Row& r, bool first, bool force_blank, const std::vector<size_t>* widths) {
  std::vector<const ast::Comment*> lead = comments_.take_before(r.begin);
  uint32_t start = lead.empty() ? r.begin : lead.front()->range.begin;
  if (!first && (force_blank || comments_.blank_line_between(last_end_, start))) out_ += '\n';
  // A blank line before lead[cut] keeps a `///` comment that did not document
  // the row (a comma or a parenthesis was between) from documenting it.
  size_t cut = doc_cut(lead, r.begin);
  for (size_t i = 0; i < lead.size(); ++i) {
    if (i > 0 && (i == cut || comments_.blank_line_between(last_end_, lead[i]->range.begin))) out_ += '\n';
    write_indent();
    out_ += comments_.text(*lead[i]);
    out_ += '\n';
    last_end_ = std::max(last_end_, lead[i]->range.end);
  }
  if (!lead.empty() && (cut == lead.size() || comments_.blank_line_between(last_end_, r.begin))) out_ += '\n';
  write_indent();
  if (r.custom) {
    r.custom();
  } else if (widths) {
    std::vector<std::string> cells = flat_cells(r);
    for (size_t k = 0; k < cells.size(); ++k) {
      out_ += cells[k];
      if (k + 1 == cells.size()) break;
      size_t w = k < widths->size() ? (*widths)[k] : width_of(cells[k]);
      if (w == 0) continue;  // a column no row of the run uses
      out_.append(w - std::min(w, width_of(cells[k])) + 1, ' ');
    }
  } else {
    write_doc(r.doc);
  }
  out_ += r.suffix;
  // The row's line ends after its last token; dropped parentheses (and any
  // blank line before them) are part of the row.
  end_line(tokens_.content_end(r.end));
  last_end_ = std::max(last_end_, r.end);
}

bool ModuleFormatter::blank_between(const Row& a, const Row& b) const {
  if (comments_.blank_line_between(a.end, b.begin)) return true;
  auto lead = comments_.peek_between(a.begin, tokens_.content_end(a.end), b.begin);
  return doc_cut(lead, b.begin) <= lead.size();
}

bool ModuleFormatter::one_line(const Row& r) const {
  if (r.custom || r.category == 0 || r.cells.empty()) return false;
  std::vector<std::string> cells = flat_cells(r);
  if (cells.empty()) return false;
  size_t w = cells.size() - 1 + width_of(r.suffix);
  for (const auto& c : cells) w += width_of(c);
  return static_cast<size_t>(indent_) + w <= static_cast<size_t>(kWidth);
}

void ModuleFormatter::rows(std::vector<Row>& rs, bool first_in_block) {
  // A run: consecutive rows of one category, each fitting on one line, with
  // no blank line between. Its columns align from the left, as many of them
  // as keep every row of the run within the width.
  std::vector<std::vector<std::string>> texts(rs.size());
  std::vector<bool> fits(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    fits[i] = one_line(rs[i]);
    if (fits[i]) texts[i] = flat_cells(rs[i]);
  }
  size_t i = 0;
  while (i < rs.size()) {
    bool first = first_in_block && i == 0;
    if (!fits[i]) {
      emit_row(rs[i], first, false, nullptr);
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < rs.size() && rs[j].category == rs[i].category && fits[j] && !blank_between(rs[j - 1], rs[j])) ++j;
    std::vector<size_t> widths = column_widths(texts, i, j);
    auto run_fits = [&] {
      for (size_t k = i; k < j; ++k)
        if (static_cast<size_t>(indent_) + aligned_width(texts[k], widths, rs[k].suffix) >
            static_cast<size_t>(kWidth))
          return false;
      return true;
    };
    while (!widths.empty() && !run_fits()) widths.pop_back();
    for (size_t k = i; k < j; ++k) emit_row(rs[k], first && k == i, false, &widths);
    i = j;
  }
}

uint32_t ModuleFormatter::after_brace(uint32_t from) const {
  const std::string& t = src_.text();
  for (uint32_t i = comments_.skip(from); i < t.size(); i = comments_.skip(i + 1))
    if (t[i] == '{') return i + 1;
  return from;
}

std::string ModuleFormatter::run() {
  // First run: which source tokens are printed; then every comment is
  // attached to one of them, and the second run prints them together.
  tokens_.start_recording();
  run_once();
  comments_.reset();
  comments_.attach(tokens_.stop_recording());
  out_.clear();
  indent_ = 0;
  last_end_ = 0;
  return run_once();
}

std::string ModuleFormatter::run_once() {
  const ast::Decl* prev = nullptr;
  for (const auto& dp : m_.decls) {
    if (!dp) continue;
    const ast::Decl& d = *dp;
    Row r;
    r.begin = d.range.begin;
    r.end = d.range.end;
    r.custom = [this, &d] { decl(d); };
    bool keep_user = prev && prev->kind == d.kind &&
                     (d.kind == ast::DeclKind::Import || d.kind == ast::DeclKind::Const);
    emit_row(r, prev == nullptr, prev && !keep_user, nullptr);
    prev = &d;
  }
  leading(~0u, prev != nullptr);
  while (out_.size() >= 2 && out_[out_.size() - 1] == '\n' && out_[out_.size() - 2] == '\n') out_.pop_back();
  return out_;
}

}  // namespace icp::formatter
