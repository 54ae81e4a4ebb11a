"""`mlpath team`: many profiles at once."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli.shared import (
    JsonFlag,
    RoleOpt,
    app,
    print_json,
    resolve_target,
    settings_of,
)
from mlpath.errors import EXIT_DATA, DataError, MlpathError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mlpath.model import Catalog, Level, Profile, Role
    from mlpath.profile import Entry


PANEL = "Your career"


class TeamFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command(rich_help_panel=PANEL)
def team(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="Profiles, folders of profiles, or .jsonl files.")],
    role: RoleOpt = None,
    fmt: Annotated[TeamFormat, typer.Option("--format", "-f", help="How to print the view.")]
    = TeamFormat.table,
    json_: JsonFlag = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Stream one assess-like JSON object per person instead.")] = False,
) -> None:
    """Many profiles at once: where the group falls short of a role, and who is closest.

    Folders are searched for *.yaml, *.yml and *.json; a .jsonl file holds one JSON
    profile per line. A profile that fails to load is reported and skipped, and the
    exit code is then 1.

    Example: mlpath team profiles/ --role ml-engineer:mid
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    from mlpath.catalog import parse_target
    from mlpath.engine.team import Matcher, choose_target, summarize
    from mlpath.profile import parse_profile, team_entries

    option_role, option_level = parse_target(catalog, role) if role else (None, None)
    matcher = Matcher(catalog)
    members = []
    skipped = streamed = 0
    entries = team_entries(paths)
    for entry in _with_progress(entries, paths):
        try:
            if entry.error is not None:
                raise DataError(entry.error)
            assert entry.text is not None
            loaded = parse_profile(entry.text, entry.source, catalog)._replace(
                source=entry.label)
        except MlpathError as exc:
            skipped += 1
            _warn_skipped(exc)
            continue
        if jsonl:  # streamed: nothing is kept, so memory stays flat
            _stream_person(catalog, loaded, option_role, option_level)
            streamed += 1
            continue
        members.append(matcher.member(loaded))
    if jsonl or not members:
        _end_team(streamed if jsonl else 0, skipped)
        return
    target_role, target_level, chosen = choose_target(catalog, members, option_role,
                                                      option_level)
    report = summarize(catalog=catalog, members=members, role=target_role, level=target_level,
                       chosen=chosen, skipped=skipped)
    fmt = TeamFormat.json if json_ else fmt
    if fmt is TeamFormat.json:
        from mlpath.render.jsonout import team as team_dict

        # Past a hundred people the JSON is for programs: one line, through the C encoder.
        print_json(team_dict(report), compact=report.members > 100)
    elif fmt is TeamFormat.csv:
        from mlpath.render.team import team_csv

        sys.stdout.write(team_csv(report))
    else:
        from mlpath.render.team import render_team

        render_team(report, settings.console())
    _end_team(len(members), skipped)


def _with_progress(entries: "Iterator[Entry]", paths: list[str]) -> "Iterator[Entry]":
    """A progress bar on stderr for big runs on a terminal; otherwise the entries as they are."""
    if not sys.stderr.isatty():
        yield from entries
        return
    from mlpath.profile import profile_files

    total = sum(len(profile_files(p)) if Path(p).is_dir() else 1 for p in paths)
    if total <= 300:
        yield from entries
        return
    from rich.progress import Progress

    from mlpath.render.console import make_console

    with Progress(console=make_console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading profiles", total=total)
        for entry in entries:
            yield entry
            if entry.label == entry.source:  # a file (one line of .jsonl is labelled path:N)
                bar.advance(task)


def _warn_skipped(exc: MlpathError) -> None:
    from mlpath.render.text import clean

    for line in exc.lines():
        sys.stderr.write(f"mlpath: skipped: {clean(line)}\n")


def _stream_person(catalog: "Catalog", profile: "Profile", role: "Role | None",
                   level: "Level | None") -> None:
    import json

    from mlpath.engine.assess import assess as run_assess
    from mlpath.render.jsonout import report as report_dict

    chosen = "option"
    if role is None:
        role, level, chosen = resolve_target(catalog, profile, None)
    report = run_assess(catalog=catalog, profile=profile, role=role, level=level, chosen=chosen)
    sys.stdout.write(json.dumps(report_dict(report), ensure_ascii=True,
                                separators=(",", ":")) + "\n")
    sys.stdout.flush()


def _end_team(read: int, skipped: int) -> None:
    if skipped:
        sys.stderr.write(f"mlpath: read {read} profile(s); skipped {skipped} that could not "
                         "be loaded (see above)\n")
        raise typer.Exit(EXIT_DATA)
    if read == 0:
        raise UsageError("no profiles found in the paths given (*.yaml, *.yml, *.json, *.jsonl)")


