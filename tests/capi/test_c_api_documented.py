#!/usr/bin/env python3
"""docs/c-api.md documents every public function and type: each function
declared `ICP_API` in compiler/capi/include/icp/icp.h, and each typedef, enum
constant and struct of icp.h and runtime/include/icp/abi.h, must appear in the
reference as `name` (in backquotes) in a heading or the text. --header/--doc name
other files (the self-test gives a header with an undocumented function).
Prints 'N names, all documented' or each missing name."""
import argparse
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def public_names(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    names = re.findall(r"ICP_API[^;(]*?\b(icp_\w+)\s*\(", text)
    names += re.findall(r"typedef\s+(?:struct|enum)\s+\w+\s*(?:\{[^}]*\})?\s*(icp_\w+)\s*;", text, flags=re.S)
    names += re.findall(r"\b(ICP_[A-Z_]+)\s*=", text)
    return list(dict.fromkeys(names))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--header", action="append",
                    help="headers (default: compiler/capi/include/icp/icp.h and runtime/include/icp/abi.h)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "c-api.md"))
    a = ap.parse_args()
    headers = a.header or [os.path.join(ROOT, "compiler", "capi", "include", "icp", "icp.h"),
                           os.path.join(ROOT, "runtime", "include", "icp", "abi.h")]
    names = []
    for h in headers:
        with open(h, encoding="utf-8") as f:
            names += public_names(f.read())
    with open(a.doc, encoding="utf-8") as f:
        doc = f.read()
    documented = {n for span in re.findall(r"`([^`\n]+)`", doc)
                  for n in re.findall(r"\b(icp_\w+|ICP_[A-Z_]+)\b", span)}
    missing = [n for n in names if n not in documented]
    for n in missing:
        print(f"{n} is public but not documented in {os.path.relpath(a.doc, ROOT)}")
    if len([n for n in names if n.startswith("icp_")]) < 10:
        print(f"only {len(names)} public names found: the header parser is broken")
        return 1
    print(f"{len(names)} names, " + ("all documented" if not missing else f"{len(missing)} undocumented"))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
