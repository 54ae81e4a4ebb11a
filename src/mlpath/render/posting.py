"""A parsed job ad as a role pack file (YAML with comments) and as JSON.

The YAML is written by hand rather than dumped, so that every requirement can
carry a comment quoting the phrase of the ad it came from. Strings are written
as JSON strings, which YAML reads as double-quoted scalars.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mlpath import __version__
from mlpath.posting import REQUIRED, Found, Posting, posting_level, posting_role
from mlpath.render.jsonout import SCHEMA_VERSION, salary

# Characters YAML refuses in a document, or that a terminal could act on: escaped.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _str(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _num(value: float) -> str:
    return f"{value:g}"


def _comment(found: Found) -> str:
    where = f"line {found.mention.line}"
    note = "" if found.importance == REQUIRED else "nice to have; "
    return f"# {note}{where}: \"{found.mention.phrase}\""


def posting_yaml(posting: Posting) -> str:
    """The ad as a role pack file: one role, one level, each requirement with its source."""
    role = posting_role(posting)
    level = posting_level(posting)
    out = [
        f"# Drafted by `mlpath posting` from {posting.source} ({posting.lines} lines).",
        "# Review it before use: each requirement quotes the phrase of the ad it came from.",
        f"# Level {posting.level!r} from {_BASIS[posting.level_basis]}; "
        "target levels and weights come from the ad's cues.",
        f"id: {role.id}",
        f"name: {_str(role.name)}",
        f"summary: {_str(role.summary)}",
    ]
    if role.responsibilities:
        out.append("responsibilities:")
        out += [f"  - {_str(item)}" for item in role.responsibilities]
    out += [
        "levels:",
        f"  - id: {level.id}",
        f"    title: {_str(level.title)}",
        f"    years: {{min: {_num(level.years_min)}, max: null}}"
        + ("  # the ad does not say; the usual minimum for the level"
           if posting.years is None else ""),
    ]
    if level.salary is not None:
        out += ["    salary_usd:",
                f"      min: {level.salary.min}",
                f"      max: {level.salary.max if level.salary.max is not None else 'null'}",
                f"      source: {_str(level.salary.source)}"]
    out.append("    requirements:")
    shown_preferred = False
    for index, found in enumerate(posting.requirements):
        if index == 0 and found.importance == REQUIRED:
            out.append("      # required")
        if found.importance != REQUIRED and not shown_preferred:
            out.append("      # nice to have (weight 0.5: they count, but little)")
            shown_preferred = True
        out.append(f"      {found.skill}: {{level: {found.level}, weight: "
                   f"{_num(found.weight)}}}  {_comment(found)}")
    if posting.ignored:
        out.append("# Named only where the ad does not ask for them (company, benefits):")
        out += [f"#   {m.skill}: line {m.line}: \"{m.phrase}\"" for m in posting.ignored]
    return "\n".join(out) + "\n"


_BASIS = {"option": "--level", "title": "the title's seniority words",
          "years": "the years of experience the ad asks for",
          "default": "nothing in the ad (mid by default)"}


def posting_json(posting: Posting) -> dict[str, Any]:
    """The parsed ad for scripts (schema_version 1)."""
    level = posting_level(posting)
    return {
        "schema_version": SCHEMA_VERSION,
        "mlpath_version": __version__,
        "source": posting.source,
        "title": posting.title,
        "role": {"id": posting.role_id, "name": posting.role_name, "level": level.id,
                 "level_basis": posting.level_basis,
                 "years": {"min": level.years_min, "max": None},
                 "years_in_ad": posting.years,
                 "salary_usd": salary(level.salary)},
        "responsibilities": list(posting.responsibilities),
        "requirements": [
            {"skill": f.skill, "name": f.name, "importance": f.importance, "level": f.level,
             "weight": f.weight, "mentions": f.mentions,
             "source": {"line": f.mention.line, "section": f.mention.section,
                        "alias": f.mention.alias, "phrase": f.mention.phrase,
                        "strength": f.mention.strength, "years": f.mention.years}}
            for f in posting.requirements],
        "ignored": [{"skill": m.skill, "line": m.line, "section": m.section,
                     "phrase": m.phrase} for m in posting.ignored],
    }
