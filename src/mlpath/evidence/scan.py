"""Reading a project's files (never running them) and proposing evidence per skill.

``scan`` walks the paths (see ``walk``), reads each file it recognises, collects the
signals of ``signals`` and turns them into proposals. Confidence follows one rule:

- high: two or more strong signals (counted as distinct sign-and-file pairs);
- medium: one strong signal;
- low: weak signals only (a listed dependency, a README that names a tool).

Nothing here fetches a URL, runs code or changes a rating; every failure to read a file
becomes a reported skip, never an error.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from mlpath.evidence import signals as table
from mlpath.evidence.walk import (
    MAX_BYTES,
    MAX_ENTRIES,
    MAX_FILES,
    MAX_NOTEBOOK_BYTES,
    Found,
    Skip,
    Walk,
    read_text,
)

CONFIDENCES = ("high", "medium", "low")


class Signal(NamedTuple):
    skill: str
    label: str  # what was seen, such as "imports torch"
    path: str
    strong: bool = True
    confirm_only: bool = False  # a lock-file entry: counts only beside another signal


class Proposal(NamedTuple):
    skill: str
    confidence: str  # high | medium | low
    signals: tuple[str, ...]  # what was seen, strong signals first
    files: tuple[str, ...]  # where: files with strong signals first, most signals first
    strong_files: tuple[str, ...] = ()  # the files with strong signals (the evidence to keep)


class Scan(NamedTuple):
    proposals: tuple[Proposal, ...]
    files_read: int
    skipped: tuple[Skip, ...]  # the first ones, with the reason
    skipped_total: int
    truncated: bool  # stopped at the cap on files or folder entries


def scan(paths: Sequence[str], *, skills: Sequence[str], max_files: int = MAX_FILES,
         max_entries: int = MAX_ENTRIES) -> Scan:
    """Proposals for the skill ids in ``skills`` (in that order) from the files under ``paths``."""
    walk = Walk(max_files=max_files, max_entries=max_entries)
    found: list[Signal] = []
    read = 0  # files whose text was used: a skipped file is counted once, as skipped
    for top in paths:
        for file in walk.files_under(top):
            kind = classify(file)
            if kind is None:
                continue
            if not walk.take_file():
                break
            limit = MAX_NOTEBOOK_BYTES if kind == "notebook" else MAX_BYTES
            text, reason = read_text(file.path, limit=limit)
            if text is None:
                walk.skip(file.path, reason)
                continue
            try:
                found.extend(signals_of(kind, file, text))
            except (RecursionError, MemoryError, ValueError):
                walk.skip(file.path, "too deeply nested or malformed to read")
                continue
            read += 1
    found.extend(Signal("git", "a Git repository", repo) for repo in walk.repos)
    return Scan(proposals=propose(found, skills), files_read=read,
                skipped=tuple(walk.skipped), skipped_total=walk.skipped_total,
                truncated=walk.truncated)


def propose(found: Iterable[Signal], skills: Sequence[str]) -> tuple[Proposal, ...]:
    """Group signals by skill, keep the skills in ``skills``, and rate each by the rule above."""
    by_skill: dict[str, list[Signal]] = {}
    for signal in found:
        by_skill.setdefault(signal.skill, []).append(signal)
    out: list[Proposal] = []
    for skill in skills:
        group = by_skill.get(skill, [])
        if not any(not s.confirm_only for s in group):
            continue
        strong = [s for s in group if s.strong]
        pairs = {(s.label, s.path) for s in strong}
        confidence = "high" if len(pairs) >= 2 else "medium" if pairs else "low"
        weight: dict[str, int] = {}
        for _, path in dict.fromkeys((s.label, s.path) for s in strong):
            weight[path] = weight.get(path, 0) + 1
        backing = tuple(sorted(weight, key=lambda f: -weight[f]))  # stable: ties keep order
        ordered = strong + [s for s in group if not s.strong]
        out.append(Proposal(skill, confidence,
                            tuple(dict.fromkeys(s.label for s in ordered)),
                            tuple(dict.fromkeys([*backing, *(s.path for s in ordered)])),
                            backing))
    order = {c: i for i, c in enumerate(CONFIDENCES)}
    return tuple(sorted(out, key=lambda p: order[p.confidence]))


# --- recognising files -------------------------------------------------------------------

_COMPOSE = {"docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"}
_YAML = (".yml", ".yaml")


def classify(file: Found) -> str | None:
    """The kind of a file, by its name and folder; None for files the scan does not read."""
    name, lower = file.name, file.name.lower()
    suffix = lower.rpartition(".")[2] if "." in lower else ""
    named = _by_name(name, lower, file.parent, file.grandparent)
    if named:
        return named
    return {"py": "python", "pyw": "python", "ipynb": "notebook", "sql": "sql", "r": "r",
            "rmd": "r", "scala": "jvm", "java": "jvm", "tf": "terraform", "dvc": "mlops",
            "yml": "yaml", "yaml": "yaml"}.get(suffix)


def _by_name(name: str, lower: str, parent: str, grandparent: str) -> str | None:
    if name in ("Dockerfile", "Containerfile") or name.startswith("Dockerfile.") or (
            lower.endswith(".dockerfile")):
        return "dockerfile"
    if lower in _COMPOSE:
        return "compose"
    if parent == "workflows" and grandparent == ".github" and lower.endswith(_YAML):
        return "ci:github"
    ci = {".gitlab-ci.yml": "gitlab", "jenkinsfile": "jenkins",
          "azure-pipelines.yml": "azure", "bitbucket-pipelines.yml": "bitbucket"}.get(lower)
    if ci or (parent == ".circleci" and lower == "config.yml"):
        return f"ci:{ci or 'circleci'}"
    if (lower.startswith("requirements") and lower.endswith((".txt", ".in"))) or (
            parent == "requirements" and lower.endswith(".txt")):
        return "requirements"
    fixed = {"pyproject.toml": "pyproject", "pipfile": "pipfile", "environment.yml": "conda",
             "environment.yaml": "conda", "poetry.lock": "lock", "uv.lock": "lock",
             "pdm.lock": "lock", "pipfile.lock": "pipfile-lock",
             ".pre-commit-config.yaml": "pre-commit", "dvc.yaml": "mlops", "mlproject": "mlops",
             "dbt_project.yml": "dbt", "chart.yaml": "helm", "kustomization.yaml": "helm",
             "bentofile.yaml": "bento", "build.sbt": "jvm"}
    if lower in fixed:
        return fixed[lower]
    if lower.startswith("readme") and lower.rpartition(".")[2] in (
            "readme", "md", "rst", "txt", "markdown"):
        return "readme"
    return None


_NAMED: dict[str, tuple[str, str]] = {
    "sql": ("sql", "SQL files"), "r": ("r-lang", "R code"), "jvm": ("java-scala", "JVM code"),
    "terraform": ("ci-cd-iac", "Terraform (infrastructure as code)"),
    "mlops": ("mlops", "a DVC or MLflow project file"), "compose": ("docker", "a Compose file"),
    "dbt": ("data-engineering", "a dbt project"), "helm": ("kubernetes", "a Helm chart or "
                                                           "Kustomize file"),
    "bento": ("model-deployment", "a BentoML service"),
    "pre-commit": ("software-engineering", "pre-commit hooks"),
}


def signals_of(kind: str, file: Found, text: str) -> Iterator[Signal]:
    """The signals in one file of a known kind."""
    path = file.path
    if kind in _NAMED:
        skill, label = _NAMED[kind]
        yield Signal(skill, label, path)
    for content_kind, pattern, skill, label in table.CONTENT:
        if kind.partition(":")[0] == content_kind and pattern.search(text):
            yield Signal(skill, label, path)
    if kind == "python":
        yield Signal("python", "Python code", path)
        if _is_test(file.name):
            yield Signal("software-engineering", "tests", path)
        yield from _python_signals([text], path)
    elif kind == "notebook":
        yield from _notebook_signals(text, path)
    elif kind == "dockerfile":
        yield Signal("docker", "a Dockerfile", path)
    elif kind.startswith("ci:"):
        label = table.CI_LABELS[kind.partition(":")[2]]
        yield from (Signal(skill, label, path) for skill in table.CI_SKILLS)
    elif kind == "yaml":
        yield from _manifest_signals(text, path)
    elif kind == "readme":
        for pattern, skill in table.README_WORDS:
            match = pattern.search(text)
            if match:
                yield Signal(skill, f"README mentions {match.group().strip()}", path,
                             strong=False)
    elif kind in ("requirements", "pyproject", "pipfile", "conda", "lock", "pipfile-lock"):
        lock = kind in ("lock", "pipfile-lock")
        for name in _dependencies(kind, text):
            for skill in _skills_of_distribution(name):
                label = f"{name} in a lock file" if lock else f"lists {name} as a dependency"
                yield Signal(skill, label, path, strong=False, confirm_only=lock)


def _is_test(name: str) -> bool:
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _manifest_signals(text: str, path: str) -> Iterator[Signal]:
    if not table.K8S_API.search(text):
        return
    kinds = table.K8S_KIND.findall(text)
    if not kinds:
        return
    yield Signal("kubernetes", "a Kubernetes manifest", path)
    serving = sorted(set(kinds) & table.SERVING_KINDS)
    if serving:
        yield Signal("model-deployment", f"a model-serving manifest ({serving[0]})", path)


# --- Python and notebooks ----------------------------------------------------------------

_IMPORT_LINE = re.compile(r"^\s*(?:from\s+([A-Za-z_][\w.]*)\s+import\b|import\s+([A-Za-z_][\w.]*))",
                          re.MULTILINE)
_MAGIC = re.compile(r"^(\s*)[%!?].*$", re.MULTILINE)


def _notebook_signals(text: str, path: str) -> Iterator[Signal]:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("cells"), list):
        return
    meta = doc.get("metadata")
    language = _language(meta if isinstance(meta, dict) else {})
    cells = [_source(c) for c in doc["cells"]
             if isinstance(c, dict) and c.get("cell_type") == "code"]
    if language == "r":
        yield Signal("r-lang", "an R notebook", path)
        return
    if language not in ("python", ""):
        return
    yield Signal("python", "a Jupyter notebook", path)
    # IPython magics and shell lines (%pip, !ls) are not Python: read them as `pass`.
    yield from _python_signals([_MAGIC.sub(r"\1pass", c) for c in cells if c], path)


def _language(meta: dict[str, Any]) -> str:
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        section = meta.get(key)
        if isinstance(section, dict) and isinstance(section.get(field), str):
            return str(section[field]).lower()
    return ""


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source")
    if isinstance(source, str):
        return source
    if isinstance(source, list):
        return "".join(s for s in source if isinstance(s, str))
    return ""


class _Facts:
    """What the code of one file (or the cells of one notebook) imports and calls."""

    def __init__(self) -> None:
        self.modules: set[str] = set()
        self.aliases: dict[str, str] = {}
        self.calls: set[str] = set()  # resolved dotted names
        self.methods: set[str] = set()  # attribute calls on values that are not modules
        self.bases: set[str] = set()
        self.sql = False

    def add_imports(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.modules.add(alias.name)
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        root = alias.name.split(".")[0]
                        self.aliases[root] = root
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                self.modules.add(node.module)
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    self.modules.add(full)
                    self.aliases[alias.asname or alias.name] = full

    def add_uses(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = self.resolve(node.func)
                if name:
                    self.calls.add(name)
                elif isinstance(node.func, ast.Attribute):
                    self.methods.add(node.func.attr)
            elif isinstance(node, ast.ClassDef):
                self.bases.update(b for b in map(self.resolve, node.bases) if b)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                    len(node.value) < 100_000 and table.SQL_IN_CODE.search(node.value)):
                self.sql = True

    def resolve(self, node: ast.expr) -> str | None:
        """``nn.Linear`` -> ``torch.nn.Linear`` when ``nn`` names an import; else None."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in self.aliases:
            return None
        return ".".join([self.aliases[node.id], *reversed(parts)])


