#!/usr/bin/env python3
"""Runs the standard library through the real compiler: `icp test` on generated test files.

    python3 tests/stdlib/test_through_icp.py     (skips when no icp binary is found)

The icp binary is $ICP_BIN, else build/icp. The generated files import std/geo, std/firmo and
std/people and hold one `test` block per case:
- every labelled job title (and the hand-labelled ones of test_stdlib.py) must get, through
  icp's RE2 and interpreter, the seniority and department that the Python reading of the
  regex chains gives (so seniority_check.py's agreement is icp's agreement);
- naics_sector, region, employee_band and enum ordering on fixed cases.
"""

import csv
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import icp_chain  # noqa: E402
import test_stdlib  # noqa: E402

ROOT = icp_chain.ROOT
ICP = os.environ.get("ICP_BIN", os.path.join(ROOT, "build", "icp"))
# Not redistributable (no license): read from the data folder beside the checkout, if any.
TSV = os.environ.get("ICP_TITLES_TSV", os.path.join(os.path.dirname(icp_chain.ROOT), "shared", "data",
                                                    "job_title_levels_rootstrap_NOLICENSE.tsv"))


def icp_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def people_tests():
    sen, dep = icp_chain.read_chain("seniority_of"), icp_chain.read_chain("department_of")
    titles = [t for t, _, _ in test_stdlib.TITLES]
    if os.path.exists(TSV):
        with open(TSV, encoding="utf-8", newline="") as f:
            titles += [r[0] for r in list(csv.reader(f, delimiter="\t"))[1:] if r]
    else:  # no license: the repository cannot carry it
        print(f"SKIPPED the labelled titles: {TSV} is absent; only the built-in titles are tested",
              file=sys.stderr)
    out = ['import "std/people"', "", "schema Contact { title: string }", "", "persona Levels on Contact {"]
    out += [f'  signal "s_{m}" when seniority_of(title) == {m} => 1'
            for m in icp_chain.enum_members("Seniority")]
    out += [f'  signal "d_{m}" when department_of(title) == {m} => 1'
            for m in icp_chain.enum_members("Department")]
    out += ["  tier everyone when score >= 0", "}", ""]
    for i, t in enumerate(titles):
        out.append(f'test "title {i}" {{ persona Levels as_of 2026-01-01 given {{ title: {icp_string(t)} }} '
                   f'expect fired "s_{sen.classify(t)[0]}" expect fired "d_{dep.classify(t)[0]}" '
                   f"expect score == 2 }}")
    return "\n".join(out) + "\n", len(titles)


TABLE_TESTS = '''import "std/geo"
import "std/firmo"
import "std/people"

schema Account {
  code: int?
  employees: int?
  country: Country?
  stage: FundingStage?
  seniority: Seniority?
}

profile Tables on Account {
  signal "manufacturing" when naics_sector(code) == manufacturing => 1
  signal "professional" when naics_sector(code) == professional_services => 2
  signal "no sector" when code is present and naics_sector(code) is missing => 4
  signal "north_america" when region(country) == north_america => 8
  signal "latin_america" when region(country) == latin_america => 16
  signal "europe" when region(country) == europe => 32
  signal "middle_east_africa" when region(country) == middle_east_africa => 64
  signal "asia_pacific" when region(country) == asia_pacific => 128
  signal "1001+" when employee_band(employees) >= e1001_5000 => 256
  signal "series B+" when stage >= series_b => 512
  signal "director+" when seniority >= director => 1024
  tier everyone when score >= 0
}
'''

TABLE_CASES = [
    ("code: 32", ["manufacturing"], 1), ("code: 3344", ["manufacturing"], 1),
    ("code: 541511", ["professional"], 2), ("code: 54", ["professional"], 2),
    ("code: 99", ["no sector"], 4), ("code: 43", ["no sector"], 4), ("code: 1", ["no sector"], 4),
    ("code: 1234567", ["no sector"], 4), ("code: -52", ["no sector"], 4),
    ("country: US", ["north_america"], 8), ("country: GL", ["north_america"], 8),
    ("country: MX", ["latin_america"], 16), ("country: PR", ["latin_america"], 16),
    ("country: DE", ["europe"], 32), ("country: RU", ["europe"], 32),
    ("country: AE", ["middle_east_africa"], 64), ("country: TR", ["middle_east_africa"], 64),
    ("country: ZA", ["middle_east_africa"], 64), ("country: IN", ["asia_pacific"], 128),
    ("country: IR", ["asia_pacific"], 128), ("country: TW", ["asia_pacific"], 128),
    ("country: AQ", ["asia_pacific"], 128), ("country: AU", ["asia_pacific"], 128),
    ("employees: 1001", ["1001+"], 256), ("employees: 1000", [], 0),
    ("stage: series_b", ["series B+"], 512), ("stage: seed", [], 0),
    ("stage: public", ["series B+"], 512), ("seniority: vp", ["director+"], 1024),
    ("seniority: manager", [], 0),
]


def table_tests():
    out = [TABLE_TESTS]
    for i, (given, fired, score) in enumerate(TABLE_CASES):
        expects = " ".join(f'expect fired "{f}"' for f in fired)
        out.append(f'test "case {i}: {given}" {{ profile Tables as_of 2026-01-01 given {{ {given} }} '
                   f"{expects} expect score == {score} }}")
    return "\n".join(out) + "\n", len(TABLE_CASES)


@unittest.skipUnless(os.access(ICP, os.X_OK), f"no icp binary at {ICP} (set ICP_BIN)")
class ThroughIcp(unittest.TestCase):
    def run_icp_test(self, text, n):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "stdlib_test.icp")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            env = dict(os.environ, ICP_STDLIB=os.path.join(ROOT, "stdlib"))
            p = subprocess.run([ICP, "test", path], capture_output=True, text=True, env=env, timeout=600)
        lines = p.stdout.strip().splitlines()
        self.assertTrue(lines, p.stderr)
        self.assertEqual(lines[-1], f"{n} passed, 0 failed", p.stdout[-3000:] + p.stderr[-2000:])
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_titles(self):
        self.run_icp_test(*people_tests())

    def test_tables(self):
        self.run_icp_test(*table_tests())


if __name__ == "__main__":
    unittest.main()
