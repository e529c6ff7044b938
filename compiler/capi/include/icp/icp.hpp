// C++ wrappers over the C API of icp.h: RAII handles and exceptions, header
// only, so they work with any C++17 compiler against the stable C ABI.
//
//   icp::Model model = icp::Model::from_file("model.icp");
//   icp::Scorer scorer(model, "Observability");
//   std::string json = scorer.score_json(R"({"name":"Acme"})", "2026-11-01");
#ifndef ICP_ICP_HPP
#define ICP_ICP_HPP
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "icp/icp.h"

namespace icp {

// A failed compile (what() is the diagnostics text) or a bad record/argument.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {
// Takes ownership of a malloc'd C string from the API.
inline std::string take(char* p) {
  std::string s = p ? p : "";
  icp_free(p);
  return s;
}
struct ModelFree {
  void operator()(icp_model* m) const { icp_model_free(m); }
};
struct ScorerFree {
  void operator()(icp_scorer* s) const { icp_scorer_free(s); }
};
}  // namespace detail

class Model {
 public:
  // `import_root`: empty for the default (the file's folder; none for
  // source), see icp_compile_file_in in icp.h.
  static Model from_file(const std::string& path, const std::string& import_root = "") {
    char* err = nullptr;
    icp_model* m = icp_compile_file_in(path.c_str(), import_root.empty() ? nullptr : import_root.c_str(), &err);
    if (!m) throw Error(detail::take(err));
    return Model(m);
  }
  static Model from_source(std::string_view source, const std::string& name = "<source>",
                           const std::string& import_root = "") {
    char* err = nullptr;
    icp_model* m = icp_compile_source_in(source.data(), source.size(), name.c_str(),
                                         import_root.empty() ? nullptr : import_root.c_str(), &err);
    if (!m) throw Error(detail::take(err));
    return Model(m);
  }
  icp_model* get() const { return m_.get(); }
  std::string warnings() const { return icp_model_warnings(m_.get()); }
  std::vector<std::string> profiles() const {
    std::vector<std::string> out;
    for (size_t i = 0; i < icp_model_profile_count(m_.get()); ++i)
      out.emplace_back(icp_model_profile_name(m_.get(), i));
    return out;
  }

 private:
  explicit Model(icp_model* m) : m_(m) {}
  std::unique_ptr<icp_model, detail::ModelFree> m_;
};

// Results of a batch, owned: one entry per row (state/points: rows * rules).
struct BatchResults {
  size_t rows = 0, nrules = 0;
  std::vector<double> score, confidence, points;
  std::vector<int32_t> tier;
  std::vector<uint8_t> state;
  void resize(size_t r, size_t k) {
    rows = r;
    nrules = k;
    score.assign(r, 0);
    confidence.assign(r, 0);
    tier.assign(r, 0);
    points.assign(r * k, 0);
    state.assign(r * k, 0);
  }
  icp_result_view view() {
    return icp_result_view{nrules, score.data(), tier.data(), confidence.data(), state.data(), points.data()};
  }
};

class Scorer {
 public:
  // `profile` empty: the model's only profile.
  Scorer(const Model& model, const std::string& profile = {}) {
    char* err = nullptr;
    icp_scorer* s = icp_scorer_new(model.get(), profile.empty() ? nullptr : profile.c_str(), &err);
    if (!s) throw Error(detail::take(err));
    s_.reset(s);
  }
  icp_scorer* get() const { return s_.get(); }

  // The result object as JSON; throws Error for a bad record. `as_of` empty:
  // today.
  std::string score_json(std::string_view record, const std::string& as_of = {}) const {
    char* out = nullptr;
    int rc = icp_score_json(s_.get(), record.data(), record.size(), as_of.empty() ? nullptr : as_of.c_str(), &out);
    std::string s = detail::take(out);
    if (rc != 0) throw Error(s);
    return s;
  }
  // Scores a columnar batch (icp/abi.h layout, see icp_score_batch).
  void score_batch(const icp_batch_view& in, BatchResults& out, const std::string& as_of = {}) const {
    out.resize(in.rows, rule_count());
    icp_result_view v = out.view();
    char* err = nullptr;
    if (icp_score_batch(s_.get(), &in, as_of.empty() ? nullptr : as_of.c_str(), &v, &err) != 0)
      throw Error(detail::take(err));
  }

  size_t field_count() const { return icp_scorer_field_count(s_.get()); }
  std::string field_name(size_t i) const { return icp_scorer_field_name(s_.get(), i); }
  std::string field_column(size_t i) const { return icp_scorer_field_column(s_.get(), i); }
  icp_field_kind field_kind(size_t i) const { return icp_scorer_field_kind(s_.get(), i); }
  bool field_optional(size_t i) const { return icp_scorer_field_optional(s_.get(), i) != 0; }
  std::vector<std::string> enum_members(size_t i) const {
    std::vector<std::string> out;
    for (size_t m = 0; m < icp_scorer_enum_member_count(s_.get(), i); ++m)
      out.emplace_back(icp_scorer_enum_member(s_.get(), i, m));
    return out;
  }
  size_t rule_count() const { return icp_scorer_rule_count(s_.get()); }
  std::string rule_label(size_t k) const { return icp_scorer_rule_label(s_.get(), k); }
  icp_rule_kind rule_kind(size_t k) const { return icp_scorer_rule_kind(s_.get(), k); }
  std::string rule_group(size_t k) const {
    const char* g = icp_scorer_rule_group(s_.get(), k);
    return g ? g : "";
  }
  size_t tier_count() const { return icp_scorer_tier_count(s_.get()); }
  std::string tier_name(int32_t t) const {
    const char* n = icp_scorer_tier_name(s_.get(), t);
    return n ? n : "";
  }

 private:
  std::unique_ptr<icp_scorer, detail::ScorerFree> s_;
};

inline std::string version() { return icp_version(); }

}  // namespace icp
#endif  // ICP_ICP_HPP
