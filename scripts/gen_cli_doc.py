#!/usr/bin/env python3
"""Keeps the generated parts of docs/cli.md equal to the CLI's own `--help`.

    python3 scripts/gen_cli_doc.py --icp build/icp           # rewrite the generated parts
    python3 scripts/gen_cli_doc.py --icp build/icp --check   # exit 1 if they differ (ctest cli_doc_up_to_date)

The subcommands are those of ICP_SUBCOMMANDS in compiler/driver/main.cpp (hidden ones
included). For `icp --help` and each `icp NAME --help`, docs/cli.md holds one block

    <!-- BEGIN GENERATED: icp NAME --help -->
    ```text
    (the output of `icp NAME --help`)
    ```
    <!-- END GENERATED -->

and the prose around the blocks is kept. Without --check, a block is rewritten
in place, and a subcommand without a block gets a new section at the end (write its
prose there). With --check, a block that differs, a missing block and a block of a
subcommand that does not exist are failures (a diff is printed).
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MAIN = os.path.join(ROOT, "compiler", "driver", "main.cpp")
DOC = os.path.join(ROOT, "docs", "cli.md")
BLOCK_RE = re.compile(r"<!-- BEGIN GENERATED: (icp(?: [\w-]+)?) --help -->\n(.*?)<!-- END GENERATED -->\n", re.S)


def subcommands():
    """The subcommands registered in main.cpp, in order."""
    with open(MAIN, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"#define ICP_SUBCOMMANDS\(X\)((?:[^\n]*\\\n)*[^\n]*)", text)
    if not m:
        raise SystemExit(f"no ICP_SUBCOMMANDS list in {MAIN}")
    return re.findall(r"X\((\w+)\)", m.group(1))


def help_text(icp, cmd):
    args = [icp] + ([cmd] if cmd else []) + ["--help"]
    p = subprocess.run(args, capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1", COLUMNS="80"))
    if p.returncode != 0:
        raise SystemExit(f"`{' '.join(args)}` exited {p.returncode}: {p.stderr}")
    lines = [l.rstrip() for l in p.stdout.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def block(name, text):
    return f"<!-- BEGIN GENERATED: {name} --help -->\n```text\n{text}```\n<!-- END GENERATED -->\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--icp", required=True)
    ap.add_argument("--doc", default=DOC, help="the file to check or rewrite (default: docs/cli.md)")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    icp = os.path.abspath(args.icp)

    wanted = {"icp": help_text(icp, None)}
    for c in subcommands():
        wanted[f"icp {c}"] = help_text(icp, c)
    with open(args.doc, encoding="utf-8") as f:
        doc = f.read()
    have = {m.group(1): m for m in BLOCK_RE.finditer(doc)}

    problems = []
    for name, text in wanted.items():
        if name not in have:
            problems.append(f"{args.doc}: no generated block for `{name} --help`")
            continue
        got = have[name].group(2)
        want = f"```text\n{text}```\n"
        if got != want:
            diff = "".join(difflib.unified_diff(got.splitlines(True), want.splitlines(True),
                                                f"{args.doc} ({name} --help)", f"`{name} --help`"))
            problems.append(f"{args.doc}: the block of `{name} --help` differs from the CLI:\n{diff}")
    for name in have:
        if name not in wanted:
            problems.append(f"{args.doc}: a generated block for `{name} --help`, which is not a subcommand")

    if args.check:
        for p in problems:
            print(p)
        if problems:
            print(f"{args.doc} differs from `icp --help`: run python3 scripts/gen_cli_doc.py --icp build/icp "
                  f"({len(problems)} problems)")
            return 1
        print(f"{args.doc} agrees with `icp --help` ({len(wanted)} blocks)")
        return 0

    out = BLOCK_RE.sub(lambda m: block(m.group(1), wanted[m.group(1)]) if m.group(1) in wanted else "", doc)
    for name, text in wanted.items():
        if name not in have:
            out = out.rstrip("\n") + f"\n\n## `{name}`\n\n(Describe it here.)\n\n" + block(name, text)
    with open(args.doc, "w", encoding="utf-8") as f:
        f.write(out)
    print(f"wrote {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
