#!/usr/bin/env python3
"""The docs test: every example in the documentation is checked or run.

    python3 tests/docs/check_docs.py --icp build/icp                 # docs/**/*.md and every README*.md
    python3 tests/docs/check_docs.py --icp build/icp docs/guide.md   # some files only

Fenced blocks, by their info string (docs/contributing.md, "Examples in the
documentation", is the reference for writers):

  ```icp                  a complete model: `icp check` reports nothing (no error,
                          no warning), and `icp test` passes (0 tests is a pass).
  ```icp expect=E0201,W0003
                          a complete model whose `icp check` reports exactly these
                          codes, each at least once, and no other.
  ```icp excerpt=PATH     the block's lines are a contiguous run of lines of PATH
                          (relative to the repository root; trailing whitespace is
                          ignored); PATH is then checked as a plain ```icp block (or
                          with `expect=` if the block also says that).
  ```console              a transcript. `$ CMD` lines are commands, run with bash
                          from the root of a scratch copy of the repository, with
                          the freshly built `icp` first on PATH; the lines after a
                          command, up to the next `$ ` line, are its expected
                          stdout and stderr (merged). A line `...` matches any
                          number of lines. The exit code must be 0, or N when the
                          command ends with `# exit N`. A command ending with `\\`
                          continues on the next line.

Any other block (```sh, ```text, ```json, ...) is not run. Fences may be indented
(inside a list item); the indentation is removed from the block's lines.

The scratch copy: each console block runs in a fresh copy of the repository
(without build folders, .git and node_modules), so commands may write files with
relative paths and never modify the checkout. HOME and TMPDIR point into the
scratch folder as well. Commands within one block share the copy (a file
written by one is there for the next); separate blocks do not.

On failure it prints FILE:LINE of the block and what differs (a unified diff for
transcripts), and ends with 'N blocks, N failed'. Exit 1 if any failed.
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)\s*(.*?)\s*$")
SKIP_DIRS = {".git", "node_modules", "__pycache__"}
EXIT_RE = re.compile(r"#\s*exit\s+(\d+)\s*$")


class Block:
    def __init__(self, path, line, lang, attrs, lines):
        self.path = path      # the markdown file (as given / relative to the root)
        self.line = line      # 1-based line of the opening fence
        self.lang = lang
        self.attrs = attrs    # {"expect": "E0201", "excerpt": "docs/guide/x.icp"}
        self.lines = lines    # the content, indentation of the fence removed

    @property
    def where(self):
        return f"{self.path}:{self.line}"


def parse_attrs(rest):
    attrs = {}
    for word in rest.split():
        if "=" in word:
            k, v = word.split("=", 1)
            attrs[k] = v
        else:
            attrs[word] = ""
    return attrs


def blocks_of(path, shown):
    """Every fenced block of the markdown file `path` (`shown` is its name in messages)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = FENCE_RE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang, rest = m.group(1), m.group(2), m.group(3), m.group(4)
        start, body, i = i + 1, [], i + 1
        closed = False
        while i < len(lines):
            s = lines[i].strip()
            if s.startswith(fence[0] * len(fence)) and set(s) == {fence[0]}:
                closed = True
                i += 1
                break
            ln = lines[i]
            body.append(ln[len(indent):] if ln.startswith(indent) else ln.lstrip())
            i += 1
        b = Block(shown, start, lang, parse_attrs(rest), body)
        if not closed:
            b.attrs["__unclosed"] = ""
        out.append(b)
    return out


def doc_files(root):
    """docs/**/*.md and every README*.md of the repository, sorted."""
    found = set()
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS
                         and not os.path.exists(os.path.join(d, x, "CMakeCache.txt"))
                         and not os.path.islink(os.path.join(d, x)))
        rel = os.path.relpath(d, root)
        for f in files:
            in_docs = rel == "docs" or rel.startswith("docs" + os.sep)
            if (f.startswith("README") and f.endswith(".md")) or (in_docs and f.endswith(".md")):
                found.add(os.path.normpath(os.path.join(rel, f)))
    return sorted(found)


