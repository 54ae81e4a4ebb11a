"""`mlpath validate`: check data files and role packs without running anything else."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
from mlpath.errors import DataError, Problem


@dataclass
class Validation:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    roles: int = 0
    skills: int = 0
    milestones: int = 0


def validate_paths(paths: list[str], *, roles_dirs: list[str]) -> Validation:
    """Check ``paths`` (packs or files) against the built-in data.

    With no paths, the built-in YAML itself is checked (with line numbers),
    together with the packs configured by ``--roles-dir`` and ``MLPATH_ROLES_PATH``.
    """
    result = Validation()
    data: list[DataFile]
    if paths:
        data = builtin_files()
        targets = paths
    else:
        data, result.problems = parse_builtin(builtin_yaml_files())
        result.files = len(data) + len({p.path for p in result.problems})
        targets = pack_dirs(roles_dirs)
    for target in targets:
        try:
            names = pack_files(target)
        except DataError as exc:
            result.problems.append(Problem(target, 0, 0, str(exc).removeprefix(f"{target}: ")))
            continue
        if not names and Path(target).is_dir():
            result.problems.append(Problem(target, 0, 0, "no .yaml, .yml or .json files here"))
        loaded, problems = read_files(names)
        data.extend(loaded)
        result.problems.extend(problems)
        result.files += len(names)
    catalog, problems = assemble(data)
    result.problems.extend(problems)
    result.problems.sort()
    result.roles, result.skills = len(catalog.roles), len(catalog.skills)
    result.milestones = len(catalog.milestones)
    return result
