// Files the `icp` commands write, and the rule that no output is an input
// (TOOLS.md, "Exit codes"). Every command that writes a file uses these:
// `score` (-o, --rejects), `build -o`, `fmt -w`.
//
//  * FileRoles: before any row is read, each output is compared with every
//    input and every other output by device and inode (so a hard link, a
//    symbolic link or `./a.csv` is caught, not only the same spelling);
//    a clash is a usage error (exit 2).
//  * OutputFile: a regular file (or one that does not exist yet) is written
//    to a temporary file beside it (mkstemp, in the target's folder, so the
//    rename cannot cross file systems) and renamed over the target by
//    commit(); discard() (or the destructor) removes the temporary file and
//    leaves the target untouched. A target that is not a regular file
//    (a terminal, a pipe, /dev/null, a socket) is written in place and
//    never replaced or removed. A target that is a symbolic link is
//    resolved first, so that the file it points to is replaced, not the
//    link. The temporary files of a process killed by SIGINT, SIGTERM or
//    SIGHUP are removed by a signal handler.
#pragma once
#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace icp::driver {

// Inputs and outputs of one command run.
class FileRoles {
 public:
  // `what` names the role in messages ("the input", "the model", "-o").
  // "-" is stdin for an input and stdout for an output; it is compared by
  // what the descriptor is (a regular file redirected with < or >).
  void input(std::string what, std::string path);
  void output(std::string what, std::string path);
  // False (after printing `icp: error: ...` for the first clash) when an
  // output is an input or another output. Only regular files and paths that
  // do not exist yet can clash: the same terminal as stdin and stdout is fine.
  bool check() const;

 private:
  struct Entry {
    std::string what, path;
    bool output;
  };
  std::vector<Entry> entries_;
};

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // discards what was not committed

  // Opens `path` for writing; "-" (and "" when `empty_is_stdout`) is
  // stdout. False when it cannot be created: error() says why
  // ("cannot create 'x/y.csv': No such file or directory").
  bool open(const std::string& path, bool empty_is_stdout = false);
  bool is_open() const { return fd_ >= 0; }

  // Buffered; after the first failed write, later writes are dropped and
  // failed() is true (error() says why: "cannot write 'a.csv': No space
  // left on device").
  void write(std::string_view s);
  bool failed() const { return failed_; }

  // Flushes and closes (stdout: flushes), leaving the rename to commit().
  // False on a write error (error() says why). Lets a command finish
  // writing all its outputs before it puts any of them in place.
  bool close();
  // Flushes and puts the file under its name (rename, or the end of writing
  // in place). False on a write error (error() says why); the temporary
  // file is then removed.
  bool commit();
  // Removes the temporary file; the target keeps its old contents. A file
  // written in place (or stdout) keeps what was written.
  void discard();

  // Whether the target is replaced by a rename (a regular file or a new
  // one), as opposed to written in place.
  bool replaces() const { return !temp_.empty(); }
  // The name given to open().
  const std::string& path() const { return path_; }
  // The name for messages: the path, or <stdout>.
  std::string display() const;
  const std::string& error() const { return error_; }

 private:
  bool flush();
  void fail(const char* doing, int err);
  void close_fd();

  std::string path_;     // as given
  std::string target_;   // the file to replace (symbolic links resolved)
  std::string temp_;     // the temporary file beside it; empty when in place
  std::string buf_;
  std::string error_;
  int fd_ = -1;
  int slot_ = -1;       // in the table of temporary files removed on a signal
  bool owned_ = false;  // false for stdout
  bool failed_ = false;
};

// Sets up what OutputFile relies on in the executable: SIGXFSZ is ignored,
// so that a file over `ulimit -f` is a write error (EFBIG, exit 4) rather
// than a killed process. Called once from main().
void init_output_files();

}  // namespace icp::driver
