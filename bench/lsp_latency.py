#!/usr/bin/env python3
"""Latency of `icp lsp` diagnostics on a 2,000-line file.

Opens a generated model of about 2,000 lines, then makes edits (alternately
introducing and fixing an error) and prints how long each publishDiagnostics
took to arrive after its didChange: min / median / p95 / max in ms.

usage: bench/lsp_latency.py --icp build/icp [--lines 2000] [--edits 40]
"""
import argparse, os
import json
import statistics
import subprocess
import threading
import time
import queue


def model(lines):
    out = ['import "std/firmo"', "", "schema Account {", "  employees: int?", "  industry: Industry?",
           "  tech: set<string>", "  revenue: float?", "}", "", "profile Big on Account {"]
    i = 0
    while len(out) < lines - 2:
        out.append('  signal "rule %d" when employees > %d and tech has "t%d" => %d' % (i, i, i, i % 7 + 1))
        i += 1
    out += ["  tier top when score >= 10", "}"]
    return "\n".join(out) + "\n"


def server_cpu_ms(pid):
    """User + system CPU time of a process so far (all its threads), in ms."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--edits", type=int, default=40)
    args = ap.parse_args()
    p = subprocess.Popen([args.icp, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    inbox = queue.Queue()

    def reader():
        while True:
            n = None
            while True:
                line = p.stdout.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    n = int(line.split(b":")[1])
            inbox.put((time.perf_counter(), json.loads(p.stdout.read(n))))

    threading.Thread(target=reader, daemon=True).start()

    def send(msg):
        body = json.dumps(msg).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()

    def wait_diags(version):
        while True:
            t, m = inbox.get(timeout=30)
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
                return t, m["params"]["diagnostics"]

    uri = "file:///tmp/icp-latency/model.icp"
    text = model(args.lines)
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "icp", "version": 1, "text": text}}})
    t1, _ = wait_diags(1)
    print("lines: %d, open -> diagnostics: %.1f ms (start-up, loading the LLVM plug-in and a cold parser "
          "included)" % (text.count("\n"), (t1 - t0) * 1000))
    cpu_before = server_cpu_ms(p.pid)
    times = []
    line = 20
    for v in range(2, args.edits + 2):
        word = "employes" if v % 2 == 0 else "employees"
        old = "employees" if v % 2 == 0 else "employes"
        start = 2 + len('signal "rule %d" when ' % (line - 10))
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"range": {"start": {"line": line, "character": start},
                                          "end": {"line": line, "character": start + len(old)}},
                                "text": word}]}})
        t1, diags = wait_diags(v)
        assert (len(diags) > 0) == (v % 2 == 0), diags
        times.append((t1 - t0) * 1000)
        time.sleep(0.1)
    cpu_edits = server_cpu_ms(p.pid) - cpu_before
    times.sort()
    print("change -> diagnostics over %d edits: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms" % (
        len(times), times[0], statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]))
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait(timeout=10)
    print("server CPU per edit: %.1f ms (%d edits, each parsed and checked in full; a loaded machine "
          "inflates the wall-clock numbers above, not this one)" % (cpu_edits / len(times), len(times)))


if __name__ == "__main__":
    main()
