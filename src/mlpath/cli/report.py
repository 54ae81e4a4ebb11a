"""The commands about one person besides assess: match, plan, diff and progress."""

from typing import Annotated

import typer

from mlpath.cli.formats import chosen, force_option, format_option, output_option
from mlpath.cli.options import at_least_one, between
from mlpath.cli.shared import (
    JsonFlag,
    ProfileFile,
    RoleOpt,
    app,
    context,
    settings_of,
)

PANEL = "Your career"


@app.command(rich_help_panel=PANEL)
def match(
    ctx: typer.Context,
    profile: ProfileFile,
    top: Annotated[int, typer.Option("--top", "-n", metavar="N", callback=at_least_one,
                                     help="How many roles to show (1 or more).")] = 10,
    fmt: Annotated[str | None, format_option("match", "the ranking")] = None,
    json_: JsonFlag = False,
    output: Annotated[str | None, output_option("match", "the ranking")] = None,
    force: Annotated[bool, force_option("--output")] = False,
) -> None:
    """Rank every role by how ready you are for it.

    Each role is compared at its comparison level: the highest level whose
    minimum years you have (the middle level when your years are unknown).

    Example: mlpath match --profile me.yaml --top 5
    """
    from mlpath.commands.person import match as run

    fmt = chosen("match", fmt, json_, output)
    run(context(settings_of(ctx)), profile_path=profile, top=top, fmt=fmt, output=output,
        force=force)


@app.command(rich_help_panel=PANEL)
def plan(
    ctx: typer.Context,
    profile: ProfileFile,
    role: RoleOpt = None,
    hours_per_week: Annotated[float, typer.Option(
        "--hours-per-week", metavar="N", callback=between(0.5, 80),
        help="How many hours a week you will study, 0.5–80.")] = 5.0,
    fmt: Annotated[str | None, format_option("plan", "the plan")] = None,
    json_: JsonFlag = False,
    output: Annotated[str | None, output_option("plan", "the plan")] = None,
    force: Annotated[bool, force_option("--output")] = False,
) -> None:
    """A learning plan: your gaps in the order to learn them, with hours and weeks.

    Prerequisites come first (a missing one the role does not list is added as its
    own step), then higher priority. Hours come from the resources where known,
    else from mlpath's per-level estimate, marked ~.

    Example: mlpath plan --profile me.yaml --role mlops-engineer:mid --hours-per-week 6
    """
    from mlpath.commands.person import plan as run

    run(context(settings_of(ctx)), profile_path=profile, role_option=role,
        hours_per_week=hours_per_week, fmt=chosen("plan", fmt, json_, output), output=output,
        force=force)

@app.command(rich_help_panel=PANEL)
def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier profile.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later profile.")],
    role: RoleOpt = None,
    fmt: Annotated[str | None, format_option("diff", "the changes")] = None,
    json_: JsonFlag = False,
    output: Annotated[str | None, output_option("diff", "the changes")] = None,
    force: Annotated[bool, force_option("--output")] = False,
) -> None:
    """What changed between two profiles, and readiness before and after.

    Readiness is shown for NEW's target (or best fit) and its closest other
    roles, each at the same level on both sides.

    Example: mlpath diff last-year.yaml me.yaml
    """
    from mlpath.commands.person import diff as run

    run(context(settings_of(ctx)), old_path=old, new_path=new, role_option=role,
        fmt=chosen("diff", fmt, json_, output), output=output, force=force)

@app.command(rich_help_panel=PANEL)
def progress(
    ctx: typer.Context,
    profile: Annotated[str, typer.Option("--profile", "-p", metavar="FILE",
                                         help="Your profile, with its history.")],
    role: RoleOpt = None,
    fmt: Annotated[str | None, format_option("progress", "the progress")] = None,
    json_: JsonFlag = False,
    output: Annotated[str | None, output_option("progress", "the progress")] = None,
    force: Annotated[bool, force_option("--output")] = False,
) -> None:
    """Your readiness over time, from the dated ratings in the profile's history.

    `mlpath assess --profile FILE --update` adds a dated snapshot each time.

    Example: mlpath progress --profile me.yaml
    """
    from mlpath.commands.person import progress as run

    run(context(settings_of(ctx)), profile_path=profile, role_option=role,
        fmt=chosen("progress", fmt, json_, output), output=output, force=force)
