"""The one door through which YAML and JSON come in (DESIGN §6).

- Reads at most 1 MiB and insists on UTF-8.
- YAML goes through libyaml's safe loader where present (pure Python otherwise).
  Before any object is built, the event stream is scanned: anchors, aliases and
  nesting deeper than 32 are refused, so alias bombs and deep-nesting crashes
  never reach the composer.
- Values are built by hand from the nodes so that duplicate keys are caught and
  every value keeps its line and column (``Doc.where``).
- Tags other than the plain YAML types are refused: nothing is ever constructed
  from a tag such as ``!!python/object/apply``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mlpath.errors import DataError, Problem, ProblemsError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

Key = str | int
DocPath = tuple[Key, ...]


class Doc:
    """A loaded document: plain values plus where each one was written."""

    def __init__(self, value: Any, source: str, *, text: str | None = None) -> None:
        self.value = value
        self.source = source
        self.marks: dict[DocPath, tuple[int, int]] = {}
        self.key_marks: dict[DocPath, tuple[int, int]] = {}
        self.raw: dict[DocPath, str] = {}  # scalar text as written
        self._unlocated = text  # JSON text whose positions are found only when needed

    def where(self, path: DocPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or its key) at ``path``, else of its parent."""
        if self._unlocated is not None:
            _locate_json(self._unlocated, self)
            self._unlocated = None
        marks = self.key_marks if key and path in self.key_marks else self.marks
        while path not in marks and path:
            path = path[:-1]
            marks = self.marks
        return marks.get(path, (0, 0))

    def problem(self, path: DocPath, message: str, *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.source, line, col, message)


def read_source(path: str, *, stdin_text: str | None = None) -> tuple[str, str]:
    """The text of ``path`` (``-`` is standard input) and the name to show for it."""
    if path == "-":
        if stdin_text is None:
            import sys

            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            data = stdin_text.encode("utf-8", "surrogateescape")
        return decode(data, "<stdin>"), "<stdin>"
    file = Path(path)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path), path


