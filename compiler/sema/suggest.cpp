// Edit distance and the "did you mean" choice used by every unknown-name
// diagnostic (E0101, E0102, E0301).
#include "sema/suggest.h"

#include <algorithm>
#include <cctype>

#include "icp/rt/schema.h"

namespace icp::sema {

static std::string lower(std::string_view s) {
  std::string r(s);
  for (char& ch : r) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return r;
}

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
  if (name.empty()) return std::nullopt;
  const std::string ln = lower(name);
  // 1. The same name in another case.
  for (const auto& c : candidates)
    if (c != name && lower(c) == ln) return c;
  // 2. The name with more words after it (`series_d` -> `series_d_plus`,
  //    `finance` -> `finance_insurance`), when only one candidate is.
  std::optional<std::string> longer;
  size_t longer_count = 0;
  for (const auto& c : candidates) {
    std::string lc = lower(c);
    if (lc.size() > ln.size() + 1 && lc.compare(0, ln.size(), ln) == 0 && lc[ln.size()] == '_' &&
        longer_count++ == 0)
      longer = c;
  }
  if (longer_count == 1) return longer;
  // 3. A few edits away: at most a third of the name, and fewer edits than
  //    it has letters (`k` is not a typo of `a`).
  const size_t limit = std::min<size_t>({3, (name.size() + 2) / 3, name.size() - 1});
  std::optional<std::string> best;
  size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    if (c == name) continue;
    size_t d = edit_distance(ln, lower(c));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::optional<std::string> add_suggestion(DiagBuilder& b, SourceRange at, std::string_view name,
                                          const std::vector<std::string>& candidates) {
  auto s = closest_name(name, candidates);
  if (s) {
    b.note("did you mean '{}'?", *s);
    b.fix(at, *s);
  }
  return s;
}

std::optional<std::string> member_read_as(const EnumInfo& en, std::string_view text, std::string* alias) {
  const std::string key = rt::normalize_enum_text(text);
  for (size_t m = 0; m < en.members.size(); ++m)
    if (rt::normalize_enum_text(en.members[m]) == key) return en.members[m];
  for (size_t m = 0; m < en.members.size() && m < en.aliases.size(); ++m)
    for (const auto& a : en.aliases[m])
      if (rt::normalize_enum_text(a) == key) {
        if (alias) *alias = a;
        return en.members[m];
      }
  return std::nullopt;
}

std::optional<std::string> suggest_member(const EnumInfo& en, std::string_view name, std::string* alias) {
  if (auto m = member_read_as(en, name, alias); m && *m != name) return m;
  return closest_name(name, en.members);
}

std::optional<std::string> unquoted_literal(std::string_view text, Type want) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (want.kind == TypeKind::Date) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (!digit(text[i])) return std::nullopt;
    return std::string(text);
  }
  if (want.kind != TypeKind::Int && want.kind != TypeKind::Float) return std::nullopt;
  // [sign] digits with `,` or `_` between groups of three, [. digits].
  std::string out;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) out += text[i++];
  size_t run = 0, groups = 0;
  bool sep = false;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (digit(c)) {
      out += c;
      ++run;
    } else if ((c == ',' || c == '_') && run > 0 && (groups > 0 ? run == 3 : run <= 3)) {
      out += '_';
      run = 0;
      ++groups;
      sep = true;
    } else {
      return std::nullopt;
    }
  }
  if (run == 0 || (sep && run != 3)) return std::nullopt;
  if (i < text.size()) {
    out += text[i++];
    size_t frac = 0;
    for (; i < text.size(); ++i, ++frac) {
      if (!digit(text[i])) return std::nullopt;
      out += text[i];
    }
    if (frac == 0) return std::nullopt;
  }
  return out;
}

static std::string and_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

std::string members_hint(const EnumInfo& en, std::string_view name) {
  if (en.members.empty()) return "it has no members";
  if (en.members.size() <= kListedMembers)
    return fmt::format("its members are {}", and_list(en.members));
  // Rank each member by its best spelling (name or alias), normalised as
  // input data is read: the same text first, then one containing the other
  // (`tech` in `technology`), then by edit distance.
  const std::string key = rt::normalize_enum_text(name);
  std::vector<std::pair<size_t, size_t>> ranked;  // (rank, member index)
  for (size_t m = 0; m < en.members.size(); ++m) {
    size_t best = SIZE_MAX;
    auto consider = [&](std::string_view spelling) {
      std::string s = rt::normalize_enum_text(spelling);
      size_t r;
      if (s == key) r = 0;
      else if ((key.size() >= 3 && s.find(key) != std::string::npos) ||
               (s.size() >= 3 && key.find(s) != std::string::npos))
        r = 1;
      else r = 2 + edit_distance(key, s);
      best = std::min(best, r);
    };
    consider(en.members[m]);
    if (m < en.aliases.size())
      for (const auto& a : en.aliases[m]) consider(a);
    ranked.emplace_back(best, m);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Close enough to list: a containment, or a third of the name in edits.
  const size_t limit = 2 + std::max<size_t>(2, key.size() / 3);
  std::vector<std::string> closest;
  for (size_t i = 0; i < ranked.size() && closest.size() < 5 && ranked[i].first <= limit; ++i)
    closest.push_back(en.members[ranked[i].second]);
  if (closest.empty())
    return fmt::format("none of its {} members is close (see `enum {}`)", en.members.size(), en.name);
  return fmt::format("the closest of its {} members {} {}", en.members.size(),
                     closest.size() == 1 ? "is" : "are", and_list(closest));
}

void add_member_suggestion(DiagBuilder& b, SourceRange at, const EnumInfo& en, std::string_view name) {
  std::string alias;
  auto s = suggest_member(en, name, &alias);
  if (!s) return;
  if (alias.empty()) {
    b.note("did you mean '{}'?", *s);
  } else {
    b.note("did you mean '{}'? (\"{}\" is an alias of '{}': aliases are for reading input data, code names "
           "the member)",
           *s, alias, *s);
  }
  b.fix(at, *s);
}

}  // namespace icp::sema