def _python_signals(sources: list[str], path: str) -> Iterator[Signal]:
    facts = _Facts()
    trees: list[ast.AST] = []
    for source in sources:
        try:
            tree: ast.AST = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            # Not Python 3 (or too deep to parse): imports are still plain to see.
            for found in _IMPORT_LINE.finditer(source):
                facts.modules.add(found.group(1) or found.group(2))
            facts.sql = facts.sql or bool(table.SQL_IN_CODE.search(source))
            continue
        facts.add_imports(tree)
        trees.append(tree)
    for tree in trees:
        facts.add_uses(tree)
    yield from _fact_signals(facts, path)


def _fact_signals(facts: _Facts, path: str) -> Iterator[Signal]:
    for module in sorted(facts.modules):
        for prefix in _prefixes(module):
            for skill in table.IMPORTS.get(prefix, ()):
                yield Signal(skill, f"imports {prefix}", path)
    for call in sorted(facts.calls):
        for pattern, skill, label in table.CALLS:
            if pattern.search(call):
                yield Signal(skill, label, path)
        for prefix in list(_prefixes(call))[:-1]:
            for skill in table.IMPORTS.get(prefix, ()):
                yield Signal(skill, f"calls {prefix}", path)
    for method, module, skill, label in table.METHOD_CALLS:
        if method in facts.methods and any(m.split(".")[0] == module for m in facts.modules):
            yield Signal(skill, label, path)
    for base in sorted(facts.bases):
        for pattern, skill, label in table.BASES:
            if pattern.search(base):
                yield Signal(skill, label, path)
    if facts.sql:
        yield Signal("sql", "SQL queries in code", path)


