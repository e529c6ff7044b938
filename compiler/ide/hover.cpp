// Hover (hover.h): the declaration a name stands for, or the type of the
// expression under the cursor.
#include "ide/hover.h"

#include "ide/ast_walk.h"
#include "ide/describe.h"
#include "ide/resolve.h"

namespace icp::ide {

std::optional<HoverInfo> hover(const sema::Program& p, uint32_t offset) {
  const ast::Module* m = p.main_module();
  if (!m) return std::nullopt;
  if (auto hit = name_at(*m, offset)) {
    Target t = resolve(p, *hit);
    std::string md = describe(p, t);
    if (!md.empty()) return HoverInfo{md, hit->range()};
  }
  NodePath path = path_at(*m, offset);
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
    std::string md = "```icp\n" + p.model.type_name(ty) + "\n```";
    return HoverInfo{md, e->range};
  }
  return std::nullopt;
}

}  // namespace icp::ide
