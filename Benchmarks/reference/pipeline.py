#!/usr/bin/env python3
"""The reference pipeline: missionmap's work done the usual way, with geopandas, shapely,
pyproj and matplotlib, for a side-by-side comparison (see Benchmarks/compare.py).

    python3 Benchmarks/reference/pipeline.py --task summary --missions world.csv --sender GY --as-of 2024-01-01

Tasks: load (read, validate, geocode), summary and summary-all (per region or subregion:
counts, covered land as a share of the region's land from unions in Equal Earth, covered
population, mean geodesic distance from capitals to the nearest open post), export-all
(GeoJSON of every post and great-circle accreditation line) and render (an Equal Earth SVG).
It follows missionmap's rules: statuses replayed from the event log, accreditations lapse
with the covering post, missions to organisations do not make a host resident.
"""
import argparse
import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, Point

ROOT = Path(__file__).resolve().parents[2]
GEOD = Geod(ellps="WGS84")
EQUAL_EARTH = "+proj=eqearth +datum=WGS84 +units=m"
REGIONS = ["Africa", "Americas", "Asia", "Europe", "Oceania"]


def load(missions):
    capitals = pd.read_csv(ROOT / "Geo" / "capitals.csv", keep_default_na=False)
    log = pd.read_csv(missions, dtype=str, keep_default_na=False)
    log["day"] = pd.to_datetime(log["date"], format="%Y-%m-%d", errors="raise")
    unknown = (set(log["host"]) | set(log["sender"])) - set(capitals["iso2"])
    if unknown:
        sys.exit(f"{missions}: unknown country codes {sorted(unknown)}")
    first = log.drop_duplicates("post_id").set_index("post_id")
    posts = first[["sender", "host", "type"]].join(capitals.set_index("iso2")[["lat", "lon"]], on="host")
    if "lat" in log.columns:  # explicit coordinates override the capital
        explicit = first[first["lat"] != ""]
        posts.loc[explicit.index, "lat"] = explicit["lat"].astype(float)
        posts.loc[explicit.index, "lon"] = explicit["lon"].astype(float)
    return log, posts, capitals


def snapshot(log, posts, sender, as_of):
    """Status per post as of a date, replaying the events in order."""
    events = log[(log["sender"] == sender) & (log["day"] <= as_of)].sort_values("day", kind="stable")
    state, cover = {}, {}
    for row in events.itertuples():
        if row.event in ("opened", "attested", "resumed"):
            state[row.post_id] = "open"
        elif row.event == "closed":
            state[row.post_id] = "closed"
        elif row.event == "suspended":
            state[row.post_id] = "suspended"
        elif row.event == "accredited":
            cover[row.post_id] = row.accredited_from
            state.setdefault(row.post_id, "none")
        elif row.event == "accreditation-ended":
            cover.pop(row.post_id, None)
    status = {}
    for post, resident in state.items():
        if resident in ("open", "suspended"):
            status[post] = resident
        elif post in cover and state.get(cover[post]) == "open":
            status[post] = "cross-accredited"
        else:
            status[post] = "closed"
    snap = posts.loc[list(status)].copy()
    snap["status"] = pd.Series(status)
    snap["accredited_from"] = pd.Series({p: cover[p] for p in status if status[p] == "cross-accredited"})
    return snap


def host_status(snap):
    bilateral = snap[snap["type"] != "permanent-mission"]
    rank = {"open": 0, "cross-accredited": 1, "suspended": 2, "closed": 3}
    name = {"open": "resident", "cross-accredited": "non-resident", "suspended": "suspended", "closed": "closed"}
    best = bilateral.assign(rank=bilateral["status"].map(rank)).sort_values("rank").drop_duplicates("host")
    return dict(zip(best["host"], best["status"].map(name)))


class World:
    """Countries in Equal Earth with their region, population and capital."""

    def __init__(self):
        countries = gpd.read_file(ROOT / "Geo" / "countries50.geojson")
        capitals = pd.read_csv(ROOT / "Geo" / "capitals.csv", keep_default_na=False)
        countries = countries.merge(capitals[["iso2", "region", "subregion", "lat", "lon"]], on="iso2")
        countries = countries[countries["region"].isin(REGIONS)]
        countries["geometry"] = countries.geometry.make_valid()
        self.countries = countries.to_crs(EQUAL_EARTH)
        self.land = {}

    def summary(self, snap, sender, as_of, by="region"):
        hosts = host_status(snap)
        covered = {h for h, s in hosts.items() if s in ("resident", "non-resident")}
        opened = snap[snap["status"] == "open"]
        rows = []
        groups = REGIONS if by == "region" else [g for r in REGIONS for g in sorted(set(self.countries[self.countries["region"] == r]["subregion"]))]
        for group in groups + ["World"]:
            members = self.countries if group == "World" else self.countries[self.countries[by] == group]
            if group not in self.land:
                self.land[group] = members.geometry.union_all().area
            cover = members[members["iso2"].isin(covered)]
            in_group = snap[snap["host"].isin(set(members["iso2"]))]
            row = {"region": group, "open": int((in_group["status"] == "open").sum()),
                   "cross_accredited": int((in_group["status"] == "cross-accredited").sum()),
                   "countries": len(members), "countries_covered": len(cover),
                   "countries_resident": int(sum(hosts.get(c) == "resident" for c in members["iso2"])),
                   "area_share_covered": cover.geometry.union_all().area / self.land[group] if len(cover) else 0.0,
                   "population_share_covered": cover["pop_est"].sum() / members["pop_est"].sum()}
            if len(opened):
                lon1 = np.repeat(members["lon"].to_numpy(float), len(opened))
                lat1 = np.repeat(members["lat"].to_numpy(float), len(opened))
                lon2 = np.tile(opened["lon"].to_numpy(float), len(members))
                lat2 = np.tile(opened["lat"].to_numpy(float), len(members))
                _, _, dist = GEOD.inv(lon1, lat1, lon2, lat2)
                row["mean_distance_km_to_open_post"] = dist.reshape(len(members), len(opened)).min(axis=1).mean() / 1000
            rows.append(row)
        return {"sender": sender, "as_of": str(as_of.date()), "rows": rows}


