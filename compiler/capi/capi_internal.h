// What the opaque handles of icp.h hold, and helpers shared by the C API's
// files. A scorer holds the model's Program through a shared_ptr, so a model
// may be freed before the scorers made from it.
#pragma once
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eval/scorer.h"
#include "icp/icp.h"
#include "sema/program.h"

struct icp_model {
  std::shared_ptr<const icp::sema::Program> program;
  std::string warnings;
  std::vector<std::string> profiles;
};

struct icp_scorer {
  std::shared_ptr<const icp::sema::Program> program;
  std::unique_ptr<icp::eval::Scorer> scorer;
  std::string profile;
  std::vector<icp_field_kind> kinds;
  std::vector<std::vector<std::string>> enum_members;  // per field
  std::vector<const char*> rule_groups;                // per rule, NULL outside groups
};

namespace icp::capi {

// A malloc'd copy of `s` (what icp_free frees), or NULL when out of memory.
inline char* dup(std::string_view s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) return nullptr;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}
inline void set_out(char** out, std::string_view s) {
  if (out) *out = dup(s);
}

// as_of "YYYY-MM-DD" or NULL (today, UTC) -> days; false when malformed.
bool parse_as_of(const char* as_of, int64_t& days);

}  // namespace icp::capi
