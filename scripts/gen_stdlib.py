#!/usr/bin/env python3
"""Generates the table-like modules of the ICP standard library.

    python3 scripts/gen_stdlib.py            write stdlib/std/geo.icp and stdlib/std/firmo.icp
    python3 scripts/gen_stdlib.py --check    exit 1 if the committed files differ from the output

The output goes through `icp fmt`, so the committed files are in the canonical layout like every
other .icp file (`--icp PATH`, default $ICP_BIN, else build/icp, else `icp` on PATH).

Inputs, in stdlib/data (provenance and licences in stdlib/data/SOURCES.md; another folder
with --data DIR or ICP_DATA_DIR):
  iso3166_countries_regions.csv   ISO 3166-1 names, alpha-2/alpha-3 codes, UN M49 regions
  naics2017_titles.json           NAICS titles (naics2017_descriptions.json without the
                                  descriptions; the 20 sector titles are the same in NAICS 2022)

Everything else (common country names, US states, industry aliases, funding stages, employee
bands) is written down in this file. Python 3 standard library only; the output depends only on
the inputs (sorted, no dates, no environment), so running it twice gives the same bytes.

ICP reads an enum value by comparing it with the member names and aliases case-insensitively,
with spaces and hyphens read as `_` (LANGUAGE.md section 8). The generator checks that no two
members of an enum share a name or alias after that normalisation, that no member name is a
keyword, and fails loudly otherwise.
"""

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.environ.get("ICP_DATA_DIR", os.path.join(ROOT, "stdlib", "data"))
OUT_DIR = os.path.join(ROOT, "stdlib", "std")

# LANGUAGE.md section 2.
KEYWORDS = set("""
import enum schema const def profile persona test let exclude signal trigger
tier group cap when on within halflife from if then else and or not in has any
all matches is missing present between true false int float bool string date
duration set as_of given expect fired unknown points excluded excluded_by score
confidence default""".split())

WIDTH = 110  # wrap alias lists and sets before this column


# --------------------------------------------------------------------------- helpers

def norm(s):
    """How the data reader compares an enum value (LANGUAGE.md section 8)."""
    return re.sub(r"[ -]", "_", s.strip()).lower()


