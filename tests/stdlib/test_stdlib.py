#!/usr/bin/env python3
"""Checks of the standard library that do not need the compiler.

    python3 tests/stdlib/test_stdlib.py        (or: python3 -m unittest discover tests/stdlib)

- the generated modules are what scripts/gen_stdlib.py produces from the data (not stale);
- every enum of stdlib/std/*.icp: members are identifiers and not keywords, and no two members
  share a name or alias once read the way section 8 reads data (case-insensitive, spaces and
  hyphens as `_`);
- region(), naics_sector() and employee_band(), read from the .icp text, against the data;
- seniority_of() and department_of() on hand-labelled titles.
The .icp files are read as text here; the same behaviour is tested through the compiler
elsewhere once `icp test` can run.
"""

import csv
import json
import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import icp_chain  # noqa: E402

ROOT = icp_chain.ROOT
STD = os.path.join(ROOT, "stdlib", "std")
# The generator's inputs, copied into the repository (stdlib/data/SOURCES.md).
DATA = os.environ.get("ICP_DATA_DIR", os.path.join(ROOT, "stdlib", "data"))
# The labelled job titles may not be redistributed: read from the data folder
# beside the checkout when it is there (the README names the tests that skip).
TITLES_TSV = os.environ.get("ICP_TITLES_TSV", os.path.join(os.path.dirname(ROOT), "shared", "data",
                                                           "job_title_levels_rootstrap_NOLICENSE.tsv"))


def data_file(name):
    """The path of a file of the generator's data folder (stdlib/data). A test that needs a file
    that is not there fails, naming it: a missing input is not a pass."""
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        raise AssertionError(f"missing data file {path} (stdlib/data; "
                             "set ICP_DATA_DIR to the folder that holds it)")
    return path


# The labelled job titles have no license, so no copy of them can be part of
# the repository: the tests that read them are skipped without them, loudly.
def needs_titles(test):
    if os.path.exists(TITLES_TSV):
        return test
    print(f"SKIPPED {test.__qualname__}: {TITLES_TSV} is absent (not redistributable: no license)",
          file=sys.stderr)
    return unittest.skip(f"{TITLES_TSV} is absent (not redistributable: no license)")(test)
GEN = os.path.join(ROOT, "scripts", "gen_stdlib.py")
# The generator formats its output with `icp fmt`.
ICP = os.environ.get("ICP_BIN", os.path.join(ROOT, "build", "icp"))

KEYWORDS = set("""
import enum schema const def profile persona test let exclude signal trigger
tier group cap when on within halflife from if then else and or not in has any
all matches is missing present between true false int float bool string date
duration set as_of given expect fired unknown points excluded excluded_by score
confidence default""".split())


def read(name):
    with open(os.path.join(STD, name), encoding="utf-8") as f:
        return f.read()


def norm(s):
    return re.sub(r"[ -]", "_", s.strip()).lower()


_TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|[(),{}]', re.S)


def unescape(lit):
    body = lit[1:-1]
    return re.sub(r'\\u\{([0-9A-Fa-f]+)\}|\\(.)',
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else
                  {"n": "\n", "t": "\t"}.get(m.group(2), m.group(2)), body)


def enums(text):
    """{enum name: [(member, [aliases], is_default)]} from ICP source text."""
    out = {}
    for m in re.finditer(r"^enum\s+([A-Za-z_]\w*)\s*\{", text, re.M):
        pos, toks = m.end(), []
        while True:
            t = _TOKEN.match(text, pos)
            if not t:
                raise AssertionError(f"enum {m.group(1)}: cannot read at {text[pos:pos + 30]!r}")
            pos = t.end()
            tok = t.group(0)
            if tok.isspace() or tok.startswith(("//", "/*")):
                continue
            if tok == "}":
                break
            toks.append(tok)
        members, i = [], 0
        while i < len(toks):
            name = toks[i]
            i += 1
            aliases, default = [], False
            if i < len(toks) and toks[i] == "(":
                i += 1
                while toks[i] != ")":
                    if toks[i] != ",":
                        assert toks[i].startswith('"'), f"{name}: alias {toks[i]} is not a string"
                        aliases.append(unescape(toks[i]))
                    i += 1
                i += 1
            if i < len(toks) and toks[i] == "default":
                default = True
                i += 1
            members.append((name, aliases, default))
            if i < len(toks):
                assert toks[i] == ",", f"enum {m.group(1)}: expected ',' after {name}, got {toks[i]}"
                i += 1
        out[m.group(1)] = members
    return out


