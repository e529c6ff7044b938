// Output files of `icp score`. See score_output.h.
#include "driver/score_output.h"

#include <filesystem>
#include <fstream>

namespace icp::driver {

OutFile::~OutFile() { close(); }

bool OutFile::open(const std::string& path) {
  if (path.empty() || path == "-") {
    f_ = stdout;
    owned_ = false;
    return true;
  }
  f_ = std::fopen(path.c_str(), "wb");
  if (!f_) return false;
  owned_ = true;
  std::setvbuf(f_, nullptr, _IOFBF, 1 << 20);
  return true;
}

void OutFile::write(std::string_view s) {
  if (!f_ || s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
}

bool OutFile::close() {
  if (!f_) return !failed_;
  if (std::fflush(f_) != 0 || std::ferror(f_)) failed_ = true;
  if (owned_ && std::fclose(f_) != 0) failed_ = true;
  f_ = nullptr;
  return !failed_;
}

bool RejectsFile::write(std::string_view rows) {
  if (rows.empty()) return true;
  if (!file_.is_open()) {
    if (failed_open_ || !file_.open(path_)) {
      failed_open_ = true;
      return false;
    }
    file_.write(header_);
  }
  file_.write(rows);
  return true;
}

bool RejectsFile::remove_stale() {
  if (written() || path_ == "-") return false;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return false;
  std::string first;
  std::getline(in, first);
  in.close();
  if (first.rfind("row,line,column,reason", 0) != 0) return false;
  std::error_code ec;
  return std::filesystem::remove(path_, ec);
}

}  // namespace icp::driver
