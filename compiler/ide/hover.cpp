// Hover (hover.h): the declaration a name stands for, or the type of the
// expression under the cursor.
#include "ide/hover.h"

#include <cstring>

#include "ide/ast_walk.h"
#include "ide/describe.h"
#include "ide/resolve.h"

namespace icp::ide {

namespace {
// The keyword a profile item starts with, and what hovering it describes
// (the same as hovering the item's label or name).
std::optional<HoverInfo> item_keyword(const sema::Program& p, const ast::Item& it, uint32_t offset) {
  static const char* const kKeyword[] = {"let", "exclude", "signal", "trigger", "tier", "group"};
  static_assert(static_cast<int>(ast::ItemKind::Let) == 0 && static_cast<int>(ast::ItemKind::Group) == 5);
  const char* kw = kKeyword[static_cast<int>(it.kind)];
  const SourceFile& f = p.sources.file(p.main_file);
  uint32_t end = it.range.begin + static_cast<uint32_t>(std::strlen(kw));
  if (offset < it.range.begin || offset > end || f.text().compare(it.range.begin, end - it.range.begin, kw) != 0)
    return std::nullopt;
  Target t;
  t.node = &it;
  t.kind = it.kind == ast::ItemKind::Let ? Target::Let : it.kind == ast::ItemKind::Tier ? Target::Tier : Target::Rule;
  std::string md = describe(p, t);
  if (md.empty()) return std::nullopt;
  return HoverInfo{md, f.range(it.range.begin, end)};
}
}  // namespace

std::optional<HoverInfo> hover(const sema::Program& p, uint32_t offset) {
  const ast::Module* m = p.main_module();
  if (!m) return std::nullopt;
  if (auto hit = name_at(*m, offset)) {
    Target t = resolve(p, *hit);
    std::string md = describe(p, t);
    if (!md.empty()) return HoverInfo{md, hit->range()};
  }
  NodePath path = path_at(*m, offset);
  if (!path.empty())
    if (const ast::Item* it = path.back().item())
      if (auto h = item_keyword(p, *it, offset)) return h;
  for (size_t i = path.size(); i-- > 0;) {
    const ast::Expr* e = path[i].expr();
    if (!e) continue;
    sema::Type ty = p.model.type_of(e->id);
    if (const auto* sp = e->as<ast::SpecialExpr>()) {
      static const char* const kSpecial[] = {
          "score: float\n```\n\nThe record's total points (capped groups counted at their cap).",
          "confidence: float\n```\n\nThe share of signals and triggers whose outcome was known.",
          "as_of: date\n```\n\nThe scoring date (`--as-of`, a test's `as_of`, or today)."};
      return HoverInfo{"```icp\n" + std::string(kSpecial[static_cast<int>(sp->which)]), e->range};
    }
    if (ty.is_error()) return std::nullopt;
    if (e->kind == ast::ExprKind::MissingLit)
      return HoverInfo{"```icp\nmissing: " + p.model.type_name(ty) +
                           "\n```\n\nNo value: the missing value of the type its context expects.",
                       e->range};
    std::string md = "```icp\n" + p.model.type_name(ty) + "\n```";
    return HoverInfo{md, e->range};
  }
  return std::nullopt;
}

}  // namespace icp::ide
