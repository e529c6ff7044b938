#!/usr/bin/env python3
"""Run one example end to end and pin its numbers.

usage: run_example.py --icp build/icp --model examples/X/model.icp --input examples/X/data.csv
                      [--profile NAME] [--as-of DATE] [--score-arg=--list-sep=|] ...
                      --expect-rejected M --expect-tiers bullseye=10,inner=20,out=5,excluded=3
                      [--expect-exit N] [--check-interp]

Checks, in order:
  1. `icp check --werror MODEL` passes (no errors, no warnings);
  2. `icp test MODEL` passes and ends with "N passed, 0 failed";
  3. `icp score MODEL INPUT --as-of DATE ...` (the command the example's README documents,
     with the output and the rejects file in a temporary folder) exits 0 when nothing is
     rejected and 1 otherwise, and its stderr says "scored N rows, rejected M" with
     rows in = N + M, where rows in is the number of data records of INPUT (read with
     Python's csv module) and N is the number of output rows;
  4. the rejects count and the rows per tier (counted from the output's `tier` column)
     are exactly the expected ones; if stderr also prints a "tiers:" line, it agrees;
  5. with --check-interp, the reference interpreter writes the same output byte for byte.
"""
import argparse
import collections
import csv
import os
import re
import subprocess
import sys
import tempfile


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run(cmd):
    print("$ " + " ".join(cmd))
    return subprocess.run(cmd, capture_output=True, text=True)


def count_records(path, delimiter):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    return sum(1 for r in rows[1:] if r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--profile")
    ap.add_argument("--as-of", default="2026-11-01")
    ap.add_argument("--score-arg", action="append", default=[],
                    help="an extra `icp score` argument; write --score-arg=--list-sep=| for flags")
    ap.add_argument("--expect-rejected", type=int, required=True)
    ap.add_argument("--expect-tiers", required=True, help="tier=count,tier=count,...")
    ap.add_argument("--check-interp", action="store_true")
    ap.add_argument("--skip-if-missing", action="store_true",
                    help="exit 77 (ctest: skipped) when the input is absent; only for data the "
                         "repository may not carry")
    args = ap.parse_args()
    if not os.path.exists(args.input):
        if args.skip_if_missing:
            print("SKIPPED: %s is absent (it has no license, so the repository cannot carry it)" % args.input)
            sys.exit(77)
        fail("missing data file %s" % args.input)

    r = run([args.icp, "check", "--werror", args.model])
    if r.returncode != 0 or "warning" in r.stderr or "error" in r.stderr:
        fail("icp check --werror exited %d:\n%s%s" % (r.returncode, r.stdout, r.stderr))

    r = run([args.icp, "test", args.model])
    out = r.stdout + r.stderr
    m = re.search(r"(\d+) passed, (\d+) failed", out)
    if r.returncode != 0 or not m or m.group(2) != "0" or m.group(1) == "0":
        fail("icp test exited %d:\n%s" % (r.returncode, out))
    print("  " + m.group(0))

    extra = []
    for a in args.score_arg:  # "--list-sep=|" -> ["--list-sep", "|"]
        if a.startswith("--") and "=" in a:
            extra += a.split("=", 1)
        else:
            extra.append(a)
    delimiter = "\t" if args.input.endswith(".tsv") else ","
    if "--delimiter" in extra:
        delimiter = extra[extra.index("--delimiter") + 1].replace("\\t", "\t")
    rows_in = count_records(args.input, delimiter)

    with tempfile.TemporaryDirectory() as tmp:
        outputs = {}
        for engine in ["jit", "interp"] if args.check_interp else ["jit"]:
            out_path = os.path.join(tmp, "out.%s.csv" % engine)
            rej_path = os.path.join(tmp, "rejects.%s.csv" % engine)
            cmd = [args.icp, "score", args.model, args.input, "--as-of", args.as_of] + extra
            if args.profile:
                cmd += ["--profile", args.profile]
            cmd += ["-o", out_path, "--rejects", rej_path, "--threads", "2", "--engine", engine]
            r = run(cmd)
            print("  " + r.stderr.strip().replace("\n", "\n  "))
            m = re.search(r"scored (\d+) rows, rejected (\d+)", r.stderr)
            if not m:
                fail("no 'scored N rows, rejected M' on stderr (exit %d):\n%s" % (r.returncode, r.stderr))
            scored, rejected = int(m.group(1)), int(m.group(2))
            want_rc = 1 if rejected else 0
            if r.returncode != want_rc:
                fail("icp score exited %d, expected %d" % (r.returncode, want_rc))
            if scored + rejected != rows_in:
                fail("rows in %d != scored %d + rejected %d" % (rows_in, scored, rejected))
            if rejected != args.expect_rejected:
                fail("rejected %d rows, expected %d" % (rejected, args.expect_rejected))
            if rejected:
                with open(rej_path, encoding="utf-8", newline="") as f:
                    n_rej = count_records(rej_path, ",")
                if n_rej != rejected:
                    fail("the rejects file has %d rows, stderr says %d" % (n_rej, rejected))
            with open(out_path, encoding="utf-8", newline="") as f:
                out_rows = list(csv.DictReader(f))
            if len(out_rows) != scored:
                fail("%d output rows, stderr says %d scored" % (len(out_rows), scored))
            tiers = collections.Counter(row["tier"] for row in out_rows)
            want = {k: int(v) for k, v in (kv.split("=") for kv in args.expect_tiers.split(","))}
            got = {k: tiers.get(k, 0) for k in set(want) | set(tiers)}
            if got != {k: want.get(k, 0) for k in got}:
                fail("tiers %s, expected %s" % (dict(sorted(got.items())), dict(sorted(want.items()))))
            m = re.search(r"^tiers:(.*)$", r.stderr, re.M)
            if m:  # the stderr summary, when the CLI prints one, must agree with the output
                summary = {k: int(v) for k, v in re.findall(r"(\w+) (\d+)", m.group(1))}
                if any(summary.get(k, 0) != got.get(k, 0) for k in set(summary) | set(got)):
                    fail("stderr says %s, the output has %s" % (summary, got))
            with open(out_path, "rb") as f:
                outputs[engine] = f.read()
            print("  %s: %d in, %d scored, %d rejected, tiers %s" %
                  (engine, rows_in, scored, rejected, dict(sorted(got.items()))))
        if args.check_interp and outputs["jit"] != outputs["interp"]:
            fail("the JIT and the interpreter wrote different outputs")
    print("PASS")


if __name__ == "__main__":
    main()