def def_body(text, name):
    m = re.search(rf"^def\s+{name}\(.*?\)\s*:\s*[\w?]+\s*=\s*\n(.*?)(?=\n\s*\n|\Z)", text, re.S | re.M)
    assert m, f"no def {name}"
    return re.sub(r"//[^\n]*", "", m.group(1))


class GeneratedFiles(unittest.TestCase):
    def test_generated_modules_are_up_to_date(self):
        for name in ("iso3166_countries_regions.csv", "naics2017_titles.json"):
            data_file(name)
        p = subprocess.run([sys.executable, GEN, "--check", "--data", DATA, "--icp", ICP],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_files_are_clean_utf8_without_control_characters(self):
        for name in ("geo.icp", "firmo.icp", "people.icp"):
            text = read(name)
            self.assertIsNone(re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text), name)
            self.assertFalse(text.startswith("\ufeff"), name)
            self.assertTrue(text.endswith("\n"), name)


class Enums(unittest.TestCase):
    def test_members_and_aliases_are_unambiguous(self):
        seen_enums = set()
        for name in ("geo.icp", "firmo.icp", "people.icp"):
            for enum, members in enums(read(name)).items():
                self.assertNotIn(enum, seen_enums, f"enum {enum} declared twice")
                seen_enums.add(enum)
                owner = {}
                self.assertLessEqual(sum(d for _, _, d in members), 1, f"{enum}: two defaults")
                for m, _, _ in members:
                    self.assertRegex(m, r"^[A-Za-z_][A-Za-z0-9_]*$")
                    self.assertNotIn(m, KEYWORDS, f"{enum}.{m} is a keyword")
                    self.assertNotIn(norm(m), owner, f"{enum}.{m} reads like {owner.get(norm(m))}")
                    owner[norm(m)] = m
                for m, aliases, _ in members:
                    for a in aliases:
                        self.assertEqual(a, a.strip(), f"{enum}.{m}: alias {a!r}")
                        self.assertTrue(a, f"{enum}.{m}: empty alias")
                        k = norm(a)
                        self.assertIn(owner.get(k, m), (m,), f"{enum}: {a!r} of {m} reads as {owner.get(k)}")
                        owner[k] = m
        self.assertTrue({"Country", "Region", "UsState", "Industry", "FundingStage", "EmployeeBand",
                         "Seniority", "Department"} <= seen_enums)

    def test_section_10_member_lists(self):
        e = {**enums(read("geo.icp")), **enums(read("firmo.icp")), **enums(read("people.icp"))}
        names = {k: [m for m, _, _ in v] for k, v in e.items()}
        self.assertEqual(names["Region"], ["north_america", "latin_america", "europe",
                                           "middle_east_africa", "asia_pacific"])
        self.assertEqual(names["Industry"], [
            "agriculture", "mining", "utilities", "construction", "manufacturing", "wholesale_trade",
            "retail_trade", "transportation_warehousing", "information", "finance_insurance",
            "real_estate", "professional_services", "management", "administrative_support",
            "educational_services", "health_care", "arts_entertainment", "accommodation_food",
            "other_services", "public_administration"])
        self.assertEqual(names["FundingStage"], ["bootstrapped", "pre_seed", "seed", "series_a",
                                                 "series_b", "series_c", "series_d_plus",
                                                 "private_equity", "public"])
        self.assertEqual(names["Seniority"], ["intern", "individual_contributor", "senior", "manager",
                                              "director", "vp", "c_level", "owner"])
        self.assertEqual(names["Department"], [
            "engineering", "it", "security", "data", "product", "design", "sales", "marketing",
            "customer_success", "finance", "hr", "legal", "operations", "executive", "other"])
        self.assertEqual(len(names["EmployeeBand"]), 8)
        self.assertIn("DC", names["UsState"])
        self.assertEqual(len(names["UsState"]), 56)

    def test_common_country_forms(self):
        reads = {}
        for m, aliases, _ in enums(read("geo.icp"))["Country"]:
            for a in [m] + aliases:
                reads[norm(a)] = m
        for value, code in [("United States", "US"), ("USA", "US"), ("us", "US"), ("U.S.", "US"),
                            ("United Kingdom", "GB"), ("UK", "GB"), ("England", "GB"),
                            ("Germany", "DE"), ("Deutschland", "DE"), ("South Korea", "KR"),
                            ("North Korea", "KP"), ("Russia", "RU"), ("Vietnam", "VN"),
                            ("Taiwan", "TW"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
                            ("Bolivia", "BO"), ("Iran", "IR"), ("IND", "IN"), ("in", "IN"),
                            ("Ivory Coast", "CI"), ("Cote d'Ivoire", "CI"), ("Turkey", "TR"),
                            ("DR Congo", "CD"), ("Congo", "CG"), ("Netherlands", "NL"),
                            ("Hong Kong", "HK"), ("UAE", "AE"), ("St. Lucia", "LC"),
                            ("Guinea-Bissau", "GW"), ("guinea bissau", "GW")]:
            self.assertEqual(reads.get(norm(value)), code, value)

    def test_every_iso_country_is_a_member(self):
        with open(data_file("iso3166_countries_regions.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        members = {m: a for m, a, _ in enums(read("geo.icp"))["Country"]}
        self.assertEqual(set(members), {r["alpha-2"] for r in rows})
        for r in rows:
            self.assertIn(r["name"], members[r["alpha-2"]])
            self.assertIn(r["alpha-3"], members[r["alpha-2"]] + (["USA"] if r["alpha-2"] == "US" else []))


def region_table():
    body = def_body(read("geo.icp"), "region")
    table = {}
    for m in re.finditer(r"c in \{([^}]*)\}\s*then\s+(\w+)", body):
        for code in m.group(1).replace("\n", " ").split(","):
            table.setdefault(code.strip(), m.group(2))
    fallback = re.search(r"else\s+(\w+)\s*$", body.strip()).group(1)
    return table, fallback


class Region(unittest.TestCase):
    def test_region_follows_un_m49(self):
        table, fallback = region_table()
        with open(data_file("iso3166_countries_regions.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            got = table.get(r["alpha-2"], fallback)
            sub, reg = r["sub-region"], r["region"]
            if sub == "Northern America":
                want = "north_america"
            elif sub == "Latin America and the Caribbean":
                want = "latin_america"
            elif reg == "Europe":
                want = "europe"
            elif reg == "Africa" or sub == "Western Asia":
                want = "middle_east_africa"
            else:   # the rest of Asia, Oceania, and TW / AQ which have no M49 region
                want = "asia_pacific"
            self.assertEqual(got, want, f"{r['alpha-2']} {r['name']}")

    def test_a_few_regions(self):
        table, fallback = region_table()
        for code, want in [("US", "north_america"), ("CA", "north_america"), ("MX", "latin_america"),
                           ("BR", "latin_america"), ("DE", "europe"), ("GB", "europe"),
                           ("RU", "europe"), ("AE", "middle_east_africa"), ("ZA", "middle_east_africa"),
                           ("IL", "middle_east_africa"), ("TR", "middle_east_africa"),
                           ("IN", "asia_pacific"), ("JP", "asia_pacific"), ("AU", "asia_pacific"),
                           ("TW", "asia_pacific"), ("AQ", "asia_pacific"), ("IR", "asia_pacific")]:
            self.assertEqual(table.get(code, fallback), want, code)


def naics_sector(code):
    """naics_sector() of firmo.icp, evaluated from its text."""
    text = read("firmo.icp")
    c = 0
    for lo, hi, k in re.findall(r"code between (\d+) and (\d+) then code(?: \* (\d+))?",
                                def_body(text, "naics_code6")):
        if int(lo) <= code <= int(hi):
            c = code * int(k or 1)
            break
    for lo, hi, member in re.findall(r"c between (\d+) and (\d+) then Industry\.(\w+)",
                                     def_body(text, "naics_sector6")):
        if int(lo) <= c <= int(hi):
            return member
    return None


class Firmo(unittest.TestCase):
    def test_naics_sector_examples(self):
        for code, want in [(11, "agriculture"), (111110, "agriculture"), (21, "mining"),
                           (2211, "utilities"), (23, "construction"), (31, "manufacturing"),
                           (32, "manufacturing"), (33, "manufacturing"), (334111, "manufacturing"),
                           (42, "wholesale_trade"), (44, "retail_trade"), (45, "retail_trade"),
                           (454110, "retail_trade"), (48, "transportation_warehousing"),
                           (4931, "transportation_warehousing"), (51, "information"),
                           (511210, "information"), (52, "finance_insurance"), (53, "real_estate"),
                           (541511, "professional_services"), (5415, "professional_services"),
                           (55, "management"), (56, "administrative_support"),
                           (61, "educational_services"), (62, "health_care"),
                           (71, "arts_entertainment"), (72, "accommodation_food"),
                           (81, "other_services"), (92, "public_administration"),
                           (921110, "public_administration")]:
            self.assertEqual(naics_sector(code), want, code)

    def test_naics_sector_unknown_prefix_is_missing(self):
        for code in [0, 1, 9, 10, 12, 30, 34, 43, 46, 47, 50, 99, 4321, 991234, 1000000, 5415110, -52]:
            self.assertIsNone(naics_sector(code), code)

    def test_no_sector_is_the_missing_expression(self):
        # LANGUAGE.md 0.2 section 5: `missing`, not the old `c / 0 > 0` workaround.
        body = def_body(read("firmo.icp"), "naics_sector6")
        last = body.strip().splitlines()[-1].strip()
        self.assertEqual(last, "else missing")
        self.assertNotIn("/ 0", body)

    def test_every_naics_code_maps_to_its_sector(self):
        with open(data_file("naics2017_titles.json"), encoding="utf-8") as f:
            naics = json.load(f)
        sector_of = {}
        for member, key in [("agriculture", "11"), ("mining", "21"), ("utilities", "22"),
                            ("construction", "23"), ("manufacturing", "31-33"),
                            ("wholesale_trade", "42"), ("retail_trade", "44-45"),
                            ("transportation_warehousing", "48-49"), ("information", "51"),
                            ("finance_insurance", "52"), ("real_estate", "53"),
                            ("professional_services", "54"), ("management", "55"),
                            ("administrative_support", "56"), ("educational_services", "61"),
                            ("health_care", "62"), ("arts_entertainment", "71"),
                            ("accommodation_food", "72"), ("other_services", "81"),
                            ("public_administration", "92")]:
            lo, _, hi = key.partition("-")
            for p in range(int(lo), int(hi or lo) + 1):
                sector_of[p] = member
        n = 0
        for key in naics:
            if key.isdigit():
                self.assertEqual(naics_sector(int(key)), sector_of[int(key[:2])], key)
                n += 1
        self.assertGreater(n, 2000)

    def test_employee_band(self):
        body = def_body(read("firmo.icp"), "employee_band")
        steps = [(int(n), m) for n, m in re.findall(r"n <= (\d+) then (\w+)", body)]
        last = re.search(r"else (\w+)\s*$", body.strip()).group(1)

        def band(n):
            return next((m for hi, m in steps if n <= hi), last)
        for n, want in [(-1, "e1_10"), (0, "e1_10"), (1, "e1_10"), (10, "e1_10"), (11, "e11_50"),
                        (50, "e11_50"), (51, "e51_200"), (200, "e51_200"), (201, "e201_500"),
                        (500, "e201_500"), (501, "e501_1000"), (1000, "e501_1000"),
                        (1001, "e1001_5000"), (5000, "e1001_5000"), (5001, "e5001_10000"),
                        (10000, "e5001_10000"), (10001, "e10001_plus"), (2_000_000, "e10001_plus")]:
            self.assertEqual(band(n), want, n)


# (title, seniority, department), hand-labelled.
TITLES = [
    ("VP, Platform Engineering", "vp", "engineering"),
    ("Sr. SRE", "senior", "engineering"),
    ("Head of RevOps", "director", "sales"),
    ("CFO", "c_level", "finance"),
    ("CTO", "c_level", "engineering"),
    ("CISO", "c_level", "security"),
    ("CEO", "c_level", "executive"),
    ("COO", "c_level", "executive"),
    ("President", "c_level", "executive"),
    ("President & CEO", "c_level", "executive"),
    ("Founder", "owner", "executive"),
    ("Co-Founder & CTO", "owner", "engineering"),
    ("Founder & CEO", "owner", "executive"),
    ("Owner", "owner", "executive"),
    ("Managing Partner", "owner", "executive"),
    ("Board Member", "c_level", "executive"),
    ("Chairman of the Board", "c_level", "executive"),
    ("Chief Revenue Officer", "c_level", "sales"),
    ("Chief People Officer", "c_level", "hr"),
    ("Chief Product Officer", "c_level", "product"),
    ("Chief Data Officer", "c_level", "data"),
    ("Chief Information Officer", "c_level", "it"),
    ("Chief Marketing Officer", "c_level", "marketing"),
    ("Chief Information Security Officer", "c_level", "security"),
    ("EVP, Chief Financial Officer", "c_level", "finance"),
    ("Vice President of Sales", "vp", "sales"),
    ("SVP Marketing", "vp", "marketing"),
    ("V.P. of Operations", "vp", "operations"),
    ("AVP, Data Engineering", "vp", "data"),
    ("Vice President", "vp", "other"),
    ("Director of Product Management", "director", "product"),
    ("Sr. Director, Customer Success", "director", "customer_success"),
    ("Dir. of IT", "director", "it"),
    ("Head of Security", "director", "security"),
    ("Head of Talent Acquisition", "director", "hr"),
    ("Director of FP&A", "director", "finance"),
    ("Managing Director", "director", "executive"),
    ("Executive Director", "director", "executive"),
    ("Chief of Staff", "director", "executive"),
    ("Director", "director", "other"),
    ("Engineering Manager", "manager", "engineering"),
    ("Mgr, Accounts Payable", "manager", "finance"),
    ("General Manager", "manager", "executive"),
    ("Customer Success Manager", "manager", "customer_success"),
    ("Product Marketing Manager", "manager", "marketing"),
    ("Sales Operations Manager", "manager", "sales"),
    ("Marketing Operations Manager", "manager", "marketing"),
    ("Operations Manager", "manager", "operations"),
    ("Team Lead, Backend", "manager", "engineering"),
    ("Tech Lead", "manager", "engineering"),
    ("Senior Software Engineer", "senior", "engineering"),
    ("Staff Engineer", "senior", "engineering"),
    ("Principal Data Scientist", "senior", "data"),
    ("Senior Account Executive", "senior", "sales"),
    ("Software Engineer", "individual_contributor", "engineering"),
    ("Jr. Developer", "individual_contributor", "engineering"),
    ("DevOps Engineer", "individual_contributor", "engineering"),
    ("QA Engineer", "individual_contributor", "engineering"),
    ("Electrical Design Engineer", "individual_contributor", "engineering"),
    ("Data Engineer", "individual_contributor", "data"),
    ("Machine Learning Engineer", "individual_contributor", "data"),
    ("Data Analyst", "individual_contributor", "data"),
    ("Account Executive", "individual_contributor", "sales"),
    ("Sales Development Representative", "individual_contributor", "sales"),
    ("Solutions Engineer", "individual_contributor", "sales"),
    ("Revenue Operations Analyst", "individual_contributor", "sales"),
    ("Lead Generation Specialist", "individual_contributor", "marketing"),
    ("Product Designer", "individual_contributor", "design"),
    ("Graphic Designer", "individual_contributor", "design"),
    ("UX Researcher", "individual_contributor", "design"),
    ("Product Owner", "individual_contributor", "product"),
    ("IT Support Specialist", "individual_contributor", "it"),
    ("Systems Administrator", "individual_contributor", "it"),
    ("Network Engineer", "individual_contributor", "it"),
    ("Security Engineer", "individual_contributor", "security"),
    ("Recruiter", "individual_contributor", "hr"),
    ("HR Business Partner", "individual_contributor", "hr"),
    ("Paralegal", "individual_contributor", "legal"),
    ("Financial Analyst", "individual_contributor", "finance"),
    ("Technical Support Engineer", "individual_contributor", "customer_success"),
    ("Supply Chain Analyst", "individual_contributor", "operations"),
    ("Executive Assistant to the CEO", "individual_contributor", "executive"),
    ("Consultant", "individual_contributor", "other"),
    ("", "individual_contributor", "other"),
    ("asdf qwerty", "individual_contributor", "other"),
    ("Marketing Intern", "intern", "marketing"),
    ("Software Engineering Intern", "intern", "engineering"),
    ("Internal Audit Manager", "manager", "finance"),
    ("International Sales Director", "director", "sales"),
]


class People(unittest.TestCase):
    def setUp(self):
        self.seniority = icp_chain.read_chain("seniority_of")
        self.department = icp_chain.read_chain("department_of")

    def test_results_are_members(self):
        for chain, enum in ((self.seniority, "Seniority"), (self.department, "Department")):
            members = icp_chain.enum_members(enum)
            for _, _, m, line in chain.rules:
                self.assertIn(m, members, f"people.icp:{line}")
            self.assertIn(chain.fallback, members)
        self.assertEqual(self.seniority.fallback, "individual_contributor")
        self.assertEqual(self.department.fallback, "other")

    def test_hand_labelled_titles(self):
        for title, seniority, department in TITLES:
            self.assertEqual(self.seniority.classify(title)[0], seniority, title)
            self.assertEqual(self.department.classify(title)[0], department, title)

    def test_case_does_not_matter(self):
        for title, seniority, department in TITLES:
            for t in (title.upper(), title.lower()):
                self.assertEqual(self.seniority.classify(t)[0], seniority, t)
                self.assertEqual(self.department.classify(t)[0], department, t)

    @needs_titles
    def test_agreement_with_labelled_titles(self):
        p = subprocess.run([sys.executable, os.path.join(HERE, "seniority_check.py"), "--quiet",
                            "--min", "90"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    @needs_titles
    @unittest.skipUnless(os.path.exists("/usr/include/re2/re2.h"), "RE2 not available")
    def test_re2_agrees_with_python_re(self):
        p = subprocess.run([sys.executable, os.path.join(HERE, "seniority_check.py"), "--quiet",
                            "--re2"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("re2: agrees with re on department_of", p.stdout)


if __name__ == "__main__":
    unittest.main()
