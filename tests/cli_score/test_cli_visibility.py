#!/usr/bin/env python3
"""End-to-end tests of spec 0.2's "nothing waved through silently" (issue 11),
running the real `icp` binary on inputs written by the tests.

usage: test_cli_visibility.py --icp PATH [TestClass ...]

Model: tests/cli_score/visibility.icp (excludes on optional fields, two date
columns). Each class is one behaviour of TOOLS.md / LANGUAGE.md 0.2.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "visibility.icp")
ICP = None
AS_OF = ["--as-of", "2026-01-01"]
HEADER = "Company Name,Employees,Region,Tech,Last Funding,Founded,Public\n"


class Base(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, data):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    def run_icp(self, *args):
        p = subprocess.run([ICP] + list(args), capture_output=True, cwd=self.tmp, timeout=300)
        p.out = p.stdout.decode("utf-8", "replace")
        p.err = p.stderr.decode("utf-8", "replace")
        return p

    def score(self, name, data, *args, code=0, model=MODEL):
        p = self.run_icp("score", model, self.write(name, data), *AS_OF, *args)
        self.assertEqual(p.returncode, code, p.err)
        return p

    def ndjson(self, text):
        return [json.loads(l) for l in text.splitlines() if l.strip()]

    def rejects(self, name):
        with open(self.path(name), encoding="utf-8", errors="replace", newline="") as f:
            return list(csv.reader(f))


class UnknownExcludes(Base):
    """LANGUAGE.md section 6, step 6: an exclude whose condition is unknown is
    listed in `unknown`, in source order with the other rules, does not count
    in `confidence`, and the summary counts it per exclude."""

    def test_unknown_exclude_is_listed_in_source_order(self):
        data = HEADER + ("A,,,aws,,,\n"         # employees and region missing
                         "B,200,emea,aws,,,\n"  # all excludes known
                         "C,2,,,,,\n")          # Tiny fires, Out of region unknown
        p = self.score("in.csv", data, "--format", "ndjson")
        rows = self.ndjson(p.out)
        self.assertEqual(rows[0]["unknown"], ["Tiny", "Out of region", "EMEA", "Funded"])
        self.assertEqual(rows[0]["excluded_by"], [])
        self.assertEqual(rows[0]["tier"], "b")  # an unknown exclude does not exclude
        self.assertAlmostEqual(rows[0]["confidence"], 1 / 3)  # 3 signals/triggers, 1 known
        self.assertEqual(rows[1]["unknown"], ["Funded"])
        self.assertEqual(rows[2]["unknown"], ["Out of region", "EMEA", "Funded"])
        self.assertEqual(rows[2]["excluded_by"], ["Tiny"])

    def test_csv_output_lists_it_too(self):
        p = self.score("in.csv", HEADER + "A,,,aws,,,\n")
        row = list(csv.DictReader(io.StringIO(p.out)))[0]
        self.assertEqual(row["unknown"], "Tiny;Out of region;EMEA;Funded")

    def test_summary_counts_first_match_matched_and_unknown(self):
        data = HEADER + ("A,,,,,,\n"           # Tiny unknown, Out of region unknown
                         "B,2,apac,,,,yes\n"   # Listed first, Tiny and Out of region match too
                         "C,3,,,,,\n"          # Tiny first; Out of region unknown
                         "D,300,apac,,,,\n"    # Out of region first
                         "E,300,emea,,,,\n")   # nothing
        p = self.score("in.csv", data)
        lines = p.err.splitlines()
        self.assertIn('excluded by "Listed": 1 (matched 1, unknown 0)', lines)
        self.assertIn('excluded by "Tiny": 1 (matched 2, unknown 1)', lines)
        self.assertIn('excluded by "Out of region": 1 (matched 2, unknown 2)', lines)

    def test_expect_unknown_names_an_exclude(self):
        with open(MODEL) as f:
            model = f.read()
        model += """
