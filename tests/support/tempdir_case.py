"""What the end-to-end tests of the real `icp` binary share: a TestCase with
a temporary folder of its own, removed after each test, and files written
into it.

A test file under tests/<suite>/ imports it with

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
    from tempdir_case import TempDirCase
"""
import os
import tempfile
import unittest


class TempDirCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        """The path of `name` inside the test's folder."""
        return os.path.join(self.tmp, name)

    def write(self, name, data):
        """Writes `data` (str as UTF-8, or bytes) to `name` in the test's folder; returns its path."""
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return p
