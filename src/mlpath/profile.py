"""Profiles: reading them (YAML, JSON or stdin), writing them back with comments."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, NamedTuple

from mlpath import formats
from mlpath.errors import MlpathError, Problem, ProblemsError, did_you_mean
from mlpath.model import SCALE_NAMES, Catalog, Profile, Snapshot
from mlpath.spec import check
from mlpath.yamlio import MAX_BYTES, Doc, load, read_source


def load_profile(path: str, catalog: Catalog, *, stdin_text: str | None = None) -> Profile:
    text, source = read_source(path, stdin_text=stdin_text)
    return parse_profile(text, source, catalog)


def parse_profile(text: str, source: str, catalog: Catalog) -> Profile:
    doc = load(text, source)
    data, problems = check(formats.PROFILE, doc)
    if not problems:
        problems = _check_target(doc, data.get("target"), catalog)
    if problems:
        raise ProblemsError(problems)
    return Profile(
        skills=data.get("skills", {}),
        name=data.get("name"),
        years_experience=data.get("years_experience"),
        target=data.get("target"),
        evidence=data.get("evidence", {}),
        milestones=tuple(data.get("milestones", ())),
        history=tuple(Snapshot(h["date"], h["skills"], h.get("years_experience"))
                      for h in data.get("history", ())),
        source=source,
        warnings=tuple(_warnings(doc, data, catalog)),
    )


def _check_target(doc: Doc, target: str | None, catalog: Catalog) -> list[Problem]:
    if not target:
        return []
    role_id, _, level_id = target.partition(":")
    role = catalog.roles.get(role_id)
    if role is None:
        close = did_you_mean(role_id, list(catalog.roles))
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else (
            "; `mlpath roles` lists them")
        return [doc.problem(("target",), f"target: unknown role {role_id!r}{hint}")]
    if level_id and role.level(level_id) is None:
        ids = ", ".join(lv.id for lv in role.levels)
        return [doc.problem(("target",), f"target: {role_id} has no level {level_id!r}; "
                            f"it has {ids}")]
    return []


def _warnings(doc: Doc, data: dict[str, Any], catalog: Catalog) -> Iterable[str]:
    known = list(catalog.skills)
    for section in ("skills", "evidence"):
        for skill_id in data.get(section, {}):
            if skill_id not in catalog.skills:
                yield str(doc.problem((section, skill_id), _unknown_note("skill", skill_id,
                                                                          known), key=True))
    for i, mid in enumerate(data.get("milestones", ())):
        if mid not in catalog.milestones:
            yield str(doc.problem(("milestones", i),
                                  _unknown_note("milestone", mid, list(catalog.milestones))))


def _unknown_note(what: str, value: str, known: list[str]) -> str:
    close = did_you_mean(value, known)
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    return f"unknown {what} {value!r} is ignored{hint}"


# --- writing ---------------------------------------------------------------------------

# Characters YAML will not keep as they are inside a double-quoted scalar: control
# characters, and the line breaks NEL, LS and PS (which it folds into spaces).
_NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    dumped = json.dumps(text, ensure_ascii=False)
    return _NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _key(text: str) -> str:
    """An id as written by hand when it is a plain id, else quoted."""
    plain = re.fullmatch(r"[a-z][a-z0-9-]*", text) and text not in _YAML_WORDS
    return text if plain else quote(text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _skill_lines(skills: Mapping[str, int], catalog: Catalog, indent: str,
                 *, comments: bool = True) -> list[str]:
    order = {sid: i for i, sid in enumerate(catalog.skills)}
    lines: list[str] = []
    category = None
    for skill_id in sorted(skills, key=lambda s: (order.get(s, len(order)), s)):
        skill = catalog.skills.get(skill_id)
        if comments and skill and skill.category != category:
            category = skill.category
            lines.append(f"{indent}# {category}")
        key = _key(skill_id)
        note = f"  # {skill.name}" if comments and skill else ""
        lines.append(f"{indent}{key}: {skills[skill_id]}{note}")
    return lines


# Editors with the YAML language server validate the file against this schema, once
# `mlpath schema profile > profile.schema.json` has put it beside the profile.
SCHEMA_LINE = "# yaml-language-server: $schema=profile.schema.json"
SCALE_COMMENT = ("# Ratings: " + ", ".join(f"{i} {n}" for i, n in enumerate(SCALE_NAMES))
                 + ". A skill left out counts as 0.")


def dump_profile(profile: Profile, catalog: Catalog) -> str:
    """The profile as commented YAML that ``parse_profile`` reads back to the same profile."""
    lines = [SCHEMA_LINE, "# mlpath profile. Check it with: mlpath assess --profile THIS_FILE",
             SCALE_COMMENT]
    if profile.name is not None:
        lines.append(f"name: {quote(profile.name)}")
    if profile.years_experience is not None:
        lines.append(f"years_experience: {_number(profile.years_experience)}")
    if profile.target:
        lines.append(f"target: {profile.target}")
    lines.append("skills:" if profile.skills else "skills: {}")
    lines.extend(_skill_lines(profile.skills, catalog, "  "))
    if profile.evidence:
        lines.append("evidence:")
        lines.extend(f"  {quote(k)}: {quote(v)}" for k, v in profile.evidence.items())
    if profile.milestones:
        lines.append("milestones: [" + ", ".join(_key(m) for m in profile.milestones) + "]")
    if profile.history:
        lines.append("history:  # earlier ratings, kept by `mlpath assess --update`")
        for snap in profile.history:
            lines.append(f"  - date: {quote(snap.date)}")
            if snap.years_experience is not None:
                lines.append(f"    years_experience: {_number(snap.years_experience)}")
            lines.append("    skills:" if snap.skills else "    skills: {}")
            lines.extend(_skill_lines(snap.skills, catalog, "      ", comments=False))
    return "\n".join(lines) + "\n"


def template(catalog: Catalog) -> str:
    """The commented starting profile that ``mlpath init`` writes."""
    lines = [
        SCHEMA_LINE,
        "# mlpath profile: rate yourself on each skill, then run",
        "#   mlpath assess --profile THIS_FILE",
        SCALE_COMMENT,
        "# `mlpath skills show ID` shows what each level means for a skill.",
        'name: "Your Name"',
        "years_experience: 0      # picks the level you are compared at (entry, mid, senior)",
        "# target: ml-engineer    # ROLE or ROLE:LEVEL (see `mlpath roles`); "
        "leave out for your best fit",
        "skills:",
    ]
    lines.extend(_skill_lines(dict.fromkeys(catalog.skills, 0), catalog, "  "))
    lines += [
        "# Portfolio, education and community steps you have done (`mlpath milestones`):",
        "milestones: []           # e.g. [supervised-project, end-to-end-project, degree-bachelor]",
        "# evidence:              # optional: skill id -> a link or a note",
        "#   python: https://github.com/you/project",
    ]
    return "\n".join(lines) + "\n"


# --- many profiles ---------------------------------------------------------------------

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


class Entry(NamedTuple):
    """One profile to read in a team run: its text, or why it could not be read."""

    label: str  # how to name the person's source: a path, or path:line for JSON Lines
    source: str  # the file name that problems are reported against
    text: str | None
    error: str | None


def team_entries(paths: Iterable[str]) -> Iterator[Entry]:
    """Every profile under ``paths``, one at a time.

    Folders are searched for *.yaml, *.yml and *.json files (sorted); a .jsonl file holds
    one JSON profile per line. A line's text is preceded by as many newlines as lines
    before it, so that problems point at the right line of the .jsonl file.
    """
    for path in paths:
        folder = Path(path)
        if path == "-":  # standard input: JSON Lines, one profile a line
            import sys

            yield from _lines("<stdin>", sys.stdin)
            continue
        if folder.is_dir():
            files = profile_files(path)
        elif folder.suffix == ".jsonl":
            yield from _json_lines(path)
            continue
        elif not folder.exists():
            yield Entry(path, path, None, f"{path}: no such file or folder")
            continue
        else:
            files = [path]
        for file in files:
            try:
                text, source = read_source(file)
            except MlpathError as exc:
                yield Entry(file, file, None, str(exc))
            else:
                yield Entry(source, source, text, None)


def profile_files(folder: str) -> list[str]:
    """The *.yaml, *.yml and *.json files under ``folder``, sorted (hidden ones left out)."""
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(f"{root}{os.sep}{n}" for n in sorted(names)
                     if n.endswith(PROFILE_SUFFIXES) and not n.startswith("."))
    return found


def _json_lines(path: str) -> Iterator[Entry]:
    try:
        with Path(path).open(encoding="utf-8", errors="strict") as handle:
            yield from _lines(path, handle)
    except OSError as exc:
        yield Entry(path, path, None, f"{path}: cannot read: {exc.strerror or exc}")


def _lines(path: str, handle: IO[str]) -> Iterator[Entry]:
    number = 0
    while True:
        number += 1
        label = f"{path}:{number}"
        try:
            line = handle.readline(MAX_BYTES + 1)
        except UnicodeDecodeError:
            yield Entry(label, path, None, f"{label}: not UTF-8 text")
            return
        if not line:
            return
        if len(line) > MAX_BYTES:
            yield Entry(label, path, None, f"{label}: line longer than 1 MiB")
            return
        if line.strip():
            yield Entry(label, path, "\n" * (number - 1) + line, None)
