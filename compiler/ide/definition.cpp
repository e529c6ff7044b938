// Go to definition (definition.h).
#include "ide/definition.h"

#include "ide/resolve.h"

namespace icp::ide {

std::vector<SourceRange> definition(const sema::Program& p, uint32_t offset) {
  const ast::Module* m = p.main_module();
  if (!m) return {};
  auto hit = name_at(*m, offset);
  if (!hit) return {};
  Target t = resolve(p, *hit);
  SourceRange r = target_name_range(p, t);
  if (!r.valid() || r.file >= p.sources.size()) return {};
  return {r};
}

}  // namespace icp::ide
