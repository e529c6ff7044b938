// Line-level output of the formatter: rows, blocks, blank lines, leading and
// trailing comments, and the column alignment of consecutive rows.
#include <algorithm>

#include "fmt/module_formatter.h"

namespace icp::formatter {

void ModuleFormatter::end_line(uint32_t end) {
  for (const ast::Comment* c : comments_.take_trailing(end)) {
    out_ += ' ';
    out_ += comments_.text(*c);
    last_end_ = std::max(last_end_, c->range.end);
  }
  out_ += '\n';
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

void ModuleFormatter::write_doc(const Doc& d) { out_ += render(d, kWidth, indent_, indent_); }

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
}  // namespace

void ModuleFormatter::emit_row(Row& r, bool first, bool force_blank, const std::vector<size_t>* widths) {
  std::vector<const ast::Comment*> lead = comments_.take_before(r.begin);
  if (!r.custom) {
    // Comments inside a one-line row go above it, but after its `///` docs
    // would separate the docs from the row: put them before the docs.
    std::vector<const ast::Comment*> inner = comments_.take_before(r.end);
    if (!inner.empty()) {
      size_t docs = lead.size();
      while (docs > 0 && lead[docs - 1]->kind == ast::Comment::Doc) --docs;
      lead.insert(lead.begin() + static_cast<std::ptrdiff_t>(docs), inner.begin(), inner.end());
    }
  }
  uint32_t start = lead.empty() ? r.begin : lead.front()->range.begin;
  if (!first && (force_blank || comments_.blank_line_between(last_end_, start))) out_ += '\n';
  for (size_t i = 0; i < lead.size(); ++i) {
    if (i > 0 && comments_.blank_line_between(last_end_, lead[i]->range.begin)) out_ += '\n';
    write_indent();
    out_ += comments_.text(*lead[i]);
    out_ += '\n';
    last_end_ = std::max(last_end_, lead[i]->range.end);
  }
  if (!lead.empty() && comments_.blank_line_between(last_end_, r.begin)) out_ += '\n';
  if (r.custom) {
    write_indent();
    r.custom();
  } else {
    write_indent();
    for (size_t k = 0; k < r.cells.size(); ++k) {
      out_ += r.cells[k];
      if (k + 1 == r.cells.size()) break;
      size_t w = widths && k < widths->size() ? (*widths)[k] : width_of(r.cells[k]);
      if (w == 0) continue;  // a column no row of the run uses
      out_.append(w - std::min(w, width_of(r.cells[k])) + 1, ' ');
    }
  }
  out_ += r.suffix;
  end_line(r.end);
}

void ModuleFormatter::cell_run(std::vector<Row>& rs, size_t from, size_t to, bool first) {
  std::vector<size_t> widths;
  for (size_t i = from; i < to; ++i)
    for (size_t k = 0; k + 1 < rs[i].cells.size(); ++k) {
      if (widths.size() <= k) widths.resize(k + 1, 0);
      widths[k] = std::max(widths[k], width_of(rs[i].cells[k]));
    }
  for (size_t i = from; i < to; ++i) emit_row(rs[i], first && i == from, false, &widths);
}

void ModuleFormatter::rows(std::vector<Row>& rs, bool first_in_block) {
  size_t i = 0;
  while (i < rs.size()) {
    bool first = first_in_block && i == 0;
    if (rs[i].category > 0 && !rs[i].custom) {
      size_t j = i + 1;
      while (j < rs.size() && rs[j].category == rs[i].category && !rs[j].custom &&
             !comments_.blank_line_between(rs[j - 1].end, rs[j].begin))
        ++j;
      cell_run(rs, i, j, first);
      i = j;
    } else {
      emit_row(rs[i], first, false, nullptr);
      ++i;
    }
  }
}

uint32_t ModuleFormatter::after_brace(uint32_t from) const {
  const std::string& t = src_.text();
  for (uint32_t i = from; i < t.size(); ++i) {
    if (t[i] == '{') return i + 1;
    if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '/') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '*') {
      size_t e = t.find("*/", i + 2);
      i = e == std::string::npos ? static_cast<uint32_t>(t.size()) : static_cast<uint32_t>(e + 1);
    }
  }
  return from;
}

std::string ModuleFormatter::run() {
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
