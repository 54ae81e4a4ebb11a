"""Drawing a scan: a table on a terminal, or a JSON dict (schema_version 1)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath import __version__
from mlpath.evidence.scan import Proposal, Scan
from mlpath.model import Catalog, Profile

if TYPE_CHECKING:
    from rich.console import Console

SCHEMA_VERSION = 1
FILES_SHOWN = 2  # in the table; --json lists them all
SIGNALS_SHOWN = 3


def shown(path: str) -> str:
    """A file name fit to print: bytes that are not UTF-8 become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def scan_dict(scan: Scan, *, catalog: Catalog, profile: Profile, paths: Sequence[str],
              saved: Mapping[str, Sequence[str]] | None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "mlpath_version": __version__,
        "profile": {"source": profile.source},
        "paths": [shown(p) for p in paths],
        "proposals": [
            {"skill": p.skill, "name": _name(catalog, p.skill), "confidence": p.confidence,
             "rating": profile.rating(p.skill), "signals": list(p.signals),
             "files": [shown(f) for f in p.files],
             "evidence": list(profile.evidence.get(p.skill, ()))}
            for p in scan.proposals],
        "files_read": scan.files_read,
        "skipped": [{"path": shown(s.path), "reason": s.reason} for s in scan.skipped],
        "skipped_total": scan.skipped_total,
        "truncated": scan.truncated,
        "saved": None if saved is None else {k: [shown(i) for i in v] for k, v in saved.items()},
    }


def _name(catalog: Catalog, skill: str) -> str:
    found = catalog.skills.get(skill)
    return found.name if found else skill


def _base(paths: Sequence[str]) -> str:
    """The folder that holds every path given, for showing file names short."""
    folders = [p if Path(p).is_dir() else str(Path(p).parent) for p in paths]
    try:
        return os.path.commonpath([str(Path(f).absolute()) for f in folders])
    except ValueError:  # nothing in common (another drive)
        return ""


def _short(path: str, base: str) -> str:
    if not base:
        return shown(path)
    return shown(os.path.relpath(Path(path).absolute(), base))


def _files(proposal: Proposal, base: str) -> str:
    names = [_short(f, base) for f in proposal.files[:FILES_SHOWN]]
    more = len(proposal.files) - FILES_SHOWN
    return "\n".join(names) + (f"\nand {more} more" if more > 0 else "")


def _signals(proposal: Proposal) -> str:
    more = len(proposal.signals) - SIGNALS_SHOWN
    return "; ".join(proposal.signals[:SIGNALS_SHOWN]) + (f"; {more} more" if more > 0 else "")


def render_scan(scan: Scan, *, catalog: Catalog, profile: Profile, console: Console,
                paths: Sequence[str], saved: Mapping[str, Sequence[str]] | None,
                min_confidence: str) -> None:
    from rich.table import Table

    from mlpath.render.console import styled

    base = _base(paths)
    if scan.proposals:
        near = os.path.relpath(base) if base else ""
        where = shown(base if near.startswith("..") else near) if base else "the paths given"
        table = Table(box=None, pad_edge=False, title_justify="left", expand=True,
                      title=styled(("Evidence found", "bold"), f" in {where}"))
        table.add_column("Skill", overflow="fold", ratio=2, min_width=20)
        table.add_column("You", justify="right", no_wrap=True)
        table.add_column("Confidence", no_wrap=True)
        table.add_column("Signals", overflow="fold", ratio=4)
        table.add_column("Files", overflow="fold", ratio=3, min_width=20)
        styles = {"high": "green", "medium": "yellow", "low": "dim"}
        for p in scan.proposals:
            table.add_row(styled(_name(catalog, p.skill)), str(profile.rating(p.skill)),
                          styled((p.confidence, styles[p.confidence])),
                          styled(_signals(p)), styled(_files(p, base)))
        console.print(table)
    else:
        console.print(styled("No evidence found: no file here shows a skill of the catalogue."))
    read = f"Read {scan.files_read} file{'s' if scan.files_read != 1 else ''}"
    if scan.skipped_total:
        read += f"; skipped {scan.skipped_total} (run with --json to see which and why)"
    if scan.truncated:
        read += "; stopped early at the limit on files"
    console.print(styled((read + ".", "dim")))
    if saved is not None:
        if saved:
            count = sum(len(v) for v in saved.values())
            console.print(styled(f"Added {count} item{'s' if count != 1 else ''} of evidence "
                                 f"for {len(saved)} skill{'s' if len(saved) != 1 else ''} to "
                                 f"{profile.source}; your ratings are unchanged."))
        else:
            console.print(styled(f"Nothing new to add to {profile.source}."))
    elif scan.proposals:
        console.print(styled(("Add them to your profile with --save (confidence "
                              f"{min_confidence} and above). Ratings are never changed.",
                              "dim")))
