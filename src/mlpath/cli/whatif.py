"""`mlpath whatif`: readiness before and after learning something, for every role."""

from typing import Annotated

import typer

from mlpath.cli.formats import chosen, force_option, format_option, output_option
from mlpath.cli.options import finite
from mlpath.cli.shared import (
    JsonFlag,
    ProfileFile,
    RoleOpt,
    app,
    complete_skill,
    context,
    settings_of,
)

PANEL = "Your career"


@app.command(rich_help_panel=PANEL)
def whatif(
    ctx: typer.Context,
    profile: ProfileFile,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", "-s", metavar="SKILL=N", autocompletion=complete_skill,
        help="Rate SKILL at N (0-5) instead (repeatable).")] = None,
    hours: Annotated[float | None, typer.Option(
        "--hours", metavar="N", callback=finite,
        help="Spend N hours on the plan for your target: its steps in order, whole steps "
        "only.")] = None,
    role: RoleOpt = None,
    fmt: Annotated[str | None, format_option("whatif", "the what-if")] = None,
    json_: JsonFlag = False,
    output: Annotated[str | None, output_option("whatif", "the what-if")] = None,
    force: Annotated[bool, force_option("--output")] = False,
) -> None:
    """What if you learned X? Readiness before and after, for every role.

    --set changes ratings; --hours takes the steps of `mlpath plan` in order
    until the hours are spent. Shows the roles that become ready (85%), your
    best fit and its salary band, and the hours the change costs.

    Example: mlpath whatif --profile me.yaml --set docker=3 --set kubernetes=2
    """
    from mlpath.commands.whatif import whatif as run

    code = run(context(settings_of(ctx)), profile_path=profile, sets=set_ or [], hours=hours,
               role_option=role, fmt=chosen("whatif", fmt, json_, output), output=output,
               force=force)
    if code:
        raise typer.Exit(code)
