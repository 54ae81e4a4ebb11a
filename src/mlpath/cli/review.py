"""`mlpath review`: a second rater for a profile."""

from typing import Annotated

import typer

from mlpath.cli.shared import RoleOpt, app, context, interactive, settings_of

PANEL = "Your career"


@app.command(rich_help_panel=PANEL)
def review(
    ctx: typer.Context,
    profile: Annotated[str, typer.Option("--profile", "-p", metavar="FILE",
                                         help="The profile of the person to review.")],
    reviewer: Annotated[str, typer.Option("--reviewer", metavar="NAME",
                                          help="Who is rating (goes into the file name).")],
    role: RoleOpt = None,
    save: Annotated[str | None, typer.Option(
        "--save", metavar="FILE",
        help="Where to save the review (default: PROFILE.review-NAME.yaml beside it).")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing review.")]
    = False,
) -> None:
    """A second rater: rate someone's skills blind, for a second view beside theirs.

    The reviewer is asked about the skills of the person's target level (or every
    skill), seeing neither the person's own ratings nor the role's targets. The
    review is saved beside the profile as NAME.review-REVIEWER.yaml, where
    `assess` and `team` pick it up and show self against reviewers.

    Example: mlpath review --profile alice.yaml --reviewer bob
    """
    from mlpath.commands.review import review as run

    code = run(context(settings_of(ctx), asking=interactive()), profile_path=profile,
               reviewer=reviewer, save=save, force=force, role_option=role)
    if code:
        raise typer.Exit(code)
