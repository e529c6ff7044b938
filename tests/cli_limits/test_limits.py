#!/usr/bin/env python3
"""The input limits of docs/limits.md, end to end (issue 12, defect 5).

A line (NDJSON) or record (CSV, quoted line breaks included) over 1 MiB is
rejected as it streams by; a CSV header over 1 MiB is an error; input with a
NUL byte near its start (/dev/zero, a binary file, UTF-16) is refused at once.
Memory stays a few MiB above a normal run's whatever the input: each test
measures the peak RSS of the icp process (wait4) against that of a run on a
small file. The rejects row of a row over the limit copies its first 4096
bytes and the mark "... [cut: N bytes in all]". Every row is scored or
rejected, before and after a long one.

Before the fix a 64 MB line cost about 360 MB, the whole line was copied into
the rejects file, and /dev/zero grew without end.

usage: test_limits.py --icp PATH [unittest args]
"""
import argparse
import csv
import json
import os
import re
import signal
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tempdir_case import TempDirCase  # noqa: E402

ICP = None
LIMIT = 1 << 20  # kMaxRecordBytes
BIG = 64 << 20   # the size of a "huge" line: 64 times the limit
# Peak RSS allowed above a normal run's. The reader's buffer is at most about
# twice the limit; before the fix a 64 MB line cost several times its size.
SLACK_KB = 24 << 10
CUT = re.compile(r"\.\.\. \[cut: (\d+) bytes in all\]$")
HEADER = "Company Name,Annual Revenue,Employees,region,Tech,Founded,public"
MODEL = """\
enum Region { americas, emea, apac }

schema Account {
  company:   string        from "Company Name"
  revenue:   float?        from "Annual Revenue"
  employees: int           from "Employees"
  region:    Region?
  tech:      set<string>   from "Tech"
  founded:   date?         from "Founded"
  public:    bool = false
}

profile Fit on Account {
  exclude "Tiny"         when employees < 5
  signal "Revenue 10M+"  when revenue >= 10M        => +30
  signal "Cloud"         when tech has "aws"        => +20
  tier a when score >= 40
}
"""


def csv_row(name):
    return f"{name},20M,50,emea,aws,2020-01-01,no"


def json_row(name, **extra):
    row = {"Company Name": name, "Annual Revenue": "20M", "Employees": 50, "region": "emea", "Tech": "aws"}
    row.update(extra)
    return json.dumps(row)


def json_row_of(name, length):
    """A good row whose line is exactly `length` bytes (padding in a key the model ignores)."""
    pad = length - len(json_row(name, notes=""))
    line = json_row(name, notes="x" * pad)
    assert len(line) == length
    return line


class Run:
    def __init__(self, rc, rss_kb, out, err, scored, rejects):
        self.rc, self.rss_kb, self.out, self.err, self.scored, self.rejects = rc, rss_kb, out, err, scored, rejects


