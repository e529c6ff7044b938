// Pass 2: enum members, aliases and the default member of every enum.
// Duplicate members, aliases that read as another member (compared the way
// input data is read: case-insensitively, spaces and hyphens as `_`), and a
// second `default` are E0103.
#include <unordered_map>

#include "icp/rt/schema.h"
#include "sema/checker.h"

namespace icp::sema {
namespace {

// Exactly as the readers match input text (runtime/src/schema.cpp).
std::string normalize(std::string_view s) { return rt::normalize_enum_text(s); }

void check_enum(Checker& c, EnumInfo& e) {
  std::unordered_map<std::string, const ast::EnumMember*> names;
  std::unordered_map<std::string, std::pair<SourceRange, size_t>> spellings;  // normalized -> member
  const ast::EnumMember* dflt = nullptr;
  for (const auto& mem : e.decl->members) {
    if (mem.name.empty()) continue;
    auto [it, fresh] = names.emplace(mem.name.name, &mem);
    if (!fresh) {
      c.diags.emit(diag::Duplicate, mem.name.range, "member", mem.name.name)
          .note(it->second->name.range, "'{}' is first declared here", mem.name.name);
      continue;
    }
    size_t idx = e.members.size();
    e.members.push_back(mem.name.name);
    e.aliases.emplace_back();
    spellings.emplace(normalize(mem.name.name), std::pair{mem.name.range, idx});
    if (mem.is_default) {
      if (dflt)
        c.diags.emit(diag::Duplicate, mem.name.range, "default member", mem.name.name)
            .note(dflt->name.range, "'{}' is already the default", dflt->name.name);
      else {
        dflt = &mem;
        e.default_member = static_cast<int>(idx);
      }
    }
  }
  // Aliases after every name is known, so an alias may not read as a later member.
  size_t idx = 0;
  std::unordered_map<std::string, bool> seen_member;
  for (const auto& mem : e.decl->members) {
    if (mem.name.empty() || seen_member[mem.name.name]) continue;
    seen_member[mem.name.name] = true;
    for (const auto& a : mem.aliases) {
      std::string key = normalize(a.value);
      auto [it, fresh] = spellings.emplace(key, std::pair{a.range, idx});
      if (!fresh && it->second.second != idx) {
        // Reported at the later of the two spellings, with a note at the first.
        const SourceRange& other = it->second.first;
        if (other.begin > a.range.begin)
          c.diags.emit(diag::Duplicate, other, "member", e.members[it->second.second])
              .note(a.range, "'{}' already reads as alias \"{}\" of member '{}'",
                    e.members[it->second.second], a.value, e.members[idx]);
        else
          c.diags.emit(diag::Duplicate, a.range, "alias", a.value)
              .note(other, "'{}' already reads as member '{}'", a.value, e.members[it->second.second]);
        continue;
      }
      e.aliases[idx].push_back(a.value);
    }
    ++idx;
  }
}

}  // namespace

void check_enums(Checker& c) {
  for (auto& e : c.m.enums) check_enum(c, e);
}

}  // namespace icp::sema
