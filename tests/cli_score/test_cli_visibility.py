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
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tempdir_case import TempDirCase  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "visibility.icp")
ICP = None
AS_OF = ["--as-of", "2026-01-01"]
HEADER = "Company Name,Employees,Region,Tech,Last Funding,Founded,Public\n"


class Base(TempDirCase):
    def run_icp(self, *args):
        p = subprocess.run([ICP] + list(args), capture_output=True, cwd=self.tmp, timeout=300)
        p.out = p.stdout.decode("utf-8", "replace")
        p.err = p.stderr.decode("utf-8", "replace")
        return p

    def score(self, name, data, *args, code=0, model=MODEL, as_of="2026-01-01"):
        p = self.run_icp("score", model, self.write(name, data), "--as-of", as_of, *args)
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


class Dates(Base):
    """LANGUAGE.md 11.1: a date may be followed only by `T` or a space and a
    real time part; anything else makes the value unreadable. The summary
    counts the dates after the scoring date per column."""

    BAD = ["2026-10-20 is wrong date", "2026-10-20 (approx)", "2026-10-20T99:99"]

    def data(self):
        rows = "".join(f"R{i},10,,,{d},,\n" for i, d in enumerate(self.BAD))
        return HEADER + rows + "Good,10,,,2026-10-20T10:30:00+02:00,,\n"

    def test_bad_time_parts_are_rejected_in_strict_mode(self):
        p = self.score("in.csv", self.data(), "--format", "ndjson", code=1, as_of="2026-11-01")
        self.assertEqual([r["row"] for r in self.ndjson(p.out)], [4])
        self.assertEqual(self.ndjson(p.out)[0]["fired"], [{"label": "Funded", "points": 30}])
        rej = self.rejects("in.csv.rejects.csv")
        self.assertEqual([r[2] for r in rej[1:]], ["Last Funding"] * 3)
        for r, bad in zip(rej[1:], self.BAD):
            self.assertTrue(r[3].startswith(f'cannot read "{bad}" as a date'), r[3])
        self.assertIn("scored 1 rows, rejected 3", p.err)

    def test_bad_time_parts_are_missing_with_lenient(self):
        p = self.score("in.csv", self.data(), "--lenient", "--format", "ndjson", as_of="2026-11-01")
        rows = self.ndjson(p.out)
        self.assertEqual(len(rows), 4)
        for r in rows[:3]:  # the trigger does not fire on a date it could not read
            self.assertEqual(r["fired"], [])
            self.assertIn("Funded", r["unknown"])
        self.assertIn("lenient: read 3 unreadable values as missing (Last Funding 3)", p.err.splitlines())

    def test_real_time_parts_are_read(self):
        cells = ["2026-10-20T10:30", "2026-10-20 10:30:15", "2026-10-20T10:30:15.250Z", "2026-10-20T23:59:59-08:00",
                 "2026-10-20t08:00z"]
        data = HEADER + "".join(f"R,10,,,{c},,\n" for c in cells)
        p = self.score("in.csv", data, "--format", "ndjson", as_of="2026-11-01")
        self.assertEqual([r["fired"] for r in self.ndjson(p.out)], [[{"label": "Funded", "points": 30}]] * 5)

    def test_summary_counts_dates_after_the_scoring_date(self):
        data = HEADER + ("A,10,,,2026-12-01,2027-01-01,\n"
                         "B,10,,,2026-11-02T00:00,,\n"
                         "C,10,,,2026-11-01,2020-01-01,\n")
        p = self.score("in.csv", data, "--format", "ndjson", as_of="2026-11-01")
        self.assertIn("dates after the scoring date 2026-11-01: Last Funding 2, Founded 1 "
                      "(a trigger or `within` on them is false)", p.err.splitlines())
        self.assertEqual([r["fired"] != [] for r in self.ndjson(p.out)], [False, False, True])
        p = self.score("in.csv", data, as_of="2027-06-01")
        self.assertNotIn("dates after", p.err)


