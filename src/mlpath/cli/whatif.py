"""`mlpath whatif`: readiness before and after learning something, for every role."""

from enum import StrEnum
from typing import Annotated

import typer

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


class WhatifFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


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
    fmt: Annotated[WhatifFormat, typer.Option("--format", "-f", help="How to print it.")]
    = WhatifFormat.table,
    json_: JsonFlag = False,
) -> None:
    """What if you learned X? Readiness before and after, for every role.

    --set changes ratings; --hours takes the steps of `mlpath plan` in order
    until the hours are spent. Shows the roles that become ready (85%), your
    best fit and its salary band, and the hours the change costs.

    Example: mlpath whatif --profile me.yaml --set docker=3 --set kubernetes=2
    """
    from mlpath.commands.whatif import whatif as run

    code = run(context(settings_of(ctx)), profile_path=profile, sets=set_ or [], hours=hours,
               role_option=role, fmt="json" if json_ else fmt.value)
    if code:
        raise typer.Exit(code)
