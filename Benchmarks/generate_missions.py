#!/usr/bin/env python3
"""Writes a synthetic, valid missions log for benchmarks: a world of senders, each with
resident posts (some closed later) and hosts covered from a resident post in the same
region. Deterministic for a given seed and size.

    python3 Benchmarks/generate_missions.py --posts 10000 --seed 1 > /tmp/world.csv
    python3 Benchmarks/generate_missions.py --posts 10000 --one-sender KP > /tmp/kp.csv

With --one-sender, all posts belong to one sender (consulates at explicit points on the host's
land near its capital, which needs shapely), to measure how one network's commands grow with
its size.
"""
import argparse
import csv
import datetime
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# ISO 3166-1 alpha-2 codes of the 193 UN member states.
UN_MEMBERS = set("""
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG
CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH
GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG
NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN
SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM
ZW
""".split())
assert len(UN_MEMBERS) == 193


def day(rng, start_year, end_year):
    start = datetime.date(start_year, 1, 1).toordinal()
    end = datetime.date(end_year, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=12000, help="about how many posts in all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-sender", metavar="ISO2", help="put every post in this sender's network")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.one_sender:
        one_sender(args, rng)
        return

    with open(ROOT / "Geo" / "capitals.csv", newline="", encoding="utf-8") as f:
        countries = [r for r in csv.DictReader(f) if r["region"] in ("Africa", "Americas", "Asia", "Europe", "Oceania")]
    # The senders are the UN member states (https://www.un.org/en/about-us/member-states) that
    # the gazetteer has: all 193 but Tuvalu, which Natural Earth 1:50m does not draw.
    senders = [c for c in countries if c["iso2"] in UN_MEMBERS]
    # Network sizes from 20 to 270 posts, most of them small (a mean near 62, so that 192
    # senders make about 12,000 posts), scaled to the total asked for.
    sizes = [20 + int(250 * rng.random() ** 5) for _ in senders]
    scale = args.posts / sum(sizes)
    sizes = [max(1, round(s * scale)) for s in sizes]

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["post_id", "date", "event", "sender", "host", "city", "type", "accredited_from", "source"])
    source = "https://example.org/synthetic"
    for sender, size in zip(senders, sizes):
        hosts = [c for c in countries if c["iso2"] != sender["iso2"]]
        chosen = rng.sample(hosts, min(size, len(hosts)))
        covered_count = int(len(chosen) * rng.uniform(0.10, 0.20))
        resident, covered = chosen[covered_count:], chosen[:covered_count]
        opened = {}
        for host in resident:
            pid = f"{sender['iso2']}-{host['iso2']}"
            when = day(rng, 2000, 2015)
            opened[pid] = (host, when)
            out.writerow([pid, when.isoformat(), "opened", sender["iso2"], host["iso2"], "", "embassy", "", source])
        # Some posts close after 2016, so that snapshots differ by date.
        for pid, (host, when) in list(opened.items()):
            if rng.random() < 0.08:
                out.writerow([pid, day(rng, 2016, 2025).isoformat(), "closed", sender["iso2"], host["iso2"], "", "", "", source])
                del opened[pid]
        by_region = {}
        for pid, (host, when) in opened.items():
            by_region.setdefault(host["region"], []).append(pid)
        for host in covered:
            candidates = by_region.get(host["region"]) or [p for ps in by_region.values() for p in ps]
            if not candidates:
                continue
            frm = rng.choice(candidates)
            since = max(opened[frm][1] + datetime.timedelta(days=1), day(rng, 2005, 2020))
            out.writerow([f"{sender['iso2']}-{host['iso2']}", since.isoformat(), "accredited", sender["iso2"], host["iso2"],
                          "", "embassy", frm, source])


def land_near(hosts, rng):
    """For each host with a polygon in the bundled boundaries, a function giving a random point
    of its land within 2 degrees of its capital (or anywhere on it, for land farther away):
    typed coordinates must lie in their host, or missionmap rejects them (PostLocationCheck)."""
    import json
    from shapely.geometry import Point, box, shape
    from shapely.prepared import prep
    with open(ROOT / "Geo" / "countries50.geojson", encoding="utf-8") as f:
        polygons = {feat["properties"]["iso2"]: shape(feat["geometry"]) for feat in json.load(f)["features"]}
    samplers = {}
    for host in hosts:
        land = polygons.get(host["iso2"])
        if land is None or land.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        lat, lon = float(host["lat"]), float(host["lon"])
        near = land.intersection(box(lon - 2, lat - 2, lon + 2, lat + 2))
        area = near if not near.is_empty and near.area > 0 else land
        inside, (w, s, e, n) = prep(area), area.bounds

        def sample(inside=inside, w=w, s=s, e=e, n=n, area=area):
            for _ in range(200):
                p = Point(rng.uniform(w, e), rng.uniform(s, n))
                if inside.contains(p):
                    return p.y, p.x
            p = area.representative_point()
            return p.y, p.x
        samplers[host["iso2"]] = sample
    return samplers


def one_sender(args, rng):
    with open(ROOT / "Geo" / "capitals.csv", newline="", encoding="utf-8") as f:
        hosts = [r for r in csv.DictReader(f) if r["iso2"] != args.one_sender and r["region"] != "Antarctica"]
    samplers = land_near(hosts, rng)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["post_id", "date", "event", "sender", "host", "city", "type", "accredited_from", "lat", "lon", "source"])
    resident = []
    for i in range(args.posts):
        host = rng.choice(hosts)
        pid = f"{args.one_sender}-{host['iso2']}-{i}"
        # Points on the host's land near its capital (hosts not drawn at 1:50m: the capital);
        # the coordinates are explicit, so any city name will do.
        lat, lon = samplers[host["iso2"]]() if host["iso2"] in samplers else (float(host["lat"]), float(host["lon"]))
        if resident and rng.random() < 0.15:
            out.writerow([pid, day(rng, 2016, 2024).isoformat(), "accredited", args.one_sender, host["iso2"], "", "embassy",
                          rng.choice(resident), "", "", "https://example.org/synthetic"])
        else:
            out.writerow([pid, day(rng, 2000, 2015).isoformat(), "opened", args.one_sender, host["iso2"], f"City {i}",
                          "consulate", "", f"{lat:.4f}", f"{lon:.4f}", "https://example.org/synthetic"])
            resident.append(pid)


if __name__ == "__main__":
    main()
