#!/usr/bin/env python3
"""Runs missionmap and the geopandas reference pipeline on the same synthetic world network,
task by task, on this machine, prints wall time, peak memory and the ratio, and checks that
both give the same figures (to 0.5%).

missionmap is timed with a cold cache (an empty $XDG_CACHE_HOME, so the run prepares the
geography and keeps it) and with a warm one (the same folder, prepared). Each figure is the
median of three runs (each cold run with a new folder): single runs on a shared machine vary
by a factor of two.

    python3 Benchmarks/compare.py            # after scripts/make-gallery (release build)

Needs: pip install geopandas==1.0.1 shapely pyproj matplotlib; GNU time at /usr/bin/time.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "missionmap"
REFERENCE = [sys.executable, str(ROOT / "Benchmarks" / "reference" / "pipeline.py")]
AS_OF = "2024-01-01"


def measure(argv, env=None):
    """Wall seconds and peak resident MB of one run (GNU time), failing loudly."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *argv], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{result.stderr}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def median(runs):
    """The run of median time among an odd number of (seconds, MB) runs."""
    return sorted(runs)[len(runs) // 2]


def main():
    if not BIN.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "missionmap"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="missionmap-compare-"))
    world = work / "world.csv"
    with open(world, "w") as f:
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_missions.py"), "--posts", "12000", "--seed", "1"],
                       stdout=f, check=True)
    senders = [line.split(",")[3] for line in world.read_text().splitlines()[1:]]
    densest = max(sorted(set(senders)), key=senders.count)
    mm = [str(BIN)]
    common = ["--missions", str(world), "--as-of", AS_OF]
    tasks = [
        ("load and validate (12,000 posts)", mm + ["validate", str(world)], REFERENCE + ["--task", "load", "--missions", str(world)]),
        (f"summary by region, one sender ({densest})", mm + ["summary", *common, "--sender", densest, "--format", "json", "-o", str(work / "mm-summary.json")],
         REFERENCE + ["--task", "summary", *common, "--sender", densest, "-o", str(work / "gp-summary.json")]),
        (f"summary by subregion, one sender ({densest})", mm + ["summary", *common, "--sender", densest, "--by", "subregion", "--format", "json", "-o", "/dev/null"],
         REFERENCE + ["--task", "summary", *common, "--sender", densest, "--by", "subregion"]),
        ("summary by region, all 192 senders", mm + ["summary", *common, "--sender", "all", "--format", "json", "-o", str(work / "mm-all.json")],
         REFERENCE + ["--task", "summary-all", *common, "-o", str(work / "gp-all.json")]),
        ("GeoJSON of every post and line", mm + ["export", *common, "--sender", "all", "-o", str(work / "mm.geojson")],
         REFERENCE + ["--task", "export-all", *common, "-o", str(work / "gp.geojson")]),
        (f"world map of the densest sender ({densest})", mm + ["render", *common, "--sender", densest, "-o", str(work / "mm.svg")],
         REFERENCE + ["--task", "render", *common, "--sender", densest, "-o", str(work / "gp.svg")]),
    ]
    print("| task | missionmap, cold cache | missionmap, warm cache | geopandas | ratio cold | ratio warm | peak memory (warm / geopandas) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for i, (name, ours, theirs) in enumerate(tasks):
        envs = [dict(os.environ, XDG_CACHE_HOME=str(work / f"cache-{i}-{run}")) for run in range(3)]
        cold = [measure(ours, env) for env in envs]
        warm = [measure(ours, envs[0]) for _ in range(3)]
        reference = [measure(theirs) for _ in range(3)]
        (t0, _), (t1, m1), (t2, m2) = median(cold), median(warm), median(reference)
        print(f"| {name} | {t0:.2f} s | {t1:.2f} s | {t2:.2f} s | {t2 / max(t0, 0.01):.1f}× | {t2 / max(t1, 0.01):.1f}× "
              f"| {m1:.0f} MB / {m2:.0f} MB |", flush=True)

    # The same figures from both, to 0.5%.
    ours = {r["region"]: r for r in json.loads((work / "mm-summary.json").read_text())["regions"]}
    ours["World"] = json.loads((work / "mm-summary.json").read_text())["world"]
    theirs = {r["region"]: r for r in json.loads((work / "gp-summary.json").read_text())["rows"]}
    problems = []
    for region, row in theirs.items():
        for key, value in row.items():
            if key == "region":
                continue
            mine = ours[region].get(key)
            if mine is None or abs(mine - value) > max(0.005 * abs(value), 1e-4 if isinstance(value, float) else 0):
                problems.append(f"{region} {key}: missionmap {mine}, geopandas {value}")
    print("\nfigures agree to 0.5%" if not problems else "\nfigures differ:\n" + "\n".join(problems))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
