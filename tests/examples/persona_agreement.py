#!/usr/bin/env python3
"""How often std/people's `seniority_of` agrees with 1,000 labelled job titles, measured
through `icp score` on examples/personas.

usage: persona_agreement.py --icp build/icp [--model M] [--data D] [--min 0.90] [--expect N]

Runs the documented command
    icp score examples/personas/model.icp ../shared/data/job_title_levels_rootstrap_NOLICENSE.tsv \
        --profile SeniorityCheck --as-of 2026-11-01 --keep Position,Classification
and reads two things from each output row: the tier (`agree` or `disagree`, decided in ICP
by `agrees(label, seniority_of(title))`) and the "Read as LEVEL" signal that fired (what
`seniority_of` said). It recomputes agreement from the kept label and the "Read as" level
with the mapping of the README (C-Suite = c_level or owner, VP = vp, Director = director,
Manager = manager, Other = anything below manager), checks that both ways agree on every
row, prints the agreement and a confusion table, and exits 1 if the agreement is below
--min (or differs from --expect, when given).
"""
import argparse
import collections
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LEVELS = ["owner", "c_level", "vp", "director", "manager", "senior", "individual_contributor", "intern"]
MAPPING = {"C-Suite": {"c_level", "owner"}, "VP": {"vp"}, "Director": {"director"},
           "Manager": {"manager"}, "Other": {"senior", "individual_contributor", "intern"}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    ap.add_argument("--model", default=os.path.join(ROOT, "examples/personas/model.icp"))
    ap.add_argument("--data", default=os.path.join(
        ROOT, "../shared/data/job_title_levels_rootstrap_NOLICENSE.tsv"))
    ap.add_argument("--min", type=float, default=0.90)
    ap.add_argument("--expect", type=int, help="the exact number of agreeing titles")
    args = ap.parse_args()
    if not os.path.exists(args.data):  # no license: the repository cannot carry it
        print("SKIPPED: %s is absent (it has no license, so the repository cannot carry it)" % args.data)
        return 77

    cmd = [args.icp, "score", args.model, args.data, "--profile", "SeniorityCheck",
           "--as-of", "2026-11-01", "--keep", "Position,Classification", "--format", "csv"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print("FAIL: %s exited %d\n%s" % (" ".join(cmd), r.returncode, r.stderr))
        return 1
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    if len(rows) != 1000:
        print("FAIL: expected 1000 scored titles, got %d" % len(rows))
        return 1

    agree = 0
    confusion = collections.Counter()
    problems = []
    for row in rows:
        read = [f[len("Read as "):] for f in row["fired"].split(";") if f.startswith("Read as ")]
        if len(read) != 1 or read[0] not in LEVELS:
            problems.append("row %s: fired %r" % (row["row"], row["fired"]))
            continue
        label = row["Classification"]
        ok = read[0] in MAPPING.get(label, set())
        if ok != (row["tier"] == "agree"):
            problems.append("row %s (%r, %s, read as %s): tier %s" %
                            (row["row"], row["Position"], label, read[0], row["tier"]))
        agree += ok
        confusion[(label, read[0])] += 1
    if problems:
        print("FAIL: the ICP tier and the recomputed agreement differ:\n  " + "\n  ".join(problems[:20]))
        return 1

    n = len(rows)
    print("seniority_of agrees with the label on %d / %d titles = %.1f %%" % (agree, n, 100.0 * agree / n))
    labels = ["C-Suite", "VP", "Director", "Manager", "Other"]
    print("%-10s" % "label" + "".join("%9s" % l[:8] for l in LEVELS))
    for label in labels:
        print("%-10s" % label + "".join("%9d" % confusion[(label, l)] for l in LEVELS))
    if agree / n < args.min:
        print("FAIL: agreement %.3f is below %.2f" % (agree / n, args.min))
        return 1
    if args.expect is not None and agree != args.expect:
        print("FAIL: %d titles agree, expected %d" % (agree, args.expect))
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
