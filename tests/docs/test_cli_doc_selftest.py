#!/usr/bin/env python3
"""The CLI reference cannot drift: scripts/gen_cli_doc.py --check must fail on a
copy of docs/cli.md whose `icp score --help` block has an option changed, and on
one without the block of `icp lsp --help`. Prints 'ok' when both fail as they should."""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GEN = os.path.join(ROOT, "scripts", "gen_cli_doc.py")
DOC = os.path.join(ROOT, "docs", "cli.md")


def check(icp, text):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cli.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        p = subprocess.run([sys.executable, GEN, "--icp", icp, "--check", "--doc", path],
                           capture_output=True, text=True)
        return p.returncode, p.stdout + p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    icp = os.path.abspath(ap.parse_args().icp)
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    bad = []
    rc, out = check(icp, doc)
    if rc != 0:
        bad.append(f"docs/cli.md itself fails:\n{out}")
    changed = doc.replace("  --lenient ", "  --relaxed ", 1)
    assert changed != doc
    rc, out = check(icp, changed)
    if rc != 1 or "the block of `icp score --help` differs" not in out or "-  --relaxed" not in out:
        bad.append(f"a changed option passes (exit {rc}):\n{out}")
    start = doc.index("<!-- BEGIN GENERATED: icp lsp --help -->")
    end = doc.index("<!-- END GENERATED -->", start) + len("<!-- END GENERATED -->\n")
    rc, out = check(icp, doc[:start] + doc[end:])
    if rc != 1 or "no generated block for `icp lsp --help`" not in out:
        bad.append(f"a missing subcommand passes (exit {rc}):\n{out}")
    for b in bad:
        print(b)
    print("ok" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
