#!/usr/bin/env python3
"""The C API's embedding example, built as a user builds it: `cmake --install`
into a fresh prefix, then examples/embed/embed.c compiled as C11 with the C
compiler against PREFIX/include and linked with -licp from PREFIX/lib (nothing
from the build tree), run from the repository root on examples/embed/model.icp;
its output must be examples/embed/expected_output.txt exactly (a diff otherwise).
Prints 'ok' on success."""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--cc", default="cc")
    a = ap.parse_args()
    src = os.path.abspath(a.source_dir)
    ex = os.path.join(src, "examples", "embed")
    with tempfile.TemporaryDirectory(prefix="icp-embed-") as tmp:
        prefix = os.path.join(tmp, "prefix")
        r = subprocess.run(["cmake", "--install", a.build_dir, "--prefix", prefix], capture_output=True, text=True)
        if r.returncode != 0:
            print("cmake --install failed:\n" + r.stdout + r.stderr)
            return 1
        exe = os.path.join(tmp, "embed")
        cmd = [a.cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-o", exe, os.path.join(ex, "embed.c"),
               "-I", os.path.join(prefix, "include"), "-L", os.path.join(prefix, "lib"), "-licp",
               "-Wl,-rpath," + os.path.join(prefix, "lib")]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print("compiling the example failed: " + " ".join(cmd) + "\n" + r.stdout + r.stderr)
            return 1
        env = dict(os.environ, ICP_STDLIB=os.path.join(prefix, "share", "icp", "stdlib"))
        r = subprocess.run([exe, "examples/embed/model.icp"], cwd=src, capture_output=True, text=True, env=env,
                           timeout=120)
        with open(os.path.join(ex, "expected_output.txt"), encoding="utf-8") as f:
            want = f.read()
        if r.returncode != 0 or r.stdout != want:
            print(f"embed exited {r.returncode}; stderr: {r.stderr}")
            print("".join(difflib.unified_diff(want.splitlines(True), r.stdout.splitlines(True),
                                               "examples/embed/expected_output.txt", "embed's output")))
            return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
