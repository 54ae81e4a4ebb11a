"""How well `mlpath posting` finds the skills a recruiter marks as required.

    python benchmarks/posting_accuracy.py [--verbose]

Reads the job ads in tests/data/postings/ and their gold labels (labels.yaml, in
the final catalogue's ids), runs the detector on each ad, and prints precision and
recall of the detected *required* skills, per ad and over all ads (micro-averaged),
and how often the level is right. Goal (issue #17): precision >= 0.85, recall >= 0.75.

It measures the installed catalogue (build and install mlpath first). A gold id
that the catalogue lacks is left out of the gold, since no detector could name it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ADS = ROOT / "tests" / "data" / "postings"
def measure(catalog: Any) -> dict[str, Any]:
    """Per-ad and overall precision and recall of the required skills, and level hits."""
    from mlpath.posting import parse_posting

    labels = yaml.safe_load((ADS / "labels.yaml").read_text(encoding="utf-8"))
    rows = []
    tp = fp = fn = levels_right = 0
    for name, gold in sorted(labels.items()):
        text = (ADS / f"{name}.txt").read_text(encoding="utf-8")
        posting = parse_posting(text, catalog, source=f"{name}.txt")
        wanted = {s for s in gold["required"] if s in catalog.skills}
        found = set(posting.required())
        hit = len(wanted & found)
        tp, fp, fn = tp + hit, fp + len(found - wanted), fn + len(wanted - found)
        levels_right += posting.level == gold["level"]
        rows.append({"ad": name, "gold": len(wanted), "found": len(found), "hit": hit,
                     "extra": sorted(found - wanted), "missed": sorted(wanted - found),
                     "level": posting.level, "gold_level": gold["level"]})
    return {"ads": len(rows), "rows": rows,
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "levels": levels_right / len(rows) if rows else 0.0}


def _report(title: str, result: dict[str, Any], *, verbose: bool) -> None:
    print(f"{title}: {result['ads']} ads, required skills: precision "
          f"{result['precision']:.2f}, recall {result['recall']:.2f}; level right in "
          f"{result['levels']:.0%} of ads")
    for row in result["rows"]:
        line = (f"  {row['ad']:<26} {row['hit']:>2}/{row['gold']:<2} found of gold, "
                f"{row['found']:>2} found; level {row['level']} (gold {row['gold_level']})")
        print(line)
        if verbose:
            if row["extra"]:
                print(f"      extra:  {', '.join(row['extra'])}")
            if row["missed"]:
                print(f"      missed: {', '.join(row['missed'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="List extra and missed.")
    args = parser.parse_args()
    from mlpath.catalog import load_catalog

    catalog = load_catalog()
    _report(f"{len(catalog.skills)} skills", measure(catalog), verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
