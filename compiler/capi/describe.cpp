// icp_scorer_field_* / rule_* / tier_*: what a scorer reads (the schema, in
// batch column order) and writes (rules in source order, tiers), so
// embedders can build icp_batch_view columns and read icp_result_view.
#include "capi_internal.h"
#include "icp/rt/schema.h"

namespace {
const icp::ir::Function& fn(const icp_scorer* s) { return s->scorer->function(); }
}  // namespace

extern "C" {

const char* icp_scorer_profile(const icp_scorer* s) { return s ? s->profile.c_str() : nullptr; }

size_t icp_scorer_field_count(const icp_scorer* s) { return s ? fn(s).fields.size() : 0; }

const char* icp_scorer_field_name(const icp_scorer* s, size_t i) {
  return s && i < fn(s).fields.size() ? fn(s).fields[i].name.c_str() : nullptr;
}

const char* icp_scorer_field_column(const icp_scorer* s, size_t i) {
  return s && i < fn(s).fields.size() ? fn(s).fields[i].column.c_str() : nullptr;
}

icp_field_kind icp_scorer_field_kind(const icp_scorer* s, size_t i) {
  return s && i < s->kinds.size() ? s->kinds[i] : ICP_FIELD_STRING;
}

int icp_scorer_field_optional(const icp_scorer* s, size_t i) {
  return s && i < fn(s).fields.size() && fn(s).fields[i].optional ? 1 : 0;
}

size_t icp_scorer_enum_member_count(const icp_scorer* s, size_t i) {
  return s && i < s->enum_members.size() ? s->enum_members[i].size() : 0;
}

const char* icp_scorer_enum_member(const icp_scorer* s, size_t i, size_t m) {
  if (!s || i >= s->enum_members.size() || m >= s->enum_members[i].size()) return nullptr;
  return s->enum_members[i][m].c_str();
}

int64_t icp_scorer_find_field(const icp_scorer* s, const char* name) {
  if (!s || !name) return -1;
  std::string key = icp::rt::column_key(name);
  const auto& fields = fn(s).fields;
  for (size_t i = 0; i < fields.size(); ++i)
    if (icp::rt::column_key(fields[i].column) == key) return int64_t(i);
  for (size_t i = 0; i < fields.size(); ++i)
    if (icp::rt::column_key(fields[i].name) == key) return int64_t(i);
  return -1;
}

size_t icp_scorer_rule_count(const icp_scorer* s) { return s ? fn(s).rules.size() : 0; }

const char* icp_scorer_rule_label(const icp_scorer* s, size_t k) {
  return s && k < fn(s).rules.size() ? fn(s).rules[k].label.c_str() : nullptr;
}

icp_rule_kind icp_scorer_rule_kind(const icp_scorer* s, size_t k) {
  if (!s || k >= fn(s).rules.size()) return ICP_RULE_SIGNAL;
  switch (fn(s).rules[k].kind) {
    case icp::ir::RuleKind::Exclude: return ICP_RULE_EXCLUDE;
    case icp::ir::RuleKind::Trigger: return ICP_RULE_TRIGGER;
    default: return ICP_RULE_SIGNAL;
  }
}

const char* icp_scorer_rule_group(const icp_scorer* s, size_t k) {
  return s && k < s->rule_groups.size() ? s->rule_groups[k] : nullptr;
}

size_t icp_scorer_tier_count(const icp_scorer* s) { return s ? fn(s).tiers.size() : 0; }

const char* icp_scorer_tier_name(const icp_scorer* s, int32_t t) {
  if (t == ICP_TIER_OUT) return "out";
  if (t == ICP_TIER_EXCLUDED) return "excluded";
  if (!s || t < 0 || size_t(t) >= fn(s).tiers.size()) return nullptr;
  return fn(s).tiers[size_t(t)].name.c_str();
}

}  // extern "C"
