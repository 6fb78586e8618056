#!/usr/bin/env python3
"""Build the check tables a Swift test reads: an independent second source for
capital coordinates, and every capital that fails a 25 km check, with a reason.

Usage (from the repo root):
    pip install countryinfo==1.0.1 pyproj==3.7.2 shapely==2.2.0
    python3 Geo/tools/build_capital_check.py

Writes (LF line ends, RFC 4180):
- Geo/checks/capitals-countryinfo.csv  iso2,capital,lat,lon,source
  countryinfo's capital name and capital_latlng for each row of capitals.csv;
  lat/lon empty where countryinfo has no entry or no point.
- Geo/checks/capital-exceptions.csv    iso2,check,distance_km,reason
  `second-source`: our capital is more than 25 km from countryinfo's, or
  countryinfo has no point; `inside-polygon`: our capital is more than 25 km
  outside its country's polygon in countries50.geojson.
Every exception needs a reason in REASONS, and every reason an exception, so a
change in the data cannot go unexplained (the script exits 1 instead).
"""
import csv
import json
import os
import sys
from importlib.metadata import version

from countryinfo import CountryInfo
from pyproj import Geod
from shapely import make_valid
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

GEO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = os.path.join(GEO, "checks")
TOLERANCE_KM = 25
SOURCE = f"countryinfo {version('countryinfo')}"
GEOD = Geod(ellps="WGS84")

# Our user-assigned codes that countryinfo files under another code. Only XO:
# its capital, Flying Fish Cove, is Christmas Island's (CX). XK, XS, XC, XJ, XA
# have no countryinfo entry (Northern Cyprus is not mapped to CY on purpose:
# that is another unit, even though both share Nicosia).
LOOKUP_AS = {"XO": "CX"}

# Why each exception is not an error in capitals.csv. Checked by hand: where
# countryinfo's point is wrong, the place named is the GeoNames place nearest
# to its point (see Geo/README.md, "Capitals", for our own choices).
REASONS = {
    # countryinfo has no point
    ("AQ", "second-source"): "countryinfo's entry has no capital and no point; we have no capital either (inner point)",
    ("HM", "second-source"): "countryinfo's entry has no capital and no point (uninhabited); we use an inner point",
    ("XA", "second-source"): "countryinfo has no entry (uninhabited; we use an inner point)",
    ("XC", "second-source"): "countryinfo has no entry for Northern Cyprus",
    ("XJ", "second-source"): "countryinfo has no entry (uninhabited glacier; we use an inner point)",
    ("XK", "second-source"): "countryinfo has no entry for Kosovo",
    ("XS", "second-source"): "countryinfo has no entry for Somaliland",
    # a different capital: our choice
    ("BI", "second-source"): "countryinfo gives Bujumbura, the capital until 2019; we use Gitega, the political capital since then",
    ("BJ", "second-source"): "countryinfo gives Porto-Novo, the official capital; we use Cotonou, the seat of government",
    ("NL", "second-source"): "countryinfo gives Amsterdam, the constitutional capital; we use The Hague, the seat of government and parliament, where embassies are",
    ("BO", "second-source"): "countryinfo gives Sucre, the constitutional capital; we use La Paz, the seat of government",
    ("CI", "second-source"): "countryinfo gives Yamoussoukro, the official capital; we use Abidjan, the seat of government",
    ("EH", "second-source"): "countryinfo gives El Aaiún (Laayoune), which NE draws in Morocco; we use Tifariti, the SADR's temporary capital in NE's Western Sahara",
    ("MS", "second-source"): "countryinfo gives Plymouth, abandoned after the 1997 eruption (we use Brades, the de facto seat), and its point is Plymouth, England",
    # the same capital, but countryinfo's point is another place (its error)
    ("AG", "second-source"): "countryinfo's point for St. John's is St. John's, Newfoundland, Canada (its error)",
    ("AI", "second-source"): "countryinfo's point for The Valley is in Nebraska, USA, near Ord (its error)",
    ("BR", "second-source"): "countryinfo's point for Brasília is in Mato Grosso, north-west of the city (its error)",
    ("DJ", "second-source"): "countryinfo's point for Djibouti is near Tadjoura, across the Gulf of Tadjoura (its error)",
    ("GD", "second-source"): "countryinfo's point for St. George's is in Lorraine, France, near Lorquin (its error)",
    ("IM", "second-source"): "countryinfo's point for Douglas is in Illinois, USA, near Tuscola (its error)",
    ("ME", "second-source"): "countryinfo's point for Podgorica is near Kolašin, north-north-east of the city (its error)",
    ("NF", "second-source"): "countryinfo's point for Kingston is Kingston, Jamaica (its error)",
    ("PM", "second-source"): "countryinfo's point for Saint-Pierre is Saint-Pierre, Alsace, France (its error)",
    ("SH", "second-source"): "countryinfo's point for Jamestown is Jamestown, Virginia, USA (its error)",
    ("TL", "second-source"): "countryinfo's point for Dili is Delhi, India (its error)",
    ("TN", "second-source"): "countryinfo's point for Tunis is in southern Tunisia, near Kebili (its error)",
    # our capital is outside its polygon: the map is coarse, the point is right
    ("PN", "inside-polygon"): "Pitcairn Island is not drawn at 1:50m (NE's PN is Henderson Island only); Adamstown's coordinates are right",
    ("TC", "inside-polygon"): "Grand Turk is not drawn at 1:50m (only the Caicos Islands are); Cockburn Town's coordinates are right",
}


