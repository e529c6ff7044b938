#!/usr/bin/env python3
"""Messages that list names stay short (issue 12, defect 9): a model with
10,000 profiles scored without --profile, a header missing 10,000 columns, a
test leaving out 10,000 fields, 50 mutually recursive defs. Each message
names a few, then says "and N more"; it never grows with the model.

usage: test_bounded_messages.py --icp PATH
"""
import argparse
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tempdir_case import TempDirCase  # noqa: E402

ICP = None
N = 10000


def run(*args):
    p = subprocess.run([ICP] + list(args), capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


class BoundedMessages(TempDirCase):
    def many_profiles(self):
        return self.write("m.icp", "schema A { x: int? }\n\n" + "".join(
            f"profile P{i} on A {{\n  tier t when score >= 0\n}}\n" for i in range(N)))

    def test_several_profiles_and_no_profile_chosen(self):
        model = self.many_profiles()
        data = self.write("in.csv", "x\n1\n")
        rc, out, err = run("score", model, data)
        self.assertEqual(rc, 2, err[:500])
        self.assertIn(f"the model has {N} profiles; pick one with --profile "
                      f"(P0, P1, P2, P3, P4 and {N - 5} more)", err)
        self.assertLess(len(err), 300, err[:500])

    def test_unknown_profile(self):
        model = self.many_profiles()
        data = self.write("in.csv", "x\n1\n")
        rc, out, err = run("score", model, data, "--profile", "Nope")
        self.assertEqual(rc, 2, err[:500])
        self.assertIn(f"no profile or persona named 'Nope' (there are: P0, P1, P2, P3, P4 and {N - 5} more)", err)
        self.assertLess(len(err), 300, err[:500])

    def test_absent_columns(self):
        fields = "".join(f"  f{i}: int? from \"C{i}\"\n" for i in range(N))
        model = self.write("m.icp", "schema A {\n" + fields + "}\n\nprofile P on A {\n  tier t when score >= 0\n}\n")
        header = ",".join(f"H{i}" for i in range(N))
        data = self.write("in.csv", header + "\n" + ",".join("1" for _ in range(N)) + "\n")
        rc, out, err = run("score", model, data)
        self.assertEqual(rc, 1, err[:500])
        self.assertEqual(err.count("no column 'C"), 5, err[:2000])
        self.assertIn(f"and {N - 5} more fields have no column", err)
        self.assertIn(f"the header has: H0, H1, H2, H3, H4 and {N - 5} more", err)
        self.assertIn("pass --allow-missing all", err)
        self.assertLess(len(err), 1500, err[:2000])
        # ... and what the note says works.
        rc, out, err = run("score", model, data, "--allow-missing", "all", "-o", os.path.join(self.tmp, "o.csv"))
        self.assertEqual(rc, 0, err[:500])

    def test_given_leaves_out_many_fields(self):
        fields = "".join(f"  f{i}: int\n" for i in range(N))
        model = self.write("m.icp", "schema A {\n" + fields + "}\n\nprofile P on A {\n  tier t when score >= 0\n}\n\n"
                           "test \"t\" {\n  profile P\n  given { f0: 1 }\n  expect tier == t\n}\n")
        rc, out, err = run("check", model)
        self.assertEqual(rc, 1, err[:500])
        text = out + err
        self.assertIn("`given` leaves out the required fields 'f1', 'f2', 'f3', 'f4', 'f5' "
                      f"and {N - 6} more (not optional, no default)", text)
        self.assertLess(len(text), 1000, text[:2000])

    def test_mutually_recursive_defs(self):
        n = 50
        defs = "".join(f"def d{i}(x: int): int = d{(i + 1) % n}(x) + 1\n" for i in range(n))
        model = self.write("m.icp", defs)
        rc, out, err = run("check", model)
        self.assertEqual(rc, 1, err[:500])
        text = out + err
        self.assertIn(f"'d0' calls itself through 'd1', 'd2', 'd3', 'd4', 'd5' and {n - 6} more", text)
        self.assertLess(len(text), 1000, text[:2000])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    args, rest = ap.parse_known_args()
    ICP = os.path.abspath(args.icp)
    unittest.main(argv=[sys.argv[0]] + rest)
