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
    from rich.console import Console, RenderableType

SCHEMA_VERSION = 1
FILES_SHOWN = 2  # in the table; --json lists them all
SIGNALS_SHOWN = 3
SKILL_WIDTH = 20  # the Skill column when names are long; never under the longest word
SIGNALS_ROOM = 20  # under this, a row's signals go on a line of their own


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


def _signals(proposal: Proposal) -> str:
    more = len(proposal.signals) - SIGNALS_SHOWN
    return "; ".join(proposal.signals[:SIGNALS_SHOWN]) + (f"; {more} more" if more > 0 else "")


def _rows(proposals: Sequence[Proposal], *, catalog: Catalog, profile: Profile, base: str,
          width: int) -> list[Any]:
    """One small table per proposal, all with the same column widths, each followed by
    its files, one a line and whole (a path is never folded: it may run past the edge).

    The Skill column is as wide as the longest word of any name, so a name wraps at
    word boundaries; when under SIGNALS_ROOM columns are left for the signals, they go
    on a line of their own under the row, wrapped at words.
    """
    from rich.table import Table
    from rich.text import Text

    from mlpath.render.console import styled
    from mlpath.render.widgets import Whole, indented, longest_word, room_left

    names = [_name(catalog, p.skill) for p in proposals]
    skill_width = min(max(len(n) for n in names), max(longest_word(names), SKILL_WIDTH))
    fixed = [skill_width, len("You"), len("Confidence")]
    signals_room = room_left(width, fixed)
    beside = signals_room >= SIGNALS_ROOM
    styles = {"high": "green", "medium": "yellow", "low": "dim"}
    out: list[Any] = []
    for index, (p, name) in enumerate(zip(proposals, names, strict=True)):
        table = Table(box=None, pad_edge=False, show_header=index == 0,
                      expand=beside, header_style="bold")
        table.add_column("Skill", width=skill_width, overflow="fold")
        table.add_column("You", justify="right", no_wrap=True, width=3)
        table.add_column("Confidence", no_wrap=True, width=len("Confidence"))
        cells: list[RenderableType] = [styled(name), str(profile.rating(p.skill)),
                 styled((p.confidence, styles[p.confidence]))]
        if beside:
            table.add_column("Signals", ratio=1)
            cells.append(styled(_signals(p)))
        table.add_row(*cells)
        out.append(table)
        if not beside:
            out.append(indented(styled((_signals(p), "dim")), 2))
        names_shown = [_short(f, base) for f in p.files[:FILES_SHOWN]]
        out.extend(Whole(Text("  " + n, style="dim")) for n in names_shown)
        more = len(p.files) - FILES_SHOWN
        if more > 0:
            out.append(indented(styled((f"and {more} more", "dim")), 2))
    return out


def render_scan(scan: Scan, *, catalog: Catalog, profile: Profile, console: Console,
                paths: Sequence[str], saved: Mapping[str, Sequence[str]] | None,
                min_confidence: str) -> None:
    from mlpath.render.console import styled
    from mlpath.render.widgets import emit

    base = _base(paths)
    if scan.proposals:
        near = os.path.relpath(base) if base else ""
        where = shown(base if near.startswith("..") else near) if base else "the paths given"
        console.print(styled(("Evidence found", "bold"), f" in {where}"))
        emit(console, _rows(scan.proposals, catalog=catalog, profile=profile, base=base,
                            width=console.width))
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
