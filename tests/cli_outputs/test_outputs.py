#!/usr/bin/env python3
"""End-to-end tests of how `icp` writes files (TOOLS.md 0.2, "Exit codes"),
on the real binary: no output is an input (compared by device and inode),
every output is opened before a row is read, outputs are written to a
temporary file and renamed into place, a write failure exits 4 and leaves
nothing under the output's name, and a target that is not a regular file is
written in place. Covers `score` (-o, --rejects), `build -o` and `fmt -w`.

usage: test_outputs.py --icp PATH [TestClass ...]

A full disk is stood in for by RLIMIT_FSIZE (`ulimit -f`): icp ignores
SIGXFSZ, so the write that crosses the limit fails with EFBIG.
"""
import os
import resource
import shutil
import stat
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tempdir_case import TempDirCase  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODEL = os.path.join(ROOT, "tests", "cli_score", "model.icp")
ICP = None
AS_OF = ["--as-of", "2026-01-01"]
HEADER = "Company Name,Annual Revenue,Employees,Region,Tech,Founded,Public\n"


def rows(n, bad_every=0):
    out = [HEADER]
    for i in range(n):
        emp = "many" if bad_every and i % bad_every == 0 else str(10 + i % 900)
        out.append(f"Company {i},{i % 50}M,{emp},emea,aws;gcp,2020-01-0{1 + i % 9},no\n")
    return "".join(out)


class Base(TempDirCase):
    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def run_icp(self, *args, fsize=None, stdout=subprocess.PIPE, stdin=None, unprivileged=False):
        def limit():
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        prefix = []
        if unprivileged and os.geteuid() == 0:
            # Permissions do not stop root: run as nobody (setpriv, util-linux).
            if not shutil.which("setpriv"):
                self.skipTest("running as root without setpriv")
            os.chmod(self.tmp, 0o777)
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        p = subprocess.run(prefix + [ICP] + list(args), stdout=stdout, stderr=subprocess.PIPE, stdin=stdin,
                           cwd=self.tmp, timeout=600, preexec_fn=limit)
        p.err = p.stderr.decode("utf-8", "replace")
        return p

    def score(self, *args, **kw):
        return self.run_icp("score", MODEL, *args, *AS_OF, **kw)

    def no_temp_files(self):
        left = [n for n in os.listdir(self.tmp) if ".icp-" in n]
        self.assertEqual(left, [], "temporary files left behind")


class SameFile(Base):
    """Defect 1: an output that is the input destroyed the input while it was
    being read (50,000 rows in, about 8,600 scored)."""

    def setUp(self):
        super().setUp()
        self.data = rows(50000)
        self.input = self.write("a.csv", self.data)

    def refused(self, p, *words):
        self.assertEqual(p.returncode, 2, p.err)
        for w in words:
            self.assertIn(w, p.err)
        self.assertEqual(self.read("a.csv").decode(), self.data, "the input was changed")
        self.no_temp_files()

    def test_output_is_the_input(self):
        p = self.score("a.csv", "-o", "a.csv")
        self.refused(p, "-o 'a.csv' is the input 'a.csv'", "nothing was read")

    def test_output_is_the_input_spelled_differently(self):
        p = self.score("a.csv", "-o", "./a.csv")
        self.refused(p, "(the same file)")
        p = self.score(self.input, "-o", "a.csv")
        self.refused(p, "is the input")

    def test_output_is_a_hard_link_to_the_input(self):
        os.link(self.input, self.path("b.csv"))
        self.refused(self.score("a.csv", "-o", "b.csv"), "-o 'b.csv' is the input 'a.csv' (the same file)")

    def test_output_is_a_symbolic_link_to_the_input(self):
        os.symlink("a.csv", self.path("s.csv"))
        self.refused(self.score("a.csv", "-o", "s.csv"), "is the input")

    def test_rejects_is_the_input(self):
        self.refused(self.score("a.csv", "--rejects", "a.csv"), "--rejects 'a.csv' is the input")

    def test_output_and_rejects_are_one_file(self):
        p = self.score("a.csv", "-o", "x.csv", "--rejects", "x.csv")
        self.refused(p, "two outputs cannot be one file")
        self.assertFalse(os.path.exists(self.path("x.csv")))
        self.write("y.csv", "old\n")
        os.link(self.path("y.csv"), self.path("z.csv"))
        self.refused(self.score("a.csv", "-o", "y.csv", "--rejects", "z.csv"), "two outputs")
        self.assertEqual(self.read("y.csv"), b"old\n")

    def test_output_is_the_model(self):
        model = self.write("m.icp", open(MODEL).read())
        before = self.read("m.icp")
        p = self.run_icp("score", model, "a.csv", "-o", "m.icp")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("is the model", p.err)
        self.assertEqual(self.read("m.icp"), before)

    def test_output_is_an_import_of_the_model(self):
        self.write("common.icp", "enum Region { americas, emea, apac }\n")
        self.write("m.icp", 'import "./common.icp"\n' + open(MODEL).read().replace(
            "enum Region { americas, emea, apac }\n", ""))
        p = self.run_icp("score", "m.icp", "a.csv", "-o", "common.icp")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("is an import of the model", p.err)
        self.assertEqual(self.read("common.icp"), b"enum Region { americas, emea, apac }\n")

    def test_stdout_redirected_into_the_input(self):
        # `icp score m.icp a.csv >> a.csv` would read what it writes.
        with open(self.input, "ab") as out:
            p = self.score("a.csv", stdout=out)
        self.refused(p, "the output (stdout) is the input 'a.csv'")

    def test_stdin_is_the_output(self):
        with open(self.input, "rb") as inp:
            p = self.score("-", "--input-format", "csv", "-o", "a.csv", stdin=inp)
        self.refused(p, "-o 'a.csv' is the input (stdin)")

    def test_distinct_files_are_fine(self):
        p = self.score("a.csv", "-o", "out.csv")
        self.assertEqual(p.returncode, 0, p.err)
        self.assertEqual(self.read("out.csv").count(b"\n"), 50001)

    def test_build_output_is_the_model(self):
        model = self.write("m.icp", open(MODEL).read())
        p = self.run_icp("build", model, "--emit", "ir", "-o", "m.icp")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("-o 'm.icp' is the model", p.err)
        self.assertEqual(self.read("m.icp").decode(), open(MODEL).read())