class Checker:
    def __init__(self, icp, root, env):
        self.icp = icp
        self.root = root
        self.env = env

    def run(self, args, cwd=None, timeout=300):
        return subprocess.run(args, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=timeout)

    # ---- icp blocks -----------------------------------------------------------

    def check_model(self, path, expect):
        """Problems (a list of strings) of the model file `path`: `expect` is None for a
        clean model, else the set of codes `icp check` must report."""
        p = self.run([self.icp, "check", "--format", "json", path])
        try:
            diags = json.loads(p.stdout)
        except ValueError:
            return [f"`icp check` did not print JSON (exit {p.returncode}):\n{p.stdout}{p.stderr}"]
        if p.returncode not in (0, 1):
            return [f"`icp check` exited {p.returncode}:\n{p.stderr}"]
        codes = {d["code"] for d in diags}
        text = self.run([self.icp, "check", path]).stderr if diags else ""
        if expect is None:
            if diags:
                return ["`icp check` must report nothing, but reports " + ", ".join(sorted(codes)) +
                        " (declare expected codes with `expect=CODE`):\n" + text]
            t = self.run([self.icp, "test", path])
            if t.returncode != 0:
                return [f"`icp test` fails (exit {t.returncode}):\n{t.stdout}{t.stderr}"]
            return []
        if codes != expect:
            missing, extra = sorted(expect - codes), sorted(codes - expect)
            why = []
            if missing:
                why.append("does not report " + ", ".join(missing))
            if extra:
                why.append("also reports " + ", ".join(extra))
            return [f"expect={','.join(sorted(expect))}: `icp check` " + " and ".join(why) + ":\n" + text]
        return []

    def check_icp(self, b, tmp):
        expect = None
        if "expect" in b.attrs:
            expect = {c.strip().upper() for c in b.attrs["expect"].split(",") if c.strip()}
            if not expect:
                return ["`expect=` names no code"]
        if "excerpt" in b.attrs:
            rel = b.attrs["excerpt"]
            path = os.path.join(self.root, rel)
            if not rel or not os.path.isfile(path):
                return [f"excerpt={rel}: no such file (paths are relative to the repository root)"]
            with open(path, encoding="utf-8") as f:
                have = [l.rstrip() for l in f.read().split("\n")]
            want = [l.rstrip() for l in b.lines]
            while want and not want[-1]:
                want.pop()
            while want and not want[0]:
                want.pop(0)
            if not want:
                return ["the excerpt is empty"]
            n = len(want)
            if not any(have[i:i + n] == want for i in range(len(have) - n + 1)):
                best = max(range(len(have)), key=lambda i: sum(1 for a, c in zip(have[i:i + n], want) if a == c))
                diff = "".join(difflib.unified_diff(
                    [l + "\n" for l in have[best:best + n]], [l + "\n" for l in want],
                    f"{rel} (lines {best + 1}-{best + n})", f"{b.where} (the excerpt)"))
                return [f"the excerpt's lines are not a contiguous run of lines of {rel}:\n{diff}"]
            return [f"(in {rel}) {p}" for p in self.check_model(path, expect)]
        path = os.path.join(tmp, "block.icp")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(b.lines) + "\n")
        problems = self.check_model(path, expect)
        if problems:  # positions in the block: line 1 is the line after the fence
            problems.append(f"(block.icp is the block: its line 1 is {b.path}:{b.line + 1})")
        return [p.replace(path, "block.icp") for p in problems]

    # ---- console blocks -----------------------------------------------------------

    @staticmethod
    def transcript(b):
        """[(command, expected lines, want exit, line number in the markdown)]."""
        steps, i = [], 0
        lines = b.lines
        while i < len(lines):
            if not lines[i].startswith("$ "):
                if lines[i].strip():
                    raise ValueError(f"line {b.line + 1 + i}: output before the first `$ ` command")
                i += 1
                continue
            at = b.line + 1 + i
            cmd = lines[i][2:]
            while cmd.endswith("\\") and i + 1 < len(lines):
                i += 1
                nxt = lines[i]
                cmd = cmd + "\n" + (nxt[2:] if nxt.startswith("> ") else nxt)
            i += 1
            out = []
            while i < len(lines) and not lines[i].startswith("$ "):
                out.append(lines[i])
                i += 1
            while out and not out[-1].strip():
                out.pop()
            m = EXIT_RE.search(cmd.split("\n")[-1])
            steps.append((cmd, out, int(m.group(1)) if m else 0, at))
        return steps

    def check_console(self, b, tmp):
        try:
            steps = self.transcript(b)
        except ValueError as e:
            return [str(e)]
        if not steps:
            return ["a console block without a `$ ` command"]
        work = os.path.join(tmp, "repo")
        shutil.copytree(self.root, work, symlinks=True, ignore=ignore_build_dirs(self.root))
        home = os.path.join(tmp, "home")
        ttmp = os.path.join(tmp, "tmp")
        os.makedirs(home)
        os.makedirs(ttmp)
        env = dict(self.env, HOME=home, TMPDIR=ttmp)
        problems = []
        for cmd, want, want_exit, at in steps:
            p = subprocess.run(["bash", "-c", cmd], cwd=work, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, timeout=600)
            got = [l.rstrip() for l in p.stdout.split("\n")]
            while got and not got[-1]:
                got.pop()
            if not matches([l.rstrip() for l in want], got):
                diff = "".join(difflib.unified_diff([l + "\n" for l in want], [l + "\n" for l in got],
                                                    "expected (the doc)", "actual"))
                problems.append(f"line {at}: `{cmd}`: the output differs:\n{diff}")
            if p.returncode != want_exit:
                problems.append(f"line {at}: `{cmd}`: exit {p.returncode}, want {want_exit}"
                                + ("" if want_exit else " (write `# exit N` after a command that fails on purpose)"))
            if problems:
                break  # later commands may depend on this one
        return problems

    def check(self, b):
        with tempfile.TemporaryDirectory(prefix="icp-docs-") as tmp:
            if "__unclosed" in b.attrs:
                return ["the fence is not closed"]
            if b.lang == "icp":
                return self.check_icp(b, tmp)
            if b.lang == "console":
                return self.check_console(b, tmp)
        return None  # not run


