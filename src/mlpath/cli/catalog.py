"""The commands about the data: roles, skills, milestones, validate, init and schema."""

import sys
from typing import Annotated

import typer

from mlpath.cli.shared import (
    JsonFlag,
    app,
    complete_role,
    complete_skill,
    print_json,
    settings_of,
)
from mlpath.errors import EXIT_DATA
from mlpath.schemas import FILES as SCHEMA_FILES  # the one table of names: help and choices
from mlpath.schemas import REPORTS as SCHEMA_REPORTS

PANEL = "The data"

# The two command groups live here, with their commands: a run of another command (assess)
# does not make typer build them.
roles_app = typer.Typer(no_args_is_help=False)
skills_app = typer.Typer(no_args_is_help=False)
app.add_typer(roles_app, name="roles", rich_help_panel=PANEL)
app.add_typer(skills_app, name="skills", rich_help_panel=PANEL)


@roles_app.callback(invoke_without_command=True)
def roles(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List the roles: id, name, levels and salary bands; `roles show ROLE` shows one.

    The built-in roles come with mlpath; --roles-dir and MLPATH_ROLES_PATH add a
    company's own.

    Example: mlpath roles --json | jq '.[].id'
    """
    if ctx.invoked_subcommand:
        return
    settings = settings_of(ctx)
    catalog = settings.catalog()
    if json_:
        from mlpath.render.jsonout import role_summary

        print_json([role_summary(r) for r in catalog.roles.values()])
        return
    from mlpath.render.listing import render_roles

    render_roles(catalog, settings.console())


@roles_app.command("show")
def roles_show(ctx: typer.Context,
               role_id: Annotated[str, typer.Argument(metavar="ROLE", help="A role id.",
                                                      autocompletion=complete_role)],
               json_: JsonFlag = False) -> None:
    """Show one role: levels, years, salary with its source, requirements and moves.

    Example: mlpath roles show ml-engineer
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    from mlpath.catalog import get_role

    role = get_role(catalog, role_id)
    if json_:
        from mlpath.render.jsonout import role_detail

        print_json(role_detail(role))
        return
    from mlpath.render.listing import render_role

    render_role(role, catalog, settings.console())


@skills_app.callback(invoke_without_command=True)
def skills(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List the skill catalogue by category; `skills show SKILL` shows one.

    Every skill has a 0-5 rubric, prerequisites and learning resources.

    Example: mlpath skills --json | jq -r '.[].id'
    """
    if ctx.invoked_subcommand:
        return
    settings = settings_of(ctx)
    catalog = settings.catalog()
    if json_:
        from mlpath.render.jsonout import skill_summary

        print_json([skill_summary(s) for s in catalog.skills.values()])
        return
    from mlpath.render.listing import render_skills

    render_skills(catalog, settings.console())


@skills_app.command("show")
def skills_show(ctx: typer.Context,
                skill_id: Annotated[str, typer.Argument(metavar="SKILL", help="A skill id.",
                                                        autocompletion=complete_skill)],
                json_: JsonFlag = False) -> None:
    """Show one skill: its 0-5 rubric, prerequisites and learning resources.

    Example: mlpath skills show pytorch
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    from mlpath.catalog import get_skill

    skill = get_skill(catalog, skill_id)
    if json_:
        from mlpath.render.jsonout import skill_detail

        print_json(skill_detail(skill, catalog))
        return
    from mlpath.render.listing import render_skill

    render_skill(skill, catalog, settings.console())


@app.command(rich_help_panel=PANEL)
def milestones(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List the portfolio, education and community milestones roles ask for.

    Add the ones you have to your profile's `milestones:` list.

    Example: mlpath milestones --json
    """
    settings = settings_of(ctx)
    catalog = settings.catalog()
    if json_:
        from mlpath.render.jsonout import milestone

        print_json([milestone(m) for m in catalog.milestones.values()])
        return
    from mlpath.render.listing import render_milestones

    render_milestones(catalog, settings.console())


@app.command(rich_help_panel=PANEL)
def validate(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="[PATH]...", help="Profiles, role files, skill or milestone catalogues, or "
        "role packs (folders); - reads standard input. Default: the built-in data and "
        "configured packs.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the problems as JSON for "
                                        "scripts (exit 1 still when there are any).")] = False,
) -> None:
    """Check profiles, role packs and data files, printing every problem as file:line:col.

    Each file is recognised by what it holds and checked by its own rules: a
    profile as `assess` reads it (unknown skill and milestone ids count too), a
    role, skill or milestone file together with the built-in data and the other
    files of its pack. Nothing else runs. Exit 1 when any problem is found.

    Example: mlpath validate me.yaml my-ladder/
    """
    settings = settings_of(ctx)
    from mlpath.validate import validate_paths

    result = validate_paths(list(paths or []), roles_dirs=settings.roles_dirs)
    if result.problems:  # the verdict, before the problems meet a closed pipe (`| head`)
        from mlpath.commands.context import record_verdict

        record_verdict(EXIT_DATA)
    if json_:
        print_json(result.as_json())
        if result.problems:
            raise typer.Exit(EXIT_DATA)
        return
    from mlpath.render.text import clean

    for problem in result.problems:
        sys.stdout.write(clean(str(problem)) + "\n")
    if result.problems:
        from mlpath.validate import assess_only_warns

        unknown = sum(1 for p in result.problems if assess_only_warns(p))
        why = (f"; {unknown} of them unknown ids (unknown ids fail validate; assess only "
               "warns)") if unknown else ""
        sys.stderr.write(f"mlpath: {len(result.problems)} problem(s) in "
                         f"{result.files} file(s){why}\n")
        raise typer.Exit(EXIT_DATA)
    kinds = "".join(f", {n} {kind}(s)" for kind, n in result.kinds.items() if kind == "profile")
    sys.stdout.write(f"ok: {result.files} file(s){kinds}, {result.roles} role(s), "
                     f"{result.skills} skill(s), {result.milestones} milestone(s)\n")


@app.command(rich_help_panel=PANEL)
def init(
    ctx: typer.Context,
    file: Annotated[str | None, typer.Argument(
        metavar="[FILE]", help="Where to write; - or none: print it.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")] = False,
) -> None:
    """Write a commented profile template to fill in (never over an existing file).

    Beside FILE it also writes profile.schema.json (unless one is there), which
    the template's `$schema` line names: editors with the YAML language server
    then check and complete the profile as you type, offline.

    Example: mlpath init me.yaml && $EDITOR me.yaml && mlpath assess --profile me.yaml
    """
    settings = settings_of(ctx)
    from mlpath.profile import template

    catalog = settings.catalog()
    text = template(catalog)
    if file is None or file == "-":
        sys.stdout.write(text)
        return
    from mlpath.atomic import write_atomic
    from mlpath.schemas import write_profile_schema_beside

    write_atomic(file, text, replace=force)
    notes: list[str] = []
    schema_file = write_profile_schema_beside(file, catalog, notes.append)
    sys.stderr.write(f"mlpath: wrote {file}"
                     + (f" and {schema_file} (for editors)" if schema_file else "")
                     + f"; rate yourself, then run `mlpath assess --profile {file}`\n")
    sys.stderr.writelines(line + "\n" for line in notes)


def _complete_schema(incomplete: str) -> list[str]:
    from mlpath.schemas import NAMES

    return [n for n in NAMES if n.startswith(incomplete)]


@app.command(rich_help_panel=PANEL)
def schema(
    ctx: typer.Context,
    which: Annotated[str, typer.Argument(
        metavar="WHICH", autocompletion=_complete_schema,
        help=f"A file format ({', '.join(SCHEMA_FILES)}) or a JSON report "
        f"({', '.join(SCHEMA_REPORTS)}).")],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write it to FILE instead (- prints it).")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")] = False,
) -> None:
    """Print the JSON Schema of a file format or of a JSON report.

    File formats come from the same description the loader checks files with,
    so the two cannot disagree; the profile's lists the catalogue's skill,
    milestone and role ids (with --roles-dir packs), so editors complete them.
    `mlpath init` writes profile.schema.json beside the profile for you.

    Example: mlpath schema profile --output profile.schema.json
    """
    from mlpath.errors import UsageError
    from mlpath.schemas import NAMES
    from mlpath.schemas import schema as build

    if which not in NAMES:
        from mlpath.errors import suggestion

        raise UsageError(f"no schema called {which!r}{suggestion(which, list(NAMES))}; "
                         f"choose one of {', '.join(NAMES)}")
    catalog = settings_of(ctx).catalog() if which == "profile" else None
    value = build(which, catalog)
    if output is None or output == "-":
        print_json(value)
        return
    from mlpath.atomic import write_atomic
    from mlpath.render.jsonout import dumps

    write_atomic(output, dumps(value) + "\n", replace=force)
    sys.stderr.write(f"mlpath: wrote {output}\n")