class Limits(TempDirCase):
    normal_rss_kb = None

    def setUp(self):
        super().setUp()
        self.model = self.write("m.icp", MODEL)
        if Limits.normal_rss_kb is None:
            small = self.write("small.csv", HEADER + "\n" + csv_row("A") + "\n")
            r = self.icp(small)
            self.assertEqual(r.rc, 0, r.err)
            Limits.normal_rss_kb = r.rss_kb

    def icp(self, data, *extra, stdin=None, timeout=20):
        """Runs `icp score` on `data`, under /usr/bin/time for its peak RSS (icp is
        not forked from this process, whose pages a fork would count)."""
        out, rej = self.path("out.ndjson"), self.path("rejects.csv")
        for p in (out, rej):
            if os.path.exists(p):
                os.remove(p)
        rss = self.path("rss")
        args = ["/usr/bin/time", "-f", "%M", "-o", rss, ICP, "score", self.model, data, "-o", out,
                "--format", "ndjson", "--rejects", rej, "--engine", "interp", *extra]
        with open(self.path("stderr"), "wb") as err_f, open(stdin or os.devnull, "rb") as in_f:
            p = subprocess.Popen(args, stdin=in_f, stdout=subprocess.DEVNULL, stderr=err_f, start_new_session=True)
            try:
                p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                self.fail(f"icp did not finish within {timeout} s")
        with open(rss) as f:
            rss_kb = int(f.read().split()[-1])
        rc = p.returncode
        if rc > 128:  # /usr/bin/time reports a signal as 128 + it
            rc = -(rc - 128)
        with open(self.path("stderr"), encoding="utf-8", errors="replace") as f:
            err = f.read()
        scored, rejects = [], []
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                scored = [json.loads(line) for line in f if line.strip()]
        if os.path.exists(rej):
            with open(rej, newline="", encoding="utf-8") as f:
                rejects = list(csv.reader(f))[1:]
        return Run(rc, rss_kb, out, err, scored, rejects)

    def assert_bounded(self, r):
        self.assertLess(r.rss_kb, Limits.normal_rss_kb + SLACK_KB,
                        f"peak RSS {r.rss_kb} kB, a normal run {Limits.normal_rss_kb} kB")

    def assert_cut(self, copied, text, length):
        """A rejects copy: the first 4096 bytes (whole characters), then the mark with the full length."""
        m = CUT.search(copied)
        self.assertIsNotNone(m, copied[-100:])
        self.assertEqual(int(m.group(1)), length)
        head = copied[:m.start()].encode()
        self.assertGreater(len(head), 4092)
        self.assertLessEqual(len(head), 4096)
        self.assertTrue(text.startswith(head), head[:100])

    def test_huge_ndjson_line_is_rejected_as_it_streams_by(self):
        big = json_row("Huge", notes="y" * BIG)
        tail = json_row("Last", notes="z" * (3 * LIMIT))  # over the limit, at the end, without a newline
        lines = [json_row("A"), json_row("B"), big, json_row("C"), json_row("D"), tail]
        data = self.write("in.ndjson", "\n".join(lines))
        r = self.icp(data)
        self.assertEqual(r.rc, 1, r.err)  # rejected rows: exit 1, every other row scored
        self.assertIn("scored 4 rows, rejected 2", r.err)
        self.assertEqual([s["row"] for s in r.scored], [1, 2, 4, 5])
        self.assertEqual([x[:4] for x in r.rejects],
                         [["3", "3", "", f"a line of {len(big)} bytes (the limit is {LIMIT})"],
                          ["6", "6", "", f"a line of {len(tail)} bytes (the limit is {LIMIT})"]])
        self.assert_cut(r.rejects[0][4], big.encode(), len(big))
        self.assert_cut(r.rejects[1][4], tail.encode(), len(tail))
        self.assertLess(os.path.getsize(self.path("rejects.csv")), 3 * 4096)
        self.assert_bounded(r)

    def test_the_limit_is_inclusive_and_a_crlf_does_not_count(self):
        at, over = json_row_of("At", LIMIT), json_row_of("Over", LIMIT + 1)
        data = self.write("in.ndjson", json_row("A") + "\r\n" + at + "\r\n" + over + "\r\n" + json_row("B") + "\r\n")
        r = self.icp(data)
        self.assertEqual(r.rc, 1, r.err)
        self.assertEqual([s["row"] for s in r.scored], [1, 2, 4])
        self.assertEqual([x[:4] for x in r.rejects], [["3", "3", "", f"a line of {LIMIT + 1} bytes (the limit is {LIMIT})"]])
        self.assert_cut(r.rejects[0][4], over.encode(), LIMIT + 1)

    def test_the_cut_never_splits_a_character(self):
        prefix = '{"Company Name": "Wide", "Employees": 9, "notes": "'
        if len(prefix.encode()) % 2 == 0:  # make a two-byte character straddle byte 4096
            prefix = prefix.replace("{", "{ ", 1)
        raw = (prefix + "\u00e9" * LIMIT + '"}').encode()
        with self.assertRaises(UnicodeDecodeError):
            raw[:4096].decode()
        r = self.icp(self.write("in.ndjson", raw + b"\n"))
        self.assertEqual(r.rc, 1, r.err)
        self.assertEqual(r.scored, [])
        copied = r.rejects[0][4]  # the csv module decoded it: a split character would have failed
        self.assert_cut(copied, raw, len(raw))
        self.assertEqual(len(CUT.split(copied)[0].encode()), 4095)

    def test_huge_csv_header_is_an_error_with_its_line(self):
        data = self.write("in.csv", "\n" + HEADER + "," + "h" * BIG + "\n" + csv_row("A") + "\n")
        r = self.icp(data)
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn(f"in.csv: line 2: the header is longer than {LIMIT} bytes, the limit of a record", r.err)
        self.assertFalse(os.path.exists(r.out))  # no row was read: nothing is put in place
        self.assert_bounded(r)

    def test_huge_csv_cell_spanning_lines_and_the_rows_around_it(self):
        # A quoted cell of 64 MB with delimiters, `""` and a line break every
        # 1000 bytes: the rows after it start where they should, and the
        # rejects row keeps the line where the record starts.
        chunk = "w" * 990 + ',"" x\n'
        cell = '"' + chunk * (BIG // len(chunk)) + '"'
        rows = [csv_row("A"), csv_row("B"), cell + ",20M,50,emea,aws,2020-01-01,no", csv_row("C"),
                csv_row("D"), "E,20M,50,emea,aws,2020-01-01," + "n" * (2 * LIMIT)]
        data = self.write("in.csv", HEADER + "\r\n" + "\r\n".join(rows) + "\r\n" + csv_row("F") + "\n")
        r = self.icp(data)
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn("scored 5 rows, rejected 2", r.err)
        self.assertEqual([s["row"] for s in r.scored], [1, 2, 4, 5, 7])
        newlines = cell.count("\n")
        record = len(rows[2])
        self.assertEqual([x[:4] for x in r.rejects],
                         [["3", "4", "", f"a record of {record} bytes (the limit is {LIMIT})"],
                          ["6", str(7 + newlines), "", f"a record of {len(rows[5])} bytes (the limit is {LIMIT})"]])
        # The copy: the cells within the first 4096 bytes, the last one cut and marked.
        self.assertEqual(len(r.rejects[0]), 5)
        self.assert_cut('"' + r.rejects[0][4].replace('"', '""'), cell.encode(), record)
        self.assertEqual(r.rejects[1][4:10], ["E", "20M", "50", "emea", "aws", "2020-01-01"])
        self.assertTrue(r.rejects[1][10].endswith(f"n... [cut: {len(rows[5])} bytes in all]"))
        self.assertLess(os.path.getsize(self.path("rejects.csv")), 3 * 4096)
        self.assert_bounded(r)

    def test_unterminated_quote_runs_to_the_end_of_a_big_input(self):
        after = (csv_row("N") + "\n") * (16 * LIMIT // 32)
        text = HEADER + "\n" + csv_row("A") + "\n" + 'B,"20M,50,emea,aws,2020-01-01,no\n' + after
        r = self.icp(self.write("in.csv", text))
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn("scored 1 rows, rejected 1", r.err)
        self.assertEqual([s["row"] for s in r.scored], [1])
        length = len('B,"20M,50,emea,aws,2020-01-01,no\n' + after)
        lines = 1 + after.count("\n")
        self.assertEqual(r.rejects[0][:4], ["2", "3", "", "a quoted field that starts here is never closed: the row "
                                            f"runs to the end of the input ({length} bytes on {lines} lines)"])
        self.assertTrue(r.rejects[0][5].endswith(f"... [cut: {length} bytes in all]"))
        self.assertLess(os.path.getsize(self.path("rejects.csv")), 3 * 4096)
        self.assert_bounded(r)

    def test_dev_zero_is_refused_at_once(self):
        for name, extra in [("zero.csv", []), ("zero.ndjson", []), ("-", ["--input-format", "csv"])]:
            with self.subTest(name):
                if name != "-":
                    data = self.path(name)
                    os.symlink("/dev/zero", data)
                    r = self.icp(data, timeout=10)
                else:
                    r = self.icp("-", *extra, stdin="/dev/zero", timeout=10)
                self.assertEqual(r.rc, 1, r.err)
                self.assertIn(": line 1: a NUL byte (byte 1 of the line): this is not UTF-8 text "
                              "(a binary file, or UTF-16?)", r.err)
                self.assertEqual(r.scored, [])
                self.assert_bounded(r)

    def test_utf16_is_refused_with_the_position(self):
        data = self.write("in.csv", (HEADER + "\n" + csv_row("A") + "\n").encode("utf-16-le"))
        r = self.icp(data)
        self.assertEqual(r.rc, 1, r.err)
        self.assertIn("in.csv: line 1: a NUL byte (byte 2 of the line): this is not UTF-8 text", r.err)

    def test_no_row_is_lost_around_long_ones(self):
        # Long rows at the start, in the middle, back to back and at the end:
        # rows in = scored + rejected, and each kept row keeps its number.
        kinds = ["ok"] * 40
        for i in (0, 7, 8, 9, 20, 39):
            kinds[i] = "long"
        kinds[15] = "bad"  # a row rejected for a reason of its own, copied whole
        json_lines, csv_lines = [], []
        for i, k in enumerate(kinds):
            name = f"R{i + 1}"
            if k == "long":
                json_lines.append(json_row(name, notes="q" * (LIMIT + 10 * i)))
                csv_lines.append(f"{name},20M,50,emea,aws,2020-01-01,no," + "q" * (LIMIT + 10 * i))
            elif k == "bad":
                json_lines.append(json_row(name, Employees="many"))
                csv_lines.append(f"{name},20M,many,emea,aws,2020-01-01,no,")
            else:
                json_lines.append(json_row(name))
                csv_lines.append(csv_row(name) + ",")
        want_scored = [i + 1 for i, k in enumerate(kinds) if k == "ok"]
        want_rejected = [i + 1 for i, k in enumerate(kinds) if k != "ok"]
        for name, text in [("in.ndjson", "\n".join(json_lines) + "\n"),
                           ("in.csv", HEADER + ",notes\n" + "\n".join(csv_lines))]:
            with self.subTest(name):
                r = self.icp(self.write(name, text))
                self.assertEqual(r.rc, 1, r.err)
                self.assertIn(f"scored {len(want_scored)} rows, rejected {len(want_rejected)}", r.err)
                self.assertEqual([s["row"] for s in r.scored], want_scored)
                self.assertEqual([int(x[0]) for x in r.rejects], want_rejected)
                self.assertEqual(len(r.scored) + len(r.rejects), len(kinds))
                bad = r.rejects[want_rejected.index(16)]
                self.assertNotIn("[cut:", ",".join(bad))
                self.assertIn("many", bad[4:] if name == "in.csv" else bad[4])

    def test_explain_reads_one_record_under_the_same_limit(self):
        # `--record @FILE` and `--record -` read at most the limit (and a
        # line ending): /dev/zero ends at once, a record over 1 MiB is refused
        # as `score` rejects its line, one of exactly 1 MiB is explained.
        msg = f"icp: error: the record cannot be read: it is longer than {LIMIT} bytes, the limit of a record"
        over = self.write("over.json", json_row_of("Over", LIMIT + 1))
        at = self.write("at.json", json_row_of("At", LIMIT) + "\r\n")
        for record, stdin in [("@/dev/zero", None), ("-", "/dev/zero"), ("@" + over, None)]:
            with self.subTest(record):
                with open(stdin or os.devnull, "rb") as f:
                    p = subprocess.run([ICP, "explain", self.model, "--record", record], stdin=f,
                                       capture_output=True, timeout=10)
                self.assertEqual(p.returncode, 1, p.stderr)
                self.assertEqual(p.stderr.decode().strip(), msg)
        p = subprocess.run([ICP, "explain", self.model, "--record", "@" + at], capture_output=True, timeout=10)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("score 50", p.stdout.decode())


def main():
    global ICP
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    args, rest = ap.parse_known_args()
    ICP = os.path.abspath(args.icp)
    csv.field_size_limit(1 << 30)  # so an uncut copy fails an assertion, not the csv module
    unittest.main(argv=[sys.argv[0]] + rest)


if __name__ == "__main__":
    main()