def ignore_build_dirs(root):
    def ignore(d, names):
        out = set()
        for n in names:
            full = os.path.join(d, n)
            if n in SKIP_DIRS or os.path.exists(os.path.join(full, "CMakeCache.txt")):
                out.add(n)
        return out
    return ignore


def matches(want, got):
    """`want` (with `...` lines matching any number of lines) against `got`."""
    memo = {}

    def m(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(want):
            r = j == len(got)
        elif want[i].strip() == "...":
            r = m(i + 1, j) or (j < len(got) and m(i, j + 1))
        else:
            r = j < len(got) and want[i] == got[j] and m(i + 1, j + 1)
        memo[(i, j)] = r
        return r

    sys.setrecursionlimit(max(10000, 4 * (len(want) + len(got))))
    return m(0, 0)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--icp", required=True, help="the icp binary to check with (put first on PATH)")
    ap.add_argument("--root", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")),
                    help="the repository root (default: two folders up from this script)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("files", nargs="*", help="markdown files (default: docs/**/*.md and every README*.md)")
    args = ap.parse_args(argv)

    root = os.path.abspath(args.root)
    icp = os.path.abspath(args.icp)
    bindir = tempfile.mkdtemp(prefix="icp-docs-bin-")
    try:
        os.symlink(icp, os.path.join(bindir, "icp"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1",
                   LC_ALL="C.UTF-8", COLUMNS="80")
        checker = Checker(icp, root, env)
        if args.files:
            files = [(os.path.abspath(f), os.path.relpath(os.path.abspath(f), root)) for f in args.files]
        else:
            files = [(os.path.join(root, f), f) for f in doc_files(root)]
        blocks = [b for full, shown in files for b in blocks_of(full, shown)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(checker.check, blocks))
    finally:
        shutil.rmtree(bindir, ignore_errors=True)

    ran = failed = 0
    counts = {}
    for b, problems in zip(blocks, results):
        if problems is None:
            continue
        ran += 1
        key = b.lang + (" expect" if "expect" in b.attrs else "") + (" excerpt" if "excerpt" in b.attrs else "")
        counts[key] = counts.get(key, 0) + 1
        if problems:
            failed += 1
            info = " ".join(f"{k}={v}" if v else k for k, v in b.attrs.items())
            print(f"FAIL {b.where}: ```{b.lang}{' ' + info if info else ''}")
            for p in problems:
                print("  " + p.rstrip().replace("\n", "\n  "))
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    print(f"{len(files)} files; {ran} blocks ({kinds}), {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
