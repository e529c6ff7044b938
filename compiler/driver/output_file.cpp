// Output files and the "no output is an input" rule. See output_file.h.
#include "driver/output_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

namespace fs = std::filesystem;

namespace icp::driver {

namespace {

// ---- temporary files removed when a signal ends the process -------------

// Fixed storage, so that the handler reads no memory that may be freed
// under it; a process has at most a few outputs open at once.
constexpr int kSlots = 16;
struct TempSlot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a path
  char path[PATH_MAX];
};
std::array<TempSlot, kSlots> g_temp_slots;

int register_temp(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_temp_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_temp_slots[i].path, path.c_str(), path.size() + 1);
    g_temp_slots[i].state.store(2);
    return i;
  }
  return -1;  // not removed on a signal: only a leftover, never a wrong file
}

void unregister_temp(int slot) {
  if (slot >= 0) g_temp_slots[slot].state.store(0);
}

extern "C" void remove_temps_and_die(int sig) {
  for (auto& s : g_temp_slots)
    if (s.state.load() == 2) ::unlink(s.path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

mode_t g_new_file_mode = 0644;  // 0666 without the umask; set by init_output_files

// ---- identities -------------------------------------------------------

// What decides that two names are one file: device and inode of an
// existing regular file, or, for a name that does not exist yet, its folder's
// device and inode and the last component.
struct Identity {
  dev_t dev = 0;
  ino_t ino = 0;
  std::string name;  // empty for an existing file
  bool operator==(const Identity& o) const { return dev == o.dev && ino == o.ino && name == o.name; }
};

std::optional<Identity> identity_of(const std::string& path, bool output) {
  struct stat st;
  if (path == "-") {
    if (::fstat(output ? 1 : 0, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return Identity{st.st_dev, st.st_ino, {}};
  }
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) return std::nullopt;  // a terminal, pipe or device: no clash
    return Identity{st.st_dev, st.st_ino, {}};
  }
  if (errno != ENOENT || !output) return std::nullopt;
  fs::path p(path);
  fs::path dir = p.parent_path();
  if (dir.empty()) dir = ".";
  if (::stat(dir.c_str(), &st) != 0) return std::nullopt;
  return Identity{st.st_dev, st.st_ino, p.filename().string()};
}

std::string shown(const std::string& path, bool output) {
  if (path == "-") return output ? "(stdout)" : "(stdin)";
  return "'" + path + "'";
}

}  // namespace

// ---- FileRoles ----------------------------------------------------------

void FileRoles::input(std::string what, std::string path) {
  entries_.push_back({std::move(what), std::move(path), false});
}

void FileRoles::output(std::string what, std::string path) {
  entries_.push_back({std::move(what), std::move(path), true});
}

bool FileRoles::check() const {
  std::vector<std::optional<Identity>> ids;
  ids.reserve(entries_.size());
  for (const auto& e : entries_) ids.push_back(identity_of(e.path, e.output));
  // Outputs against inputs first: that is the clash that loses data.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t o = 0; o < entries_.size(); ++o) {
      if (!entries_[o].output || !ids[o]) continue;
      for (size_t i = 0; i < entries_.size(); ++i) {
        if (i == o || !ids[i] || entries_[i].output != (pass == 1)) continue;
        if (pass == 1 && i < o) continue;  // each pair of outputs once
        if (!(*ids[o] == *ids[i])) continue;
        const Entry& out = entries_[o];
        const Entry& other = entries_[i];
        std::string same = out.path == other.path ? "" : " (the same file)";
        std::cerr << "icp: error: " << out.what << " " << shown(out.path, true) << " is " << other.what << " "
                  << shown(other.path, other.output) << same << ": "
                  << (other.output ? "two outputs cannot be one file" : "writing it would destroy the input")
                  << "; nothing was read or written\n";
        return false;
      }
    }
  }
  return true;
}

// ---- OutputFile -----------------------------------------------------------

OutputFile::~OutputFile() { discard(); }

std::string OutputFile::display() const { return owned_ || path_ != "-" ? path_ : std::string("<stdout>"); }

void OutputFile::fail(const char* doing, int err) {
  if (failed_) return;
  failed_ = true;
  error_ = std::string("cannot ") + doing + " '" + display() + "': " + std::strerror(err);
}

