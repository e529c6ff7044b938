#!/usr/bin/env python3
"""The diagnostics reference cannot miss a code: scripts/gen_diagnostics_doc.py
over the real registry plus one code without an explanation (E0999) must fail,
naming it, and so must an explanation without its fix. Prints 'ok' when both fail
as they should."""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GEN = os.path.join(ROOT, "scripts", "gen_diagnostics_doc.py")
DIAGS = os.path.join(ROOT, "compiler", "diag", "diagnostics.def")
EXPL = os.path.join(ROOT, "compiler", "diag", "explanations.def")


def run(*args):
    p = subprocess.run([sys.executable, GEN, "--check", *args], capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def main():
    bad = []
    rc, out = run()
    if rc != 0:
        bad.append(f"the real registry fails:\n{out}")
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(tmp, "diagnostics.def")
        with open(DIAGS, encoding="utf-8") as f:
            text = f.read()
        with open(d, "w", encoding="utf-8") as f:
            f.write(text + '\nDIAG(SelfTestUndocumented, E0999, Error, "self-test {}", Str)\n')
        rc, out = run("--diagnostics", d)
        if rc != 1 or "E0999 has no entry in compiler/diag/explanations.def" not in out:
            bad.append(f"a code without an entry passes (exit {rc}):\n{out}")
        e = os.path.join(tmp, "explanations.def")
        with open(EXPL, encoding="utf-8") as f:
            text = f.read()
        # E0101's fix removed.
        text, n = re.subn(r"(EXPLAIN\(E0101,.*?)```icp-fixed\n.*?```\n", r"\1", text, count=1, flags=re.S)
        assert n == 1
        with open(e, "w", encoding="utf-8") as f:
            f.write(text)
        rc, out = run("--explanations", e)
        if rc != 1 or "E0101: the explanation has no ```icp-fixed example" not in out:
            bad.append(f"an explanation without its fix passes (exit {rc}):\n{out}")
    for b in bad:
        print(b)
    print("ok" if not bad else f"{len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
