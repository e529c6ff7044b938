// The rejects file of `icp score`. See score_output.h.
#include "driver/score_output.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace icp::driver {

bool RejectsFile::write(std::string_view rows) {
  if (rows.empty()) return !file_.failed();
  if (!written_) {
    file_.write(header_);
    written_ = true;
  }
  file_.write(rows);
  return !file_.failed();
}

bool RejectsFile::commit() {
  if (written_) return file_.commit();
  file_.discard();
  return true;
}

bool RejectsFile::remove_stale() {
  if (written_ || path_ == "-") return false;
  struct stat st;
  if (::stat(path_.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
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
