#!/usr/bin/env python3
"""`icp diagnostics --explain CODE` explains every code: each code `icp
diagnostics` lists has a one-line meaning and a long explanation
(compiler/diag/explanations.def) with at least one example; each ```icp
example produces the code, and each ```icp-fixed example (its fix) checks
without that code and without errors. Explanations of codes that are not
registered fail too. `--codes A,B` checks those codes instead of the
registered ones (the self-test gives one without an explanation)."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import gen_diagnostics_doc  # noqa: E402

BLOCK_RE = re.compile(r"^```(icp|icp-fixed)\n(.*?)^```$", re.M | re.S)


def run(icp, args, cwd=None):
    p = subprocess.run([icp] + args, capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def check_example(icp, code, kind, text):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "example.icp")
        with open(path, "w") as f:
            f.write(text)
        rc, out, err = run(icp, ["check", "--format", "json", "example.icp"], cwd=d)
        if rc not in (0, 1):
            return f"icp check exited with {rc}: {err}"
        diags = json.loads(out)
        codes = [x["code"] for x in diags]
        if kind == "icp" and code not in codes:
            return f"its example does not produce {code} (it gives {codes or 'nothing'})"
        if kind == "icp-fixed" and (code in codes or any(x["severity"] == "error" for x in diags)):
            return f"its fixed example still gives {codes}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    ap.add_argument("--codes", default="")
    args = ap.parse_args()
    icp = os.path.abspath(args.icp)
    rc, out, err = run(icp, ["diagnostics"])
    listed = {l.split()[0]: " ".join(l.split()[2:]) for l in out.splitlines() if l.strip()}
    codes = [c for c in args.codes.split(",") if c] or list(listed)
    problems = []
    for code in codes:
        rc, text, err = run(icp, ["diagnostics", "--explain", code])
        if rc != 0 or not listed.get(code):
            problems.append(f"{code} has no explanation (add it to compiler/diag/explanations.def)")
            continue
        blocks = BLOCK_RE.findall(text)
        if not blocks:
            problems.append(f"{code}: the explanation has no ```icp example")
        for kind, body in blocks:
            p = check_example(icp, code, kind, body)
            if p:
                problems.append(f"{code}: {p}")
    if not args.codes:
        for code in gen_diagnostics_doc.explanations():
            if code not in listed:
                problems.append(f"{code} is explained but is not a registered code")
    for p in problems:
        print(p)
    print(f"{len(codes)} codes, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
