"""`mlpath team`: read many profiles, skip the broken ones, and summarise the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
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
    skipped = streamed = 0
    index = ReviewIndex(reviews)
    warnings: list[str] = []
    entries = team_entries(paths)
    for entry in (progress(entries, paths) if progress else entries):
        try:
            if entry.error is not None:
                raise DataError(entry.error)
            assert entry.text is not None
            loaded = parse_profile(entry.text, entry.source, catalog)
            if entry.label != entry.source:  # a line of a .jsonl file: name the line
                loaded = loaded._replace(source=entry.label)
        except MlpathError as exc:
            skipped += 1
            record_verdict(EXIT_DATA)  # before the line that may meet a closed pipe
            _warn_skipped(exc)
            continue
        if jsonl:  # streamed: nothing is kept, so memory stays flat
            _stream_person(ctx, loaded, option_role, option_level)
            streamed += 1
            continue
        found: tuple[tuple[str, dict[str, int]], ...] = ()
        if entry.label == entry.source:  # a file of its own (not a line of a .jsonl)
            read, problems = load_reviews(entry.source, catalog, index=index)
            found = tuple((r.reviewer, r.skills) for r in read)
            warnings.extend(problems)
        members.append(matcher.member(loaded, found))
    if jsonl or not members:
        return _end_team(streamed if jsonl else 0, skipped)
    role, level, chosen = choose_target(catalog, members, option_role, option_level)
    report = summarize(catalog=catalog, members=members, role=role, level=level,
                       chosen=chosen, skipped=skipped)
    # Past a hundred people the JSON is for programs: one line, through the C encoder.
    emit("team", report, fmt, console=ctx.console, compact=report.members > 100,
         output=output, force=force)
    warn(warnings)  # after the result, where the reader is
    return _end_team(len(members), skipped)


def _warn_skipped(exc: MlpathError) -> None:
    from mlpath.render.text import clean

    for line in exc.lines():
        sys.stderr.write(f"mlpath: skipped: {clean(line)}\n")


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
    sys.stdout.write(json.dumps(report_dict(report), ensure_ascii=True,
                                separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _end_team(read: int, skipped: int) -> int:
    if skipped:
        sys.stderr.write(f"mlpath: read {read} profile(s); skipped {skipped} that could not "
                         "be loaded (see above)\n")
        return EXIT_DATA
    if read == 0:
        raise UsageError("no profiles found in the paths given (*.yaml, *.yml, *.json, *.jsonl)")
    return 0
