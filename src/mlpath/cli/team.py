"""`mlpath team`: many profiles at once."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli.formats import chosen, force_option, format_option, output_option
from mlpath.cli.shared import JsonFlag, RoleOpt, app, context, settings_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mlpath.profile import Entry


PANEL = "Your career"


@app.command(rich_help_panel=PANEL)
def team(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH...", help="Profiles, folders of profiles, or .jsonl files.")],
    role: RoleOpt = None,
    fmt: Annotated[str | None, format_option("team", "the view")] = None,
    json_: JsonFlag = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="Stream one assess-like JSON object per person instead.")] = False,
    output: Annotated[str | None, output_option("team", "the view")] = None,
    force: Annotated[bool, force_option("--output")] = False,
    reviews: Annotated[str | None, typer.Option(
        "--reviews", metavar="DIR", help="Where second raters' reviews are (default: beside "
        "each profile, as NAME.review-WHO.yaml).")] = None,
) -> None:
    """Many profiles at once: where the group falls short of a role, and who is closest.

    Folders are searched for *.yaml, *.yml and *.json; a .jsonl file holds one JSON
    profile per line and is read when named itself. A profile that fails to load (or,
    with --jsonl, that has no target and no best fit) is reported and skipped, and
    the exit code is then 1.

    Example: mlpath team profiles/ --role ml-engineer:mid
    """
    from mlpath.commands.team import team as run

    if jsonl and (fmt is not None or json_ or output is not None):
        from mlpath.errors import UsageError

        raise UsageError("--jsonl streams one JSON report per person to standard "
                         "output; give it without --format, --json or --output")
    code = run(context(settings_of(ctx)), paths=paths, role_option=role,
               fmt=chosen("team", fmt, json_, output), jsonl=jsonl, output=output,
               force=force, progress=_with_progress, reviews=reviews)
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
