"""Start-up budget (DESIGN §7): mlpath's commands as ratios to `python -c pass`.

Run from the repository root, with mlpath installed in the current Python:

    python benchmarks/startup.py [--runs 30]

Each command runs ``--runs`` times, interleaved with the baseline so that noise
from the machine falls on both alike; the medians are compared (DESIGN §7), and
the fastest runs too, which move less with a busy machine. Budgets:
`assess --json` <= 8x and the table report <= 12x. Prints a table and exits 0;
it is a measurement, not a test (machines here are too noisy for timed tests).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = str(ROOT / "examples" / "ada.yaml")
# The console script, as people run it (`python -m mlpath` adds runpy on top).
MLPATH = [str(Path(sys.executable).with_name("mlpath"))]
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("python -c pass", [sys.executable, "-c", "pass"], None),
    ("mlpath --version", [*MLPATH, "--version"], None),
    ("assess --json", [*MLPATH, "assess", "--profile", PROFILE, "--json"], 8.0),
    ("assess (table)", [*MLPATH, "assess", "--profile", PROFILE], 12.0),
    ("match --json", [*MLPATH, "match", "--profile", PROFILE, "--json"], None),
    ("roles --json", [*MLPATH, "roles", "--json"], None),
    ("validate PROFILE", [*MLPATH, "validate", PROFILE], None),
    ("schema assess", [*MLPATH, "schema", "assess"], None),
]


def time_once(argv: list[str]) -> float:
    env = {**os.environ, "COLUMNS": "80"}
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    samples: dict[str, list[float]] = {name: [] for name, _, _ in COMMANDS}
    for argv in (argv for _, argv, _ in COMMANDS):  # warm the file cache
        time_once(argv)
    for _ in range(runs):
        for name, argv, _ in COMMANDS:
            samples[name].append(time_once(argv))
    base = statistics.median(samples["python -c pass"])
    fastest = min(samples["python -c pass"])
    print(f"{'command':<18} {'median ms':>10} {'ratio':>7} {'budget':>7}    "
          f"{'min ms':>7} {'ratio':>6}")
    for name, _, budget in COMMANDS:
        median = statistics.median(samples[name])
        ratio = median / base
        verdict = "" if budget is None else f"{budget:.0f}x {'ok' if ratio <= budget else 'OVER'}"
        print(f"{name:<18} {median * 1000:>10.1f} {ratio:>6.1f}x {verdict:>9}  "
              f"{min(samples[name]) * 1000:>7.1f} {min(samples[name]) / fastest:>5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