def decode(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise DataError(f"{source}: larger than 1 MiB; mlpath reads files of at most 1 MiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ProblemsError(
            [Problem(source, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                     "save the file as UTF-8")]
        ) from None
    return text.removeprefix("\ufeff")


def looks_like_json(text: str, source: str) -> bool:
    if source.endswith(".json"):
        return True
    if source.endswith((".yaml", ".yml")):
        return False
    return text.lstrip()[:1] in ("{", "[")


def load(text: str, source: str) -> Doc:
    """Parse YAML or JSON (by file extension, or by the first character on stdin)."""
    if looks_like_json(text, source):
        return load_json(text, source)
    return load_yaml(text, source)


# --- YAML ------------------------------------------------------------------------------


def _yaml() -> tuple[Any, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader


def _mark_problem(source: str, exc: Exception, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    if "maximum nesting depth" in reason:
        message = f"nested deeper than {MAX_DEPTH} levels; mlpath files are shallow"
        return Problem(source, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                       message)
    message = f"invalid YAML: {reason}"
    if context and "while" in str(context):
        message += f" ({context})"
    if "\t" in reason or "tab" in reason or (mark is not None and _char_at(text, mark) == "\t"):
        message += "; indent with spaces, not tabs"
    if "mapping values are not allowed" in reason:
        message += "; text that contains ': ' must be quoted"
    if mark is None:
        return Problem(source, 0, 0, message)
    return Problem(source, mark.line + 1, mark.column + 1, message)


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return str(lines[mark.line][mark.column])
    return ""


def prescan(text: str, source: str) -> None:
    """Refuse anchors, aliases and deep nesting before anything is composed."""
    yaml, loader_class = _yaml()
    loader = loader_class(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise ProblemsError([Problem(
                    source, mark.line + 1, mark.column + 1,
                    "anchors and aliases (&name, *name) are not supported; "
                    "write the value out in full",
                )])
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise ProblemsError([Problem(
                        source, mark.line + 1, mark.column + 1,
                        f"nested deeper than {MAX_DEPTH} levels; mlpath files are shallow",
                    )])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif (isinstance(event, yaml.DocumentStartEvent) and event.start_mark.index > 0
                  and _has_second_document(event, text)):
                mark = event.start_mark
                raise ProblemsError([Problem(
                    source, mark.line + 1, mark.column + 1,
                    "more than one YAML document (---); put one profile or role in a file",
                )])
    except yaml.YAMLError as exc:
        raise ProblemsError([_mark_problem(source, exc, text)]) from None
    finally:
        loader.dispose()


def _has_second_document(event: Any, text: str) -> bool:
    # The first DocumentStartEvent may come after leading comments; only a
    # document that follows content counts as a second one.
    before = text[: event.start_mark.index]
    return any(
        line.strip() and not line.lstrip().startswith(("#", "---", "%"))
        for line in before.splitlines()
    )


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


def load_yaml(text: str, source: str) -> Doc:
    yaml, loader_class = _yaml()
    prescan(text, source)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise ProblemsError([_mark_problem(source, exc, text)]) from None
    finally:
        loader.dispose()
    doc = Doc(value=None, source=source)
    if node is None:
        raise ProblemsError([Problem(source, 1, 1, "the file is empty; see `mlpath init`")])
    problems: list[Problem] = []
    constructor = yaml.constructor.SafeConstructor()
    doc.value = _build(node, (), doc, problems, constructor, yaml)
    if problems:
        raise ProblemsError(problems)
    return doc


def _tag_problem(source: str, mark: tuple[int, int], tag: str) -> Problem:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(source, *mark, f"the tag {shown} is not allowed; write a plain value")


def _build(node: Any, path: DocPath, doc: Doc, problems: list[Problem],
           constructor: Any, yaml: Any) -> Any:
    mark = (node.start_mark.line + 1, node.start_mark.column + 1)
    doc.marks[path] = mark
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _PLAIN_TAGS:
            problems.append(_tag_problem(doc.source, mark, node.tag))
            return None
        doc.raw[path] = node.value
        try:
            value = constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            problems.append(Problem(doc.source, *mark, f"invalid value: {exc}"))
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # keep dates as the text that was written
        return value
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            problems.append(_tag_problem(doc.source, mark, node.tag))
            return None
        return [_build(item, (*path, i), doc, problems, constructor, yaml)
                for i, item in enumerate(node.value)]
    if node.tag != "tag:yaml.org,2002:map":
        problems.append(_tag_problem(doc.source, mark, node.tag))
        return None
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
            problems.append(Problem(doc.source, *key_mark,
                                    "a key must be a plain word, not a list or mapping"))
            continue
        key = constructor.construct_object(key_node)
        if key_node.tag == "tag:yaml.org,2002:timestamp" or isinstance(key, float) or key is None:
            key = key_node.value
        if key_node.tag == "tag:yaml.org,2002:bool":
            key = key_node.value  # `no:` as a key is the word, checked as such later
        if key in result:
            first = doc.key_marks.get((*path, key), (0, 0))
            problems.append(Problem(doc.source, *key_mark,
                                    f"duplicate key '{key}' (first written at line {first[0]})"))
            continue
        doc.key_marks[(*path, key)] = key_mark
        result[key] = _build(value_node, (*path, key), doc, problems, constructor, yaml)
    return result


# --- JSON ------------------------------------------------------------------------------


def load_json(text: str, source: str) -> Doc:
    if not text.strip():
        raise ProblemsError([Problem(source, 1, 1, "the file is empty; see `mlpath init`")])

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise _DuplicateKey(key)
            result[key] = value
        return result

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not valid JSON")

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise ProblemsError([Problem(source, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]
                            ) from None
    except _DuplicateKey as exc:
        raise ProblemsError([Problem(source, *_find_key(text, exc.key),
                                     f"duplicate key '{exc.key}'")]) from None
    except RecursionError:
        raise ProblemsError([Problem(source, 1, 1, f"nested deeper than {MAX_DEPTH} levels")]
                            ) from None
    except ValueError as exc:
        raise ProblemsError([Problem(source, 1, 1, f"invalid JSON: {exc}")]) from None
    if _depth(value) > MAX_DEPTH:
        raise ProblemsError([Problem(source, 1, 1, f"nested deeper than {MAX_DEPTH} levels")])
    return Doc(value, source, text=text)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _find_key(text: str, key: str) -> tuple[int, int]:
    needle = json.dumps(key)
    index = text.rfind(needle)
    if index < 0:
        return (1, 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _locate_json(text: str, doc: Doc) -> None:
    """Fill in line and column marks for a JSON document, where YAML can read it.

    JSON is (nearly) a subset of YAML's flow style, so the YAML composer gives
    positions; values always come from ``json`` itself, and if YAML cannot read
    this particular text, problems are reported without a position.
    """
    try:
        located = load_yaml(text, doc.source)
    except (DataError, RecursionError):
        return
    doc.marks, doc.key_marks = located.marks, located.key_marks
