// The rejects file of `icp score`: opened (as a temporary file beside its
// target, output_file.h) before any row is read, so that an unwritable path
// is a usage error up front; its header is written with the first rejected
// row, and it is put under its name only when there was one (TOOLS.md:
// nothing is written when there is none).
#pragma once
#include <string>
#include <string_view>

#include "driver/output_file.h"

namespace icp::driver {

class RejectsFile {
 public:
  RejectsFile(std::string path, std::string header_line) : path_(std::move(path)), header_(std::move(header_line)) {}
  // False when it cannot be created (file().error() says why).
  bool open() { return file_.open(path_); }
  // Appends rejects text (rows formatted by rt::append_reject), after the
  // header the first time. False once a write has failed.
  bool write(std::string_view rows);
  void set_header(std::string header_line) { header_ = std::move(header_line); }
  // Flushes and closes; false on a write error.
  bool close() { return file_.close(); }
  // Puts the file under its name when a row was written; otherwise removes
  // the temporary file. False on a write error.
  bool commit();
  void discard() { file_.discard(); }
  const std::string& path() const { return path_; }
  bool written() const { return written_; }
  const OutputFile& file() const { return file_; }
  // After a run that rejected nothing: deletes a rejects file an earlier run
  // left at this path, so that it is not taken for this run's. Only a
  // regular file that starts with the rejects header is touched. True when
  // one was removed.
  bool remove_stale();

 private:
  std::string path_, header_;
  OutputFile file_;
  bool written_ = false;
};

}  // namespace icp::driver