def accreditation_line(start, end):
    """A great circle in at most 1° steps, split where it crosses ±180°."""
    _, _, distance = GEOD.inv(start[0], start[1], end[0], end[1])
    steps = max(1, int(np.ceil(distance / 111_320)))
    middle = GEOD.npts(start[0], start[1], end[0], end[1], steps - 1) if steps > 1 else []
    points = [start] + middle + [end]
    parts, part = [], [points[0]]
    for a, b in zip(points, points[1:]):
        if abs(b[0] - a[0]) > 180:
            edge = 180.0 if a[0] > 0 else -180.0
            unwrapped = b[0] + (360 if edge > 0 else -360)
            lat = a[1] + (edge - a[0]) / (unwrapped - a[0]) * (b[1] - a[1])
            parts.append(part + [(edge, lat)])
            part = [(-edge, lat)]
        part.append(b)
    parts.append(part)
    parts = [p for p in parts if len(p) > 1]
    return LineString(parts[0]) if len(parts) == 1 else MultiLineString(parts)


def export_all(log, posts, as_of, out):
    features = []
    for sender in sorted(set(log["sender"])):
        snap = snapshot(log, posts, sender, as_of)
        points = gpd.GeoDataFrame(snap.reset_index()[["post_id", "sender", "host", "type", "status"]],
                                  geometry=[Point(xy) for xy in zip(snap["lon"], snap["lat"])], crs="EPSG:4326")
        features.append(points.assign(kind="post"))
        covered = snap[snap["status"] == "cross-accredited"]
        if len(covered):
            lines = [accreditation_line((posts.loc[f, "lon"], posts.loc[f, "lat"]), (row.lon, row.lat))
                     for f, row in zip(covered["accredited_from"], covered.itertuples())]
            features.append(gpd.GeoDataFrame({"kind": "accreditation", "host": covered["host"].to_numpy(),
                                              "from": covered["accredited_from"].to_numpy()}, geometry=lines, crs="EPSG:4326"))
    pd.concat(features, ignore_index=True).to_file(out, driver="GeoJSON")


def render(log, posts, sender, as_of, out):
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt
    snap = snapshot(log, posts, sender, as_of)
    hosts = host_status(snap)
    world = World()
    colours = {"resident": "#56b4e9", "non-resident": "#f0c05a", "closed": "#bbbbbb", "suspended": "#cc79a7"}
    fill = world.countries["iso2"].map(lambda c: "#7f2704" if c == sender else colours.get(hosts.get(c), "#e3e0d8"))
    fig, ax = plt.subplots(figsize=(12, 6.5))
    world.countries.plot(ax=ax, color=fill, edgecolor="white", linewidth=0.3)
    points = gpd.GeoSeries([Point(xy) for xy in zip(snap["lon"], snap["lat"])], crs="EPSG:4326").to_crs(EQUAL_EARTH)
    points.plot(ax=ax, markersize=8, color=snap["status"].map({"open": "#0b3d91"}).fillna("#d55e00").to_list())
    ax.set_axis_off()
    ax.set_title(f"Diplomatic posts of {sender}, {as_of.date()}")
    fig.savefig(out, format="svg")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", required=True, choices=["load", "summary", "summary-all", "export-all", "render"])
    parser.add_argument("--missions", required=True)
    parser.add_argument("--sender")
    parser.add_argument("--as-of", default="2024-01-01")
    parser.add_argument("--by", default="region", choices=["region", "subregion"])
    parser.add_argument("-o", "--output", default="/dev/null")
    args = parser.parse_args()
    as_of = pd.Timestamp(args.as_of)
    log, posts, _ = load(args.missions)
    if args.task == "summary":
        result = World().summary(snapshot(log, posts, args.sender, as_of), args.sender, as_of, args.by)
        Path(args.output).write_text(json.dumps(result, indent=1))
    elif args.task == "summary-all":
        world = World()
        results = [world.summary(snapshot(log, posts, s, as_of), s, as_of, args.by) for s in sorted(set(log["sender"]))]
        Path(args.output).write_text(json.dumps(results))
    elif args.task == "export-all":
        export_all(log, posts, as_of, args.output)
    elif args.task == "render":
        render(log, posts, args.sender, as_of, args.output)


if __name__ == "__main__":
    main()
