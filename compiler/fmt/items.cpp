// Formatting of profiles and their items: lets, rules (aligned in runs),
// tiers and groups.
#include "fmt/module_formatter.h"

namespace icp::formatter {

void ModuleFormatter::profile_decl(const ast::ProfileDecl& d) {
  out_ += std::string(d.persona ? "persona " : "profile ") + d.name.name + " on " + d.schema.name + " {";
  std::vector<Row> rs = item_rows(d.items);
  uint32_t from = d.schema.range.valid() ? d.schema.range.end : d.name.range.end;
  block(rs, after_brace(from), d.range.end);
}

void ModuleFormatter::let_item(const ast::LetItem& l) {
  Doc v = l.value ? expr_.print(*l.value) : text("?");
  write_doc(concat({text("let " + l.name.name + " = "), v}));
}

void ModuleFormatter::group_item(const ast::GroupItem& g) {
  std::string head = "group " + expr_.label(g.label);
  uint32_t from = g.label.range.end;
  if (g.cap) {
    head += " cap " + expr_.flat(*g.cap, 6);
    from = g.cap->range.end;
  }
  out_ += head + " {";
  std::vector<Row> rs = item_rows(g.items);
  block(rs, after_brace(from), g.range.end);
}

std::vector<Row> ModuleFormatter::item_rows(const std::vector<ast::ItemPtr>& items) {
  std::vector<Row> rs;
  auto flat = [&](const ast::ExprPtr& e, int min = 1) { return e ? expr_.flat(*e, min) : std::string("?"); };
  for (const auto& ip : items) {
    if (!ip) continue;
    const ast::Item& it = *ip;
    Row r;
    r.begin = it.range.begin;
    r.end = it.range.end;
    switch (it.kind) {
      case ast::ItemKind::Let:
        r.custom = [this, &it] { let_item(static_cast<const ast::LetItem&>(it)); };
        break;
      case ast::ItemKind::Exclude: {
        const auto& x = static_cast<const ast::ExcludeItem&>(it);
        r.category = 1;
        r.cells = {"exclude", expr_.label(x.label), "when " + flat(x.cond)};
        break;
      }
      case ast::ItemKind::Signal: {
        const auto& x = static_cast<const ast::SignalItem&>(it);
        r.category = 1;
        r.cells = {"signal", expr_.label(x.label), "when " + flat(x.cond), "=> " + flat(x.points)};
        break;
      }
      case ast::ItemKind::Trigger: {
        const auto& x = static_cast<const ast::TriggerItem&>(it);
        r.category = 1;
        std::string when = "on " + flat(x.on, 6) + " within " + flat(x.within, 6);
        if (x.cond) when += " when " + flat(x.cond);
        std::string points = "=> " + flat(x.points);
        if (x.halflife) points += " halflife " + flat(x.halflife, 6);
        r.cells = {"trigger", expr_.label(x.label), when, points};
        break;
      }
      case ast::ItemKind::Tier: {
        const auto& x = static_cast<const ast::TierItem&>(it);
        r.category = 2;
        r.cells = {"tier", x.name.name, "when " + flat(x.cond)};
        break;
      }
      case ast::ItemKind::Group:
        r.custom = [this, &it] { group_item(static_cast<const ast::GroupItem&>(it)); };
        break;
    }
    rs.push_back(std::move(r));
  }
  return rs;
}

}  // namespace icp::formatter