def read_csv(name):
    with open(os.path.join(GEO, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(name, header, rows):
    os.makedirs(CHECKS, exist_ok=True)
    with open(os.path.join(CHECKS, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")  # LF: the brief for checks/ (Geo/*.csv keep CRLF)
        w.writerow(header)
        w.writerows(rows)


def km(lat1, lon1, lat2, lon2):
    return GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000


def countryinfo_capital(iso2):
    """(capital, lat, lon) from countryinfo, or None if it has no entry."""
    code = LOOKUP_AS.get(iso2, iso2)
    try:
        c = CountryInfo(code)
    except Exception:  # CountryNotFoundError; no entry for our X codes
        return None
    # With countryinfo[fuzzy] installed an unknown code could fuzzy-match some
    # other country; accept only an exact ISO match.
    if c.iso(2) != code:
        return None
    ll = c.capital_latlng()
    # BQ's value is a list of three points; NE has no BQ unit, so never used.
    if not (isinstance(ll, list) and len(ll) == 2 and all(isinstance(v, (int, float)) for v in ll)):
        return c.capital() or "", None, None
    return c.capital() or "", round(ll[0], 4), round(ll[1], 4)


def main():
    caps = sorted(read_csv("capitals.csv"), key=lambda r: r["iso2"])
    table, exceptions = [], []
    for r in caps:
        other = countryinfo_capital(r["iso2"])
        name, lat, lon = other if other else ("", None, None)
        table.append([r["iso2"], name, "" if lat is None else f"{lat:.4f}",
                      "" if lon is None else f"{lon:.4f}", SOURCE])
        if lat is None:
            exceptions.append((r["iso2"], "second-source", ""))
            continue
        # Distance from the written (rounded) values, so the Swift test can reproduce it.
        d = km(float(r["lat"]), float(r["lon"]), lat, lon)
        if d > TOLERANCE_KM:
            exceptions.append((r["iso2"], "second-source", f"{d:.1f}"))

    # The inside-polygon check (check_gazetteer.py) with a geodesic distance to
    # the nearest point of the polygon. make_valid: NE's India self-intersects.
    with open(os.path.join(GEO, "countries50.geojson"), encoding="utf-8") as f:
        polys = {x["properties"]["iso2"]: make_valid(shape(x["geometry"]))
                 for x in json.load(f)["features"]}
    for r in caps + read_csv("cities.csv"):
        pt = Point(float(r["lon"]), float(r["lat"]))
        if polys[r["iso2"]].covers(pt):
            continue
        # nearest_points works in lon/lat degrees, so its point is nearly, not
        # exactly, the geodesically nearest: close enough for a 25 km threshold.
        near = nearest_points(polys[r["iso2"]], pt)[0]
        d = km(pt.y, pt.x, near.y, near.x)
        if d > TOLERANCE_KM:
            if "city" in r:  # the exceptions file is keyed by iso2: capitals only
                sys.exit(f"city {r['city']} ({r['iso2']}) is {d:.1f} km outside its polygon")
            exceptions.append((r["iso2"], "inside-polygon", f"{d:.1f}"))

    exceptions.sort(key=lambda e: (e[1] != "second-source", e[0]))
    missing = [e[:2] for e in exceptions if e[:2] not in REASONS]
    stale = sorted(set(REASONS) - {e[:2] for e in exceptions})
    for iso2, check, d in exceptions:
        print(f"{iso2} {check} {d or '-'} km: {REASONS.get((iso2, check), 'NO REASON')}")
    write_csv("capitals-countryinfo.csv", ["iso2", "capital", "lat", "lon", "source"], table)
    write_csv("capital-exceptions.csv", ["iso2", "check", "distance_km", "reason"],
              [[i, c, d, REASONS.get((i, c), "")] for i, c, d in exceptions])
    print(f"{len(table)} rows; exceptions: " + ", ".join(
        f"{c} {sum(e[1] == c for e in exceptions)}" for c in ("second-source", "inside-polygon")))
    if missing or stale:
        sys.exit(f"exceptions without a reason: {missing}; reasons without an exception: {stale}")


if __name__ == "__main__":
    main()
