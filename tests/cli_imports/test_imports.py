#!/usr/bin/env python3
"""End-to-end tests of the import rule (LANGUAGE.md section 3, 0.2) on the
real binary: an import reads a regular .icp file of at most 8 MiB inside the
import root, after symbolic links are resolved, and never quotes a file it
refuses. Covers `icp check`, `--import-root`, `icp test`/`score`, and the
language server (the same rule; a FIFO or /dev/zero must not hang it).

usage: test_imports.py --icp PATH [TestClass ...]

Each run is bounded (timeout, address-space limit), so that the binary before
the rule (which read /dev/zero until memory ran out and waited on FIFOs
forever) fails these tests instead of taking the machine with it.
"""
import json
import os
import resource
import select
import subprocess
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tempdir_case import TempDirCase  # noqa: E402

ICP = None
MAX = 8 << 20
SECRET = "SECRET-FIRST-LINE do not quote me"


def bounded():
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


class Base(TempDirCase):
    def setUp(self):
        super().setUp()
        self.root = self.path("root")
        os.mkdir(self.root)
        self.write("secret.icp", SECRET + "\n")                # outside the root
        self.write("root/notes.txt", SECRET + "\n")            # inside, not .icp
        self.write("root/lib.icp", "const LIMIT = 10\n")

    def icp(self, *args, timeout=20):
        try:
            p = subprocess.run([ICP] + list(args), capture_output=True, cwd=self.tmp, timeout=timeout,
                               preexec_fn=bounded)
        except subprocess.TimeoutExpired:
            self.fail(f"icp {' '.join(args)} did not finish in {timeout} s")
        p.out = p.stdout.decode("utf-8", "replace")
        p.err = p.stderr.decode("utf-8", "replace")
        return p

    def check_main(self, imports, *extra):
        """`icp check root/main.icp` importing `imports`; returns the diagnostics."""
        main = self.write("root/main.icp", f'import "{imports}"\nconst X = 1\n')
        p = self.icp("check", "--format", "json", *extra, main)
        self.assertNotIn(SECRET, p.out + p.err, "a refused file was quoted")
        self.assertNotIn("root:x:0:0", p.out + p.err, "a refused file was quoted")
        try:
            return p.returncode, json.loads(p.out) if p.out.strip() else []
        except json.JSONDecodeError:
            self.fail(f"not JSON (exit {p.returncode}): {p.out[:300]!r} {p.err[:300]!r}")

    def refused(self, imports, message, *extra):
        rc, diags = self.check_main(imports, *extra)
        self.assertEqual(rc, 1, diags)
        self.assertEqual(len(diags), 1, diags)
        d = diags[0]
        self.assertEqual((d["code"], d["line"], d["column"]), ("E0104", 1, 8), d)
        self.assertIn(message, d["message"])
        return d


