"""`mlpath validate`: tell what each file is, and check it by its own rules.

A path is a role pack (a folder), or one file: a profile, a role, a skill
catalogue, a milestone catalogue, an alias table or a review; a .jsonl file holds one
JSON profile per line. ``KINDS`` is the one table that tells them
apart; a new kind of file joins it with one entry. Every problem of every file
is gathered, never raised, so one run shows them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from mlpath import formats
from mlpath.catalog import (
    DataFile,
    assemble,
    builtin_files,
    builtin_yaml_files,
    pack_dirs,
    pack_files,
    parse_builtin,
    read_files,
)
from mlpath.errors import DataError, MlpathError, Problem, ProblemsError
from mlpath.model import Catalog
from mlpath.spec import Spec, check
from mlpath.yamlio import Doc, load, read_source

# Keys only a profile has; a file with any of them is a profile.
_PROFILE_KEYS = frozenset({"name", "years_experience", "target", "evidence", "history"})


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list_of_mappings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _is_role(value: Any) -> bool:
    return "levels" in _mapping(value) or "id" in _mapping(value)


def _is_skills(value: Any) -> bool:
    data = _mapping(value)
    return _list_of_mappings(data.get("skills")) and not _PROFILE_KEYS & data.keys()


def _is_milestones(value: Any) -> bool:
    data = _mapping(value)
    return ("skills" not in data and _list_of_mappings(data.get("milestones"))
            and not _PROFILE_KEYS & data.keys())


def _is_aliases(value: Any) -> bool:
    """An alias table (roles/aliases.yaml): ``aliases:`` and no key of another kind."""
    data = _mapping(value)
    return ("aliases" in data and not {"skills", "milestones", "reviewer"} & data.keys()
            and not _PROFILE_KEYS & data.keys())


def _is_profile(value: Any) -> bool:
    data = _mapping(value)
    return "skills" in data or bool(_PROFILE_KEYS & data.keys()) or "milestones" in data


class Kind(NamedTuple):
    """One kind of file: how to recognise it and what checks it.

    ``spec`` is set for the catalogue's own files (checked together, then
    cross-checked); files without one are checked one by one by ``check``
    against the assembled catalogue.
    """

    name: str
    looks_like: Callable[[Any], bool]
    spec: Spec | None = None
    check: Callable[[str, str, Catalog], list[Problem]] | None = None


def _check_profile(text: str, source: str, catalog: Catalog) -> list[Problem]:
    from mlpath.profile import parse_profile

    return _loaded_problems(parse_profile, text, source, catalog)


def _loaded_problems(parse: Callable[[str, str, Catalog], Any], text: str, source: str,
                     catalog: Catalog) -> list[Problem]:
    """Every problem of a profile or review: its shape problems, and the loader's warnings
    (an unknown skill or milestone id is ignored), which validate counts as problems: a
    typo in a checked-in file is what a hook should catch. Unknown ids among the parts
    that loaded come with the shape problems, so every one shows at once."""
    try:
        loaded = parse(text, source, catalog)
    except ProblemsError as exc:
        return exc.problems + [_problem_of(line, source)
                               for line in getattr(exc, "warnings", ())]
    return [_problem_of(line, source) for line in loaded.warnings]


def assess_only_warns(problem: Problem) -> bool:
    """An unknown skill or milestone id: a problem for validate (strict, for CI), a
    warning for assess, which ignores the id and goes on."""
    return "unknown" in problem.message and "ignored" in problem.message


def _problem_of(line: str, source: str) -> Problem:
    rest = line.removeprefix(f"{source}:")
    parts = rest.split(":", 2)
    if rest != line and len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
        return Problem(source, int(parts[0]), int(parts[1]), parts[2].strip())
    if rest != line and len(parts) >= 2 and parts[0].isdigit():  # path:LINE: message
        return Problem(source, int(parts[0]), 1, rest.split(":", 1)[1].strip())
    return Problem(source, 0, 0, rest.lstrip() if rest != line else line)


def _check_json_lines(path: str, catalog: Catalog) -> tuple[int, list[Problem]]:
    """A .jsonl file, read as `mlpath team` reads it: one JSON profile per line (blank
    lines allowed), each checked as a profile, its problems at their true lines.
    Returns how many profiles it holds and every problem."""
    from mlpath.profile import team_entries

    profiles, problems = 0, []
    for entry in team_entries([path]):
        if entry.text is None:
            problems.append(_problem_of(entry.error or "cannot read", entry.source))
            continue
        profiles += 1
        try:
            problems.extend(_check_profile(entry.text, entry.source, catalog))
        except MlpathError as exc:
            problems.append(_problem_of(str(exc), entry.source))
    return profiles, problems


def _json_lines_files(folder: str) -> list[str]:
    """The .jsonl files of ``folder`` itself (as ``pack_files`` lists its data files)."""
    try:
        return sorted(str(p) for p in Path(folder).iterdir()
                      if p.suffix == ".jsonl" and not p.name.startswith(".")
                      and not p.is_dir())
    except OSError:
        return []  # pack_files has said why the folder cannot be read


def _check_review(text: str, source: str, catalog: Catalog) -> list[Problem]:
    from mlpath.reviewfile import parse_review

    return _loaded_problems(parse_review, text, source, catalog)


# Tried in order; the first that fits names the file.
KINDS: tuple[Kind, ...] = (
    Kind("role", _is_role, spec=formats.ROLE),
    Kind("skills", _is_skills, spec=formats.SKILLS_FILE),
    Kind("milestones", _is_milestones, spec=formats.MILESTONES_FILE),
    Kind("aliases", _is_aliases, spec=formats.ALIASES_FILE),
    Kind("review", lambda v: "reviewer" in _mapping(v), check=_check_review),
    Kind("profile", _is_profile, check=_check_profile),
)
KIND_NAMES = ", ".join(k.name for k in KINDS)


def kind_of(value: Any) -> Kind | None:
    return next((k for k in KINDS if k.looks_like(value)), None)


@dataclass
class Validation:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    roles: int = 0
    skills: int = 0
    milestones: int = 0
    kinds: dict[str, int] = field(default_factory=dict)  # kind name -> files of that kind

    def as_json(self) -> dict[str, Any]:
        """`validate --json`: the counts, and every problem (no position: null)."""
        return {"schema_version": 1, "ok": not self.problems, "files": self.files,
                "kinds": dict(self.kinds), "roles": self.roles, "skills": self.skills,
                "milestones": self.milestones,
                "problems": [{"path": p.path, "line": p.line or None, "col": p.col or None,
                              "message": p.message} for p in self.problems]}


class _Read(NamedTuple):
    text: str
    source: str
    doc: Doc
    kind: Kind


def _read(path: str, problems: list[Problem], *, stdin_text: str | None = None) -> _Read | None:
    try:
        text, source = read_source(path, stdin_text=stdin_text)
        doc = load(text, source)
    except ProblemsError as exc:
        problems.extend(exc.problems)
        return None
    except DataError as exc:
        problems.append(Problem(path, 0, 0, str(exc).removeprefix(f"{path}: ")))
        return None
    kind = kind_of(doc.value)
    if kind is None:
        problems.append(doc.problem((), "cannot tell what this file is: expected a mapping "
                                    f"that is one of: {KIND_NAMES}"))
        return None
    return _Read(text, source, doc, kind)


def _data_file(read: _Read, problems: list[Problem]) -> DataFile | None:
    assert read.kind.spec is not None
    data, found = check(read.kind.spec, read.doc)
    problems.extend(found)
    if not isinstance(data, dict):
        return None
    file = DataFile(read.kind.name, data, read.source, read.doc)
    file.partial = bool(found)
    return file


def validate_paths(paths: list[str], *, roles_dirs: list[str],
                   stdin_text: str | None = None) -> Validation:
    """Check ``paths`` (packs, data files, profiles; ``-`` is standard input).

    Data files and packs are checked together with the built-in data, so a pack
    may use the built-in skills; a data file given alone brings the other data
    files of its folder (its pack) along for context. Profiles are then checked
    against that catalogue, which also holds the packs of ``--roles-dir`` and
    ``MLPATH_ROLES_PATH``. With no paths, the built-in YAML itself is checked
    (with line numbers), together with the packs of ``--roles-dir`` and
    ``MLPATH_ROLES_PATH``.
    """
    result = Validation()
    data: list[DataFile]
    if not paths:
        data, result.problems = parse_builtin(builtin_yaml_files())
        result.files = len(data) + len({p.path for p in result.problems})
        paths = pack_dirs(roles_dirs)
    else:
        # The configured packs join the catalogue that profiles are checked against.
        data = builtin_files()
        for directory in pack_dirs(roles_dirs):
            try:
                loaded, found = read_files(pack_files(directory))
            except DataError as exc:
                result.problems.append(Problem(directory, 0, 0,
                                               str(exc).removeprefix(f"{directory}: ")))
                continue
            data.extend(loaded)
            result.problems.extend(found)
    asked: list[_Read] = []
    json_lines: list[str] = []
    context: dict[str, None] = {}  # sibling data files, in a stable order
    for path in paths:
        if path != "-" and Path(path).is_dir():
            names = pack_files(path)
            lines_files = _json_lines_files(path)
            if not names and not lines_files:
                result.problems.append(Problem(path, 0, 0, "no .yaml, .yml, .json or .jsonl "
                                               "files here"))
            listed: list[tuple[str, _Read | None, list[Problem]]] = []
            for name in names:
                own: list[Problem] = []
                listed.append((name, _read(name, own), own))
            # A folder whose data files are all profiles and reviews is a folder of
            # profiles (what `mlpath team` takes), not a role pack: each is checked as
            # what it is. A folder mixing the two is a pack with a stray profile.
            of_profiles = {r.kind.spec is None for _, r, _ in listed if r is not None} == {True}
            if lines_files and {r.kind.spec is None for _, r, _ in listed
                                if r is not None} <= {True}:
                # JSON Lines beside profiles (or alone) are profiles too, one per line;
                # a role pack never reads them, so there they stay out of it.
                result.files += len(lines_files)
                json_lines.extend(lines_files)
            for name, read, own in listed:
                if of_profiles and name.endswith(".schema.json"):
                    continue  # the editor schema `init` writes beside profiles
                result.files += 1
                result.problems.extend(own)
                if read is None:
                    continue
                if read.kind.spec is None and not of_profiles:
                    result.problems.append(read.doc.problem(
                        (), f"this looks like a {read.kind.name}, but every file in a role "
                        "pack is read as role data; keep it out of the pack folder"))
                    continue
                asked.append(read)
            continue
        if path != "-" and not os.path.lexists(path):
            result.problems.append(Problem(path, 0, 0, "no such file or folder"))
            result.files += 1
            continue
        result.files += 1
        if path.endswith(".jsonl"):  # profiles, one per line: checked with the others
            json_lines.append(path)
            continue
        read = _read(path, result.problems, stdin_text=stdin_text)
        if read is None:
            continue
        asked.append(read)
        if read.kind.spec is not None and path != "-":
            for sibling in pack_files(str(Path(path).parent)):
                context[sibling] = None
    for read in asked:
        result.kinds[read.kind.name] = result.kinds.get(read.kind.name, 0) + 1
    asked_sources = {r.source for r in asked}
    for sibling in context:
        if sibling in asked_sources or any(Path(sibling).samefile(s) for s in asked_sources
                                           if s != "<stdin>"):
            continue
        quiet: list[Problem] = []  # a sibling's own problems are not the ones asked about
        read = _read(sibling, quiet)
        if read is not None and read.kind.spec is not None:
            file = _data_file(read, quiet)
            if file is not None and not file.partial:
                data.append(file)
    for read in asked:
        if read.kind.spec is not None:
            file = _data_file(read, result.problems)
            if file is not None:
                data.append(file)
    catalog, problems = assemble(data)
    result.problems.extend(p for p in problems
                           if p.path in asked_sources or p.path not in context)
    for read in asked:
        if read.kind.check is not None:
            try:
                result.problems.extend(read.kind.check(read.text, read.source, catalog))
            except MlpathError as exc:  # a check that cannot go on: one line for the file
                result.problems.append(Problem(read.source, 0, 0, str(exc)))
    for path in json_lines:
        profiles, found = _check_json_lines(path, catalog)
        result.problems.extend(found)
        if profiles:
            result.kinds["profile"] = result.kinds.get("profile", 0) + profiles
    result.problems = sorted(set(result.problems))
    result.roles, result.skills = len(catalog.roles), len(catalog.skills)
    result.milestones = len(catalog.milestones)
    return result
