#!/usr/bin/env python3
"""Golden tests for the icp compiler.

For every .icp file under the given paths (files or folders, recursively):

* Diagnostics. The file states what `icp check --format json FILE` must
  report, in comments of the form

      // CHECK: LINE:COL CODE optional message substring

  The comparison is order-insensitive but complete: every CHECK must match a
  diagnostic (same line, column and code; the message must contain the
  substring) and every diagnostic must match a CHECK. A file without CHECK
  lines must produce no diagnostic. The exit code must be 1 when there is an
  error and 0 otherwise. `--only-codes E0001,E0002` restricts the comparison
  (not the exit-code check) to those codes.

* Syntax trees. When FILE.ast exists beside FILE.icp, the output of
  `icp check --dump-ast FILE` must equal it.

`--update` rewrites the expectations of the files that fail from the actual
output: CHECK lines are removed and written anew at the end of the file
(full messages), .ast files are rewritten; `--create-ast` also creates
missing .ast files. Review the diff before committing.

`--coverage PREFIXES` checks instead that every code listed by
`icp diagnostics` that starts with one of the (comma-separated) prefixes has
at least one CHECK line in the given files.
"""
import argparse
import difflib
import json
import os
import re
import subprocess
import sys

CHECK_RE = re.compile(r"//\s*CHECK:\s*(\d+):(\d+)\s+([EW]\d{4})(?:\s+(.*?))?\s*$")
CHECK_LINE_RE = re.compile(r"^\s*//\s*CHECK:")


def find_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                out.extend(os.path.join(root, f) for f in files if f.endswith(".icp"))
        elif p.endswith(".icp"):
            out.append(p)
        else:
            sys.exit(f"run_golden: not an .icp file or folder: {p}")
    return sorted(out)


def read_checks(path):
    checks = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = CHECK_RE.search(line)
            if m:
                checks.append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4) or ""))
    return checks


def run_icp(icp, args):
    p = subprocess.run([icp] + args, capture_output=True, text=True, encoding="utf-8",
                       errors="replace")
    return p.returncode, p.stdout, p.stderr


def actual_diagnostics(icp, path):
    rc, out, err = run_icp(icp, ["check", "--format", "json", path])
    if rc not in (0, 1):
        raise RuntimeError(f"icp exited with {rc}\n{err}")
    try:
        diags = json.loads(out)
    except json.JSONDecodeError as e:
        raise RuntimeError(f"output is not JSON ({e}):\n{out}")
    if not isinstance(diags, list):
        raise RuntimeError("output is not a JSON array")
    return rc, diags


def compare(checks, diags):
    """Returns (missing checks, unexpected diagnostics)."""
    unmatched = list(diags)
    missing = []
    for c in checks:
        line, col, code, sub = c
        hit = next((d for d in unmatched if d["line"] == line and d["column"] == col
                    and d["code"] == code and sub in d["message"]), None)
        if hit is None:
            missing.append(c)
        else:
            unmatched.remove(hit)
    return missing, unmatched


def fmt_diag(d):
    return f"{d['line']}:{d['column']} {d['code']} {d['message']}"


def rewrite_checks(icp, path, only):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    body = [l for l in lines if not CHECK_LINE_RE.match(l)]
    while body and body[-1].strip() == "":
        body.pop()
    text = "\n".join(body) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    _rc, diags = actual_diagnostics(icp, path)
    diags = [d for d in diags if relevant(d, path, only)]
    if diags:
        diags.sort(key=lambda d: (d["line"], d["column"], d["code"]))
        text += "\n" + "".join(f"// CHECK: {fmt_diag(d)}\n" for d in diags)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def relevant(d, path, only):
    if os.path.abspath(d.get("file", "")) != os.path.abspath(path):
        return False
    return not only or d["code"] in only


def check_file(icp, path, only, update, create_ast):
    """Returns (problems, updated)."""
    problems = []
    updated = False
    checks = read_checks(path)
    rc, diags = actual_diagnostics(icp, path)
    has_error = any(d.get("severity") == "error" for d in diags)
    if rc != (1 if has_error else 0):
        problems.append(f"exit code {rc}, but the diagnostics {'have' if has_error else 'have no'} errors")
    missing, unexpected = compare(checks, [d for d in diags if relevant(d, path, only)])
    if (missing or unexpected) and update:
        rewrite_checks(icp, path, only)
        updated = True
    else:
        for line, col, code, sub in missing:
            problems.append(f"missing diagnostic: {line}:{col} {code} {sub}".rstrip())
        for d in unexpected:
            problems.append(f"unexpected diagnostic: {fmt_diag(d)}")

    ast_path = path[:-4] + ".ast"
    if os.path.exists(ast_path) or create_ast:
        rc2, out, err = run_icp(icp, ["check", "--dump-ast", path])
        if rc2 not in (0, 1):
            problems.append(f"--dump-ast exited with {rc2}: {err}")
        else:
            expected = None
            if os.path.exists(ast_path):
                with open(ast_path, encoding="utf-8") as f:
                    expected = f.read()
            if expected != out:
                if update or expected is None:
                    with open(ast_path, "w", encoding="utf-8") as f:
                        f.write(out)
                    updated = True
                else:
                    diff = "".join(difflib.unified_diff(
                        expected.splitlines(True), out.splitlines(True), ast_path, "actual --dump-ast"))
                    problems.append("syntax tree differs:\n" + diff)
    return problems, updated


def coverage(icp, files, prefixes):
    rc, out, err = run_icp(icp, ["diagnostics"])
    if rc != 0:
        print(f"icp diagnostics exited with {rc}: {err}")
        return 1
    codes = [l.split()[0] for l in out.splitlines() if l.strip()]
    wanted = [c for c in codes if any(c.startswith(p) for p in prefixes)]
    if not wanted:
        print(f"no registered code starts with {prefixes}")
        return 1
    seen = {c[2] for f in files for c in read_checks(f)}
    missing = [c for c in wanted if c not in seen]
    for c in missing:
        print(f"no golden test has a CHECK for {c}")
    print(f"{len(wanted) - len(missing)} of {len(wanted)} codes covered")
    return 1 if missing else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--icp", required=True, help="the icp executable")
    ap.add_argument("--update", action="store_true", help="rewrite failing expectations")
    ap.add_argument("--create-ast", action="store_true", help="also create missing .ast files")
    ap.add_argument("--only-codes", default="", help="compare only these codes (comma-separated)")
    ap.add_argument("--coverage", default="", help="check that codes with these prefixes have CHECKs")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    files = find_files(args.paths)
    if not files:
        print("run_golden: no .icp files found")
        return 1
    if args.coverage:
        return coverage(args.icp, files, args.coverage.split(","))

    only = set(c for c in args.only_codes.split(",") if c)
    failed = 0
    for path in files:
        try:
            problems, updated = check_file(args.icp, path, only, args.update, args.create_ast)
        except RuntimeError as e:
            problems, updated = [str(e)], False
        if updated:
            print(f"updated {path}")
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
    print(f"{len(files)} files, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
