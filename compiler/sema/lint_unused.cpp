// W0001: lets, consts and defs of the main file that nothing uses. Names of
// imported files (the standard library) are never "unused", and neither are
// the consts and defs of a main file without profiles (a library, checked on
// its own). A name starting with `_` is exempt, as in Rust.
#include "sema/checker.h"

namespace icp::sema {

void lint_unused(Checker& c) {
  auto unused = [&](const ast::Node* d, const ast::Ident& name, const char* what) {
    if (c.used.count(d) || name.empty() || name.name[0] == '_') return;
    c.diags.emit(diag::Unused, name.range, what, name.name);
  };
  bool library = true;
  for (const auto& p : c.m.profiles)
    if (c.is_main(p.file)) library = false;
  for (const ast::LetItem* l : c.main_lets) unused(l, l->name, "let");
  if (library) return;
  for (const auto& k : c.m.consts)
    if (c.is_main(k.file)) unused(k.decl, k.decl->name, "const");
  for (const auto& d : c.m.defs)
    if (c.is_main(d.file)) unused(d.decl, d.decl->name, "def");
}

}  // namespace icp::sema
