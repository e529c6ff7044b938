#!/usr/bin/env python3
"""docs/README.md is the manual's index: every page of docs/ is linked from it.

    python3 tests/refdocs/test_docs_index.py [--docs DIR]
"""
import argparse
import glob
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default=os.path.join(ROOT, "docs"))
    docs = ap.parse_args().docs
    with open(os.path.join(docs, "README.md"), encoding="utf-8") as f:
        linked = set(re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", f.read()))
    pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(docs, "*.md")))
    missing = [p for p in pages if p != "README.md" and p not in linked]
    for p in missing:
        print(f"docs/{p} is not linked from docs/README.md (the manual's index): add a line for it")
    print(f"{len(pages) - 1} pages, {len(missing)} not linked")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
