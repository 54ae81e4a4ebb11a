"""Team scale (issue: many profiles): `mlpath team --json` against only parsing the files.

    python benchmarks/team.py [--sizes 1000 10000] [--runs 3]

For each size it writes that many generated profiles (fixed seed) to a temporary
folder, then times, in the same run and alternating:

- parse only: one Python process that reads every file and parses it with PyYAML's
  C loader (``yaml.load(text, Loader=CSafeLoader)``), and nothing else;
- mlpath: ``mlpath team FOLDER --json`` with its output thrown away.

It prints the median times, their ratio (the goal is 1.5x or less), the peak
resident memory of each (mlpath's as a ratio to parsing's too), and at the end how
much mlpath's peak grew from the smallest size to the largest: the goal is 1.5x or
less, since `team --json` keeps a small record per person and streams the people.
With two sizes or more it also prints what each extra profile costs, mlpath against
parsing (the slope between the smallest and largest size): the ratio without either
process's fixed start-up, which dominates at small sizes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARSE_ONLY = """
import sys, pathlib, yaml
loader = yaml.CSafeLoader
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
"""
SKILLS = ["python", "sql", "software-engineering", "git", "linear-algebra",
          "probability-statistics", "ml-fundamentals", "model-evaluation",
          "feature-engineering", "scikit-learn", "deep-learning", "pytorch", "docker",
          "kubernetes", "mlops", "model-deployment", "cloud-platforms", "communication",
          "data-wrangling", "distributed-systems"]
TARGETS = ["ml-engineer", "data-scientist", "mlops-engineer", "ml-engineer:senior"]


def write_profiles(folder: Path, count: int) -> None:
    rng = random.Random(42)
    for i in range(count):
        skills = "\n".join(f"  {s}: {rng.randint(0, 5)}" for s in rng.sample(SKILLS, 14))
        (folder / f"p{i:05}.yaml").write_text(
            f"name: Person {i}\nyears_experience: {rng.randint(0, 15)}\n"
            f"target: {rng.choice(TARGETS)}\nskills:\n{skills}\n"
            "milestones: [supervised-project, end-to-end-project]\n", encoding="utf-8")


def run(argv: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        raise SystemExit(f"{argv} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return elapsed, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    mlpath = str(Path(sys.executable).with_name("mlpath"))
    print(f"{'profiles':>8} {'parse only s':>12} {'mlpath s':>9} {'ratio':>6} "
          f"{'mlpath peak MiB':>16} {'parse peak MiB':>15} {'peak ratio':>10}")
    peaks: list[int] = []
    times: list[tuple[float, float]] = []  # (parse only, mlpath) medians, by size
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            write_profiles(folder, size)
            base: list[float] = []
            ours: list[float] = []
            peak = base_peak = 0
            for _ in range(args.runs):
                seconds, memory = run([sys.executable, "-c", PARSE_ONLY, str(folder)])
                base.append(seconds)
                base_peak = max(base_peak, memory)
                seconds, memory = run([mlpath, "team", str(folder), "--json"])
                ours.append(seconds)
                peak = max(peak, memory)
            b, o = statistics.median(base), statistics.median(ours)
            print(f"{size:>8} {b:>12.2f} {o:>9.2f} {o / b:>5.2f}x {peak / 1024:>16.1f} "
                  f"{base_peak / 1024:>15.1f} {peak / base_peak:>9.2f}x")
            peaks.append(peak)
            times.append((b, o))
    if len(times) > 1:
        (b0, o0), (b1, o1) = times[0], times[-1]
        count = args.sizes[-1] - args.sizes[0]
        print(f"each profile beyond the first {args.sizes[0]}: parse only "
              f"{(b1 - b0) / count * 1e6:.0f} us, mlpath {(o1 - o0) / count * 1e6:.0f} us, "
              f"{(o1 - o0) / (b1 - b0):.2f}x (goal: 1.5x or less)")
    if len(peaks) > 1:
        print(f"mlpath peak memory at {args.sizes[-1]} profiles is {peaks[-1] / peaks[0]:.2f}x "
              f"that at {args.sizes[0]} (goal: 1.5x or less)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
