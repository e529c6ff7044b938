// Schemas shared by the runtime tests (built by hand, as the compiler will).
#pragma once
#include <memory>

#include "icp/rt/schema.h"

namespace icp::rt::testing {

inline FieldSpec field(std::string name, ValueKind kind, bool optional = false, std::string column = "") {
  FieldSpec f;
  f.column = column.empty() ? name : column;
  f.name = std::move(name);
  f.kind = kind;
  f.optional = optional;
  return f;
}

inline std::shared_ptr<EnumSpec> make_enum(std::string name, std::vector<std::string> members,
                                           std::vector<std::vector<std::string>> aliases = {}, int32_t def = -1) {
  auto e = std::make_shared<EnumSpec>();
  e->name = std::move(name);
  e->members = std::move(members);
  e->aliases = std::move(aliases);
  e->default_member = def;
  e->build();
  return e;
}

// conformance/cases/csv_rejects/model.icp
inline Schema csv_rejects_schema() {
  Schema s;
  s.name = "Account";
  auto region = make_enum("Region", {"americas", "emea", "apac"});
  s.owned_enums.push_back(region);
  s.fields.push_back(field("company", ValueKind::String, false, "Company Name"));
  s.fields.push_back(field("revenue", ValueKind::Float, true, "Annual Revenue"));
  s.fields.push_back(field("employees", ValueKind::Int, false, "Employees"));
  FieldSpec r = field("region", ValueKind::Enum, true);
  r.enum_spec = region.get();
  s.fields.push_back(r);
  s.fields.push_back(field("growth", ValueKind::Float, true, "Headcount Growth"));
  FieldSpec pub = field("public", ValueKind::Bool);
  pub.has_default = true;
  pub.default_value = Value::boolean(false);
  s.fields.push_back(pub);
  return s;
}

// conformance/cases/score_observability/model.icp
inline Schema observability_schema() {
  Schema s;
  s.name = "Account";
  auto industry = make_enum("Industry", {"information", "finance_insurance", "manufacturing", "public_administration", "other"},
                            {{}, {"Finance and Insurance"}}, 4);
  auto stage = make_enum("FundingStage", {"bootstrapped", "seed", "series_a", "series_b", "series_c", "public"});
  s.owned_enums = {industry, stage};
  s.fields.push_back(field("name", ValueKind::String));
  s.fields.push_back(field("domain", ValueKind::String, false, "Website"));
  FieldSpec ind = field("industry", ValueKind::Enum, true);
  ind.enum_spec = industry.get();
  s.fields.push_back(ind);
  s.fields.push_back(field("employees", ValueKind::Int, true, "Employee Count"));
  s.fields.push_back(field("tech", ValueKind::StringSet, false, "Technologies"));
  FieldSpec st = field("stage", ValueKind::Enum, true);
  st.enum_spec = stage.get();
  s.fields.push_back(st);
  s.fields.push_back(field("last_funding", ValueKind::Date, true));
  FieldSpec sre = field("sre_openings", ValueKind::Int);
  sre.has_default = true;
  sre.default_value = Value::integer(0);
  s.fields.push_back(sre);
  return s;
}

}  // namespace icp::rt::testing
