"""`mlpath assess`, alone in its module: the command people run most builds only its own
options (typer's cost grows with every command a module registers; DESIGN §7)."""

from typing import Annotated

import typer

from mlpath.cli.formats import chosen, format_option, output_option
from mlpath.cli.options import between
from mlpath.cli.shared import (
    JsonFlag,
    ProfileOpt,
    RoleOpt,
    app,
    context,
    interactive,
    settings_of,
)

PANEL = "Your career"


@app.command(rich_help_panel=PANEL)
def assess(
    ctx: typer.Context,
    profile: ProfileOpt = None,
    role: RoleOpt = None,
    fmt: Annotated[str | None, format_option("report", "the report")] = None,
    json_: JsonFlag = False,
    output: Annotated[str | None, output_option("report", "the report")] = None,
    explain: Annotated[bool, typer.Option("--explain",
                                          help="Show each skill's part in the readiness.")]
    = False,
    save: Annotated[str | None, typer.Option("--save", metavar="FILE",
                                             help="Also save the profile used to FILE.")]
    = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing --save or --output file.")] = False,
    fail_under: Annotated[float | None, typer.Option(
        "--fail-under", metavar="N", callback=between(0, 100),
        help="Exit 3 when the readiness is below N, 0–100 (for scripts).")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask questions.")] = False,
    update: Annotated[bool, typer.Option(
        "--update", help="Re-rate your profile with its answers as defaults; the old "
        "ratings go to its history.")] = False,
    posting: Annotated[str | None, typer.Option(
        "--posting", metavar="AD", help="Compare with a job ad instead of a role: its text "
        "file, or - for standard input (see `mlpath posting`).")] = None,
    reviews: Annotated[str | None, typer.Option(
        "--reviews", metavar="DIR", help="Where second raters' reviews are (default: beside "
        "the profile, as NAME.review-WHO.yaml).")] = None,
) -> None:
    """Compare your profile with a role and print the gap report.

    With --profile, mlpath reads your self-rated profile; without it, on a
    terminal, it interviews you. The report shows your readiness, each required
    skill, the top gaps with resources, your next career step and other roles
    that fit.

    Example: mlpath assess --profile me.yaml --role ml-engineer:senior
    """
    from mlpath.commands.assess import assess as run

    fmt = chosen("report", fmt, json_, output)
    code = run(context(settings_of(ctx), asking=interactive()), profile_path=profile,
               role_option=role, fmt=fmt, output=output, save=save,
               force=force, fail_under=fail_under, no_input=no_input, update=update,
               explain=explain, posting=posting, reviews=reviews)
    if code:
        raise typer.Exit(code)
