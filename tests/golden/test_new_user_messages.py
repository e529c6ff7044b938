#!/usr/bin/env python3
"""End to end on the icp binary: the mistakes a new user made (issue 11) each
give ONE diagnostic, in the user's terms, at the right place, from `icp check`
(text, as a user reads it) and `icp test`. Each case failed before the change
that words it (the old message is given for the record)."""
import argparse
import os
import subprocess
import sys
import tempfile

HEADER = """import "std/geo"
enum Sector { technology, finance, health }
schema Account {
  name:      string
  sector:    Sector?
  employees: int?
  founded:   date?
  country:   Country?
}
"""

# (name, profile body or test, expected "LINE:COL: error[CODE]: message" lines;
#  the old message it replaces)
CASES = [
    ("missing arrow",
     'profile P on Account {\n  signal "Big" when employees > 1 +10\n}\n',
     ["12:35: error[E0001]: `=>` is missing before `+10`"],
     "expected `=>` and the points of the signal, found `}`"),
    ("= for ==",
     'profile P on Account {\n  signal "Tech" when sector = technology => 5\n}\n',
     ["12:29: error[E0001]: unexpected `=`: use `==` to compare"],
     "expected `=>` and the points of the signal, found `=`"),
    ("duration in words",
     'profile P on Account {\n  trigger "Young" on founded within 6 months => 5\n}\n',
     ["12:37: error[E0001]: a duration is written as one word: `6mo` or `180d`"],
     "unexpected `months`, expected `when` or `=>`"),
    ("set in parentheses",
     'profile P on Account {\n  signal "S" when sector in (technology, finance) => 1\n}\n',
     ["12:29: error[E0001]: sets are written with braces: `{technology, finance}`"],
     "expected `)` to close the parenthesis, found `,`"),
    ("misspelt keyword, one error",
     'profile P on Account {\n  signl "Big" when employees > 100 => 20\n}\n'
     'test "t" {\n  profile P\n  as_of 2026-01-01\n  given { name: "Acme", employees: 500 }\n'
     '  expect fired "Big"\n}\n',
     ["12:3: error[E0001]: unexpected `signl`: did you mean `signal`?"],
     "unexpected `signl`, expected a profile item ... and E0301 unknown rule \"Big\""),
    ("unknown member in given lists the members",
     'profile P on Account {\n  signal "Tech" when sector == technology => 5\n}\n'
     'test "t" {\n  profile P\n  as_of 2026-01-01\n  given { name: "Acme", sector: tech }\n'
     '  expect fired "Tech"\n}\n',
     ["17:33: error[E0102]: unknown member 'tech' of enum 'Sector'; its members are technology, finance "
      "and health"],
     "unknown member 'tech' of enum 'Sector'"),
    ("unknown member of a large enum gives the closest",
     'profile P on Account {\n  signal "DE" when country == DE => 5\n}\n'
     'test "t" {\n  profile P\n  as_of 2026-01-01\n  given { name: "Acme", country: Germny }\n'
     '  expect fired "DE"\n}\n',
     ["17:34: error[E0102]: unknown member 'Germny' of enum 'Country'; the closest of its 249 members is DE"],
     "unknown member 'Germny' of enum 'Country'"),
    ("number in quotes",
     'profile P on Account {\n  signal "Big" when employees > "150000" => 5\n}\n',
     ["12:21: error[E0201]: cannot compare int? with string; remove the quotes to write the number `150000`"],
     "cannot compare int? with string"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    icp = os.path.abspath(ap.parse_args().icp)
    failures = []
    tmp = tempfile.mkdtemp(prefix="icp_new_user_")
    for i, (name, body, want, old) in enumerate(CASES):
        path = os.path.join(tmp, f"case{i}.icp")
        with open(path, "w") as f:
            f.write(HEADER + "\n" + body)
        for cmd in (["check"], ["test"]):
            p = subprocess.run([icp] + cmd + [path], capture_output=True, text=True,
                               env=dict(os.environ, NO_COLOR="1"))
            got = [l[len(path) + 1:] for l in p.stderr.splitlines() if l.startswith(path + ":") and
                   ("error[" in l or "warning[" in l)]
            if p.returncode != 1 or got != want:
                failures.append(f"{name} (icp {cmd[0]}): rc={p.returncode}\n  want {want}\n  got  {got}\n"
                                f"  (before: {old})\n{p.stderr}")
    for f in failures:
        print("FAIL", f)
    print(f"{len(CASES)} cases, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
