// Output files of `icp score`: the result stream (a file or stdout, with a
// large buffer) and the rejects file, which is created only when the first
// rejected row arrives (TOOLS.md: nothing is written when there is none).
#pragma once
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace icp::driver {

class OutFile {
 public:
  OutFile() = default;
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;
  ~OutFile();
  // "" or "-" is stdout. False (with errno set) when the file cannot be created.
  bool open(const std::string& path);
  bool is_open() const { return f_ != nullptr; }
  void write(std::string_view s);
  // Flushes and closes; false if any write failed.
  bool close();

 private:
  std::FILE* f_ = nullptr;
  bool owned_ = false;
  bool failed_ = false;
};

// The rejects CSV, opened on first use with its header line.
class RejectsFile {
 public:
  RejectsFile(std::string path, std::string header_line) : path_(std::move(path)), header_(std::move(header_line)) {}
  // Appends rejects text (rows formatted by rt::append_reject). False when
  // the file cannot be created.
  bool write(std::string_view rows);
  bool close() { return !file_.is_open() || file_.close(); }
  const std::string& path() const { return path_; }
  bool written() const { return file_.is_open(); }
  // After a run that rejected nothing: deletes a rejects file an earlier run
  // left at this path, so that it is not taken for this run's. Only a file
  // that starts with the rejects header is touched. True when one was removed.
  bool remove_stale();

 private:
  std::string path_, header_;
  OutFile file_;
  bool failed_open_ = false;
};

}  // namespace icp::driver
