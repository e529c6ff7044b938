// Benchmark inputs. See bench_data.h.
#include "bench_data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "diag/render.h"
#include "ir/lower.h"
#include "sema/program.h"

namespace icp::bench {

Model load_model(const std::string& given) {
  std::vector<std::string> candidates;
  if (!given.empty()) candidates.push_back(given);
  else candidates = {std::string(ICP_SOURCE_DIR) + "/examples/observability/model.icp",
                     std::string(ICP_BENCH_DIR) + "/observability_noimports.icp"};
  for (const auto& path : candidates) {
    auto prog = sema::compile_file(path);
    if (prog->diags.has_errors() || prog->model.profiles.empty()) {
      std::fprintf(stderr, "bench: %s does not compile%s\n", path.c_str(),
                   given.empty() ? ", trying the next model" : "");
      std::fputs(render_text(prog->sources, prog->diags.sorted()).c_str(), stderr);
      continue;
    }
    const sema::ProfileInfo& p = prog->model.profiles[0];
    Model m;
    m.path = path;
    m.fn = ir::lower_profile(*prog, p);
    for (const auto& f : prog->model.schemas.at(size_t(p.schema)).fields) {
      m.enum_sizes.push_back(f.type.kind == sema::TypeKind::Enum
                                 ? uint32_t(prog->model.enum_info(f.type.enum_id).members.size())
                                 : 0);
      m.is_date.push_back(f.type.kind == sema::TypeKind::Date);
    }
    return m;
  }
  std::fprintf(stderr, "bench: no model compiles\n");
  std::exit(2);
}

Data::Data(const Model& m, uint64_t rows, int64_t as_of) : rows_(rows) {
  std::mt19937_64 rng(42);
  auto pick = [&](uint64_t n) { return n ? rng() % n : 0; };
  static const char* kTech[] = {"aws", "cobol", "datadog", "gcp", "kubernetes", "mainframe", "sap", "terraform"};
  std::vector<icp_str> names;
  for (int i = 0; i < 1000; ++i) {
    const std::string& s = strings_.emplace_back("company" + std::to_string(i) + ".io");
    names.push_back(icp_str{s.data(), s.size()});
  }
  // A pool of 256 distinct tech sets (every subset of kTech), sorted.
  std::vector<icp_strset> set_pool;
  for (unsigned mask = 0; mask < 256; ++mask) {
    auto& items = set_items_.emplace_back();
    for (unsigned b = 0; b < 8; ++b)
      if (mask & (1u << b)) items.push_back(icp_str{kTech[b], std::char_traits<char>::length(kTech[b])});
    set_pool.push_back(icp_strset{items.data(), items.size()});
  }
  for (size_t c = 0; c < m.fn.fields.size(); ++c) {
    const ir::FieldDesc& fd = m.fn.fields[c];
    Col col;
    col.type = fd.type;
    col.valid.resize(rows);
    for (uint64_t r = 0; r < rows; ++r) col.valid[r] = !fd.optional || pick(10) != 0;  // 90% present
    switch (fd.type) {
      case ir::VType::Bool:
      case ir::VType::Int:
        col.ints.resize(rows);
        for (uint64_t r = 0; r < rows; ++r) {
          int64_t v = m.enum_sizes[c] ? int64_t(pick(m.enum_sizes[c]))
                      : m.is_date[c]  ? as_of - int64_t(pick(400))
                      : fd.type == ir::VType::Bool ? int64_t(pick(2))
                                                   : int64_t(pick(r % 2 ? 10 : 20000));
          col.ints[r] = col.valid[r] ? v : 0;
        }
        break;
      case ir::VType::Float:
        col.dbls.resize(rows);
        for (uint64_t r = 0; r < rows; ++r) col.dbls[r] = col.valid[r] ? double(pick(100000)) / 7.0 : 0;
        break;
      case ir::VType::Str:
        col.strs.resize(rows);
        for (uint64_t r = 0; r < rows; ++r) col.strs[r] = col.valid[r] ? names[pick(names.size())] : icp_str{};
        break;
      case ir::VType::StrSet:
        col.sets.resize(rows);
        for (uint64_t r = 0; r < rows; ++r) col.sets[r] = col.valid[r] ? set_pool[pick(256)] : icp_strset{};
        break;
    }
    cols_.push_back(std::move(col));
  }
}

icp_batch_view Data::slice(uint64_t begin, uint64_t n, std::vector<icp_column>& cols) const {
  cols.clear();
  for (const Col& c : cols_) {
    const void* data = nullptr;
    switch (c.type) {
      case ir::VType::Bool:
      case ir::VType::Int: data = c.ints.data() + begin; break;
      case ir::VType::Float: data = c.dbls.data() + begin; break;
      case ir::VType::Str: data = c.strs.data() + begin; break;
      case ir::VType::StrSet: data = c.sets.data() + begin; break;
    }
    cols.push_back(icp_column{c.valid.data() + begin, data, nullptr, nullptr, 0});
  }
  return icp_batch_view{n, cols.data()};
}

Results::Results(uint64_t rows, uint64_t k)
    : score(rows), confidence(rows), points(rows * k), tier(rows), state(rows * k), nrules(k) {}

icp_result_view Results::slice(uint64_t begin) {
  return icp_result_view{nrules, score.data() + begin, tier.data() + begin, confidence.data() + begin,
                         state.data() + begin * nrules, points.data() + begin * nrules};
}

}  // namespace icp::bench
