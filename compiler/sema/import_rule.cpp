// The import rule. See import_rule.h.
#include "sema/import_rule.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fs = std::filesystem;

namespace icp::sema {

namespace {

fs::path resolve(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  fs::path c = fs::weakly_canonical(abs, ec);
  return ec ? abs.lexically_normal() : c;
}

const char* kind_of(mode_t m) {
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

bool has_icp_extension(const fs::path& p) { return p.extension() == ".icp" && p.stem() != ""; }

// Closes a descriptor on every way out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool inside_root(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  for (; p != path.end(); ++p)
    if (!p->empty()) return true;
  return false;
}

fs::path canonical_root(const std::string& dir) { return resolve(dir.empty() ? fs::path(".") : fs::path(dir)); }

ImportPath check_import_path(const std::string& spec, const fs::path& target, const std::optional<fs::path>& root) {
  ImportPath out;
  fs::path written(spec);
  if (written.is_absolute()) {
    out.refusal = ImportRefusal::Absolute;
    return out;
  }
  if (!has_icp_extension(written)) {
    out.refusal = ImportRefusal::NotIcp;
    return out;
  }
  if (!root) {
    out.refusal = ImportRefusal::NoRoot;
    return out;
  }
  out.resolved = resolve(target);
  if (!inside_root(out.resolved, *root)) {
    out.refusal = ImportRefusal::OutsideRoot;
    return out;
  }
  // `x.icp` may be a symbolic link to a file of another kind.
  if (!has_icp_extension(out.resolved)) out.refusal = ImportRefusal::NotIcp;
  return out;
}

ImportRead read_import_file(const fs::path& resolved, const fs::path& root) {
  ImportRead out;
  // O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: the
  // path is resolved already; a link that appeared since is not followed.
  Fd f{::open(resolved.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW)};
  if (f.fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      out.refusal = ImportRefusal::NotFound;
    } else {
      out.refusal = ImportRefusal::NotReadable;
      out.detail = err == ELOOP ? "it is a symbolic link" : std::strerror(err);
    }
    return out;
  }
  struct stat st;
  if (::fstat(f.fd, &st) != 0) {
    out.refusal = ImportRefusal::NotReadable;
    out.detail = std::strerror(errno);
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.refusal = ImportRefusal::NotRegular;
    out.detail = kind_of(st.st_mode);
    return out;
  }
  if (uint64_t(st.st_size) > kMaxImportBytes) {
    out.refusal = ImportRefusal::TooLarge;
    return out;
  }
  // What was opened, as the kernel knows it: a folder on the way swapped for
  // a symbolic link after the check cannot lead outside the root.
  char link[4096];
  std::string proc = "/proc/self/fd/" + std::to_string(f.fd);
  ssize_t n = ::readlink(proc.c_str(), link, sizeof link - 1);
  if (n > 0) {
    link[n] = '\0';
    if (link[0] == '/' && !inside_root(fs::path(link), root)) {
      out.refusal = ImportRefusal::OutsideRoot;
      return out;
    }
  }
  std::string text;
  text.resize(size_t(st.st_size) + 1);
  size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      if (text.size() > kMaxImportBytes) break;
      text.resize(std::min<size_t>(text.size() * 2, kMaxImportBytes + 1));
    }
    ssize_t r = ::read(f.fd, text.data() + got, text.size() - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      out.refusal = ImportRefusal::NotReadable;
      out.detail = std::strerror(errno);
      return out;
    }
    if (r == 0) break;
    got += size_t(r);
  }
  if (got > kMaxImportBytes) {
    out.refusal = ImportRefusal::TooLarge;
    return out;
  }
  text.resize(got);
  out.text = std::move(text);
  return out;
}

}  // namespace icp::sema
