#!/usr/bin/env python3
"""How missionmap grows with the size of one sender's network: time and peak memory of
validate, export and summary for 10,000 to 200,000 posts (`generate_missions.py --one-sender`),
as whole processes with a warm prepared-geography cache, printed as a Markdown table.

    python3 Benchmarks/growth.py            # after scripts/make-gallery (release build)

Needs GNU time at /usr/bin/time.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "missionmap"
AS_OF = "2024-01-01"
SIZES = [10_000, 50_000, 100_000, 200_000]


def measure(argv, env):
    """Wall seconds and peak resident MB of one run (GNU time), failing loudly."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *argv], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{result.stderr}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def main():
    if not BIN.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "missionmap"], cwd=ROOT, check=True)
    work = Path(tempfile.mkdtemp(prefix="missionmap-growth-"))
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    print("| posts | validate | export (GeoJSON) | summary by region | validate memory per post above 10,000 |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    base = None
    for size in SIZES:
        log = work / f"kp-{size}.csv"
        with open(log, "w") as f:
            subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "generate_missions.py"), "--posts", str(size),
                            "--one-sender", "KP", "--seed", "1"], stdout=f, check=True)
        common = ["--missions", str(log), "--sender", "KP", "--as-of", AS_OF]
        summary = [str(BIN), "summary", *common, "--format", "json", "-o", str(work / "s.json")]
        subprocess.run(summary, env=env, check=True, capture_output=True)   # warms the cache
        runs = [measure([str(BIN), "validate", str(log)], env),
                measure([str(BIN), "export", *common, "-o", str(work / "e.geojson")], env),
                measure(summary, env)]
        cells = " | ".join(f"{t:.2f} s, {m:.0f} MB" for t, m in runs)
        # What each parsed post adds to the peak, without the process's fixed part.
        base = base or (size, runs[0][1])
        per_post = f"{(runs[0][1] - base[1]) * 1024 * 1024 / (size - base[0]):,.0f} bytes" if size > base[0] else "–"
        print(f"| {size:,} | {cells} | {per_post} |", flush=True)


if __name__ == "__main__":
    main()
