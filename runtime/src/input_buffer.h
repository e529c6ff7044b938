// InputBuffer: the unread bytes of a ByteSource, refilled in large blocks
// (geometrically larger when one record does not fit; the readers stop
// growing it at their record limit, kMaxRecordBytes, and skip a longer record
// as it streams by, so it stays at about twice the limit). Internal to the
// readers.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "icp/rt/reader.h"

namespace icp::rt {

class InputBuffer {
 public:
  explicit InputBuffer(std::unique_ptr<ByteSource> in) : in_(std::move(in)) {}
  std::string_view view() const { return std::string_view(buf_).substr(pos_); }
  void consume(size_t n) {
    pos_ += n;
    consumed_ += n;
  }
  // Bytes consumed since the start (the readers bound a chunk by it).
  uint64_t consumed() const { return consumed_; }
  bool eof() const { return eof_; }
  // Reads more bytes (at least as many as are buffered, at least 1 MiB).
  // Returns false when the source is exhausted.
  bool fill() {
    if (eof_) return false;
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    size_t want = std::max<size_t>(size_t(1) << 20, buf_.size());
    size_t old = buf_.size();
    buf_.resize(old + want);
    size_t got = 0;
    while (got < want) {
      size_t n = in_->read(buf_.data() + old + got, want - got);
      if (n == 0) {
        eof_ = true;
        break;
      }
      got += n;
    }
    buf_.resize(old + got);
    return got > 0;
  }

 private:
  std::unique_ptr<ByteSource> in_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;
  bool eof_ = false;
};

// Before the first row is read: false and `error` set ("line 1: a NUL byte
// ...") when the first block of the input (up to 64 KiB) holds a NUL byte.
// No UTF-8 text has one; a binary file, UTF-16 text or /dev/zero does, and
// is refused at once instead of being read as one endless line.
bool refuse_binary_input(InputBuffer& in, std::string& error);

}  // namespace icp::rt
