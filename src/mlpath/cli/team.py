"""`mlpath team`: many profiles at once."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli.shared import JsonFlag, RoleOpt, app, context, settings_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mlpath.profile import Entry


PANEL = "Your career"


class TeamFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    steps_csv = "steps-csv"  # who needs what: one row per person and step
    markdown = "markdown"
    html = "html"


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
    reviews: Annotated[str | None, typer.Option(
        "--reviews", metavar="DIR", help="Where second raters' reviews are (default: beside "
        "each profile, as NAME.review-WHO.yaml).")] = None,
) -> None:
    """Many profiles at once: where the group falls short of a role, and who is closest.

    Folders are searched for *.yaml, *.yml and *.json; a .jsonl file holds one JSON
    profile per line. A profile that fails to load is reported and skipped, and the
    exit code is then 1.

    Example: mlpath team profiles/ --role ml-engineer:mid
    """
    from mlpath.commands.team import team as run

    code = run(context(settings_of(ctx)), paths=paths, role_option=role,
               fmt="json" if json_ else fmt.value, jsonl=jsonl, progress=_with_progress,
               reviews=reviews)
    if code:
        raise typer.Exit(code)


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
