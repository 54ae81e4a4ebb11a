"""Terminal views of the catalogue: roles, one role, skills, one skill, milestones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath.model import Catalog, Milestone, Role, Skill
from mlpath.render.console import styled
from mlpath.render.table import hanging
from mlpath.render.text import band, band_short, number
from mlpath.render.widgets import emit, indented, resource_parts

if TYPE_CHECKING:
    from rich.console import Console


def render_roles(catalog: Catalog, console: Console) -> None:
    from rich.table import Table

    if console.width < 50:  # a list: each role's id, name and bands on lines of their own
        console.print(styled(("Roles", "bold"), ("  salary in USD a year", "dim")))
        for role in catalog.roles.values():
            name = role.name + ("" if role.origin == "built-in" else f" [{role.origin}]")
            bands = [f"{lv.id} {band_short(lv.salary.min, lv.salary.max)}" if lv.salary
                     else f"{lv.id} no figure" for lv in role.levels]
            console.print(hanging([(styled((role.id, "bold")), styled(""))]))
            console.print(indented(styled(name, ("\n" + "\n".join(bands), "dim")), 2))
        console.print(styled(("`mlpath roles show ID` shows one role in full.", "dim")))
        return
    table = Table(box=None, pad_edge=False, title=styled(("Roles", "bold")), title_justify="left")
    # Narrow: the id over the name in one column, so that no column has to go.
    stacked = console.width < 80
    table.add_column("Role" if stacked else "Id", no_wrap=not stacked, style="bold")
    if not stacked:
        table.add_column("Name", overflow="fold")
    table.add_column("Salary, USD", no_wrap=True)
    for role in catalog.roles.values():
        # One level per line: a level and its band never part across lines.
        salaries = "\n".join(
            f"{lv.id} {band_short(lv.salary.min, lv.salary.max) if lv.salary else 'no figure'}"
            for lv in role.levels)
        name = role.name + ("" if role.origin == "built-in" else f" [{role.origin}]")
        if stacked:
            table.add_row(styled(role.id, ("\n" + name, "not bold")), styled(salaries))
        else:
            table.add_row(styled(role.id), styled(name), styled(salaries))
    console.print(table)
    console.print(styled(("`mlpath roles show ID` shows one role in full.", "dim")))


def render_role(role: Role, catalog: Catalog, console: Console) -> None:
    from rich.table import Table

    console.print(styled((role.name, "bold"), f"  ({role.id})"))
    console.print(styled(role.summary))
    console.print(hanging([("•", styled(item)) for item in role.responsibilities], indent=1))
    for lv in role.levels:
        years = f"{number(lv.years_min)}+" if lv.years_max is None else (
            f"{number(lv.years_min)}–{number(lv.years_max)}")
        console.print()
        console.print(styled((lv.title, "bold"), f"  {lv.id} · {years} years"))
        if lv.salary:
            console.print(hanging([("Salary", styled(band(lv.salary.min, lv.salary.max),
                                                     ("  " + lv.salary.source, "dim")))],
                                  indent=1))
        elif lv.salary_note:
            console.print(hanging([("Salary", styled("no figure in the guide",
                                                     ("  " + lv.salary_note, "dim")))],
                                  indent=1))
        table = Table(box=None, pad_edge=False, show_header=True)
        table.add_column("  Skill", overflow="fold", ratio=1)
        table.add_column("Level", justify="right", no_wrap=True)
        table.add_column("Weight", justify="right", no_wrap=True)
        for req in sorted(lv.requirements, key=lambda r: (-r.weight, -r.level, r.skill)):
            skill = catalog.skills.get(req.skill)
            table.add_row(styled("  " + (skill.name if skill else req.skill)),
                          str(req.level), number(req.weight))
        console.print(table)
        if lv.milestones_required or lv.milestones_recommended:
            names = {m.id: m.name for m in catalog.milestones.values()}
            parts = []
            if lv.milestones_required:
                parts.append("required: " + ", ".join(names.get(m, m)
                                                      for m in lv.milestones_required))
            if lv.milestones_recommended:
                parts.append("recommended: " + ", ".join(names.get(m, m)
                                                         for m in lv.milestones_recommended))
            console.print(hanging([("Milestones", styled("; ".join(parts)))], indent=1))
    if role.moves:
        console.print()
        moves = [catalog.roles[m].name if m in catalog.roles else m for m in role.moves]
        console.print(hanging([(styled(("Moves to", "dim")), styled(", ".join(moves)))]))


def render_skills(catalog: Catalog, console: Console) -> None:
    from rich.table import Table

    by_category: dict[str, list[Skill]] = {}
    for skill in catalog.skills.values():
        by_category.setdefault(skill.category, []).append(skill)
    for category, skills in by_category.items():
        table = Table(box=None, pad_edge=False, show_header=False,
                      title=styled((category, "bold")), title_justify="left")
        table.add_column("Id", no_wrap=True, style="cyan")
        table.add_column("Description", overflow="fold", ratio=1)
        for skill in skills:
            table.add_row(styled(skill.id), styled(skill.description))
        console.print(table)
    console.print(styled(("`mlpath skills show ID` shows the rubric and resources.", "dim")))


def render_skill(skill: Skill, catalog: Catalog, console: Console) -> None:
    console.print(styled((skill.name, "bold"), f"  ({skill.id} · {skill.category})"))
    console.print(styled(skill.description))
    if skill.prerequisites:
        names = [catalog.skills[p].name if p in catalog.skills else p
                 for p in skill.prerequisites]
        console.print(styled(("Learn first: ", "dim"), ", ".join(names)))
    console.print()
    console.print(styled(("Rubric", "bold")))
    console.print(hanging([(str(level), styled(text)) for level, text in enumerate(skill.rubric)],
                          indent=1))
    console.print()
    console.print(styled(("Resources", "bold")))
    emit(console, [part for r in skill.resources for part in resource_parts(r, 3, bullet="•")])


def render_milestones(catalog: Catalog, console: Console) -> None:
    by_category: dict[str, list[Milestone]] = {}
    for m in catalog.milestones.values():
        by_category.setdefault(m.category, []).append(m)
    for category, items in by_category.items():
        console.print(styled((category, "bold")))
        for m in items:
            console.print(hanging([(styled((m.id, "cyan")),
                                    styled(m.name, ("\n" + m.description, "dim")))], indent=1))
