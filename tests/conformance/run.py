#!/usr/bin/env python3
"""Checks an `icp` binary against the conformance cases of the contract.

    python3 tests/conformance/run.py --icp build/icp                      # tests/conformance/cases
    python3 tests/conformance/run.py --icp build/icp DIR...               # the cases under each DIR

Each case is a folder with a case.json (and the files it names, beside it):

  {"kind": "score", "model": "model.icp", "input": "input.ndjson", "args": [...],
   "expected": "expected.ndjson", "exit": 0, "rejected_rows": 3}
      `icp score MODEL INPUT --format ndjson -o OUT --rejects REJ ARGS...` exits
      `exit` (default 0); OUT has as many rows as `expected`, and each row has
      the keys of the expected row with the same values (numbers within 1e-9,
      other keys are not compared); with "rejected_rows", REJ has that many
      data rows.
  {"kind": "check", "model": "model.icp", "diagnostics": [[line, "E0101"], ...], "exit": 1}
      `icp check --format json MODEL` exits `exit` (default 1), and the set of
      (line, code) of its errors is the expected set (of every diagnostic,
      warnings included, when "warnings": true).
  {"kind": "test", "model": "model.icp", "summary": "2 passed, 1 failed", "exit": 1}
      `icp test MODEL` exits `exit` (default 0) and its last line is the summary.
  {"kind": "fmt", "model": "model.icp", "expected": "expected.icp"}
      `icp fmt MODEL` prints exactly the expected text, and `icp fmt --check`
      accepts the expected text.

"model" defaults to model.icp. Prints one line per case (`ok   NAME` or
`FAIL NAME: why`) and ends with 'N passed, N failed'; exits 1 if a case failed
or no case was found.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile


def same(a, b):
    """JSON values equal, numbers within 1e-9 (relative or absolute)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def read_ndjson(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_score(icp, d, spec):
    model = os.path.join(d, spec.get("model", "model.icp"))
    want_exit = spec.get("exit", 0)
    with tempfile.TemporaryDirectory(prefix="icp-conf-") as tmp:
        out, rej = os.path.join(tmp, "out.ndjson"), os.path.join(tmp, "rejects.csv")
        cmd = [icp, "score", model, os.path.join(d, spec["input"]), "--format", "ndjson",
               "-o", out, "--rejects", rej] + spec.get("args", [])
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if p.returncode != want_exit:
            return f"exit {p.returncode}, want {want_exit}: {p.stderr.strip()[:300]}"
        got = read_ndjson(out) if os.path.exists(out) else []
        want = read_ndjson(os.path.join(d, spec["expected"]))
        if len(got) != len(want):
            return f"{len(got)} output rows, want {len(want)}"
        for g, w in zip(got, want):
            sub = {k: g.get(k) for k in w}
            if not same(sub, w):
                return f"row {w.get('row')}: got {json.dumps(sub)}\n      want {json.dumps(w)}"
        if "rejected_rows" in spec:
            n = 0
            if os.path.exists(rej):
                with open(rej, encoding="utf-8") as f:
                    n = max(0, sum(1 for _ in f) - 1)
            if n != spec["rejected_rows"]:
                return f"{n} rejected rows, want {spec['rejected_rows']}"
    return None


def run_check(icp, d, spec):
    model = os.path.join(d, spec.get("model", "model.icp"))
    want_exit = spec.get("exit", 1)
    p = subprocess.run([icp, "check", "--format", "json", model], capture_output=True, text=True, timeout=60)
    if p.returncode != want_exit:
        return f"exit {p.returncode}, want {want_exit}"
    try:
        diags = json.loads(p.stdout)
    except ValueError:
        return "stdout is not JSON: " + p.stdout[:200]
    keep = (lambda x: True) if spec.get("warnings") else (lambda x: x.get("severity") == "error")
    got = sorted({(x["line"], x["code"]) for x in diags if keep(x)})
    want = sorted({(line, code) for line, code in spec["diagnostics"]})
    if got == want:
        return None
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    return f"diagnostics {got}, want {want} (missing {missing}, unexpected {extra})"


def run_test(icp, d, spec):
    model = os.path.join(d, spec.get("model", "model.icp"))
    want_exit = spec.get("exit", 0)
    p = subprocess.run([icp, "test", model], capture_output=True, text=True, timeout=60)
    last = [line for line in p.stdout.splitlines() if line.strip()][-1:]
    if p.returncode != want_exit or last != [spec["summary"]]:
        return f"exit {p.returncode}, last line {last}; want exit {want_exit}, {spec['summary']!r}"
    return None


def run_fmt(icp, d, spec):
    model = os.path.join(d, spec.get("model", "model.icp"))
    expected = os.path.join(d, spec["expected"])
    p = subprocess.run([icp, "fmt", model], capture_output=True, text=True, timeout=60)
    with open(expected, encoding="utf-8") as f:
        want = f.read()
    if p.returncode != 0 or p.stdout != want:
        return f"formatted text differs from {spec['expected']} (exit {p.returncode})"
    p2 = subprocess.run([icp, "fmt", expected, "--check"], capture_output=True, text=True, timeout=60)
    return None if p2.returncode == 0 else "fmt --check fails on formatted text"


KINDS = {"score": run_score, "check": run_check, "test": run_test, "fmt": run_fmt}


def run_case(icp, d):
    with open(os.path.join(d, "case.json"), encoding="utf-8") as f:
        spec = json.load(f)
    kind = spec.get("kind")
    if kind not in KINDS:
        return f"unknown kind {kind!r}"
    return KINDS[kind](icp, d, spec)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--icp", default="icp", help="the icp binary (default: icp on PATH)")
    ap.add_argument("dirs", nargs="*", help="folders of cases (default: tests/conformance/cases)")
    args = ap.parse_args(argv)
    icp = os.path.abspath(args.icp) if os.sep in args.icp else args.icp
    roots = args.dirs or [os.path.join(here, "cases")]
    cases = sorted(os.path.join(r, c) for r in roots for c in os.listdir(r)
                   if os.path.exists(os.path.join(r, c, "case.json")))
    if not cases:
        print(f"no cases (folders with a case.json) under {', '.join(roots)}")
        return 1
    passed = failed = 0
    for c in cases:
        try:
            err = run_case(icp, c)
        except Exception as e:  # a crash of the checker is a failure of the case
            err = f"{type(e).__name__}: {e}"
        if err:
            failed += 1
            print(f"FAIL {os.path.basename(c)}: {err}")
        else:
            passed += 1
            print(f"ok   {os.path.basename(c)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