class Rule(Base):
    def test_dev_zero_absolute(self):
        # Before: the CLI read /dev/zero until it had 2.1 GB after 10 s.
        self.refused("/dev/zero", "is an absolute path")

    def test_dev_zero_through_a_symbolic_link(self):
        os.symlink("/dev/zero", self.path("root/zero.icp"))
        self.refused("./zero.icp", "leaves the import root")

    def test_fifo(self):
        # Before: waited forever for a writer.
        os.mkfifo(self.path("root/pipe.icp"))
        self.refused("./pipe.icp", "is a FIFO, not a regular file")

    def test_directory(self):
        os.mkdir(self.path("root/dir.icp"))
        self.refused("./dir.icp", "is a directory, not a regular file")

    def test_too_large(self):
        # 8 MiB exactly is allowed; one byte more is not.
        body = "// " + "x" * 1000 + "\n"
        text = "const BIG = 1\n"
        text += body * ((MAX - len(text)) // len(body))
        text += "/" * (MAX - len(text) - 1) + "\n"
        self.assertEqual(len(text), MAX)
        self.write("root/big.icp", text)
        rc, diags = self.check_main("./big.icp")
        self.assertEqual((rc, diags), (0, []))
        self.write("root/big.icp", text + "\n")
        self.refused("./big.icp", "larger than 8 MiB")

    def test_outside_the_root_through_dot_dot(self):
        self.refused("../secret.icp", "leaves the import root")
        self.refused("./../root/../secret.icp", "leaves the import root")

    def test_etc_passwd(self):
        # Before: read, and the syntax error quoted its first line.
        self.refused("../../../../../../../../etc/passwd", "does not name an .icp file")
        self.refused("/etc/passwd", "is an absolute path")

    def test_outside_the_root_through_a_symbolic_link(self):
        os.symlink(self.path("secret.icp"), self.path("root/link.icp"))
        self.refused("./link.icp", "leaves the import root")
        os.symlink(self.tmp, self.path("root/up"))  # a folder link
        self.refused("./up/secret.icp", "leaves the import root")

    def test_symbolic_link_inside_the_root_to_a_file_of_another_kind(self):
        os.symlink("notes.txt", self.path("root/notes.icp"))
        self.refused("./notes.icp", "does not name an .icp file")

    def test_not_an_icp_file(self):
        d = self.refused("./notes.txt", "does not name an .icp file")
        self.assertEqual(d["notes"], [])
        d = self.refused("./lib", "does not name an .icp file")
        self.assertIn('did you mean "./lib.icp"?', [n["message"] for n in d["notes"]])

    def test_inside_the_root_is_fine(self):
        os.mkdir(self.path("root/sub"))
        self.write("root/sub/deep.icp", 'import "../lib.icp"\nconst D = LIMIT\n')
        os.symlink("lib.icp", self.path("root/alias.icp"))
        for spec in ["./lib.icp", "lib.icp", "./sub/deep.icp", "./sub/../lib.icp", "./alias.icp"]:
            rc, diags = self.check_main(spec)
            self.assertEqual((rc, diags), (0, []), spec)

    def test_import_root_option(self):
        # A wider root lets ../ in; the refused file is then read (and its
        # syntax error shown, being an .icp file inside the root).
        rc, diags = self.check_main("../secret.icp", "--import-root", self.tmp)
        self.assertEqual(rc, 1)
        self.assertEqual([d["code"] for d in diags], ["E0001"])
        # A narrower one keeps out what the file's folder would allow.
        os.mkdir(self.path("root/inner"))
        self.refused("./lib.icp", "leaves the import root", "--import-root", self.path("root/inner"))
        p = self.icp("check", "--import-root", self.path("nope"), self.path("root/lib.icp"))
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("--import-root", p.err)

    def test_text_diagnostic_has_position_and_note(self):
        main = self.write("root/main.icp", 'const A = 1\nimport "../secret.icp"\n')
        p = self.icp("check", main)
        self.assertEqual(p.returncode, 1)
        self.assertIn("main.icp:2:8: error[E0104]: import '../secret.icp' leaves the import root", p.err)
        self.assertIn("note: the import root is '" + os.path.realpath(self.root) + "'", p.err)

    def test_score_and_test_apply_the_rule(self):
        model = self.write("root/m.icp", 'import "../secret.icp"\nschema A { x: int }\n'
                                         'profile P on A {\n  signal "s" when x > 1 => 1\n}\n')
        self.write("in.csv", "x\n1\n")
        for args in (["test", model], ["score", model, "in.csv", "--engine", "interp"]):
            p = self.icp(*args)
            self.assertEqual(p.returncode, 1, p.err)
            self.assertIn("leaves the import root", p.err)
            self.assertNotIn(SECRET, p.err)
        p = self.icp("score", model, "in.csv", "--engine", "interp", "--import-root", self.tmp)
        self.assertIn("secret.icp:1:", p.err)  # now read: a syntax error of an .icp file


class LanguageServer(Base):
    """The server applies the same rule; before, a document importing
    /dev/zero made it grow to 17 GB and stop answering."""

    def send(self, proc, msg):
        body = json.dumps(msg).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def read(self, proc, buf, deadline):
        while True:
            head, sep, rest = buf[0].partition(b"\r\n\r\n")
            if sep:
                n = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
                if len(rest) >= n:
                    buf[0] = rest[n:]
                    return json.loads(rest[:n])
            left = deadline - time.time()
            if left <= 0:
                self.fail("the language server did not answer in time")
            r, _, _ = select.select([proc.stdout], [], [], left)
            if r:
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    self.fail("the language server exited")
                buf[0] += chunk

    def test_refused_imports_in_the_editor(self):
        os.mkfifo(self.path("root/pipe.icp"))
        os.symlink("/dev/zero", self.path("root/zero.icp"))
        proc = subprocess.Popen([ICP, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, preexec_fn=bounded)
        try:
            buf = [b""]
            deadline = time.time() + 30
            self.send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                             "params": {"processId": None, "rootUri": None, "capabilities": {}}})
            self.send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
            uri = "file://" + urllib.parse.quote(self.path("root/main.icp"))
            text = ('import "/dev/zero"\nimport "./pipe.icp"\nimport "./zero.icp"\nimport "../secret.icp"\n'
                    'import "./notes.txt"\nimport "./lib.icp"\nconst X = LIMIT\n')
            self.send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                             "params": {"textDocument": {"uri": uri, "languageId": "icp", "version": 1,
                                                         "text": text}}})
            self.send(proc, {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol",
                             "params": {"textDocument": {"uri": uri}}})
            diags, answered = None, False
            while diags is None or not answered:
                m = self.read(proc, buf, deadline)
                if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                    diags = m["params"]["diagnostics"]
                if m.get("id") == 2:
                    answered = True
            got = sorted((d["range"]["start"]["line"], d["code"], d["message"]) for d in diags)
            self.assertEqual([(l, c) for l, c, _ in got], [(0, "E0104"), (1, "E0104"), (2, "E0104"),
                                                           (3, "E0104"), (4, "E0104")], got)
            self.assertIn("absolute path", got[0][2])
            self.assertIn("is a FIFO", got[1][2])
            self.assertIn("leaves the import root", got[2][2])
            self.assertIn("leaves the import root", got[3][2])
            self.assertIn("does not name an .icp file", got[4][2])
            self.assertNotIn(SECRET, json.dumps(diags))
            # An untitled document has no root: its relative imports are refused.
            self.send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                             "params": {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "icp",
                                                         "version": 1, "text": 'import "./lib.icp"\n'}}})
            while True:
                m = self.read(proc, buf, deadline)
                if m.get("method") == "textDocument/publishDiagnostics" and \
                        m["params"]["uri"] == "untitled:Untitled-1":
                    self.assertEqual([d["code"] for d in m["params"]["diagnostics"]], ["E0104"])
                    self.assertIn("no import root", m["params"]["diagnostics"][0]["message"])
                    break
            self.send(proc, {"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
            self.send(proc, {"jsonrpc": "2.0", "method": "exit"})
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


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
