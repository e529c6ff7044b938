"""Reads the `if lower(title) matches r"..." then X else ...` chains of stdlib/std/people.icp.

The compiler is the real reader of people.icp; this module exists so that the regular
expressions can be measured and tested from Python before (and independently of) `icp score`.
It accepts only the regular shape that people.icp promises to keep (see the comment at the
top of that file) and fails loudly on anything else, so a change of shape cannot silently
drop rules.
"""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEOPLE = os.path.join(ROOT, "stdlib", "std", "people.icp")

_BRANCH = re.compile(
    r'^\s*(?:else\s+)?if\s+lower\(title\)\s+matches\s+'
    r'(?:r"(?P<raw>[^"]*)"|r#"(?P<hash>.*?)"#)\s+then\s+(?P<member>[A-Za-z_]\w*)\s*$')
_ELSE = re.compile(r"^\s*else\s+(?P<member>[A-Za-z_]\w*)\s*$")
# Constructs that RE2 rejects or that mean something else in Python's `re`.
_NOT_RE2 = re.compile(r"\(\?[=!<]|\(\?P?<\w+>|\\[1-9]|\\[AZz]|\(\?[a-z]*x|\\[pP]|\[\[:|\(\?i\)")


class Chain:
    def __init__(self, name, rules, fallback):
        self.name = name
        self.rules = rules          # [(pattern source, compiled, member, line number)]
        self.fallback = fallback

    def classify(self, title):
        """(member, index of the rule that fired or None) for a title."""
        t = title.lower()
        for i, (_, rx, member, _) in enumerate(self.rules):
            if rx.search(t):
                return member, i
        return self.fallback, None


def read_chain(func, path=PEOPLE):
    """The chain of `def func(title: string): ...` in path."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = None
    for i, line in enumerate(lines):
        if re.match(rf"^def\s+{func}\s*\(\s*title\s*:\s*string\s*\)\s*:\s*\w+\s*=\s*$", line):
            start = i
            break
    if start is None:
        raise SystemExit(f"{path}: no `def {func}(title: string): T =` line")
    rules, fallback = [], None
    for n in range(start + 1, len(lines)):
        line = lines[n]
        if not line.strip() or line.strip().startswith("//"):
            if fallback is None and not line.strip():
                raise SystemExit(f"{path}:{n + 1}: blank line inside {func}")
            if fallback is not None:
                break
            continue
        if fallback is not None:
            if line.startswith((" ", "\t")):
                raise SystemExit(f"{path}:{n + 1}: text after the final else of {func}")
            break
        m = _BRANCH.match(line)
        if m:
            if (not rules) != bool(re.match(r"^\s*if\b", line)):
                raise SystemExit(f"{path}:{n + 1}: expected {'if' if not rules else 'else if'}")
            src = m.group("raw") if m.group("raw") is not None else m.group("hash")
            if re.search(r"[\x00-\x1f\x7f]", src):
                raise SystemExit(f"{path}:{n + 1}: control character in a regular expression")
            bad = _NOT_RE2.search(src)
            if bad:
                raise SystemExit(f"{path}:{n + 1}: {bad.group(0)!r} is not portable RE2 syntax")
            try:
                rx = re.compile(src, re.ASCII)   # RE2's \b, \w, \s are ASCII-only too
            except re.error as e:
                raise SystemExit(f"{path}:{n + 1}: bad regular expression: {e}")
            rules.append((src, rx, m.group("member"), n + 1))
            continue
        m = _ELSE.match(line)
        if m and rules:
            fallback = m.group("member")
            continue
        raise SystemExit(f"{path}:{n + 1}: not in the regular shape of {func}: {line.strip()}")
    if not rules or fallback is None:
        raise SystemExit(f"{path}: {func} has no rules or no final else")
    return Chain(func, rules, fallback)


def enum_members(enum, path=PEOPLE):
    """Member names of `enum Name { ... }` in path, in order (aliases and comments skipped)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^enum\s+" + enum + r"\s*\{(.*?)^\}", text, re.S | re.M)
    if not m:
        raise SystemExit(f"{path}: no enum {enum}")
    body = re.sub(r"//[^\n]*", "", m.group(1))
    body = re.sub(r'"(?:[^"\\]|\\.)*"', '""', body)
    body = re.sub(r"\([^)]*\)", "", body)
    return [tok.split()[0] for tok in body.split(",") if tok.strip()]
