#!/usr/bin/env python3
"""Converts golden files from the old expectation form to the new one.

Old form: `// CHECK: LINE:COL CODE message substring` lines (usually at the end
of the file), absolute line numbers, notes and fixes not compared.
New form (tests/golden/run_golden.py): a block right above the line,

    // CHECK@+1:COL CODE the whole message
    // NOTE: a note
    // FIX@+1:COL-ENDCOL "replacement"

Usage:
    python3 scripts/migrate_golden_checks.py --icp build/icp [--only-codes E0001,E0002,E0003] PATHS...

For each .icp file under PATHS that has old-form lines, the script first
checks that the old expectations hold (every old CHECK matches a diagnostic
of `icp check --format json`, and every diagnostic has a CHECK); a file whose
old expectations fail is left unchanged and reported, as its expectations
would otherwise be replaced by whatever the compiler says today. Then it
removes the old lines and writes the diagnostics in the new form, with their
whole messages, notes and fixes. `.ast` files beside converted files are
rewritten (lines moved). Use the same `--only-codes` as the golden's ctest
(the syntax goldens compare E0001,E0002,E0003 only).
Exit 1 when some file could not be converted.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden"))
import run_golden  # noqa: E402

OLD_RE = re.compile(r"//\s*CHECK:\s*(\d+):(\d+)\s+([EW]\d{4})(?:\s+(.*?))?\s*$")


def migrate(icp, path, only):
    lines = run_golden.read_lines(path)
    old = [(i, OLD_RE.search(l)) for i, l in enumerate(lines, 1)]
    old = [(i, m) for i, m in old if m]
    if not old:
        return "unchanged"
    _rc, diags = run_golden.actual_diagnostics(icp, path)
    actual = [d for d in diags if run_golden.relevant(d, path, only)]
    unmatched = list(actual)
    for i, m in old:
        line, col, code, sub = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4) or ""
        hit = next((d for d in unmatched if d["line"] == line and d["column"] == col
                    and d["code"] == code and sub in d["message"]), None)
        if hit is None:
            return f"line {i}: the old CHECK {line}:{col} {code} does not hold today; fix it first"
        unmatched.remove(hit)
    if unmatched:
        d = unmatched[0]
        return f"the diagnostic {d['line']}:{d['column']} {d['code']} has no old CHECK; fix it first"
    new = run_golden.write_expectations(icp, path, only)
    if len(new) != len(actual):
        return f"after conversion icp reports {len(new)} diagnostics instead of {len(actual)}: check the file"
    ast = path[:-4] + ".ast"
    if os.path.exists(ast):
        _rc, out, _err = run_golden.run_icp(icp, ["check", "--dump-ast", path])
        with open(ast, "w", encoding="utf-8") as f:
            f.write(out)
    problems, _ = run_golden.check_file(icp, path, only, False, False)
    if problems:
        return "converted, but the new form fails: " + "; ".join(problems)
    return "converted"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--icp", required=True)
    ap.add_argument("--only-codes", default="")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    only = set(c for c in args.only_codes.split(",") if c)
    bad = 0
    for path in run_golden.find_files(args.paths):
        try:
            what = migrate(args.icp, path, only)
        except run_golden.GoldenError as e:
            what = str(e)
        if what != "unchanged":
            print(f"{path}: {what}")
        bad += what not in ("unchanged", "converted")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
