"""Skills, milestones and roles: from files (built-in and role packs) to a checked ``Catalog``.

The built-in data lives in ``roles/`` and ships inside the wheel. At build time
it is also compiled to ``_builtin.json`` (see ``hatch_build.py``), so an
ordinary run reads one small JSON file instead of parsing YAML.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath import formats
from mlpath.errors import DataError, Problem, ProblemsError, UsageError, did_you_mean
from mlpath.model import (
    GENERIC_RUBRIC,
    Catalog,
    Level,
    Milestone,
    Requirement,
    Resource,
    Role,
    SalaryBand,
    Skill,
)
from mlpath.spec import check
from mlpath.yamlio import Doc, DocPath, load, read_source

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

BUILTIN = "built-in"
SNAPSHOT_FORMAT = 2  # 2: alias tables folded into the skills
DATA_SUFFIXES = (".yaml", ".yml", ".json")


class DataFile:
    """One checked data file: a skill catalogue, a milestone catalogue or a role."""

    def __init__(self, kind: str, data: dict[str, Any], source: str, doc: Doc | None = None,
                 *, builtin: bool = False) -> None:
        self.kind = kind  # skills | milestones | aliases | role
        self.data = data
        self.source = source
        self.doc = doc  # kept for positions; None for the compiled snapshot
        self.builtin = builtin
        self.partial = False  # read with problems: only its references are checked

    def problem(self, path: DocPath, message: str, *, key: bool = False) -> Problem:
        if self.doc is None:
            return Problem(self.source, 0, 0, message)
        return self.doc.problem(path, message, key=key)


def kind_of(value: Any) -> str:
    if isinstance(value, dict) and "levels" not in value and "id" not in value:
        if "skills" in value:
            return "skills"
        if "milestones" in value:
            return "milestones"
        if "aliases" in value:
            return "aliases"
    return "role"


_SPECS = {"skills": formats.SKILLS_FILE, "milestones": formats.MILESTONES_FILE,
          "aliases": formats.ALIASES_FILE, "role": formats.ROLE}


def check_data_text(text: str, source: str) -> tuple[DataFile | None, list[Problem]]:
    """Check one data file's text against its format.

    Returns what could be read (``partial`` when there were problems, so that its
    references can still be checked) and every problem found.
    """
    try:
        doc = load(text, source)
    except ProblemsError as exc:
        return None, exc.problems
    kind = kind_of(doc.value)
    data, problems = check(_SPECS[kind], doc)
    if not isinstance(data, dict):
        return None, problems
    file = DataFile(kind, data, source, doc)
    file.partial = bool(problems)
    return file, problems


def parse_data_text(text: str, source: str) -> DataFile:
    """Check one data file's text against its format; raise every problem at once."""
    file, problems = check_data_text(text, source)
    if problems or file is None:
        raise ProblemsError(problems)
    return file


def pack_files(directory: str) -> list[str]:
    """The data files of a role pack, in a stable order."""
    folder = Path(directory)
    if not folder.exists():
        raise DataError(f"{directory}: no such folder")
    if not folder.is_dir():
        return [directory]
    try:  # anything but a folder is listed: a FIFO is then reported, never waited on
        return sorted(str(p) for p in folder.iterdir()
                      if p.suffix in DATA_SUFFIXES and not p.is_dir()
                      and not p.name.startswith("."))
    except OSError as exc:
        raise DataError(f"{directory}: cannot read the folder: {exc.strerror or exc}") from None