bool OutputFile::open(const std::string& path, bool empty_is_stdout) {
  path_ = path;
  if (path == "-" || (path.empty() && empty_is_stdout)) {
    path_ = "-";
    fd_ = 1;
    owned_ = false;
    return true;
  }
  owned_ = true;
  target_ = path;
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(path, ec);
    if (!ec) target_ = resolved.string();
  }
  bool exists = ::stat(target_.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) {
    fail("create", errno);
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    // A terminal, pipe, socket or device: written in place, never replaced.
    fd_ = ::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) {
      fail(S_ISDIR(st.st_mode) ? "write" : "open", errno);
      return false;
    }
    return true;
  }
  if (exists && ::access(target_.c_str(), W_OK) != 0) {
    fail("write", errno);  // a read-only file is not replaced behind its back
    return false;
  }
  fs::path t(target_);
  fs::path dir = t.parent_path();
  std::string tpl = (dir.empty() ? std::string() : dir.string() + "/") + "." + t.filename().string() + ".icp-XXXXXX";
  std::vector<char> buf(tpl.begin(), tpl.end());
  buf.push_back('\0');
  fd_ = ::mkostemp(buf.data(), O_CLOEXEC);
  if (fd_ < 0) {
    int err = errno;
    if (exists) {
      // The file is writable but its folder is not: the temporary file
      // cannot be made, and writing in place could leave it half-written.
      failed_ = true;
      error_ = "cannot write '" + display() + "': its folder does not allow the temporary file " +
               "icp writes beside it before renaming it: " + std::strerror(err);
      return false;
    }
    fail("create", err);
    return false;
  }
  temp_.assign(buf.data());
  slot_ = register_temp(temp_);
  // mkstemp makes the file 0600: give it the mode the old file had, or the
  // one a new file would get.
  ::fchmod(fd_, exists ? (st.st_mode & 07777) : g_new_file_mode);
  return true;
}

void OutputFile::write(std::string_view s) {
  if (fd_ < 0 || failed_ || s.empty()) return;
  constexpr size_t kBuffer = size_t(1) << 20;
  if (buf_.size() + s.size() <= kBuffer) {
    buf_.append(s);
    if (buf_.size() == kBuffer) flush();
    return;
  }
  if (!flush()) return;
  if (s.size() >= kBuffer) {
    std::string_view rest = s;
    while (!rest.empty()) {
      ssize_t n = ::write(fd_, rest.data(), rest.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("write", errno);
        return;
      }
      rest.remove_prefix(size_t(n));
    }
    return;
  }
  buf_.append(s);
}

bool OutputFile::flush() {
  if (failed_) return false;
  size_t done = 0;
  while (done < buf_.size()) {
    ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write", errno);
      buf_.clear();
      return false;
    }
    done += size_t(n);
  }
  buf_.clear();
  return true;
}

void OutputFile::close_fd() {
  if (fd_ >= 0 && owned_ && ::close(fd_) != 0 && errno != EINTR) fail("write", errno);
  fd_ = -1;
}

bool OutputFile::close() {
  if (fd_ < 0) return !failed_;
  flush();
  close_fd();
  return !failed_;
}

bool OutputFile::commit() {
  close();
  if (temp_.empty()) return !failed_;
  if (!failed_ && ::rename(temp_.c_str(), target_.c_str()) != 0) fail("replace", errno);
  if (failed_) ::unlink(temp_.c_str());
  unregister_temp(slot_);
  slot_ = -1;
  temp_.clear();
  return !failed_;
}

void OutputFile::discard() {
  if (fd_ >= 0 && !owned_) flush();  // stdout keeps what was written
  bool was_failed = failed_;
  close_fd();
  failed_ = was_failed;
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    unregister_temp(slot_);
    slot_ = -1;
    temp_.clear();
  }
  buf_.clear();
}

void init_output_files() {
  std::signal(SIGXFSZ, SIG_IGN);
  mode_t mask = ::umask(0);
  ::umask(mask);
  g_new_file_mode = 0666 & ~mask;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;  // nohup stays nohup
    struct sigaction sa {};
    sa.sa_handler = remove_temps_and_die;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

}  // namespace icp::driver
