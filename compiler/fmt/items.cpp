// Formatting of profiles and their items: lets, rules (aligned in runs when
// they fit on one line), tiers and groups.
//
// A rule that does not fit on one line (or holds a comment that ends its
// line) breaks first before `=>` (and a trigger's `when`), then at the `and`s
// / `or`s of its condition, then inside set literals; continuation lines are
// indented one level deeper than the rule.
#include "fmt/module_formatter.h"

namespace icp::formatter {

void ModuleFormatter::profile_decl(const ast::ProfileDecl& d) {
  uint32_t from = d.schema.range.valid() ? d.schema.range.end : d.name.range.end;
  uint32_t open = after_brace(from);
  {
    Tokens::Window w(tokens_, d.range.begin, open);
    write_doc(hang(tokens_.tok(d.persona ? "persona" : "profile", d.range.begin),
                   {space(), tokens_.tok(d.name.name, d.name.range.begin), space(), kw("on", d.name.range.end),
                    space(), tokens_.tok(d.schema.name, d.schema.range.begin), space(), tokens_.tok("{", open - 1)}));
  }
  std::vector<Row> rs = item_rows(d.items);
  block(rs, open, d.range.end);
}

void ModuleFormatter::group_item(const ast::GroupItem& g) {
  uint32_t open = after_brace(g.cap ? g.cap->range.end : g.label.range.end);
  {
    Tokens::Window w(tokens_, g.range.begin, open);
    std::vector<Doc> head{space(), expr_.label(g.label)};
    if (g.cap) head.insert(head.end(), {space(), kw("cap", g.label.range.end), space(), expr_.print(*g.cap, 6)});
    head.insert(head.end(), {space(), tokens_.tok("{", open - 1)});
    write_doc(hang(tokens_.tok("group", g.range.begin), std::move(head)));
  }
  std::vector<Row> rs = item_rows(g.items);
  block(rs, open, g.range.end);
}

Row ModuleFormatter::rule_row(const ast::Item& it) {
  Row r;
  r.begin = it.range.begin;
  r.end = it.range.end;
  Tokens::Window w(tokens_, r.begin, tokens_.content_end(r.end));
  auto ex = [&](const ast::ExprPtr& e, int min = 1) { return e ? expr_.print(*e, min) : text("?"); };
  auto end_of = [](const ast::ExprPtr& e, uint32_t fallback) { return e ? e.get()->range.end : fallback; };
  auto when = [&](uint32_t from, const ast::ExprPtr& cond) { return concat({kw("when", from), space(), ex(cond)}); };
  // keyword, label or name, then the rest nested: one group.
  auto rule = [&](std::vector<Doc> rest) {
    rest.insert(rest.begin(), {space(), r.cells[1], space()});
    return group(hang(r.cells[0], std::move(rest)));
  };
  switch (it.kind) {
    case ast::ItemKind::Let: {
      const auto& x = static_cast<const ast::LetItem&>(it);
      r.doc = binding(tokens_.tok("let", r.begin), x.name, x.value);
      break;
    }
    case ast::ItemKind::Exclude: {
      const auto& x = static_cast<const ast::ExcludeItem&>(it);
      r.category = 1;
      r.cells = {tokens_.tok("exclude", r.begin), expr_.label(x.label), when(x.label.range.end, x.cond)};
      r.doc = rule({r.cells[2]});
      break;
    }
    case ast::ItemKind::Signal: {
      const auto& x = static_cast<const ast::SignalItem&>(it);
      r.category = 1;
      Doc cond = when(x.label.range.end, x.cond);
      Doc points = concat({kw("=>", end_of(x.cond, x.label.range.end)), space(), ex(x.points)});
      r.cells = {tokens_.tok("signal", r.begin), expr_.label(x.label), cond, points};
      r.doc = rule({cond, line(), points});
      break;
    }
    case ast::ItemKind::Trigger: {
      const auto& x = static_cast<const ast::TriggerItem&>(it);
      r.category = 1;
      Doc on = kw("on", x.label.range.end);
      Doc date = ex(x.on, 6);
      uint32_t on_end = end_of(x.on, x.label.range.end);
      Doc window = concat({on, space(), date, space(), kw("within", on_end), space(), ex(x.within, 6)});
      uint32_t cond_end = end_of(x.within, on_end);
      Doc cond = x.cond ? when(cond_end, x.cond) : nullptr;
      if (x.cond) cond_end = x.cond->range.end;
      std::vector<Doc> points{kw("=>", cond_end), space(), ex(x.points)};
      if (x.halflife)
        points.insert(points.end(), {space(), kw("halflife", end_of(x.points, cond_end)), space(), ex(x.halflife, 6)});
      Doc pts = concat(std::move(points));
      r.cells = {tokens_.tok("trigger", r.begin), expr_.label(x.label),
                 cond ? concat({window, space(), cond}) : window, pts};
      r.doc = cond ? rule({window, line(), cond, line(), pts}) : rule({window, line(), pts});
      break;
    }
    case ast::ItemKind::Tier: {
      const auto& x = static_cast<const ast::TierItem&>(it);
      r.category = 2;
      r.cells = {tokens_.tok("tier", r.begin), tokens_.tok(x.name.name, x.name.range.begin),
                 when(x.name.range.end, x.cond)};
      r.doc = rule({r.cells[2]});
      break;
    }
    case ast::ItemKind::Group:
      r.custom = [this, &it] { group_item(static_cast<const ast::GroupItem&>(it)); };
      break;
  }
  return r;
}

std::vector<Row> ModuleFormatter::item_rows(const std::vector<ast::ItemPtr>& items) {
  std::vector<Row> rs;
  for (const auto& ip : items)
    if (ip) rs.push_back(rule_row(*ip));
  return rs;
}

}  // namespace icp::formatter
