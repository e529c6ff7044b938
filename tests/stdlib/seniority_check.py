#!/usr/bin/env python3
"""Measures `seniority_of` (stdlib/std/people.icp) against 1,000 labelled job titles.

    python3 tests/stdlib/seniority_check.py [--tsv PATH] [--min PCT] [--quiet] [--re2]

The titles are ../shared/data/job_title_levels_rootstrap_NOLICENSE.tsv beside the checkout (Position,
Classification; labels C-Suite, VP, Director, Manager, Other; reference only, not
redistributed). Our levels map onto the labels as:
    c_level, owner -> C-Suite;  vp -> VP;  director -> Director;  manager -> Manager;
    intern, individual_contributor, senior -> Other.
The regex chain is extracted from people.icp as text and run with Python's `re` on the
lower-cased title (partial match, like ICP's `matches`). With --re2 it is also run through
RE2 itself (needs g++ and libre2-dev) and the two engines must agree on every title.
Prints the agreement, a confusion table and every disagreement; exits 1 below --min (90).
Later the same check runs through `icp score`.
"""

import argparse
import collections
import csv
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icp_chain  # noqa: E402

# Not redistributable (no license): read from the data folder beside the checkout, if any.
TSV = os.environ.get("ICP_TITLES_TSV", os.path.join(os.path.dirname(icp_chain.ROOT), "shared", "data",
                                                    "job_title_levels_rootstrap_NOLICENSE.tsv"))
LABEL = {"c_level": "C-Suite", "owner": "C-Suite", "vp": "VP", "director": "Director",
         "manager": "Manager", "senior": "Other", "individual_contributor": "Other",
         "intern": "Other"}
LABELS = ["C-Suite", "VP", "Director", "Manager", "Other"]
# Titles with non-ASCII letters, where RE2 and Python could differ on \b and case.
EXTRA_TITLES = ["Président-directeur général", "Gründer & Geschäftsführer", "Directrice Marketing",
                "Vice-Président Ventes", "Fundadora y CEO", "Gerente de Ingeniería", "Líder técnico",
                "Chef de projet IT", "Ingénieur logiciel senior", "Leiter Vertrieb", "Diretor de TI",
                "Head of Sales – EMEA", "VP‑Engineering", "Ｃ Ｅ Ｏ", "CEO 🚀", "Sr.\u00a0Engineer"]


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    header, rows = rows[0], rows[1:]
    if header[:2] != ["Position", "Classification"]:
        raise SystemExit(f"{path}: unexpected header {header}")
    return [(r[0], r[1]) for r in rows if len(r) >= 2]


RE2_MAIN = r"""
#include <re2/re2.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>
// argv[1]: patterns, one a line; stdin: lower-cased titles, one a line.
// Prints, per title, the index of the first pattern that matches (partial), or -1.
int main(int argc, char** argv) {
  std::ifstream pf(argv[1]);
  std::vector<std::unique_ptr<RE2>> rx;
  for (std::string p; std::getline(pf, p);) {
    rx.emplace_back(new RE2(p));
    if (!rx.back()->ok()) { std::cerr << "bad pattern: " << p << "\n"; return 2; }
  }
  for (std::string t; std::getline(std::cin, t);) {
    int hit = -1;
    for (size_t i = 0; i < rx.size(); ++i)
      if (RE2::PartialMatch(t, *rx[i])) { hit = static_cast<int>(i); break; }
    std::cout << hit << "\n";
  }
}
"""


def re2_hits(chain, titles):
    """First matching rule per title according to RE2, or None if RE2 is not available."""
    cxx = shutil.which("g++") or shutil.which("c++")
    if not cxx or not os.path.exists("/usr/include/re2/re2.h"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src, exe, pats = (os.path.join(tmp, n) for n in ("m.cc", "m", "p.txt"))
        with open(src, "w") as f:
            f.write(RE2_MAIN)
        subprocess.run([cxx, "-O1", "-std=c++17", src, "-o", exe, "-lre2"], check=True)
        with open(pats, "w") as f:
            f.write("".join(p + "\n" for p, _, _, _ in chain.rules))
        lowered = [t.lower().replace("\n", " ") for t in titles]
        out = subprocess.run([exe, pats], input="".join(t + "\n" for t in lowered),
                             capture_output=True, text=True, check=True).stdout.split()
    return [None if x == "-1" else int(x) for x in out]


def main():
    ap = argparse.ArgumentParser(description="seniority_of vs labelled job titles")
    ap.add_argument("--tsv", default=TSV)
    ap.add_argument("--min", type=float, default=90.0, help="minimum agreement in percent")
    ap.add_argument("--quiet", action="store_true", help="do not list the disagreements")
    ap.add_argument("--re2", action="store_true", help="also check that RE2 agrees with re")
    args = ap.parse_args()

    chain = icp_chain.read_chain("seniority_of")
    members = icp_chain.enum_members("Seniority")
    for _, _, m, line in chain.rules:
        if m not in members:
            raise SystemExit(f"people.icp:{line}: {m} is not a Seniority member")
    if set(LABEL) != set(members):
        raise SystemExit(f"Seniority members {members} differ from the label map")

    rows = load(args.tsv)
    got = [chain.classify(t) for t, _ in rows]

    if args.re2:
        # Both chains, on the labelled titles and on a few with non-ASCII letters.
        titles = [t for t, _ in rows] + EXTRA_TITLES
        for ch in (chain, icp_chain.read_chain("department_of")):
            hits = re2_hits(ch, titles)
            if hits is None:
                print("re2: g++ or libre2-dev not available, skipped")
                break
            mine = [ch.classify(t)[1] for t in titles]
            diff = [(t, i, h) for t, i, h in zip(titles, mine, hits) if i != h]
            for t, i, h in diff:
                print(f"re2 disagrees on {t!r} in {ch.name}: re rule {i}, re2 rule {h}")
            if diff:
                return 1
            print(f"re2: agrees with re on {ch.name} for all {len(titles)} titles")

    agree = 0
    confusion = collections.Counter()
    wrong = []
    for (title, label), (member, rule) in zip(rows, got):
        ours = LABEL[member]
        confusion[(label, ours)] += 1
        if ours == label:
            agree += 1
        else:
            where = f"line {chain.rules[rule][3]}" if rule is not None else "fallback"
            wrong.append((label, ours, member, where, title))

    pct = 100.0 * agree / len(rows)
    if not args.quiet:
        for label, ours, member, where, title in sorted(wrong):
            print(f"{label:>8} <- {member:<22} ({where:>9})  {title}")
        print()
    print("label \\ ours " + "".join(f"{l:>9}" for l in LABELS))
    for label in LABELS:
        print(f"{label:>12} " + "".join(f"{confusion[(label, o)]:>9}" for o in LABELS))
    print(f"agreement: {agree}/{len(rows)} = {pct:.1f}% (minimum {args.min:.1f}%)")
    return 0 if pct >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
