"""Positions in test texts written where they are: the markers of
tests/lsp/annotations.h (`^`, `$name^`, `[[...]]`, `$name[[...]]`), for the
transcript runner and the files it opens.

    a = Annotations(text)
    a.code                  the text without markers
    a.point("name")         an offset (code points) of `$name^`; "" for `^`
    a.range("name")         (begin, end) of `$name[[...]]`
    a.lsp_position(offset)  {"line": L, "character": C}, C in UTF-16 code units

A stray `]]`, an unclosed `[[`, a `$` that starts no marker, a name marked
twice or asked for but absent raise ValueError.
"""
import re

_NAME = re.compile(r"\$(\w+)(\^|\[\[)")


class Annotations:
    def __init__(self, annotated, where="text"):
        self.where = where
        code, points, ranges, open_ = [], {}, {}, []
        i, n, at = 0, len(annotated), 0
        while i < n:
            name, j = "", i
            if annotated[i] == "$":
                m = _NAME.match(annotated, i)
                if not m:
                    self._fail("a `$` must start a marker `$name^` or `$name[[`", annotated, i)
                name, j = m.group(1), m.start(2)
            if annotated.startswith("^", j):
                self._add(points, name, at, "point", annotated, i)
                i = j + 1
            elif annotated.startswith("[[", j):
                open_.append((name, at))
                i = j + 2
            elif annotated.startswith("]]", j):
                if not open_:
                    self._fail("`]]` without `[[`", annotated, i)
                rname, begin = open_.pop()
                self._add(ranges, rname, (begin, at), "range", annotated, i)
                i = j + 2
            else:
                code.append(annotated[i])
                at += 1
                i += 1
        if open_:
            self._fail("`[[` without `]]`", annotated, n)
        self.code = "".join(code)
        self._points, self._ranges = points, ranges

    def _fail(self, what, text, i):
        line = text.count("\n", 0, i) + 1
        raise ValueError("%s, line %d: %s" % (self.where, line, what))

    def _add(self, table, name, value, what, text, i):
        if name and name in table:
            self._fail("the %s `%s` is marked twice" % (what, name), text, i)
        table.setdefault(name, []).append(value)

    def _one(self, table, name, what):
        got = table.get(name, [])
        if len(got) != 1:
            raise ValueError("%s has %d %s%s; exactly one was asked for" % (
                self.where, len(got), what, " named `%s`" % name if name else "s without a name"))
        return got[0]

    def point(self, name=""):
        return self._one(self._points, name, "point")

    def range(self, name=""):
        return self._one(self._ranges, name, "range")

    def lsp_position(self, offset):
        """LSP 3.17: "\\n", "\\r\\n" and "\\r" end lines; characters are UTF-16 units."""
        before = self.code[:offset]
        starts = [m.end() for m in re.finditer(r"\r\n|\r|\n", before)]
        line_start = starts[-1] if starts else 0
        units = sum(2 if ord(c) > 0xFFFF else 1 for c in before[line_start:])
        return {"line": len(starts), "character": units}

    def lsp_range(self, name):
        b, e = self.range(name)
        return {"start": self.lsp_position(b), "end": self.lsp_position(e)}


if __name__ == "__main__":  # the self-test (ctest lsp_annotations_py)
    a = Annotations("let ^x = $call[[f($arg^y)]]\r\n  $z[[\U0001F600z]]")
    assert a.code == "let x = f(y)\r\n  \U0001F600z", a.code
    assert a.point() == 4 and a.point("arg") == 10 and a.range("call") == (8, 12)
    assert a.lsp_position(a.point("arg")) == {"line": 0, "character": 10}
    assert a.lsp_range("z") == {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 5}}
    for bad in ["a ]] b", "a [[ b", "a $ b", "a $x b", "$x^ $x^"]:
        try:
            Annotations(bad)
        except ValueError:
            continue
        raise AssertionError("accepted: %r" % bad)
    try:
        a.point("missing")
        raise AssertionError("a missing name was accepted")
    except ValueError as e:
        assert "named `missing`" in str(e), e
    print("ok")
