#!/usr/bin/env python3
"""`icp fmt --check` over every .icp file under the given folders.

usage: check_formatted.py --icp build/icp DIR...
Each DIR must exist and hold at least one .icp file.
Fix what it reports with `icp fmt -w FILE...`.

Generated files are no exception: scripts/gen_stdlib.py formats its output
with `icp fmt`.
"""
import argparse
import pathlib
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--icp", required=True)
ap.add_argument("dirs", nargs="+")
args = ap.parse_args()
# A folder that is missing or holds no .icp file is a mistake (a moved
# folder, a typo in CMakeLists.txt), not a pass: the check would prove nothing.
files = []
for d in args.dirs:
    found = sorted(str(p) for p in pathlib.Path(d).rglob("*.icp"))
    if not pathlib.Path(d).is_dir():
        print("error: %s is not a folder" % d)
        sys.exit(1)
    if not found:
        print("error: no .icp files under %s" % d)
        sys.exit(1)
    files += found
r = subprocess.run([args.icp, "fmt", "--check"] + files, capture_output=True, text=True)
if r.returncode != 0:
    print("not formatted (run `icp fmt -w` on them):\n" + r.stdout + r.stderr)
    sys.exit(1)
print("%d files formatted" % len(files))
