#!/usr/bin/env python3
"""CSV and NDJSON agree on unreadable rows (LANGUAGE.md 0.2 section 8; issue
12, defect 8). In NDJSON an object with the same key twice, or a string with
an unpaired surrogate escape ("\\ud800"), is an unreadable row, as invalid
UTF-8 is in CSV: the row is not scored, it goes to the rejects file with its
line, the key and a reason naming the key and its column, and it is counted.
Before, the surrogate silently became U+FFFD and the last duplicate won.

usage: test_unreadable_rows.py --icp PATH [unittest args]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tempdir_case import TempDirCase  # noqa: E402

ICP = None
HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "model.icp")
COLUMNS = ["Company Name", "Annual Revenue", "Employees", "region", "Tech", "Founded", "public"]


def run(*args, stdin=None):
    p = subprocess.run([ICP] + list(args), capture_output=True, timeout=300, input=stdin)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def read_rejects(path):
    # A CSV reject copies the row's bytes as they were, invalid UTF-8 too.
    with open(path, newline="", encoding="utf-8", errors="surrogateescape") as f:
        return list(csv.reader(f))


class UnreadableRows(TempDirCase):
    def score(self, data_path, *extra):
        out, rej = self.path("out.ndjson"), self.path("rejects.csv")
        rc, _, err = run("score", MODEL, data_path, "-o", out, "--format", "ndjson", "--rejects", rej, *extra)
        scored = []
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                scored = [json.loads(line) for line in f if line.strip()]
        rejects = read_rejects(rej) if os.path.exists(rej) else []
        return rc, scored, rejects, err

    def test_formats_agree_on_bad_text(self):
        # The same four accounts in both formats; the second has bad text:
        # invalid UTF-8 (a CSV cell cannot carry a surrogate) vs "\ud800".
        names = ["Acme", None, "Cyan", "Dune"]
        rows = [[n or "", "20M", "50", "emea", "aws", "2020-01-01", "no"] for n in names]
        csv_text = b",".join(c.encode() for c in COLUMNS) + b"\n"
        for r in rows:
            cells = [c.encode() for c in r]
            if not r[0]:
                cells[0] = b"Bad\xed\xa0\x80"  # U+D800 encoded as UTF-8: invalid
            csv_text += b",".join(cells) + b"\n"
        nd_text = b""
        for r in rows:
            obj = json.dumps(dict(zip(COLUMNS, r)))
            if not r[0]:
                obj = obj.replace('"Company Name": ""', '"Company Name": "Bad\\ud800"')
            nd_text += obj.encode() + b"\n"
        self.assertIn(b"\\ud800", nd_text)

        rc_c, scored_c, rej_c, err_c = self.score(self.write("in.csv", csv_text))
        rc_n, scored_n, rej_n, err_n = self.score(self.write("in.ndjson", nd_text))
        # Rejected rows make the exit code 1 (TOOLS.md), in both formats.
        self.assertEqual((rc_c, rc_n), (1, 1), err_c + err_n)
        self.assertIn("scored 3 rows, rejected 1", err_c)
        self.assertIn("scored 3 rows, rejected 1", err_n)
        self.assertEqual([r["row"] for r in scored_c], [1, 3, 4])
        self.assertEqual(scored_c, scored_n)
        self.assertEqual(len(rej_c), 2, rej_c)
        self.assertEqual(len(rej_n), 2, rej_n)
        self.assertEqual(rej_c[1][:3], ["2", "3", "Company Name"])
        self.assertIn("invalid UTF-8", rej_c[1][3])
        bad_line = nd_text.decode().splitlines()[1]
        self.assertEqual(rej_n[1][:4], ["2", "2", "Company Name",
                                        f"unpaired surrogate escape \\ud800 at column {bad_line.index(chr(92)) + 1}, "
                                        'in the value of key "Company Name"'])
        # The original line is copied as written.
        self.assertEqual(rej_n[1][4], bad_line)

    def test_unpaired_surrogates(self):
        lines = [
            '{"Company Name":"A","Employees":9,"Tech":"x\\udc00"}',  # lone low
            '{"Company Name":"B","Employees":9,"Tech":"\\ud83d\\u0041"}',  # high then not low
            '{"Company Name":"C\\ud83d\\ude00","Employees":9}',  # a pair: fine
            '{"Company Name":"D","Employees":9,"notes":{"k":["\\ud800"]}}',  # in a key the model ignores
        ]
        rc, scored, rej, err = self.score(self.write("in.ndjson", ("\n".join(lines) + "\n").encode()))
        self.assertEqual(rc, 1, err)
        self.assertEqual([r["row"] for r in scored], [3])
        lo, hi, hi2 = "\\udc00", "\\ud83d", "\\ud800"
        col = lambda i, esc: str(lines[i].index(esc) + 1)
        self.assertEqual([r[:4] for r in rej[1:]], [
            ["1", "1", "Tech", f'unpaired surrogate escape \\udc00 at column {col(0, lo)}, '
                               'in the value of key "Tech"'],
            ["2", "2", "Tech", f'unpaired surrogate escape \\ud83d at column {col(1, hi)}, '
                               'in the value of key "Tech"'],
            ["4", "4", "notes", f'unpaired surrogate escape \\ud800 at column {col(3, hi2)}, '
                                'in the value of key "notes"'],
        ])

    def test_duplicate_keys(self):
        lines = [
            '{"Company Name":"A","Employees":9,"Employees":3}',  # the same key
            '{"Company Name":"B","Employees":9,"EMPLOYEES":3}',  # keys match case-insensitively
            '{"Company Name":"C","Employees":9,"x":1,"x":1}',  # a key the model ignores
            '{"Company Name":"D","Employees":9,"x":{"y":1,"y":2}}',  # nested: an ignored value
        ]
        rc, scored, rej, err = self.score(self.write("in.ndjson", ("\n".join(lines) + "\n").encode()))
        self.assertEqual(rc, 1, err)
        self.assertEqual([r["row"] for r in scored], [4])
        self.assertEqual([r[:4] for r in rej[1:]], [
            ["1", "1", "Employees", 'key "Employees" at column 35 repeats the key at column 21'],
            ["2", "2", "EMPLOYEES", 'key "EMPLOYEES" at column 35 repeats key "Employees" at column 21 '
                                    '(keys match case-insensitively)'],
            ["3", "3", "x", 'key "x" at column 41 repeats the key at column 35'],
        ])
        # --lenient reads unreadable values as no value, never unreadable rows.
        rc, scored, rej, err = self.score(self.path("in.ndjson"), "--lenient")
        self.assertEqual([r["row"] for r in scored], [4], err)
        self.assertEqual(len(rej), 4)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    args, rest = ap.parse_known_args()
    ICP = os.path.abspath(args.icp)
    unittest.main(argv=[sys.argv[0]] + rest)