class Atomic(Base):
    """Defect 2: a half-written output."""

    def test_unwritable_rejects_fails_before_any_row(self):
        # Before: exit 2 at the first reject, with 4,092 of 49,950 rows in out.csv.
        self.write("a.csv", rows(50000, bad_every=1000))
        p = self.score("a.csv", "-o", "out.csv", "--rejects", "no/such/dir/r.csv")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("cannot create 'no/such/dir/r.csv': No such file or directory", p.err)
        self.assertNotIn("scored", p.err)
        self.assertFalse(os.path.exists(self.path("out.csv")))
        self.no_temp_files()

    def test_unwritable_output_fails_before_the_model_is_compiled(self):
        self.write("a.csv", rows(10))
        p = self.score("a.csv", "-o", "no/such/dir/out.csv")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("cannot create 'no/such/dir/out.csv'", p.err)
        self.assertFalse(os.path.exists(self.path("in.csv.rejects.csv")))

    def test_read_only_target_is_not_replaced(self):
        self.write("a.csv", rows(10))
        self.write("out.csv", "mine\n")
        os.chmod(self.path("out.csv"), 0o444)
        os.chmod(self.path("a.csv"), 0o644)
        p = self.score("a.csv", "-o", "out.csv", "--engine", "interp", unprivileged=True)
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("cannot write 'out.csv': Permission denied", p.err)
        self.assertEqual(self.read("out.csv"), b"mine\n")

    def test_writable_target_in_a_read_only_folder_is_not_written_in_place(self):
        os.mkdir(self.path("ro"))
        self.write("a.csv", rows(10))
        self.write("ro/out.csv", "mine\n")
        os.chmod(self.path("ro/out.csv"), 0o666)
        os.chmod(self.path("ro"), 0o555)
        try:
            p = self.score("a.csv", "-o", "ro/out.csv", "--engine", "interp", unprivileged=True)
        finally:
            os.chmod(self.path("ro"), 0o755)
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("its folder does not allow the temporary file", p.err)
        self.assertEqual(self.read("ro/out.csv"), b"mine\n")

    def test_write_failure_exits_4_and_leaves_nothing(self):
        # Before: exit 2 and out.csv cut mid-row at the limit.
        self.write("a.csv", rows(50000))
        p = self.score("a.csv", "-o", "out.csv", fsize=1 << 20)
        self.assertEqual(p.returncode, 4, p.err)
        self.assertIn("cannot write 'out.csv': File too large", p.err)
        self.assertFalse(os.path.exists(self.path("out.csv")))
        self.no_temp_files()

    def test_write_failure_keeps_the_old_target(self):
        self.write("a.csv", rows(50000))
        self.write("out.csv", "the old results\n")
        p = self.score("a.csv", "-o", "out.csv", fsize=1 << 20)
        self.assertEqual(p.returncode, 4, p.err)
        self.assertEqual(self.read("out.csv"), b"the old results\n")
        self.no_temp_files()

    def test_rejects_write_failure(self):
        # Every row rejected, each reject wider than its output row: the
        # rejects file crosses the limit first.
        self.write("a.csv", rows(50000, bad_every=1))
        p = self.score("a.csv", "-o", "out.csv", "--rejects", "r.csv", fsize=1 << 20)
        self.assertEqual(p.returncode, 4, p.err)
        self.assertIn("cannot write 'r.csv'", p.err)
        self.assertFalse(os.path.exists(self.path("out.csv")))
        self.assertFalse(os.path.exists(self.path("r.csv")))
        self.no_temp_files()

    def test_success_replaces_the_target_and_keeps_its_mode(self):
        self.write("a.csv", rows(100, bad_every=10))
        self.write("out.csv", "old\n")
        os.chmod(self.path("out.csv"), 0o640)
        p = self.score("a.csv", "-o", "out.csv")
        self.assertEqual(p.returncode, 1, p.err)  # rejects: still written (TOOLS.md: exit 0 or 1)
        self.assertEqual(self.read("out.csv").count(b"\n"), 91)
        self.assertEqual(stat.S_IMODE(os.stat(self.path("out.csv")).st_mode), 0o640)
        self.assertEqual(self.read("a.csv.rejects.csv").count(b"\n"), 11)
        self.no_temp_files()

    def test_new_file_gets_the_umask_mode(self):
        self.write("a.csv", rows(5))
        old = os.umask(0o027)
        try:
            p = self.score("a.csv", "-o", "out.csv")
        finally:
            os.umask(old)
        self.assertEqual(p.returncode, 0, p.err)
        self.assertEqual(stat.S_IMODE(os.stat(self.path("out.csv")).st_mode), 0o640)

    def test_symbolic_link_target_is_followed(self):
        self.write("a.csv", rows(5))
        self.write("real.csv", "old\n")
        os.symlink("real.csv", self.path("link.csv"))
        p = self.score("a.csv", "-o", "link.csv")
        self.assertEqual(p.returncode, 0, p.err)
        self.assertTrue(os.path.islink(self.path("link.csv")))
        self.assertEqual(self.read("real.csv").count(b"\n"), 6)

    def test_dev_null_is_written_in_place(self):
        self.write("a.csv", rows(100, bad_every=10))
        p = self.score("a.csv", "-o", "/dev/null", "--rejects", "/dev/null")
        self.assertEqual(p.returncode, 1, p.err)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))
        self.no_temp_files()

    def test_full_device_is_exit_4(self):
        # /dev/full: a device, so written in place; every write is ENOSPC.
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        self.write("a.csv", rows(100))
        p = self.score("a.csv", "-o", "/dev/full")
        self.assertEqual(p.returncode, 4, p.err)
        self.assertIn("cannot write '/dev/full': No space left on device", p.err)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/full").st_mode))
        with open("/dev/full", "wb") as full:
            p = self.score("a.csv", stdout=full)
        self.assertEqual(p.returncode, 4, p.err)
        self.assertIn("cannot write '<stdout>': No space left on device", p.err)

    def test_pipe_is_written_in_place(self):
        self.write("a.csv", rows(100))
        direct = self.score("a.csv")
        via = self.score("a.csv", "-o", "/dev/stdout")  # stdout is a pipe here
        self.assertEqual(via.returncode, 0, via.err)
        self.assertEqual(via.stdout, direct.stdout)
        self.assertEqual(via.stdout.count(b"\n"), 101)
        fifo = self.path("f.fifo")
        os.mkfifo(fifo)
        reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
        p = self.score("a.csv", "-o", "f.fifo")
        got = reader.communicate(timeout=60)[0]
        self.assertEqual(p.returncode, 0, p.err)
        self.assertEqual(got, direct.stdout)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))

    def test_directory_output_is_a_usage_error(self):
        self.write("a.csv", rows(5))
        os.mkdir(self.path("d"))
        p = self.score("a.csv", "-o", "d")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("Is a directory", p.err)

    def test_interrupted_run_leaves_no_temporary_file(self):
        import signal
        import time
        self.write("a.csv", rows(200000))
        proc = subprocess.Popen([ICP, "score", MODEL, "a.csv", "-o", "out.csv", "--threads", "1", *AS_OF],
                                cwd=self.tmp, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while time.time() < deadline and not any(".icp-" in n for n in os.listdir(self.tmp)):
            time.sleep(0.002)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        self.assertEqual(proc.returncode, -signal.SIGINT)
        self.assertFalse(os.path.exists(self.path("out.csv")))
        self.no_temp_files()

    def test_build_write_failure(self):
        model = self.write("m.icp", open(MODEL).read())
        self.write("m.ir", "old\n")
        p = self.run_icp("build", model, "--emit", "ir", "-o", "m.ir", fsize=64)
        self.assertEqual(p.returncode, 4, p.err)
        self.assertIn("File too large", p.err)
        self.assertEqual(self.read("m.ir"), b"old\n")
        self.no_temp_files()

    def test_fmt_write_failure_keeps_the_file(self):
        src = "const   A = 1\n" + "".join(f"const B{i} =    {i}\n" for i in range(400))
        self.write("u.icp", src)
        p = self.run_icp("fmt", "-w", "u.icp", fsize=512)
        self.assertEqual(p.returncode, 4, p.err)
        self.assertEqual(self.read("u.icp").decode(), src)
        self.no_temp_files()
        os.chmod(self.path("u.icp"), 0o604)
        p = self.run_icp("fmt", "-w", "u.icp")
        self.assertEqual(p.returncode, 0, p.err)
        self.assertTrue(self.read("u.icp").startswith(b"const A = 1\n"))
        self.assertEqual(stat.S_IMODE(os.stat(self.path("u.icp")).st_mode), 0o604)


def main():
    global ICP
    args = sys.argv[1:]
    if len(args) < 2 or args[0] != "--icp":
        print(__doc__)
        return 2
    ICP = os.path.abspath(args[1])
    return 0 if unittest.main(argv=[sys.argv[0], "-v"] + args[2:], exit=False).result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