def ascii_fold(s):
    """'Côte d'Ivoire' -> 'Cote d'Ivoire' (drops combining marks)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def icp_string(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dedupe(member, aliases):
    """Drops aliases that read the same as the member name or an earlier alias."""
    seen = {norm(member)}
    out = []
    for a in aliases:
        if norm(a) not in seen:
            seen.add(norm(a))
            out.append(a)
    return out


def check_enum(name, members):
    """members: list of (member, aliases). Raises on any ambiguity."""
    owner = {}
    for m, _ in members:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", m):
            raise SystemExit(f"{name}.{m}: not an identifier")
        if m in KEYWORDS:
            raise SystemExit(f"{name}.{m}: a keyword cannot be a member name")
        if norm(m) in owner:
            raise SystemExit(f"{name}: members {owner[norm(m)]} and {m} read the same")
        owner[norm(m)] = m
    for m, aliases in members:
        for a in aliases:
            if not a.strip() or a != a.strip():
                raise SystemExit(f"{name}.{m}: alias {a!r} is blank or has surrounding spaces")
            k = norm(a)
            if k in owner and owner[k] != m:
                raise SystemExit(f"{name}: alias {a!r} of {m} reads as {owner[k]}")
            owner[k] = m


def wrap_items(items, first_prefix, cont_prefix, close, width=WIDTH):
    """Lays out `first_prefix item, item, ... close`, wrapping after commas."""
    lines = []
    cur = first_prefix
    for i, it in enumerate(items):
        piece = it + ("," if i < len(items) - 1 else close)
        candidate = cur + ("" if cur.endswith(("(", "{", " ")) else " ") + piece
        if len(candidate) > width and cur.strip() not in ("", first_prefix.strip()):
            lines.append(cur.rstrip())
            cur = cont_prefix + piece
        else:
            cur = candidate
    if not items:
        cur += close
    lines.append(cur.rstrip())
    return lines


def enum_member_lines(member, aliases, is_last, doc=None, indent="  ", default=False):
    out = []
    if doc:
        out.append(f"{indent}/// {doc}")
    tail = (" default" if default else "") + ("" if is_last else ",")
    if not aliases:
        out.append(f"{indent}{member}{tail}")
        return out
    head = f"{indent}{member} ("
    cont = " " * len(head)
    out.extend(wrap_items([icp_string(a) for a in aliases], head, cont, ")" + tail))
    return out


def emit_enum(name, members, docs=None, default=None):
    """members: list of (member, aliases); docs: member -> doc line."""
    check_enum(name, members)
    lines = [f"enum {name} {{"]
    for i, (m, aliases) in enumerate(members):
        lines.extend(enum_member_lines(m, aliases, i == len(members) - 1,
                                       (docs or {}).get(m), default=(m == default)))
    lines.append("}")
    return lines


# --------------------------------------------------------------------------- std/geo

# Common forms by alpha-2 code, added to what the generator derives from the ISO name.
COUNTRY_EXTRA = {
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "AX": ["Aland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BN": ["Brunei"],
    "BO": ["Bolivia"],
    "BQ": ["Caribbean Netherlands"],
    "BR": ["Brasil"],
    "BS": ["The Bahamas"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo (Kinshasa)"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo (Brazzaville)"],
    "CH": ["Schweiz", "Suisse"],
    "CI": ["Ivory Coast"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "DE": ["Deutschland"],
    "ES": ["España"],
    "FK": ["Falklands"],
    "FM": ["Micronesia"],
    "GB": ["United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England", "Scotland",
           "Wales", "Northern Ireland"],
    "GM": ["The Gambia"],
    "HK": ["Hong Kong SAR", "Hong Kong SAR China"],
    "IE": ["Republic of Ireland"],
    "IR": ["Iran"],
    "IT": ["Italia"],
    "KP": ["North Korea", "DPRK"],
    "KR": ["South Korea", "Korea", "Republic of Korea", "ROK"],
    "LA": ["Laos", "Lao PDR"],
    "MD": ["Moldova"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macau", "Macao SAR"],
    "MX": ["México"],
    "NL": ["Netherlands", "The Netherlands", "Holland", "Nederland"],
    "PN": ["Pitcairn Islands"],
    "PS": ["Palestine", "Palestinian Territories"],
    "RU": ["Russia"],
    "SA": ["KSA"],
    "SH": ["Saint Helena"],
    "SY": ["Syria"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Turkey", "Turkiye"],
    "TW": ["Taiwan"],
    "TZ": ["Tanzania"],
    "US": ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "America"],
    "VA": ["Vatican", "Vatican City", "Vatican City State"],
    "VE": ["Venezuela"],
    "VG": ["British Virgin Islands", "BVI"],
    "VI": ["US Virgin Islands", "U.S. Virgin Islands", "USVI"],
    "VN": ["Vietnam"],
}

# Forms the generator would derive but that name two countries: dropped, not guessed.
COUNTRY_DROP = {
    "CD": {"Congo"},            # "Congo, Democratic Republic of the" -> "Congo" is CG's name
    "KP": {"Korea"},            # "Korea" alone is read as South Korea (KR), see stdlib/README.md
    "VG": {"Virgin Islands"},   # "Virgin Islands (British)" vs "Virgin Islands (U.S.)"
    "VI": {"Virgin Islands"},
}

# UN M49 -> Region. Checked in this order: sub-region, then region.
REGION_BY_SUBREGION = {
    "Northern America": "north_america",
    "Latin America and the Caribbean": "latin_america",
    "Western Asia": "middle_east_africa",
}
REGION_BY_REGION = {
    "Europe": "europe",
    "Africa": "middle_east_africa",
    "Asia": "asia_pacific",
    "Oceania": "asia_pacific",
}
# Rows the CSV leaves without a region.
REGION_FIXED = {
    "TW": "asia_pacific",  # not listed by M49; geographically Eastern Asia
    "AQ": "asia_pacific",  # no M49 region; see stdlib/README.md
}
# (member, aliases, doc). No "NA" (it usually means "not available") and no "EMEA" (two members).
REGION_MEMBERS = [
    ("north_america", ["North America", "NORAM", "NAM"], "UN M49 Northern America: US, CA, BM, GL, PM."),
    ("latin_america", ["Latin America", "LATAM", "Latin America and the Caribbean", "South America",
                       "Central America", "Caribbean"],
     "UN M49 Latin America and the Caribbean (Mexico southwards, the Caribbean)."),
    ("europe", ["Europe", "EU"], "UN M49 Europe."),
    ("middle_east_africa", ["Middle East and Africa", "Middle East & Africa", "MEA", "Middle East",
                            "Africa"],
     "UN M49 Africa and Western Asia (the Middle East, the Caucasus, Cyprus, Türkiye)."),
    ("asia_pacific", ["Asia Pacific", "APAC", "APJ", "Asia", "Oceania"],
     "The rest of Asia (Central, Eastern, Southern, South-eastern) and Oceania."),
]
REGIONS = [m for m, _, _ in REGION_MEMBERS]


def country_aliases(row):
    code, name, a3 = row["alpha-2"], row["name"], row["alpha-3"]
    forms = [name]
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()          # "Falkland Islands (Malvinas)"
    forms.append(base)
    m = re.fullmatch(r"(.+?), (.+)", base)
    if m:
        head, tail = m.group(1), m.group(2)
        forms.append(head)                                     # "Bolivia"
        if re.search(r"\bof( the)?$", tail):
            forms.append(f"{tail} {head}")                     # "Plurinational State of Bolivia"
    if name.startswith("United Kingdom"):
        forms = [name]
    forms += COUNTRY_EXTRA.get(code, [])
    forms = [f for f in forms if f not in COUNTRY_DROP.get(code, set())]
    forms += [p + f[6:] for f in forms                         # "St. Lucia", "St Lucia"
              if f.startswith("Saint ") and not re.search(r"[,(]", f) for p in ("St. ", "St ")]
    forms += [ascii_fold(f) for f in forms]                    # "Cote d'Ivoire", "Turkiye"
    forms.append(a3)
    return dedupe(code, forms)


def country_region(row):
    code = row["alpha-2"]
    if code in REGION_FIXED:
        return REGION_FIXED[code]
    if row["sub-region"] in REGION_BY_SUBREGION:
        return REGION_BY_SUBREGION[row["sub-region"]]
    if row["region"] in REGION_BY_REGION:
        return REGION_BY_REGION[row["region"]]
    raise SystemExit(f"{code}: no region for {row['region']!r} / {row['sub-region']!r}")


# (postal code, name, AP style abbreviation or None). The 50 states, DC and the inhabited
# territories that have a USPS code.
US_STATES = [
    ("AL", "Alabama", "Ala."), ("AK", "Alaska", None), ("AZ", "Arizona", "Ariz."),
    ("AR", "Arkansas", "Ark."), ("CA", "California", "Calif."), ("CO", "Colorado", "Colo."),
    ("CT", "Connecticut", "Conn."), ("DE", "Delaware", "Del."), ("FL", "Florida", "Fla."),
    ("GA", "Georgia", "Ga."), ("HI", "Hawaii", None), ("ID", "Idaho", None),
    ("IL", "Illinois", "Ill."), ("IN", "Indiana", "Ind."), ("IA", "Iowa", None),
    ("KS", "Kansas", "Kan."), ("KY", "Kentucky", "Ky."), ("LA", "Louisiana", "La."),
    ("ME", "Maine", None), ("MD", "Maryland", "Md."), ("MA", "Massachusetts", "Mass."),
    ("MI", "Michigan", "Mich."), ("MN", "Minnesota", "Minn."), ("MS", "Mississippi", "Miss."),
    ("MO", "Missouri", "Mo."), ("MT", "Montana", "Mont."), ("NE", "Nebraska", "Neb."),
    ("NV", "Nevada", "Nev."), ("NH", "New Hampshire", "N.H."), ("NJ", "New Jersey", "N.J."),
    ("NM", "New Mexico", "N.M."), ("NY", "New York", "N.Y."), ("NC", "North Carolina", "N.C."),
    ("ND", "North Dakota", "N.D."), ("OH", "Ohio", None), ("OK", "Oklahoma", "Okla."),
    ("OR", "Oregon", "Ore."), ("PA", "Pennsylvania", "Pa."), ("RI", "Rhode Island", "R.I."),
    ("SC", "South Carolina", "S.C."), ("SD", "South Dakota", "S.D."),
    ("TN", "Tennessee", "Tenn."), ("TX", "Texas", None), ("UT", "Utah", None),
    ("VT", "Vermont", "Vt."), ("VA", "Virginia", "Va."), ("WA", "Washington", "Wash."),
    ("WV", "West Virginia", "W.Va."), ("WI", "Wisconsin", "Wis."), ("WY", "Wyoming", "Wyo."),
    ("DC", "District of Columbia", "D.C."),
    ("AS", "American Samoa", None), ("GU", "Guam", None),
    ("MP", "Northern Mariana Islands", None), ("PR", "Puerto Rico", None),
    ("VI", "U.S. Virgin Islands", None),
]
US_STATE_EXTRA = {
    "DC": ["Washington DC", "Washington D.C.", "Washington, D.C.", "Washington, DC"],
    "VI": ["US Virgin Islands", "United States Virgin Islands", "Virgin Islands"],
}


def gen_geo(data_dir):
    path = os.path.join(data_dir, "iso3166_countries_regions.csv")
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["alpha-2"])
    codes = {r["alpha-2"] for r in rows}
    for table in (COUNTRY_EXTRA, COUNTRY_DROP):
        unknown = set(table) - codes
        if unknown:
            raise SystemExit(f"unknown country codes in the tables: {sorted(unknown)}")

    out = [
        "/// Geography: ISO 3166-1 countries, sales regions (after UN M49) and US states.",
        "///",
        "/// GENERATED by scripts/gen_stdlib.py from iso3166_countries_regions.csv; do not edit by",
        "/// hand: change the script and run `python3 scripts/gen_stdlib.py`.",
        "",
        "/// A country: the ISO 3166-1 alpha-2 code is the member name (`US`, `DE`, `IN`); the ISO",
        "/// English short name, its common forms and the alpha-3 code are aliases, so \"United States\",",
        "/// \"USA\", \"us\" and \"U.S.\" all read as `US`. Members are ordered by code.",
    ]
    members = [(r["alpha-2"], country_aliases(r)) for r in rows]
    docs = {}
    for r in rows:
        where = " / ".join(x for x in (r["region"], r["sub-region"]) if x) or "no UN M49 region"
        docs[r["alpha-2"]] = f"{r['name']} ({where})"
    out += emit_enum("Country", members, docs)

    region_of = {r["alpha-2"]: country_region(r) for r in rows}
    out += [
        "",
        "/// A sales region. `region(c)` maps every country to one.",
    ]
    out += emit_enum("Region", [(m, dedupe(m, a)) for m, a, _ in REGION_MEMBERS],
                     {m: d for m, _, d in REGION_MEMBERS})
    out += [
        "",
        "/// The sales region of a country, after the UN M49 geoscheme: Northern America ->",
        "/// `north_america`; Latin America and the Caribbean -> `latin_america`; Europe -> `europe`;",
        "/// Africa and Western Asia -> `middle_east_africa`; the rest of Asia and Oceania ->",
        "/// `asia_pacific`. M49 puts Iran in Southern Asia (so `asia_pacific`) and Cyprus, Türkiye,",
        "/// Georgia, Armenia and Azerbaijan in Western Asia (so `middle_east_africa`). Taiwan, which",
        "/// M49 does not list, is `asia_pacific`, and so is Antarctica (AQ). Territories follow M49,",
        "/// e.g. Greenland and Bermuda are `north_america`, Puerto Rico is `latin_america`.",
        "def region(c: Country): Region =",
    ]
    first = True
    for reg in REGIONS[:-1]:
        members_of = sorted(c for c, g in region_of.items() if g == reg)
        head = ("  if c in {" if first else "  else if c in {")
        out += wrap_items(members_of, head, " " * len(head), "} then " + reg)
        first = False
    rest = sorted(c for c, g in region_of.items() if g == REGIONS[-1])
    out += [f"  // {REGIONS[-1]}: " + line for line in
            _chunks(" ".join(rest), WIDTH - len(REGIONS[-1]) - 8)]
    out.append(f"  else {REGIONS[-1]}")

    states = []
    sdocs = {}
    for code, name, ap in US_STATES:
        aliases = [name] + US_STATE_EXTRA.get(code, []) + ([ap] if ap else [])
        states.append((code, dedupe(code, aliases)))
        sdocs[code] = name
    out += [
        "",
        "/// A US state, the District of Columbia or an inhabited US territory: the USPS postal code",
        "/// is the member name (`CA`, `NY`, `IN`); the full name and the AP style abbreviation",
        "/// (\"Calif.\") are aliases.",
    ]
    out += emit_enum("UsState", states, sdocs)
    return out, region_of


def _chunks(text, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    if cur:
        lines.append(cur)
    return lines


# --------------------------------------------------------------------------- std/firmo

# (member, NAICS key in the data, common words). Common words must be defensible as the NAICS
# sector of most companies that describe themselves that way; see stdlib/README.md.
INDUSTRIES = [
    ("agriculture", "11", ["Agriculture", "Farming", "Forestry", "Fishing", "Agribusiness"]),
    ("mining", "21", ["Mining and Quarrying", "Oil and Gas", "Oil & Gas", "Oil and Gas Extraction",
                      "Quarrying"]),
    ("utilities", "22", ["Energy", "Electric Utilities", "Power Generation", "Renewable Energy",
                         "Renewables", "Water Utilities"]),
    ("construction", "23", ["Building Construction", "Engineering & Construction",
                            "Engineering and Construction", "Homebuilding"]),
    ("manufacturing", "31-33", ["Industrial Manufacturing", "Automotive", "Motor Vehicles & Parts",
                                "Aerospace", "Aerospace & Defense", "Chemicals", "Pharmaceuticals",
                                "Semiconductors", "Electronics", "Computer Hardware",
                                "Machinery", "Textiles"]),
    ("wholesale_trade", "42", ["Wholesale", "Wholesalers", "Wholesale Distribution", "Distribution"]),
    ("retail_trade", "44-45", ["Retail", "Retailing", "E-commerce", "Ecommerce", "Online Retail",
                               "Food & Drug Stores"]),
    ("transportation_warehousing", "48-49", [
        "Transportation", "Transport", "Logistics", "Logistics & Transportation",
        "Transportation & Logistics", "Logistics and Supply Chain", "Warehousing", "Shipping",
        "Trucking", "Airlines"]),
    ("information", "51", ["Software", "Computer Software", "SaaS", "Internet", "Technology", "Tech",
                           "Information Technology", "Media", "Publishing", "Broadcasting",
                           "Telecommunications", "Telecom", "Telecoms"]),
    ("finance_insurance", "52", ["Finance", "Financial Services", "Financials", "Banking", "Banks",
                                 "Insurance", "Fintech", "Investment Banking",
                                 "Investment Management", "Asset Management", "Capital Markets",
                                 "Venture Capital", "Private Equity"]),
    ("real_estate", "53", ["Commercial Real Estate", "Property Management", "Rental and Leasing"]),
    ("professional_services", "54", [
        "Professional Services", "Consulting", "Management Consulting", "IT Services",
        "IT Consulting", "Information Technology and Services", "Information Technology & Services",
        "Legal Services", "Law Practice", "Accounting", "Architecture", "Engineering",
        "Engineering Services", "Advertising", "Advertising & Marketing",
        "Marketing and Advertising", "Research and Development"]),
    ("management", "55", ["Management of Companies", "Holding Companies", "Holding Company",
                          "Corporate Headquarters"]),
    ("administrative_support", "56", [
        "Administrative and Support Services", "Administrative Services", "Waste Management",
        "Environmental Services", "Staffing", "Staffing and Recruiting", "Facilities Services"]),
    ("educational_services", "61", ["Education", "Higher Education", "Education Management",
                                     "Primary/Secondary Education", "Schools", "Universities"]),
    ("health_care", "62", ["Healthcare", "Health", "Hospitals", "Hospital & Health Care",
                           "Hospitals and Health Care", "Medical Practice", "Social Assistance"]),
    ("arts_entertainment", "71", ["Arts", "Entertainment", "Recreation", "Sports", "Fitness",
                                  "Museums", "Gambling & Casinos"]),
    ("accommodation_food", "72", ["Accommodation", "Hospitality", "Hotels", "Lodging", "Restaurants",
                                  "Food Services", "Food and Beverage Services",
                                  "Hotels, Restaurants & Leisure"]),
    ("other_services", "81", ["Other Services", "Repair and Maintenance", "Personal Services",
                              "Nonprofit", "Non-profit", "Nonprofit Organization Management",
                              "Religious Institutions", "Civic and Social Organizations"]),
    ("public_administration", "92", ["Government", "Public Sector", "Government Administration",
                                     "Federal Government", "State Government", "Local Government",
                                     "Military"]),
]

# 2-digit NAICS prefixes of each sector, for naics_sector().
SECTOR_PREFIXES = {"31-33": [31, 32, 33], "44-45": [44, 45], "48-49": [48, 49]}

FUNDING_STAGES = [
    ("bootstrapped", ["Self-funded", "Self funded", "Bootstrap", "Unfunded"],
     "No outside equity funding."),
    ("pre_seed", ["Preseed", "Angel", "Angel Round"], "Pre-seed or angel money."),
    ("seed", ["Seed Round"], "A seed round."),
    ("series_a", ["Series A Round"], "A Series A round."),
    ("series_b", ["Series B Round"], "A Series B round."),
    ("series_c", ["Series C Round"], "A Series C round."),
    ("series_d_plus", ["Series D", "Series E", "Series F", "Series G", "Series H", "Series I",
                       "Series J", "Series D+", "Series D Round", "Series E Round", "Late Stage",
                       "Late Stage Venture"], "Series D or later."),
    ("private_equity", ["PE", "PE-backed", "Private Equity Round", "Private Equity Backed",
                        "Buyout", "LBO", "Leveraged Buyout"], "Owned or backed by private equity."),
    ("public", ["IPO", "Public Company", "Publicly Traded", "Listed", "Post-IPO", "Post IPO",
                "Post-IPO Equity", "Post-IPO Debt"], "Listed on a stock exchange."),
]

# (member, low, high or None, aliases)
EMPLOYEE_BANDS = [
    ("e1_10", 1, 10, ["1-10", "1-10 employees", "0-10", "2-10", "2-10 employees", "0-1", "1"]),
    ("e11_50", 11, 50, ["11-50", "11-50 employees", "10-50"]),
    ("e51_200", 51, 200, ["51-200", "51-200 employees", "50-200"]),
    ("e201_500", 201, 500, ["201-500", "201-500 employees", "200-500"]),
    ("e501_1000", 501, 1000, ["501-1000", "501-1,000", "501-1000 employees", "501-1,000 employees",
                              "500-1000"]),
    ("e1001_5000", 1001, 5000, ["1001-5000", "1,001-5,000", "1001-5000 employees",
                                "1,001-5,000 employees", "1000-5000"]),
    ("e5001_10000", 5001, 10000, ["5001-10000", "5,001-10,000", "5001-10000 employees",
                                  "5,001-10,000 employees", "5000-10000"]),
    ("e10001_plus", 10001, None, ["10001+", "10,001+", "10001+ employees", "10,001+ employees",
                                  "10000+", "10,000+", "10k+"]),
]


def naics_title(d, key):
    t = d[key]["Title"].strip()
    return t[:-1] if t.endswith("T") and not t.endswith(" T") else t   # Census footnote marker


def gen_firmo(data_dir):
    with open(os.path.join(data_dir, "naics2017_titles.json"), encoding="utf-8") as f:
        naics = json.load(f)
    members, docs, prefix_of = [], {}, {}
    for member, key, words in INDUSTRIES:
        title = naics_title(naics, key)
        members.append((member, dedupe(member, [title] + words)))
        docs[member] = f"NAICS {key}: {title}"
        for p in (SECTOR_PREFIXES[key] if key in SECTOR_PREFIXES else [int(key)]):
            prefix_of[p] = member
    # Every 2-digit prefix in the data has a sector, and only those do.
    data_prefixes = {int(k[:2]) for k in naics if k[:2].isdigit()}
    if data_prefixes != set(prefix_of):
        raise SystemExit(f"NAICS prefixes differ: data {sorted(data_prefixes)}, "
                         f"table {sorted(prefix_of)}")

    out = [
        "/// Firmographics: NAICS industry sectors, funding stages and employee bands.",
        "///",
        "/// GENERATED by scripts/gen_stdlib.py from naics2017_descriptions.json; do not edit by hand:",
        "/// change the script and run `python3 scripts/gen_stdlib.py`.",
        "",
        "/// The 20 NAICS 2022 sectors. Aliases are the official sector title and common words",
        "/// that name the sector of most companies that use them (\"Software\" -> `information`,",
        "/// \"IT Services\" -> `professional_services`); see stdlib/README.md for the choices. There is",
        "/// no `default` member: a value that is none of these rejects the row (or, with",
        "/// `--lenient`, reads as missing for an `Industry?` field).",
    ]
    out += emit_enum("Industry", members, docs)

    out += [
        "",
        "/// Normalises a 2 to 6 digit NAICS code to six digits by appending zeros (`52` -> 520000,",
        "/// `5415` -> 541500); any other number is 0. Helper of `naics_sector`.",
        "def naics_code6(code: int): int =",
        "  if code between 10 and 99 then code * 10000",
        "  else if code between 100 and 999 then code * 1000",
        "  else if code between 1000 and 9999 then code * 100",
        "  else if code between 10000 and 99999 then code * 10",
        "  else if code between 100000 and 999999 then code",
        "  else 0",
        "",
        "/// The NAICS sector of a 2 to 6 digit NAICS code, from its first two digits (31-33, 44-45",
        "/// and 48-49 are one sector each): `naics_sector(541511)` is `professional_services`,",
        "/// `naics_sector(32)` is `manufacturing`. A code whose first two digits are no sector",
        "/// (`99`, `4321`), or that has fewer than 2 or more than 6 digits, is missing.",
        "def naics_sector(code: int): Industry? = naics_sector6(naics_code6(code))",
        "",
        "/// The sector of a six-digit NAICS code (see `naics_code6`); missing when there is none.",
        "def naics_sector6(c: int): Industry? =",
    ]
    # Contiguous prefix runs of the same sector become one range.
    runs = []
    for p in sorted(prefix_of):
        if runs and runs[-1][1] == p - 1 and runs[-1][2] == prefix_of[p]:
            runs[-1][1] = p
        else:
            runs.append([p, p, prefix_of[p]])
    for i, (lo, hi, member) in enumerate(runs):
        kw = "if" if i == 0 else "else if"
        out.append(f"  {kw} c between {lo}0000 and {hi}9999 then Industry.{member}")
    out += [
        "  else missing",
    ]

    out += [
        "",
        "/// The latest funding stage of a company, ordered (`stage >= series_b` works). Crunchbase",
        "/// style values (\"Series A\", \"Pre-Seed\", \"Post-IPO Equity\") read as the matching member.",
    ]
    out += emit_enum("FundingStage", [(m, dedupe(m, a)) for m, a, _ in FUNDING_STAGES],
                     {m: d for m, _, d in FUNDING_STAGES})

    bands = []
    bdocs = {}
    for m, lo, hi, aliases in EMPLOYEE_BANDS:
        bands.append((m, dedupe(m, aliases)))
        bdocs[m] = f"{lo} to {hi} employees" if hi else f"{lo} employees or more"
    out += [
        "",
        "/// Company size in the usual (LinkedIn) employee bands, ordered: `e1_10` < `e11_50` < ...",
        "/// Band labels such as \"51-200\", \"1,001-5,000\" or \"10,001+\" read as the matching member.",
    ]
    out += emit_enum("EmployeeBand", bands, bdocs)
    out += [
        "",
        "/// The employee band of a head count. Counts below 1 are `e1_10`.",
        "def employee_band(n: int): EmployeeBand =",
    ]
    for i, (m, lo, hi, _) in enumerate(EMPLOYEE_BANDS):
        if hi is None:
            out.append(f"  else {m}")
        else:
            kw = "if" if i == 0 else "else if"
            out.append(f"  {kw} n <= {hi} then {m}")
    return out


# --------------------------------------------------------------------------- main

def render(lines):
    text = "\n".join(lines) + "\n"
    for i, line in enumerate(text.splitlines(), 1):
        if len(line) > 120:
            raise SystemExit(f"generated line {i} is longer than 120 characters: {line}")
    return text


def find_icp(given):
    if given:
        return given
    if os.environ.get("ICP_BIN"):
        return os.environ["ICP_BIN"]
    built = os.path.join(ROOT, "build", "icp")
    if os.path.exists(built):
        return built
    found = shutil.which("icp")
    if not found:
        raise SystemExit("gen_stdlib: no icp binary to format the output with (build it, or pass --icp)")
    return found


def formatted(icp, name, text):
    """text in the canonical layout of `icp fmt`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        p = subprocess.run([icp, "fmt", "-w", path], capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"gen_stdlib: `icp fmt` failed on the generated {name}:\n{p.stdout}{p.stderr}")
        with open(path, encoding="utf-8") as f:
            return f.read()


def outputs(data_dir, icp):
    geo, _ = gen_geo(data_dir)
    return {
        os.path.join(OUT_DIR, "geo.icp"): formatted(icp, "geo.icp", render(geo)),
        os.path.join(OUT_DIR, "firmo.icp"): formatted(icp, "firmo.icp", render(gen_firmo(data_dir))),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with the input data files")
    ap.add_argument("--check", action="store_true", help="only compare with the committed files")
    ap.add_argument("--icp", default="", help="the icp binary whose `fmt` lays out the output")
    args = ap.parse_args()
    stale = []
    for path, text in outputs(args.data, find_icp(args.icp)).items():
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path, ROOT)}")
    if stale:
        print("out of date (run python3 scripts/gen_stdlib.py): " +
              ", ".join(os.path.relpath(p, ROOT) for p in stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
