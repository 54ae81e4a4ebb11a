"""`mlpath posting`: the text of a job ad -> a draft role that every command can use."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli.shared import JsonFlag, app, print_json, settings_of
from mlpath.commands.context import warn

PANEL = "The data"


@app.command(rich_help_panel=PANEL)
def posting(
    ctx: typer.Context,
    ad: Annotated[str, typer.Argument(
        metavar="AD", help="The job ad as plain UTF-8 text (at most 1 MiB); - reads "
        "standard input.")],
    role_id: Annotated[str | None, typer.Option(
        "--id", metavar="ID", help="The role id to give it; default: posting-<title>.")]
    = None,
    level: Annotated[str | None, typer.Option(
        "--level", metavar="LEVEL", help="The level id to give it (entry, mid, senior, "
        "staff, lead ...); default: from the title's seniority words or the years asked.")]
    = None,
    save: Annotated[str | None, typer.Option(
        "--save", metavar="DIR", help="Write it as a role pack: DIR/ID.yaml (use it with "
        "--roles-dir DIR).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")]
    = False,
    json_: JsonFlag = False,
) -> None:
    """Turn a job ad into a draft role: the skills it asks for, at what level.

    Every requirement quotes the phrase of the ad it came from. Company and
    benefits text creates no requirement; "nice to have" skills get weight 0.5.
    Exits 1 when the ad names no skill mlpath knows.

    Example: mlpath posting ad.txt --save my-roles && mlpath --roles-dir my-roles
    assess --profile me.yaml --role posting-ml-engineer
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    from mlpath.posting import parse_posting
    from mlpath.render.posting import posting_json, posting_yaml
    from mlpath.yamlio import read_source

    text, source = read_source(ad)
    parsed = parse_posting(text, catalog, source=source, role_id=role_id, level_id=level)
    if parsed.role_id in catalog.roles:
        warn([f"role id {parsed.role_id!r} is already taken: a pack with this role replaces "
              f"the role of that id ({catalog.roles[parsed.role_id].origin})"])
    if save:
        from mlpath.atomic import write_atomic
        from mlpath.errors import DataError

        folder = Path(save)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataError(f"{save}: cannot create the folder: {exc.strerror or exc}") from None
        target = folder / f"{parsed.role_id}.yaml"
        write_atomic(target, posting_yaml(parsed), replace=force)
        sys.stderr.write(f"mlpath: wrote {target}; use it with --roles-dir {save} "
                         f"--role {parsed.role_id}\n")
        if json_:
            print_json(posting_json(parsed))
        return
    if json_:
        print_json(posting_json(parsed))
    else:
        sys.stdout.write(posting_yaml(parsed))
