#!/usr/bin/env python3
"""Runs JSON-RPC transcript tests against `icp lsp`.

A transcript (*.jsonl) is one JSON object per line (lines starting with //
are comments):

  {"send": {...}}           a message to send (framed with Content-Length)
  {"send_raw": "text"}      bytes to send as they are (for framing errors)
  {"expect": {...}}         wait (up to --timeout s) for a server message that
                            contains this subset; messages are matched in any
                            order, each at most once
  {"expect_none": {...}, "within": 0.3}
                            no such message arrives within that many seconds
  {"open": "name.icp"}      didOpen of tests/lsp/files/name.icp (version 1)
  {"write": "name.icp", "text": "..."}
                            writes a file into a scratch folder made for this
                            transcript (for imports the server reads from disk)
  {"exit_code": 0}          the server's exit status once stdin is closed

Subset rules: an object matches if every expected key matches; a list
matches if every expected element matches a distinct actual element (an
empty expected list matches only an empty list); "$any" matches anything
present and "$absent" requires the key to be missing; "$endswith:x" and
"$contains:x" match strings; {"$exact": v} requires equality. Strings "${FILES}"
and "${FILES_URI}" expand to the files folder as a path and as a URI,
"${TMP}" and "${TMP_URI}" to the scratch folder.

Positions are named where they are: the files carry the markers of
tests/lsp/annotations.py (`$name^`, `$name[[...]]`), which the server never
sees (it is given, and reads from disk, a copy without them). A string
"$pos:FILE:NAME" expands to the LSP position {"line", "character"} of the
point NAME of FILE, "$range:FILE:NAME" to the range {"start", "end"} of the
range NAME; "$pos:FILE:NAME.start" / ".end" to an end of that range.
A didOpen sent with {"send": {...}, "marked": "NAME"} may carry markers in its
text too; they are removed before it is sent, and FILE is then NAME.

usage: run_transcript.py --icp build/icp [--stdlib DIR] FILE.jsonl...
"""
import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from annotations import Annotations  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_FILES = os.path.join(HERE, "files")  # with their markers
FILES = ""  # the copy without markers the server sees, in the scratch folder
TMP = ""  # the scratch folder of the transcript being run
MARKED = {}  # file name -> Annotations


def copy_files():
    """The files without their markers into TMP; their markers into MARKED."""
    global FILES
    FILES = os.path.join(TMP, "lsp-files")
    os.makedirs(FILES)
    MARKED.clear()
    for name in sorted(os.listdir(SOURCE_FILES)):
        with open(os.path.join(SOURCE_FILES, name), encoding="utf-8", newline="") as f:
            text = f.read()
        a = Annotations(text, "tests/lsp/files/" + name)
        MARKED[name] = a
        with open(os.path.join(FILES, name), "w", encoding="utf-8", newline="") as out:
            out.write(a.code)


POSITION = re.compile(r"^\$(pos|range):([^:]+):(\w+)(\.start|\.end)?$")


def position(m):
    what, name, marker, end = m.groups()
    if name not in MARKED:
        raise ValueError("no file %s in tests/lsp/files, and no text sent marked %s" % (name, name))
    a = MARKED[name]
    if what == "range":
        return a.lsp_range(marker)
    if end:
        return a.lsp_range(marker)[end[1:]]
    return a.lsp_position(a.point(marker))


def expand(v):
    if isinstance(v, str):
        m = POSITION.match(v)
        if m:
            return position(m)
        files_uri = "file://" + urllib.parse.quote(FILES)
        tmp_uri = "file://" + urllib.parse.quote(TMP)
        return (v.replace("${FILES_URI}", files_uri).replace("${FILES}", FILES)
                 .replace("${TMP_URI}", tmp_uri).replace("${TMP}", TMP))
    if isinstance(v, list):
        return [expand(x) for x in v]
    if isinstance(v, dict):
        return {expand(k): expand(x) for k, x in v.items()}
    return v


