// Helpers for reader tests: read a whole source into records and rejects.
#pragma once
#include <string>
#include <vector>

#include "icp/rt/reader.h"

namespace icp::rt::testing {

struct ReadAll {
  std::vector<Record> records;
  std::vector<int64_t> rows, lines;
  std::vector<std::vector<std::pair<uint8_t, std::string>>> kept;  // per row: (kind, text)
  std::vector<Reject> rejects;
  size_t chunks = 0;
};

inline ReadAll read_all(RowSource& src, size_t chunk_rows = 2) {
  ReadAll out;
  Batch b;
  while (src.next_chunk(b, out.rejects, chunk_rows)) {
    ++out.chunks;
    EXPECT_LE(b.rows, chunk_rows);
    for (size_t r = 0; r < b.rows; ++r) {
      out.records.push_back(b.record(r));
      out.rows.push_back(b.row_number[r]);
      out.lines.push_back(b.line[r]);
      std::vector<std::pair<uint8_t, std::string>> k;
      for (const auto& kc : b.kept) k.emplace_back(kc.kind[r], std::string(b.dict.get(kc.id[r])));
      out.kept.push_back(k);
    }
  }
  return out;
}

inline std::unique_ptr<RowSource> csv(const std::string& text, const Schema& s, ReadOptions o = {},
                                      std::vector<std::string> keep = {}) {
  std::string err;
  auto src = open_csv(string_source(text), s, o, keep, err);
  EXPECT_TRUE(src) << err;
  return src;
}

inline std::unique_ptr<RowSource> ndjson(const std::string& text, const Schema& s, ReadOptions o = {},
                                         std::vector<std::string> keep = {}) {
  std::string err;
  auto src = open_ndjson(string_source(text), s, o, keep, err);
  EXPECT_TRUE(src) << err;
  return src;
}

}  // namespace icp::rt::testing
