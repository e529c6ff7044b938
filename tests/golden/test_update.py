#!/usr/bin/env python3
"""`run_golden.py --update` rewrites a golden's expectations in place: each
diagnostic's block (CHECK, NOTE, FIX) right above its line, indented as the
line; the rewritten file then passes, and a second --update changes nothing."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

BEFORE = """\
// A stale expectation, and a diagnostic with a note and a fix.
schema S { employees: int? }
profile P on S {
  // CHECK@+1:3 E0101 stale
  signal "x" when employes > 1 => 1
}
"""

AFTER = """\
// A stale expectation, and a diagnostic with a note and a fix.
schema S { employees: int? }
profile P on S {
  // CHECK@+1:19 E0101 unknown field 'employes' in schema 'S'
  // NOTE: did you mean 'employees'?
  // FIX@+1:19-27 "employees"
  signal "x" when employes > 1 => 1
}
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    args = ap.parse_args()
    runner = [sys.executable, os.path.join(HERE, "run_golden.py"), "--icp", args.icp]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "t.icp")
        with open(path, "w") as f:
            f.write(BEFORE)
        if subprocess.run(runner + [path], capture_output=True).returncode == 0:
            print("FAIL: the stale golden passed")
            return 1
        p = subprocess.run(runner + ["--update", path], capture_output=True, text=True)
        got = open(path).read()
        if got != AFTER:
            print("FAIL: --update wrote\n" + got + "\nexpected\n" + AFTER + p.stdout)
            return 1
        p = subprocess.run(runner + [path], capture_output=True, text=True)
        if p.returncode != 0:
            print("FAIL: the updated golden fails:\n" + p.stdout)
            return 1
        subprocess.run(runner + ["--update", path], capture_output=True)
        if open(path).read() != AFTER:
            print("FAIL: a second --update changed the file")
            return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
