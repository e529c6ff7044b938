// "Did you mean" suggestions: the closest candidate name by edit distance.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/edit_distance.h"
#include "sema/semantic_model.h"

namespace icp::sema {

using icp::edit_distance;  // diag/edit_distance.h

// The candidate most likely meant by `name`: the same name in another case;
// else the only candidate that is `name` followed by `_` and more; else the
// closest by edit distance, if close enough to be a typo (ties go to the
// first). None for a one-letter name unless only its case differs.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

// Adds closest_name()'s answer to a diagnostic: "did you mean 'x'?" and
// the fix replacing `at` with it. Returns the suggestion.
std::optional<std::string> add_suggestion(DiagBuilder& b, SourceRange at, std::string_view name,
                                          const std::vector<std::string>& candidates);

// The member that input text reads as (LANGUAGE.md section 8: its name or
// an alias, case-insensitively, spaces and hyphens as `_`); `alias`
// receives the alias when it is one.
std::optional<std::string> member_read_as(const EnumInfo& en, std::string_view text,
                                          std::string* alias = nullptr);
// The member of `en` that `name` most likely means: one that `name` would
// read as in input data (an alias, `USA` -> `US`; `alias` receives it), else
// closest_name() over the members.
std::optional<std::string> suggest_member(const EnumInfo& en, std::string_view name,
                                          std::string* alias = nullptr);
// What an unknown-member message says of the enum's members: all of them
// ("its members are a, b and c") when it has at most kListedMembers, else
// the closest few to `name` by spelling, name or alias ("the closest of its
// 249 members are DE, DK and ...").
inline constexpr size_t kListedMembers = 12;
std::string members_hint(const EnumInfo& en, std::string_view name);
// A string literal's text as the literal of type `want` it was meant to be,
// when it reads as one: `"150000"` or `"150,000"` for a number (150000,
// 150_000), `"2026-01-01"` for a date. None otherwise.
std::optional<std::string> unquoted_literal(std::string_view text, Type want);
// Adds suggest_member()'s answer to an unknown-member diagnostic: the note
// and the fix replacing `at`.
void add_member_suggestion(DiagBuilder& b, SourceRange at, const EnumInfo& en, std::string_view name);

}  // namespace icp::sema