def matches(exp, act):
    if exp == "$any":
        return True
    if isinstance(exp, str) and exp.startswith("$endswith:"):
        return isinstance(act, str) and act.endswith(exp[len("$endswith:"):])
    if isinstance(exp, str) and exp.startswith("$contains:"):
        return isinstance(act, str) and exp[len("$contains:"):] in act
    if isinstance(exp, dict) and "$exact" in exp:
        return exp["$exact"] == act
    if isinstance(exp, dict):
        if not isinstance(act, dict):
            return False
        for k, v in exp.items():
            if v == "$absent":
                if k in act:
                    return False
            elif k not in act or not matches(v, act[k]):
                return False
        return True
    if isinstance(exp, list):
        if not isinstance(act, list):
            return False
        if not exp:
            return not act
        used = set()
        for e in exp:
            for i, a in enumerate(act):
                if i not in used and matches(e, a):
                    used.add(i)
                    break
            else:
                return False
        return True
    if isinstance(exp, float) or isinstance(act, float):
        return isinstance(act, (int, float)) and not isinstance(act, bool) and abs(exp - act) < 1e-9
    return exp == act


class Server:
    def __init__(self, icp, stdlib):
        cmd = [icp, "lsp"] + (["--stdlib", stdlib] if stdlib else [])
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers["content-length"])
            body = out.read(n)
            try:
                self.inbox.put(json.loads(body.decode("utf-8")))
            except (UnicodeDecodeError, ValueError) as e:
                self.inbox.put({"$invalid": "%s: %r" % (e, body[:200])})

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)


def run(path, icp, stdlib, timeout):
    server = Server(icp, stdlib)
    received = []  # messages not yet matched
    closed = False

    def pump(deadline):
        nonlocal closed
        while not closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                m = server.inbox.get(timeout=left)
            except queue.Empty:
                return
            if m is None:
                closed = True
                return
            received.append(m)
            return

    failures = []
    expected_exit = None
    with open(path, encoding="utf-8") as f:
        steps = [json.loads(l) for l in f if l.strip() and not l.lstrip().startswith("//")]
    for n, step in enumerate(steps, 1):
        step = expand(step)
        if "send" in step:
            if "marked" in step:  # a text with markers, under the name given
                doc = step["send"]["params"]["textDocument"]
                a = Annotations(doc["text"], "%s: the text of step %d" % (os.path.basename(path), n))
                doc["text"] = a.code
                MARKED[step["marked"]] = a
            server.send(step["send"])
        elif "send_raw" in step:
            server.send_raw(step["send_raw"].encode())
        elif "write" in step:
            with open(os.path.join(TMP, step["write"]), "w", encoding="utf-8", newline="") as out:
                out.write(step["text"])
        elif "open" in step:
            name = step["open"]
            with open(os.path.join(FILES, name), encoding="utf-8") as src:
                text = src.read()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": "file://" + urllib.parse.quote(FILES) + "/" + name, "languageId": "icp", "version": 1, "text": text}}})
        elif "expect" in step or "expect_none" in step:
            want = step.get("expect", step.get("expect_none"))
            wait = timeout if "expect" in step else step.get("within", 0.3)
            deadline = time.monotonic() + wait
            found = None
            while found is None:
                for i, m in enumerate(received):
                    if matches(want, m):
                        found = received.pop(i)
                        break
                if found is not None or time.monotonic() >= deadline or closed:
                    break
                pump(deadline)
            if "expect" in step and found is None:
                failures.append("step %d: no message matching %s\n  received: %s" % (
                    n, json.dumps(want), "\n    ".join(json.dumps(m)[:400] for m in received) or "nothing"))
                break
            if "expect_none" in step and found is not None:
                failures.append("step %d: unexpected message %s" % (n, json.dumps(found)[:400]))
                break
        elif "exit_code" in step:
            expected_exit = step["exit_code"]
        else:
            failures.append("step %d: unknown step %s" % (n, step))
            break
    try:
        server.proc.stdin.close()
    except BrokenPipeError:
        pass
    try:
        code = server.proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        failures.append("the server did not exit when its input closed")
        code = None
    if expected_exit is not None and code != expected_exit and not failures:
        failures.append("exit status %s, expected %s" % (code, expected_exit))
    if code is not None and code < 0:
        failures.append("the server died with signal %d" % -code)
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    ap.add_argument("--stdlib", default="")
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    bad = 0
    global TMP
    for path in args.files:
        TMP = tempfile.mkdtemp(prefix="icp-transcript-")
        try:
            copy_files()
            failures = run(path, args.icp, args.stdlib, args.timeout)
        finally:
            shutil.rmtree(TMP, ignore_errors=True)
        name = os.path.basename(path)
        if failures:
            bad += 1
            print("FAIL %s\n  %s" % (name, "\n  ".join(failures)))
        else:
            print("ok   %s" % name)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
