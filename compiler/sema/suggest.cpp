// Edit distance and the "did you mean" choice used by every unknown-name
// diagnostic (E0101, E0102, E0301).
#include "sema/suggest.h"

#include <algorithm>
#include <cctype>

#include "icp/rt/schema.h"

namespace icp::sema {

size_t edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

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