def _prefixes(module: str) -> Iterator[str]:
    parts = module.split(".")
    for i in range(1, len(parts) + 1):
        yield ".".join(parts[:i])


# --- dependency lists --------------------------------------------------------------------

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LOCK_NAME = re.compile(r'^name\s*=\s*"([^"]+)"', re.MULTILINE)
_CONDA_ITEM = re.compile(r"^\s*-\s*([A-Za-z0-9][A-Za-z0-9._-]*)", re.MULTILINE)


def _dependencies(kind: str, text: str) -> list[str]:
    if kind == "requirements":
        names = []
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if line and not line.startswith("-") and (m := _NAME.match(line)):
                names.append(m.group(1))
        return names
    if kind == "conda":
        return _CONDA_ITEM.findall(text)
    if kind == "lock":
        return _LOCK_NAME.findall(text)
    if kind == "pipfile-lock":
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            return []
        return [n for section in ("default", "develop") if isinstance(doc, dict)
                and isinstance(doc.get(section), dict) for n in doc[section]]
    try:
        doc = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return []
    specs: list[Any] = []
    if kind == "pipfile":
        for section in ("packages", "dev-packages"):
            specs.extend(_keys(doc.get(section)))
        return [s for s in specs if isinstance(s, str)]
    project = _mapping(doc.get("project"))
    specs.extend(_items(project.get("dependencies")))
    optional = project.get("optional-dependencies")
    for group in (optional.values() if isinstance(optional, dict) else ()):
        specs.extend(_items(group))
    groups = doc.get("dependency-groups")
    for group in (groups.values() if isinstance(groups, dict) else ()):
        specs.extend(_items(group))
    poetry = _mapping(_mapping(doc.get("tool")).get("poetry"))
    specs.extend(_keys(poetry.get("dependencies")))
    for group in _mapping(poetry.get("group")).values():
        specs.extend(_keys(_mapping(group).get("dependencies")))
    return [m.group(1) for s in specs if isinstance(s, str) and (m := _NAME.match(s))]


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _keys(value: Any) -> list[Any]:
    return list(value) if isinstance(value, dict) else []


def _skills_of_distribution(name: str) -> tuple[str, ...]:
    normal = name.lower().replace("_", "-")
    module = table.DISTRIBUTIONS.get(normal, normal.replace("-", "_"))
    return table.IMPORTS.get(module, ())