test "an exclude whose condition is unknown is listed, and lets the record through" {
  profile Fit
  as_of 2026-01-01
  given { company: "A", tech: {"aws"} }
  expect unknown "Tiny"
  expect unknown "Out of region"
  expect not excluded
  expect confidence == 1 / 3
}
test "a known exclude is not unknown" {
  profile Fit
  as_of 2026-01-01
  given { company: "A", employees: 2, region: emea }
  expect unknown "Tiny"
}
"""
        p = self.run_icp("test", self.write("model.icp", model))
        self.assertEqual(p.returncode, 1, p.out + p.err)
        self.assertIn("1 passed, 1 failed", p.out)


class AbsentColumns(Base):
    """LANGUAGE.md section 8 / TOOLS.md `--allow-missing`: an absent CSV column
    is an error before any row is read, for every field."""

    def test_absent_optional_column_is_an_error(self):
        data = "Company Name,Employee Count,Tech,Last Funding,Founded,Public\nA,250,aws,,,\n"
        p = self.score("in.csv", data, code=1)
        self.assertEqual(p.out, "")  # no row was read, nothing written
        self.assertNotIn("scored", p.err)
        self.assertIn("icp: error: ", p.err)
        self.assertIn("no column 'Employees' for field 'employees'; the closest header name is 'Employee Count'",
                      p.err)
        self.assertIn("no column 'region' for field 'region'", p.err)
        self.assertIn("--allow-missing 'Employees,region'", p.err)

    def test_allow_missing_named_columns(self):
        data = "Company Name,Tech,Founded\nA,aws,\n"
        p = self.score("in.csv", data, "--allow-missing", "employees,REGION,last funding,public", "--format", "ndjson")
        self.assertEqual(self.ndjson(p.out)[0]["unknown"], ["Tiny", "Out of region", "EMEA", "Funded"])
        self.assertIn("no column 'Employees': field 'employees' is missing in every row (--allow-missing)", p.err)
        self.assertIn("no column 'public': field 'public' takes its default in every row", p.err)
        # One column short of the list: an error again.
        p = self.score("in.csv", data, "--allow-missing", "employees,region,last funding", code=1)
        self.assertIn("no column 'public' for field 'public'", p.err)

    def test_allow_missing_all(self):
        p = self.score("in.csv", "Company Name\nA\n", "--allow-missing", "all", "--format", "ndjson")
        self.assertEqual(self.ndjson(p.out)[0]["tier"], "out")

    def test_allow_missing_required_or_unknown_column_is_a_usage_error(self):
        inp = self.write("in.csv", "Employees\n3\n")
        p = self.run_icp("score", MODEL, inp, "--allow-missing", "Company Name")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("required field 'company'", p.err)
        p = self.run_icp("score", MODEL, inp, "--allow-missing", "Regoin")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("did you mean 'region'?", p.err)
        p = self.run_icp("score", MODEL, inp, "--allow-missing", "all")  # all never covers a required field
        self.assertEqual(p.returncode, 1, p.err)
        self.assertIn("no column 'Company Name' for field 'company'", p.err)

    def test_ndjson_keys_may_be_absent(self):
        p = self.score("in.ndjson", '{"Company Name":"A"}\n')
        self.assertEqual(self.ndjson(p.out)[0]["tier"], "out")


class EveryBadCell(Base):
    """TOOLS.md: the rejects file gives every unreadable cell of a row; with
    --lenient the summary gives the values read as missing per column."""

    def test_rejects_list_every_unreadable_cell(self):
        data = HEADER + "A,lots,mars,,2025-13-01,,maybe\nB,1,emea,,,,\n"
        p = self.score("in.csv", data, code=1)
        rej = self.rejects("in.csv.rejects.csv")
        self.assertEqual(rej[1][:3], ["1", "2", "Employees"])
        self.assertEqual(rej[1][3],
                         'cannot read "lots" as an int; '
                         'Region: "mars" is not a Region (expected one of americas, emea, apac); '
                         'Last Funding: cannot read "2025-13-01" as a date (expected YYYY-MM-DD); '
                         'Public: cannot read "maybe" as a bool (expected true, false, yes, no, y, n, 1 or 0)')
        self.assertEqual(rej[1][4:], ["A", "lots", "mars", "", "2025-13-01", "", "maybe"])
        self.assertIn("scored 1 rows, rejected 1", p.err)

    def test_ndjson_rejects_list_every_unreadable_value(self):
        data = '{"Public":"maybe","Company Name":"A","Employees":"lots"}\n'
        self.score("in.ndjson", data, code=1)
        rej = self.rejects("in.ndjson.rejects.csv")
        self.assertEqual(rej[1][2], "Public")
        self.assertEqual(rej[1][3], 'cannot read "maybe" as a bool (expected true, false, yes, no, y, n, 1 or 0); '
                                    'Employees: cannot read "lots" as an int')

    def test_lenient_counts_per_column(self):
        data = HEADER + ("A,lots,mars,,2025-13-01,,\n"
                         "B,many,,,,,maybe\n"
                         "C,5,,,,,\n")
        p = self.score("in.csv", data, "--lenient")
        self.assertIn("lenient: read 5 unreadable values as missing (Employees 2, Region 1, Last Funding 1, Public 1)",
                      p.err.splitlines())


def main():
    global ICP
    args = sys.argv[1:]
    if "--icp" in args:
        i = args.index("--icp")
        ICP = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    else:
        ICP = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "icp")
    unittest.main(argv=[sys.argv[0]] + args, verbosity=2)


if __name__ == "__main__":
    main()
