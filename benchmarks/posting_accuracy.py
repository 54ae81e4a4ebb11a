"""How well `mlpath posting` finds the skills a recruiter marks as required.

    python benchmarks/posting_accuracy.py [--verbose]

Reads the job ads in tests/data/postings/ and their gold labels (labels.yaml, in
the final catalogue's ids), runs the detector on each ad, and prints precision and
recall of the detected *required* skills, per ad and over all ads (micro-averaged),
and how often the level is right. Goal (issue #17): precision >= 0.85, recall >= 0.75.

Two catalogues are measured:

- now:  the installed catalogue. Gold ids that it does not have yet (the
        second-release skills) are left out of the gold, since no detector could
        name them.
- next: the installed catalogue plus a stub for each missing second-release skill,
        with roles/aliases-next.yaml.txt merged through the real loader: what the
        numbers will be once those skills land.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ADS = ROOT / "tests" / "data" / "postings"
NEXT_ALIASES = ROOT / "roles" / "aliases-next.yaml.txt"
NEXT_SKILLS = {
    "llm-evaluation": "LLM evaluation", "llm-fine-tuning": "LLM fine-tuning",
    "large-scale-training": "Large-scale training", "time-series": "Time series",
    "causal-inference": "Causal inference", "recommender-systems": "Recommender systems",
    "data-quality": "Data quality", "ml-security-privacy": "ML security and privacy",
    "ci-cd-iac": "CI/CD and infrastructure as code", "ml-monitoring": "ML monitoring",
}


def next_catalog(catalog: Any) -> Any:
    """The catalogue with the second-release skills stubbed and their aliases merged."""
    from mlpath.catalog import DataFile, assemble, builtin_files, parse_data_text
    from mlpath.errors import ProblemsError

    # A stub reuses a built-in resource: the stub is never shown, and no link is invented.
    resource = dict(next(iter(catalog.skills.values())).resources[0]._asdict())
    resource["levels"] = list(resource["levels"]) if resource["levels"] else [0, 5]
    stubs = [{"id": sid, "name": name, "category": "stub", "description": "stub",
              "resources": [resource]}
             for sid, name in NEXT_SKILLS.items() if sid not in catalog.skills]
    files = builtin_files()
    files.append(DataFile("skills", {"skills": stubs}, "stub-skills"))
    files.append(parse_data_text(NEXT_ALIASES.read_text(encoding="utf-8"),
                                 "roles/aliases-next.yaml.txt"))
    merged, problems = assemble(files)
    if problems:
        raise ProblemsError(problems)
    return merged


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
    _report(f"now ({len(catalog.skills)} skills)", measure(catalog), verbose=args.verbose)
    nxt = next_catalog(catalog)
    _report(f"next ({len(nxt.skills)} skills, aliases-next merged)", measure(nxt),
            verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
