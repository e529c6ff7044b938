#!/usr/bin/env python3
"""The generated parts of docs/language.md (keywords, built-ins) and docs/stdlib.md (the
standard library) are up to date, and the check catches a stale copy: a
keyword, a built-in or an enum member missing from the manual, and markers removed.

    python3 tests/refdocs/test_gen_reference_docs.py --icp build/icp
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GEN = os.path.join(ROOT, "scripts", "gen_reference_docs.py")


def check(icp, docs):
    r = subprocess.run([sys.executable, GEN, "--check", "--icp", icp, "--docs", docs],
                       capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    icp = ap.parse_args().icp
    problems = []
    code, out = check(icp, os.path.join(ROOT, "docs"))
    if code != 0:
        problems.append(f"the repository's docs are stale:\n{out}")

    # Each case removes one line the generator writes (or a marker) from a copy.
    cases = [
        ("language.md", "| `decay` |", "stale generated documentation: docs/language.md (builtins)"),
        ("language.md", "confidence default", "stale generated documentation: docs/language.md (keywords)"),
        ("stdlib.md", "| `NA` |", "stale generated documentation: docs/stdlib.md (stdlib)"),
        ("stdlib.md", "### def department_of", "stale generated documentation: docs/stdlib.md (stdlib)"),
        ("stdlib.md", "<!-- END GENERATED stdlib -->", "the markers of the generated part 'stdlib' are missing"),
    ]
    for doc, needle, expected in cases:
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("language.md", "stdlib.md"):
                shutil.copy(os.path.join(ROOT, "docs", name), tmp)
            path = os.path.join(tmp, doc)
            lines = open(path, encoding="utf-8").read().split("\n")
            kept = [l for l in lines if not l.startswith(needle)]
            if len(kept) != len(lines) - 1:
                problems.append(f"{doc}: expected one line starting with {needle!r}, found {len(lines) - len(kept)}")
                continue
            open(path, "w", encoding="utf-8").write("\n".join(kept))
            code, out = check(icp, tmp)
            if code == 0 or expected not in out:
                problems.append(f"{doc} without {needle!r}: exit {code}, expected a failure saying "
                                f"{expected!r}; got:\n{out}")
    for p in problems:
        print(p)
    print(f"{len(cases) + 1} checks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
