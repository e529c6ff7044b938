#!/usr/bin/env python3
"""The `icp fmt` command line: stdout, -w, --check, syntax errors, usage."""
import argparse
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--icp", required=True)
icp = ap.parse_args().icp
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([icp, "fmt"] + list(args), capture_output=True, text=True)


with tempfile.TemporaryDirectory() as d:
    messy = os.path.join(d, "messy.icp")
    clean = os.path.join(d, "clean.icp")
    broken = os.path.join(d, "broken.icp")
    with open(messy, "w") as f:
        f.write("enum   Size {small,large}\nconst  X=1+2 // three\n")
    with open(clean, "w") as f:
        f.write("enum Size { small, large }\n")
    with open(broken, "w") as f:
        f.write("schema {\n")

    r = run(messy)
    check(r.returncode == 0, "fmt FILE exits 0: %s" % r.stderr)
    check(r.stdout == "enum Size { small, large }\n\nconst X = 1 + 2 // three\n", "fmt FILE prints: %r" % r.stdout)
    check(open(messy).read().startswith("enum   Size"), "fmt FILE leaves the file alone")

    r = run("--check", messy, clean)
    check(r.returncode == 1, "--check exits 1 on an unformatted file")
    check(r.stdout.strip() == messy, "--check lists only the unformatted file: %r" % r.stdout)

    r = run("-w", messy)
    check(r.returncode == 0 and r.stdout == "", "-w exits 0 quietly")
    check(open(messy).read() == "enum Size { small, large }\n\nconst X = 1 + 2 // three\n", "-w rewrites")
    r = run("--check", messy, clean)
    check(r.returncode == 0, "--check exits 0 once formatted: %s" % r.stdout)

    r = run(broken)
    check(r.returncode == 1, "syntax errors exit 1")
    check("E0001" in r.stderr, "syntax errors are printed: %r" % r.stderr)
    check(r.stdout == "", "nothing is printed for a file with syntax errors")

    r = run(os.path.join(d, "missing.icp"))
    check(r.returncode == 2, "a missing file is a usage error (2), got %d" % r.returncode)

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("ok")
