#!/usr/bin/env python3
"""Check Geo/countries50.geojson, Geo/capitals.csv and Geo/cities.csv together.

Usage (from the repo root):
    pip install shapely            # countryinfo too, for the optional cross-check
    python3 Geo/tools/check_gazetteer.py

Fails (exit 1) on: a bad key or property in the GeoJSON, a CSV row without a
country, a bad region, an empty source, or a point more than 25 km outside its
country's polygon. Points outside but within 25 km (coastal capitals on a
coastline drawn at 1:50m) are printed as exceptions, and so are the few capitals
in KNOWN_FAR whose island NE leaves out; Geo/README.md lists them all.
"""
import csv
import glob
import json
import math
import os
import sys

from shapely import make_valid
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

GEO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE_KM = 25
# Capitals more than 25 km outside their polygon because NE 1:50m does not draw
# their island at all; the coordinates are right, the map is coarse.
KNOWN_FAR = {
    "PN": "Pitcairn Island is not in NE 1:50m (only Henderson Island is)",
    "TC": "Grand Turk is not in NE 1:50m (only the Caicos Islands are)",
}
REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"}
PROPS = {"iso2", "iso3", "adm0_a3", "name", "pop_est"}

failures, passed = [], 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)


def km(a, b):
    """Great-circle distance between two shapely points (x=lon, y=lat)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.y, a.x, b.y, b.x))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read_csv(name):
    with open(os.path.join(GEO, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def locate(rows, label, polys):
    """Point-in-polygon for each row; returns the rows outside (with distance)."""
    outside = []
    for r in rows:
        iso2 = r["iso2"]
        if iso2 not in polys:
            check(False, f"{label} {iso2} {r[label]}: no such country")
            continue
        pt = Point(float(r["lon"]), float(r["lat"]))
        poly = polys[iso2]
        if poly.covers(pt):
            check(True, "")
            continue
        d = km(pt, nearest_points(poly, pt)[0])
        known = KNOWN_FAR.get(iso2) if label == "capital" else None
        outside.append((iso2, r[label] or "(no capital)", d, known))
        check(d <= TOLERANCE_KM or known, f"{label} {iso2} {r[label]}: {d:.1f} km outside {iso2}")
    return outside


def main():
    with open(os.path.join(GEO, "countries50.geojson"), encoding="utf-8") as f:
        feats = json.load(f)["features"]
    check(len(feats) == 241, f"countries50: {len(feats)} features, want 241")
    iso2s = [x["properties"]["iso2"] for x in feats]
    check(len(set(iso2s)) == len(iso2s), "countries50: iso2 not unique")
    for x in feats:
        p = x["properties"]
        check(set(p) == PROPS, f"countries50 {p.get('iso2')}: properties {sorted(p)}")
        check(isinstance(p["iso2"], str) and len(p["iso2"]) == 2 and p["iso2"] != "-99",
              f"countries50: bad iso2 {p['iso2']!r} ({p['name']})")
        check(isinstance(p["iso3"], str) and len(p["iso3"]) == 3, f"countries50 {p['iso2']}: bad iso3")
        check(isinstance(p["pop_est"], int), f"countries50 {p['iso2']}: pop_est not a number")
    # make_valid: NE's India polygon self-intersects (as in the source), which
    # would make point-in-polygon tests unreliable.
    polys = {x["properties"]["iso2"]: make_valid(shape(x["geometry"])) for x in feats}
    iso3 = {x["properties"]["iso2"]: x["properties"]["iso3"] for x in feats}

    caps = read_csv("capitals.csv")
    check(len(caps) == 241, f"capitals.csv: {len(caps)} rows, want 241")
    check({r["iso2"] for r in caps} == set(iso2s), "capitals.csv: iso2 set differs from countries50")
    for r in caps:
        check(r["iso3"] == iso3.get(r["iso2"]), f"capitals {r['iso2']}: iso3 {r['iso3']}")
        check(r["region"] in REGIONS and r["subregion"], f"capitals {r['iso2']}: region {r['region']}")
        check(r["source"] != "", f"capitals {r['iso2']}: empty source")
        check(r["name"] != "", f"capitals {r['iso2']}: empty name")
    cities = read_csv("cities.csv")
    for r in cities:
        check(r["kind"] in ("city", "un") and r["source"] != "", f"cities {r['city']}: kind/source")

    print(f"Points outside their country's polygon (exceptions; must be <= {TOLERANCE_KM} km"
          " unless known):")
    for iso2, name, d, known in locate(caps, "capital", polys) + locate(cities, "city", polys):
        print(f"  {iso2} {name}: {d:.1f} km" + (f"  [known: {known}]" if known else ""))

    cross_check(caps)
    print(f"rows: capitals.csv {len(caps)}, cities.csv {len(cities)}, countries50 {len(feats)}")
    for f in failures:
        print("FAIL", f)
    print(f"gazetteer: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


def cross_check(caps):
    """Informational: compare with countryinfo's capital_latlng (a second source).
    countryinfo has wrong coordinates for some small islands, so this only prints."""
    try:
        import countryinfo
    except ImportError:
        print("countryinfo not installed: cross-check skipped")
        return
    other = {}
    for path in glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json")):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        a2, ll = (d.get("ISO") or {}).get("alpha2"), d.get("capital_latlng")
        if a2 and ll and len(ll) == 2:
            other[a2] = (d.get("capital"), Point(ll[1], ll[0]))
    print(f"Cross-check with countryinfo (differences over {TOLERANCE_KM} km; informational):")
    for r in caps:
        if r["iso2"] in other and r["capital"]:
            name, pt = other[r["iso2"]]
            d = km(Point(float(r["lon"]), float(r["lat"])), pt)
            if d > TOLERANCE_KM:
                print(f"  {r['iso2']} ours {r['capital']} / countryinfo {name}: {d:.0f} km")


if __name__ == "__main__":
    main()