def read_files(paths: Iterable[str]) -> tuple[list[DataFile], list[Problem]]:
    """Read and check many files; problems are gathered, not raised."""
    loaded: list[DataFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            text, source = read_source(path, regular_only=True)
        except ProblemsError as exc:
            problems.extend(exc.problems)
            continue
        except DataError as exc:
            problems.append(Problem(path, 0, 0, str(exc).removeprefix(f"{path}: ")))
            continue
        file, found = check_data_text(text, source)
        problems.extend(found)
        if file is not None:
            loaded.append(file)
    return loaded, problems


# --- the built-in data -----------------------------------------------------------------


def builtin_root() -> Traversable:
    from importlib.resources import files

    return files("mlpath").joinpath("roles")


def builtin_yaml_files() -> list[tuple[str, str]]:
    """(display name, text) of each built-in YAML file, as shipped in the package."""
    root = builtin_root()
    if not root.is_dir():
        raise DataError("the built-in role data is missing from this installation; "
                        "reinstall mlpath with `pip install .` (not an editable install)")
    entries = sorted((e for e in root.iterdir() if e.name.endswith(DATA_SUFFIXES)),
                     key=lambda e: e.name)
    return [(f"roles/{e.name}", e.read_text(encoding="utf-8")) for e in entries]


def compile_builtin() -> dict[str, Any]:
    """Check the built-in YAML and return the snapshot that ``_builtin.json`` holds."""
    return compile_texts(builtin_yaml_files())


def parse_builtin(texts: Sequence[tuple[str, str]]) -> tuple[list[DataFile], list[Problem]]:
    loaded: list[DataFile] = []
    problems: list[Problem] = []
    for source, text in texts:
        try:
            file = parse_data_text(text, source)
        except ProblemsError as exc:
            problems.extend(exc.problems)
        else:
            file.builtin = True
            loaded.append(file)
    return loaded, problems


def compile_texts(texts: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Check the built-in data as a whole and return it as the snapshot to ship.

    The snapshot is the checked result: the alias tables are folded into the skills
    they name, as ``assemble`` merged them, so that a run with no role packs builds
    the catalogue without checking or merging anything again (see ``load_catalog``).
    """
    loaded, problems = parse_builtin(texts)
    if not problems:
        catalog, problems = assemble(loaded)
    if problems:
        raise ProblemsError(problems)
    files = []
    for file in loaded:
        if file.kind == "aliases":
            continue
        data = file.data
        if file.kind == "skills":
            data = {**data, "skills": [_with_aliases(raw, catalog.skills[raw["id"]].aliases)
                                       for raw in data["skills"]]}
        files.append({"kind": file.kind, "source": file.source, "data": data})
    return {"format": SNAPSHOT_FORMAT, "files": files}


def _with_aliases(raw: dict[str, Any], aliases: Sequence[str]) -> dict[str, Any]:
    raw = {k: v for k, v in raw.items() if k != "aliases"}
    return {**raw, "aliases": list(aliases)} if aliases else raw


def _package_data(name: str) -> bytes | None:
    """A file shipped inside the mlpath package, read through the package's loader (so a
    zip install works too): what ``pkgutil.get_data`` does, without importing pkgutil
    (1 ms) or importlib.resources' readers (5 ms) on every run. None when it is absent."""
    import mlpath

    loader = getattr(mlpath.__spec__, "loader", None)
    if loader is None or not hasattr(loader, "get_data") or not mlpath.__file__:
        return None
    try:
        data: bytes = loader.get_data(str(Path(mlpath.__file__).with_name(name)))
    except OSError:
        return None
    return data


def builtin_files() -> list[DataFile]:
    snapshot = _package_data("_builtin.json")
    if snapshot is not None:
        compiled = json.loads(snapshot)
        if compiled.get("format") == SNAPSHOT_FORMAT:
            return [DataFile(f["kind"], f["data"], f["source"], builtin=True)
                    for f in compiled["files"]]
    return [DataFile(f["kind"], f["data"], f["source"], builtin=True)
            for f in compile_builtin()["files"]]


def pack_dirs(roles_dirs: Sequence[str] = ()) -> list[str]:
    """Role packs in the order they apply: ``MLPATH_ROLES_PATH``, then ``--roles-dir``."""
    env = os.environ.get("MLPATH_ROLES_PATH", "")
    return [d for d in env.split(os.pathsep) if d] + list(roles_dirs)


def load_catalog(roles_dirs: Sequence[str] = ()) -> Catalog:
    """The built-in catalogue with the role packs merged in; any problem is raised."""
    data = builtin_files()
    problems: list[Problem] = []
    packs = pack_dirs(roles_dirs)
    for directory in packs:
        loaded, found = read_files(pack_files(directory))
        data.extend(loaded)
        problems.extend(found)
    # The built-in data alone was checked as a whole when it was compiled.
    catalog, cross = assemble(data, checked=not packs)
    problems.extend(cross)
    if problems:
        raise ProblemsError(problems)
    return catalog


# --- from checked data to the model ----------------------------------------------------


def _resource(raw: dict[str, Any]) -> Resource:
    levels = raw.get("levels")
    return Resource(
        title=raw["title"], url=raw["url"], kind=raw["kind"], cost=raw["cost"],
        hours=raw.get("hours"),
        levels=(min(levels), max(levels)) if levels else None,
    )


def _skill(raw: dict[str, Any]) -> Skill:
    rubric = list(GENERIC_RUBRIC)
    for level, text in raw.get("rubric", {}).items():
        rubric[int(level)] = text
    # keys are ints from YAML and strings from the compiled JSON snapshot
    checklist = {int(k): v for k, v in raw.get("checklist", {}).items()}
    return Skill(
        id=raw["id"], name=raw["name"], category=raw["category"],
        description=raw["description"],
        prerequisites=tuple(raw.get("prerequisites", ())),
        rubric=tuple(rubric),
        resources=tuple(_resource(r) for r in raw["resources"]),
        # checklist[n - 1] is level n; a skill without a checklist has none (user packs)
        checklist=tuple(tuple(checklist.get(n, ())) for n in range(1, 6)) if checklist else (),
        aliases=tuple(raw.get("aliases", ())),
    )


def _milestone(raw: dict[str, Any]) -> Milestone:
    return Milestone(
        id=raw["id"], name=raw["name"], category=raw["category"],
        description=raw["description"], how=raw["how"], hours=raw.get("hours"),
        resources=tuple(_resource(r) for r in raw.get("resources", ())),
    )


def _role(file: DataFile, problems: list[Problem]) -> Role:
    raw = file.data
    levels: list[Level] = []
    previous: dict[str, Requirement] = {}
    for index, lv in enumerate(raw["levels"]):
        path: DocPath = ("levels", index)
        requirements: dict[str, Requirement] = {}
        if lv.get("inherit"):
            if index == 0:
                problems.append(file.problem((*path, "inherit"),
                                             "the first level has no level to inherit from"))
            requirements = dict(previous)
        for skill_id in lv.get("remove", ()):
            if requirements.pop(skill_id, None) is None:
                problems.append(file.problem(
                    (*path, "remove"), f"removes {skill_id!r}, which the previous level "
                    "does not require"))
        for skill_id, req in lv["requirements"].items():
            level, weight = (req, 1.0) if isinstance(req, int) else (req["level"],
                                                                      req.get("weight", 1.0))
            requirements[skill_id] = Requirement(skill_id, level, float(weight))
        if not requirements:
            problems.append(file.problem((*path, "requirements"),
                                         "a level needs at least one requirement"))
        salary = lv.get("salary_usd")
        note = lv.get("salary_note")
        if "salary_usd" in lv and salary is None and not note:
            problems.append(file.problem((*path, "salary_usd"),
                                         "salary_usd is null: add a salary_note saying why "
                                         "there is no figure"))
        milestones = lv.get("milestones", {})
        levels.append(Level(
            id=lv["id"], title=lv["title"],
            years_min=lv["years"]["min"], years_max=lv["years"].get("max"),
            salary=SalaryBand(salary["min"], salary["max"], salary["source"],
                              salary.get("basis", "general")) if salary else None,
            requirements=tuple(sorted(requirements.values(), key=lambda r: r.skill)),
            milestones_required=tuple(milestones.get("required", ())),
            milestones_recommended=tuple(milestones.get("recommended", ())),
            salary_note=note,
        ))
        previous = requirements
    return Role(
        id=raw["id"], name=raw["name"], summary=raw["summary"],
        responsibilities=tuple(raw.get("responsibilities", ())),
        moves=tuple(raw.get("moves", ())), levels=tuple(levels),
        leadership=bool(raw.get("leadership", False)),
        origin=BUILTIN if file.builtin else file.source,
    )


def assemble(files_: Sequence[DataFile], *,
             checked: bool = False) -> tuple[Catalog, list[Problem]]:
    """Merge checked files in order (a later id replaces an earlier one) and cross-check.

    ``checked``: the files were assembled and cross-checked together before (the
    compiled built-in snapshot), so only the records are built.
    """
    problems: list[Problem] = []
    skills: dict[str, tuple[Skill, DataFile, int]] = {}
    milestones: dict[str, tuple[Milestone, DataFile, int]] = {}
    roles: dict[str, tuple[Role, DataFile]] = {}
    alias_files: list[DataFile] = []
    for file in files_:
        try:
            if file.kind == "aliases":
                alias_files.append(file)
            elif file.kind == "skills":
                for i, raw in enumerate(file.data["skills"]):
                    skills[raw["id"]] = (_skill(raw), file, i)
            elif file.kind == "milestones":
                for i, raw in enumerate(file.data["milestones"]):
                    milestones[raw["id"]] = (_milestone(raw), file, i)
            else:
                roles[file.data["id"]] = (_role(file, problems), file)
        except (KeyError, TypeError, ValueError):
            if not file.partial:
                raise
            # A file with problems of its own, missing a part it needs to be built:
            # its problems are already reported, and the rest of it is left unchecked.
    if not checked:
        problems.extend(_cross_check(skills, milestones, roles, alias_files))
    catalog = Catalog(
        skills={k: v[0] for k, v in skills.items()},
        roles={k: v[0] for k, v in sorted(roles.items())},
        milestones={k: v[0] for k, v in milestones.items()},
    )
    return catalog, problems


def _cross_check(skills: dict[str, tuple[Skill, DataFile, int]],
                 milestones: dict[str, tuple[Milestone, DataFile, int]],
                 roles: dict[str, tuple[Role, DataFile]],
                 alias_files: Sequence[DataFile]) -> list[Problem]:
    """What no file can check alone: references between files, cycles, alias owners.

    Also merges the alias tables into ``skills`` (in place).
    """
    problems: list[Problem] = []
    skill_ids = list(skills)
    for skill, file, i in skills.values():
        for j, prereq in enumerate(skill.prerequisites):
            if prereq not in skills:
                problems.append(file.problem(("skills", i, "prerequisites", j),
                                             _unknown("skill", prereq, skill_ids)))
        if not any(r.url for r in skill.resources):
            problems.append(file.problem(("skills", i, "resources"),
                                         "needs at least one resource with a link"))
        if skill.checklist and not all(skill.checklist):
            missing = [str(n) for n, items in enumerate(skill.checklist, 1) if not items]
            problems.append(file.problem(("skills", i, "checklist"),
                                         f"a checklist covers every level 1–5; level(s) "
                                         f"{', '.join(missing)} missing"))
    problems.extend(_cycles({k: v[0] for k, v in skills.items()},
                            {k: (v[1], v[2]) for k, v in skills.items()}))
    problems.extend(_merge_aliases(skills, alias_files))
    role_ids = list(roles)
    for role, file in roles.values():
        problems.extend(_check_role(role, file, skills, milestones, role_ids))
    return problems


def _merge_aliases(skills: dict[str, tuple[Skill, DataFile, int]],
                   alias_files: Sequence[DataFile]) -> list[Problem]:
    """Add each alias table's words to its skills, in file order (built-in first).

    Any number of tables may name the same skill: their words are added up, and a
    word listed twice for one skill counts once. A word that already signals
    another skill is a problem, so that a phrase in an ad never means two things.
    """
    from mlpath.aliases import alias_key

    problems: list[Problem] = []
    owner: dict[str, str] = {}  # alias key -> the skill it signals
    words: dict[str, list[str]] = {skill_id: [] for skill_id in skills}

    def add(skill_id: str, word: str, file: DataFile, path: DocPath) -> None:
        key = alias_key(word)
        known = owner.setdefault(key, skill_id)
        if known != skill_id:
            problems.append(file.problem(path, f"{word!r} already signals {known!r}"))
        elif key not in seen:  # the first word with this key (a key has one owner)
            seen.add(key)
            words[skill_id].append(word)

    seen: set[str] = set()  # keys already listed (each belongs to one skill: ``owner``)

    for skill, file, i in skills.values():
        for j, word in enumerate(skill.aliases):
            add(skill.id, word, file, ("skills", i, "aliases", j))
    for file in alias_files:
        for skill_id, listed in file.data.get("aliases", {}).items():
            if skill_id not in skills:
                problems.append(file.problem(("aliases", skill_id),
                                             _unknown("skill", skill_id, list(skills)),
                                             key=True))
                continue
            for j, word in enumerate(listed):
                add(skill_id, word, file, ("aliases", skill_id, j))
    for skill_id, (skill, file, i) in list(skills.items()):
        if tuple(words[skill_id]) != skill.aliases:
            skills[skill_id] = (skill._replace(aliases=tuple(words[skill_id])), file, i)
    return problems


def _unknown(what: str, value: str, known: Sequence[str]) -> str:
    close = did_you_mean(value, known)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown {what} {value!r}{hint}"


def _check_role(role: Role, file: DataFile, skills: dict[str, Any],
                milestones: dict[str, Any], role_ids: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    skill_ids = list(skills)
    seen_levels: set[str] = set()
    for i, level in enumerate(role.levels):
        path: DocPath = ("levels", i)
        if level.id in seen_levels:
            problems.append(file.problem((*path, "id"), f"level {level.id!r} is defined twice"))
        seen_levels.add(level.id)
        # Only the requirements this level writes: an inherited one is reported once,
        # where it is written, at the level it comes from.
        written = _written_requirements(file, i)
        for req in level.requirements:
            if req.skill not in skills and req.skill in written:
                problems.append(file.problem((*path, "requirements", req.skill),
                                             _unknown("skill", req.skill, skill_ids), key=True))
        for kind, ids in (("required", level.milestones_required),
                          ("recommended", level.milestones_recommended)):
            for j, mid in enumerate(ids):
                if mid not in milestones:
                    problems.append(file.problem((*path, "milestones", kind, j),
                                                 _unknown("milestone", mid, list(milestones))))
        if level.years_max is not None and level.years_max < level.years_min:
            problems.append(file.problem((*path, "years"), "years.max is below years.min"))
        band = level.salary
        if band and band.max is not None and band.max < band.min:
            problems.append(file.problem((*path, "salary_usd"),
                                         "salary_usd.max is below salary_usd.min"))
        if i:
            # the nearest lower level that has a band (a level with no figure is skipped)
            before = next((lv.salary for lv in reversed(role.levels[:i]) if lv.salary), None)
            if band and before and (band.min < before.min or (
                    band.max is not None and before.max is not None and band.max < before.max)):
                problems.append(file.problem((*path, "salary_usd"),
                                             "the salary band falls below the previous level's"))
    for j, move in enumerate(role.moves):
        if move not in role_ids:
            problems.append(file.problem(("moves", j), _unknown("role", move, role_ids)))
        elif move == role.id:
            problems.append(file.problem(("moves", j), "a role cannot move to itself"))
    return problems


def _written_requirements(file: DataFile, index: int) -> Any:
    levels = file.data.get("levels")
    level = levels[index] if isinstance(levels, list) and index < len(levels) else None
    written = level.get("requirements") if isinstance(level, dict) else None
    return written if isinstance(written, dict) else {}


def _cycles(skills: dict[str, Skill], where: dict[str, tuple[DataFile, int]]) -> list[Problem]:
    """Report each prerequisite cycle once, at the skill where it is first entered."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    problems: list[Problem] = []
    for start in sorted(skills):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                trail.append(node)
            prereqs = [p for p in skills[node].prerequisites if p in skills]
            if index < len(prereqs):
                stack.append((node, index + 1))
                nxt = prereqs[index]
                if state.get(nxt) == 1:
                    cycle = [*trail[trail.index(nxt):], nxt]
                    # A pack that closes a cycle through built-in skills is what to fix:
                    # point at its skill, never at the built-in data.
                    blame = node if not where[node][0].builtin else next(
                        (s for s in cycle if not where[s][0].builtin), node)
                    file, i = where[blame]
                    problems.append(file.problem(("skills", i, "prerequisites"),
                                                 "prerequisites form a cycle: "
                                                 + " -> ".join(cycle)))
                elif not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                trail.pop()
    return problems


# --- lookups that fail clearly ---------------------------------------------------------


def get_role(catalog: Catalog, role_id: str) -> Role:
    role = catalog.roles.get(role_id)
    if role is None:
        raise UsageError(_unknown("role", role_id, list(catalog.roles))
                         + " (`mlpath roles` lists them)")
    return role


def get_skill(catalog: Catalog, skill_id: str) -> Skill:
    skill = catalog.skills.get(skill_id)
    if skill is None:
        raise UsageError(_unknown("skill", skill_id, list(catalog.skills))
                         + " (`mlpath skills` lists them)")
    return skill


LEVEL_ALIASES = {"junior": "entry", "jr": "entry", "intermediate": "mid", "sr": "senior"}


def parse_target(catalog: Catalog, text: str) -> tuple[Role, Level | None]:
    """``ROLE`` or ``ROLE:LEVEL`` from the command line; unknown ids are usage errors."""
    role_id, _, level_id = text.strip().partition(":")
    role = get_role(catalog, role_id)
    if not level_id:
        return role, None
    level = role.level(level_id)
    if level is None and level_id.lower() in LEVEL_ALIASES:  # "junior" is what people say
        level = role.level(LEVEL_ALIASES[level_id.lower()])
    if level is None:
        ids = [lv.id for lv in role.levels]
        raise UsageError(_unknown(f"level of {role.id}", level_id, ids)
                         + f"; it has {', '.join(ids)}")
    return role, level