class UnreadKeys(Base):
    """TOOLS.md 0.2: `explain --record` and NDJSON input name the keys that no
    field reads, with a did-you-mean; NDJSON once in the summary, with counts."""

    def test_explain_warns_about_unread_keys(self):
        rec = '{"Company Name":"A","Employes":3,"region":"emea","Techs":["aws"],"Last Fundng":"2025-01-01","zzz":1}'
        p = self.run_icp("explain", MODEL, "--record", rec, *AS_OF)
        self.assertEqual(p.returncode, 0, p.err)
        lines = p.err.splitlines()
        self.assertIn("icp: warning: no field of schema 'Account' reads the record's key \"Employes\"; "
                      "did you mean `employees`?", lines)
        self.assertIn("icp: warning: no field of schema 'Account' reads the record's key \"Techs\"; "
                      "did you mean `tech`?", lines)
        self.assertIn("icp: warning: no field of schema 'Account' reads the record's key \"Last Fundng\"; "
                      "did you mean `funded`, column `Last Funding`?", lines)
        self.assertIn("icp: warning: no field of schema 'Account' reads the record's key \"zzz\"", lines)
        self.assertFalse(any('"region"' in l for l in lines), p.err)  # read by `region`
        self.assertIn("Tiny", p.out)
        # The outcome column is padded for the points after it, but a line
        # without points (false, unknown) ends at its last word.
        self.assertIn("false\n", p.out)
        self.assertEqual([l for l in p.out.splitlines() if l != l.rstrip()], [])

    def test_explain_names_the_from_column_of_a_field_name(self):
        p = self.run_icp("explain", MODEL, "--record", '{"company":"A"}', *AS_OF)
        self.assertIn("field `company` reads the key `Company Name` (its `from` name) instead", p.err)
        self.assertEqual(p.returncode, 1, p.err)  # `Company Name` is required, so the record is unreadable

    def test_ndjson_summary_counts_unread_keys_once(self):
        data = ('{"Company Name":"A","Employes":3,"Extra":1}\n'
                '{"Company Name":"B","employes":30}\n'
                '{"Company Name":"C","Employees":30,"Extra":2}\n')
        p = self.score("in.ndjson", data, "--keep", "Extra")  # a kept key is read
        lines = [l for l in p.err.splitlines() if "no field reads" in l]
        self.assertEqual(lines, ['keys that no field reads: "Employes" in 2 rows '
                                 '(did you mean `employees`?)'])
        p = self.score("in.ndjson", data)
        self.assertIn('keys that no field reads: "Employes" in 2 rows (did you mean `employees`?), '
                      '"Extra" in 2 rows', p.err.splitlines())

    def test_no_line_when_every_key_is_read(self):
        p = self.score("in.ndjson", '{"Company Name":"A","Employees":3}\n')
        self.assertNotIn("no field reads", p.err)


KEYED = """schema Account {
  id:        string key     from "Account ID"
  employees: int?           from "Employees"
}

profile Fit on Account {
  signal "Big" when employees > 100 => 10
  tier a when score >= 10
}
"""


class KeyColumn(Base):
    """LANGUAGE.md section 3 / TOOLS.md 0.2: a field `name: Type key` is the
    schema's key, and `score` copies its column right after `row`."""

    def test_key_column_follows_row_in_csv_and_ndjson(self):
        model = self.write("keyed.icp", KEYED)
        data = "Employees,Account ID,Name\n200,a-1,Acme\n5,a-2,Beta\n"
        p = self.score("in.csv", data, model=model)
        self.assertEqual(p.out.splitlines()[0], "row,Account ID,score,tier,excluded_by,fired,unknown,confidence")
        self.assertEqual(p.out.splitlines()[1], "1,a-1,10,a,,Big,,1")
        p = self.score("in.csv", data, "--keep", "Name,account id", "--format", "ndjson", model=model)
        rows = self.ndjson(p.out)
        self.assertEqual(list(rows[1].keys())[:3], ["row", "Account ID", "Name"])  # not copied twice
        self.assertEqual(rows[1]["Account ID"], "a-2")
        p = self.score("in.ndjson", '{"Account ID":17,"Employees":200}\n', model=model)
        self.assertEqual(self.ndjson(p.out)[0]["Account ID"], 17)

    def test_key_column_is_required(self):
        model = self.write("keyed.icp", KEYED)
        p = self.score("in.csv", "Employees\n3\n", "--allow-missing", "all", model=model, code=1)
        self.assertIn("no column 'Account ID' for field 'id'", p.err)
        p = self.score("in.ndjson", '{"Employees":3}\n', model=model, code=1)
        self.assertIn("missing required value for 'Account ID'", self.rejects("in.ndjson.rejects.csv")[1][3])

    def test_check_reports_misused_keys(self):
        bad = self.write("bad.icp", "schema A {\n  id: string key\n  n: int? key\n  d: date key\n}\n")
        p = self.run_icp("check", "--format", "json", bad)
        self.assertEqual(p.returncode, 1, p.err)
        got = [(d["line"], d["column"], d["code"]) for d in json.loads(p.out)]
        self.assertEqual(got, [(3, 11, "E0107"), (4, 11, "E0107")])
        self.assertIn("two keys", json.loads(p.out)[0]["message"])

    def test_fmt_keeps_the_key(self):
        f = self.write("k.icp", 'schema A { id: string   key from "Account ID", n: int? }\n')
        p = self.run_icp("fmt", f)
        self.assertEqual(p.returncode, 0, p.err)
        self.assertIn('  id: string key from "Account ID"\n', p.out)


class ProfileSuggestion(Base):
    def test_misspelt_profile_gets_a_did_you_mean(self):
        with open(MODEL) as f:
            model = self.write("two.icp", f.read() + 'persona Champion on Account {\n  tier c when score >= 0\n}\n')
        p = self.score("in.csv", HEADER + "A,,,,,,\n", "--profile", "Champoin", model=model, code=2)
        self.assertIn("no profile or persona named 'Champoin'; did you mean 'Champion'?", p.err)
        p = self.run_icp("explain", model, "--record", "{}", "--profile", "fit")
        self.assertEqual(p.returncode, 2, p.err)
        self.assertIn("did you mean 'Fit'?", p.err)


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
