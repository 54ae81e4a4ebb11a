"""`mlpath team`: read many profiles, skip the broken ones, and summarise the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from mlpath.commands.context import Context, record_verdict, warn
from mlpath.commands.output import emit
from mlpath.errors import EXIT_DATA, DataError, MlpathError, UsageError

if TYPE_CHECKING:
    from mlpath.model import Level, Profile, Role
    from mlpath.profile import Entry


def team(ctx: Context, *, paths: list[str], role_option: str | None, fmt: str = "table",
         jsonl: bool = False, output: str | None = None, force: bool = False,
         reviews: str | None = None,
         progress: Callable[[Iterator[Entry], list[str]], Iterator[Entry]] | None = None
         ) -> int:
    """The team view (or, with ``jsonl``, one assess report per person, streamed).

    Returns 1 when a profile was skipped, having said which and why.
    """
    from mlpath.catalog import parse_target
    from mlpath.engine.team import Matcher, choose_target, summarize
    from mlpath.profile import parse_profile, team_entries
    from mlpath.reviewfile import ReviewIndex, load_reviews

    missing = [path for path in paths if path != "-" and not os.path.lexists(path)]
    if missing:  # a typo on the command line, before anything is read or printed
        more = f" (and {len(missing) - 1} more paths)" if len(missing) > 1 else ""
        raise DataError(f"{missing[0]}: no such file or folder{more}")  # bad input: exit 1
    catalog = ctx.catalog
    option_role, option_level = parse_target(catalog, role_option) if role_option else (
        None, None)
    matcher = Matcher(catalog)
    members = []
    streamed = 0
    skips = _Skips()
    empty: list[str] = []  # named files (or stdin) that hold no profile at all
    index = ReviewIndex(reviews)
    warnings = _Warnings()
    unread: list[str] = []  # .jsonl files in folders: not read, and said so
    entries = team_entries(paths, unread)
    for entry in (progress(entries, paths) if progress else entries):
        if entry.empty:
            assert entry.error is not None
            empty.append(entry.error)
            continue
        try:
            if entry.error is not None:
                raise DataError(entry.error)
            assert entry.text is not None
            loaded = parse_profile(entry.text, entry.source, catalog)
            if entry.label != entry.source:  # a line of a .jsonl file: name the line
                loaded = loaded._replace(source=entry.label)
        except MlpathError as exc:
            skips.add(exc)
            continue
        if jsonl:  # streamed: nothing is kept, so memory stays flat
            if loaded.warnings:  # in each JSON line too; on stderr as for every format
                warnings.add(loaded.warnings)
            try:
                _stream_person(ctx, loaded, option_role, option_level)
            except MlpathError as exc:  # what assess refuses (no best fit) is not made up
                skips.add(exc, assessing=True)
                continue
            streamed += 1
            continue
        found: tuple[tuple[str, dict[str, int]], ...] = ()
        if entry.label == entry.source:  # a file of its own (not a line of a .jsonl)
            read, problems = load_reviews(entry.source, catalog, index=index)
            found = tuple((r.reviewer, r.skills) for r in read)
            if loaded.warnings or problems:
                warnings.add([*loaded.warnings, *problems])
        elif loaded.warnings:
            warnings.add(loaded.warnings)
        members.append(matcher.member(loaded, found))
    if empty and not (members or streamed or skips.total):  # all that was named is empty
        more = f" (and {len(empty) - 1} more)" if len(empty) > 1 else ""
        raise DataError(f"{empty[0]}{more}")  # bad input: exit 1, not "nothing found"
    for line in empty:  # beside profiles: skipped, as a broken file is
        skips.add(DataError(line))
    skips.finish()
    if unread:
        warnings.note(_unread_note(unread))
    if jsonl or not members:
        if streamed or skips.total:  # else nothing was read, which the error says in full
            warn(warnings.lines())
        return _end_team(streamed + skips.unassessed, skips, unread)
    role, level, chosen = choose_target(catalog, members, option_role, option_level)
    report = summarize(catalog=catalog, members=members, role=role, level=level,
                       chosen=chosen, skipped=skips.total)
    # Past a hundred people the JSON is for programs: one line, through the C encoder.
    shown = warnings.lines()
    emit("team", report, fmt, console=ctx.console, compact=report.members > 100,
         output=output, force=force,
         extra={"warnings": shown, "skipped_sources": skips.sources})
    warn(shown)  # after the result, where the reader is
    return _end_team(len(members), skips)


class _Skips:
    """The profiles skipped, said on stderr as they come: the first MAX_LINES lines in
    full, the rest counted in one line (``finish``), so that thousands of broken files
    give a screen, not a scroll. The totals stay whole, for the summary line, and the
    first problem of each skipped profile (up to MAX_SOURCES) goes into the JSON."""

    MAX_LINES = 20
    MAX_SOURCES = 1000

    def __init__(self) -> None:
        self.unloaded = self.unassessed = self.lines = self.more = 0
        self.sources: list[str] = []

    @property
    def total(self) -> int:
        return self.unloaded + self.unassessed

    def add(self, exc: MlpathError, *, assessing: bool = False) -> None:
        from mlpath.render.text import clean

        record_verdict(EXIT_DATA)  # a skipped profile fails the run: said before the line
        if assessing:  # that may meet a closed pipe
            self.unassessed += 1
        else:
            self.unloaded += 1
        lines = exc.lines()
        if lines and len(self.sources) < self.MAX_SOURCES:
            self.sources.append(lines[0])
        room = self.MAX_LINES - self.lines
        if room <= 0:
            self.more += 1
            return
        for line in lines[:room]:
            sys.stderr.write(f"mlpath: skipped: {clean(line)}\n")
        self.lines += min(len(lines), room)

    def finish(self) -> None:
        if self.more:
            sys.stderr.write(f"mlpath: … and {self.more} more skipped\n")


def _stream_person(ctx: Context, profile: Profile, role: Role | None,
                   level: Level | None) -> None:
    import json

    from mlpath.commands.targets import resolve_target
    from mlpath.engine.assess import assess
    from mlpath.render.jsonout import report as report_dict

    chosen = "option"
    if role is None:
        role, level, chosen = resolve_target(ctx.catalog, profile, None)
    report = assess(catalog=ctx.catalog, profile=profile, role=role, level=level, chosen=chosen)
    if report.target_chosen == "none":  # no best fit: assess refuses, with this reason
        from mlpath.commands.targets import require_best_fit

        require_best_fit(ctx.catalog, profile, None)
    sys.stdout.write(json.dumps(report_dict(report), ensure_ascii=True,
                                separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _end_team(read: int, skips: _Skips, unread: Sequence[str] = ()) -> int:
    """The summary line; ``read`` counts the profiles loaded (assessed or not)."""
    if skips.total:
        why = "that could not be loaded (see above)"
        if skips.unassessed:
            parts = [f"{skips.unloaded} could not be loaded"] if skips.unloaded else []
            parts.append(f"{skips.unassessed} could not be assessed")
            why = f"({', '.join(parts)}; see above)"
        sys.stderr.write(f"mlpath: read {read} profile(s); skipped {skips.total} {why}\n")
        return EXIT_DATA
    if read == 0:
        found = f"; {_unread_note(unread)}" if unread else f" ({FOLDER_FILES})"
        raise UsageError(f"no profiles found in the paths given{found}")
    return 0


FOLDER_FILES = "folders are searched for *.yaml, *.yml and *.json; a .jsonl file is read " \
    "when named itself"


def _unread_note(unread: Sequence[str]) -> str:
    from shlex import quote

    more = f" (and {len(unread) - 1} more .jsonl files)" if len(unread) > 1 else ""
    return (f"{unread[0]}{more} not read: {FOLDER_FILES} "
            f"(mlpath team {quote(unread[0])})")


class _Warnings:
    """Every profile's warnings for stderr and the JSON, the first MAX_WARNINGS lines in
    full and the rest counted in one line: thousands of profiles give a screen, not a
    scroll."""

    MAX_WARNINGS = 20

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.notes: list[str] = []
        self.more = self.profiles = 0

    def add(self, lines: Sequence[str]) -> None:
        """One profile's warnings."""
        room = max(self.MAX_WARNINGS - len(self.shown), 0)
        self.shown.extend(lines[:room])
        if len(lines) > room:
            self.more += len(lines) - room
            self.profiles += 1

    def note(self, line: str) -> None:
        """A warning about the run itself, always shown."""
        self.notes.append(line)

    def lines(self) -> list[str]:
        rest = [f"{self.more} more warnings in {self.profiles} profile(s)"] if self.more else []
        return [*self.shown, *rest, *self.notes]
