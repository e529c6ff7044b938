#!/usr/bin/env python3
"""`icp fmt --check` over every .icp file under the given folders.

usage: check_formatted.py --icp build/icp DIR...
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
files = [str(p) for p in sorted(p for d in args.dirs for p in pathlib.Path(d).rglob("*.icp"))]
if not files:
    print("no .icp files found")
    sys.exit(0)
r = subprocess.run([args.icp, "fmt", "--check"] + files, capture_output=True, text=True)
if r.returncode != 0:
    print("not formatted (run `icp fmt -w` on them):\n" + r.stdout + r.stderr)
    sys.exit(1)
print("%d files formatted" % len(files))
