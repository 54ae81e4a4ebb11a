"""The one door through which YAML and JSON come in (DESIGN §6).

- Reads at most 1 MiB and insists on UTF-8.
- YAML goes through libyaml's safe parser where present (pure Python otherwise),
  and values are built straight from its event stream, in one pass. Anchors,
  aliases and nesting deeper than 32 are refused as their events arrive, so alias
  bombs and deep-nesting crashes never reach a composer (none is used).
- Building values by hand catches duplicate keys and keeps every value's line and
  column (``Doc.where``).
- Tags other than the plain YAML types are refused: nothing is ever constructed
  from a tag such as ``!!python/object/apply``.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from mlpath.errors import DataError, Problem, ProblemsError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
# No number mlpath reads needs more: a salary has 9 digits. A longer one is refused
# where it is written, before Python is asked to convert (or print) thousands of digits.
MAX_NUMBER_CHARS = 32

# What YAML does not allow in a file (YAML 1.1 §5.1): a reader error, which PyYAML
# reports without a line; this finds the character again to point at it. PyYAML writes
# the class as what is allowed (_PYYAML_NOT_PRINTABLE), which takes 3 ms to compile;
# written as what is excluded it is the same characters (a test compares the two over
# all of Unicode) and compiles in a few microseconds.
_NOT_PRINTABLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
_PYYAML_NOT_PRINTABLE = ("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                         "\U00010000-\U0010ffff]")
_LINE_BREAK = "\r\n|[\n\r\x85\u2028\u2029]"  # compiled when first used

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
        # Kept only when loaded with ``layout=True`` (for editing a file in place):
        # where each value ends (exclusive), where each key ends, and which
        # collections are written in flow style ({...} or [...]).
        self.ends: dict[DocPath, tuple[int, int]] = {}
        self.key_ends: dict[DocPath, tuple[int, int]] = {}
        self.flow: set[DocPath] = set()
        # Positions are found when first asked for (most documents load without a
        # problem and are never asked): the text to find them in, and how.
        self._unlocated = text
        self._locator: Callable[[str, Doc], None] = _locate_json
        self.line_offset = 0  # lines before this text in its file (a JSON Lines line)

    def _locate(self) -> None:
        if self._unlocated is not None:
            text, self._unlocated = self._unlocated, None
            self._locator(text, self)

    def raw_text(self, path: DocPath) -> str | None:
        """The scalar at ``path`` as it was written (YAML), if it is one."""
        self._locate()
        return self.raw.get(path)

    def where(self, path: DocPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or its key) at ``path``, else of its parent."""
        self._locate()
        marks = self.key_marks if key and path in self.key_marks else self.marks
        while path not in marks and path:
            path = path[:-1]
            marks = self.marks
        return marks.get(path, (0, 0))

    def problem(self, path: DocPath, message: str, *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.source, line + self.line_offset if line else 0, col, message)


def read_source(path: str, *, stdin_text: str | None = None,
                regular_only: bool = False) -> tuple[str, str]:
    """The text of ``path`` (``-`` is standard input) and the name to show for it.

    The file is opened without blocking, so a FIFO with no writer cannot hang the
    run; with ``regular_only`` (files found in folders: team, packs) anything but a
    regular file is refused.
    """
    if path == "-":
        if stdin_text is None:
            import sys

            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            data = stdin_text.encode("utf-8", "surrogateescape")
        return decode(data, "<stdin>"), "<stdin>"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                if regular_only:
                    raise DataError(f"{path}: not a regular file (a FIFO or a device); "
                                    "mlpath reads only regular files here")
                if not _pipe_handed_over(path):
                    raise DataError(f"{path}: not a regular file (a FIFO or a device); "
                                    "give a file, or - to read standard input")
                os.set_blocking(fd, True)  # a pipe named on purpose, <(cat me.yaml)
            if stat.S_ISREG(info.st_mode) and 0 < info.st_size <= MAX_BYTES:
                data = _read_regular(fd, info.st_size)
            else:  # a pipe, or a file that says it is empty (/proc) or too big
                with os.fdopen(fd, "rb", closefd=False) as handle:
                    data = handle.read(MAX_BYTES + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path), path


def _read_regular(fd: int, size: int) -> bytes:
    """A regular file that says it holds ``size`` bytes: one read of that much (not a
    1 MiB buffer per small profile, nor a buffered reader, which a team of thousands
    feels), then reads to its end in case it grew, stopping past ``MAX_BYTES``."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_BYTES:
        chunk = os.read(fd, size + 1 if not chunks else 65536)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _pipe_handed_over(path: str) -> bool:
    """A pipe the shell opened for this run (``<(cat me.yaml)`` is /dev/fd/63, and
    /dev/stdin): read it. A FIFO or device by any other name is refused unread, so
    that a named FIFO neither hangs the run nor reads as an empty file."""
    return path == "/dev/stdin" or path.startswith(("/dev/fd/", "/proc/self/fd/"))


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
    """Parse YAML or JSON (by file extension, or by the first character on stdin).

    Where each value was written is found only if a problem is reported (``Doc.where``).
    """
    if looks_like_json(text, source):
        return load_json(text, source)
    return load_yaml(text, source, positions=False)


# --- YAML ------------------------------------------------------------------------------


def _yaml() -> tuple[Any, Any]:
    if "yaml" not in sys.modules:
        _seed_pyyaml_reader()
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml, loader


def _seed_pyyaml_reader() -> None:
    """Let ``import yaml`` find its reader's character class already compiled.

    PyYAML's pure-Python reader compiles ``_PYYAML_NOT_PRINTABLE`` as it is imported:
    3 ms on every run, a third of what DESIGN §7 leaves mlpath beyond typer, for a class
    that libyaml's parser never uses. Putting the equivalent ``_NOT_PRINTABLE`` in
    ``re``'s cache under PyYAML's spelling makes that compile a lookup; the pure-Python
    reader (used where libyaml is missing) then matches exactly the same characters.
    ``re._cache`` is private: if it ever changes shape, nothing is seeded and the
    import merely costs its 3 ms again (``tests/test_yamlio.py`` notices either way).
    """
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict):
        cache.setdefault((str, _PYYAML_NOT_PRINTABLE, 0), re.compile(_NOT_PRINTABLE))


def _mark_problem(source: str, exc: Exception, text: str) -> Problem:
    if type(exc).__name__ == "ReaderError":
        return _character_problem(source, text)
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
    if "'\\t'" in reason or (mark is not None and _char_at(text, mark) == "\t"):
        message += "; indent with spaces, not tabs"
    if "mapping values are not allowed" in reason:
        message += "; text that contains ': ' must be quoted"
    if mark is None:
        return Problem(source, 0, 0, message)
    return Problem(source, mark.line + 1, mark.column + 1, message)


def _character_problem(source: str, text: str) -> Problem:
    """The first character YAML does not allow, with its line and column."""
    found = re.search(_NOT_PRINTABLE, text)
    if found is None:  # pragma: no cover - the reader refused something we allow
        return Problem(source, 0, 0, "invalid YAML: a character YAML does not allow")
    line, col = position(text, found.start())
    code = f"U+{ord(found.group()):04X}"
    return Problem(source, line, col, f"the control character {code} is not allowed in YAML; "
                   f"remove it, or write it as \\u{ord(found.group()):04x} inside double quotes")


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting YAML's line breaks."""
    line, start = 1, 0
    for brk in re.finditer(_LINE_BREAK, text[:index]):
        line, start = line + 1, brk.end()
    return line, index - start + 1


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return str(lines[mark.line][mark.column])
    return ""


def _refuse(source: str, event: Any, message: str) -> NoReturn:
    mark = event.start_mark
    raise ProblemsError([Problem(source, mark.line + 1, mark.column + 1, message)])


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_COLLECTION_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_BAD_KEY = object()  # stands for a key that was refused; its value is dropped
_NOWHERE: tuple[int, int] = (0, 0)  # the position of everything in a document located later


def _tag_problem(source: str, mark: tuple[int, int], tag: str) -> Problem:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(source, *mark, f"the tag {shown} is not allowed; write a plain value")


# The tag of a plain or quoted scalar, by its text: PyYAML's resolver matches up to five
# patterns per scalar, half of the time spent on a profile's events, and a team's files
# repeat the same keys and ratings. The answer depends only on the text (mlpath adds no
# path resolvers), so it is remembered, for short texts and up to a bound.
_RESOLVED: dict[Any, dict[tuple[str, tuple[bool, bool]], str]] = {}
_RESOLVE_MEMO_TEXT = 64
_RESOLVE_MEMO_SIZE = 4096


class _Frame:
    """A mapping or sequence being filled while the events stream past."""

    __slots__ = ("container", "key", "last", "path")

    def __init__(self, container: Any, path: DocPath) -> None:
        self.container = container
        self.path = path
        self.key: Any = None  # a mapping's key waiting for its value
        self.last = (0, 0)  # where its last value seen so far ends (layout only)


def load_yaml(text: str, source: str, *, layout: bool = False,
              positions: bool = True) -> Doc:
    """Parse YAML in one pass over libyaml's events, building values as they come.

    With ``layout``, the document also remembers where each value ends and which
    collections are flow style, so that ``yamledit`` can change it in place. Without
    ``positions``, where each value starts is left out and found by parsing the text
    again if ``Doc.where`` is ever asked (a problem); a file with problems of its own
    is parsed again at once, so they are raised with their lines. Reading a team's
    thousands of files, that bookkeeping was a sixth of the parse.

    The checks a pre-scan would make happen on the same events before any value
    depends on them: anchors and aliases, nesting deeper than 32 and a second
    document are refused at once, so no composer ever sees such input, and the
    text is parsed only once.
    """
    if positions or layout:
        return _parse_yaml(text, source, layout=layout)
    try:
        return _parse_yaml(text, source, layout=False, locate_later=True)
    except ProblemsError:
        return _parse_yaml(text, source, layout=False)  # raises them, with positions


def _locate_yaml(text: str, doc: Doc) -> None:
    located = _parse_yaml(text, doc.source, layout=False)
    doc.marks, doc.key_marks, doc.raw = located.marks, located.key_marks, located.raw


def _parse_yaml(text: str, source: str, *, layout: bool,
                locate_later: bool = False) -> Doc:
    yaml, loader_class = _yaml()
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    starts = {yaml.MappingStartEvent: dict, yaml.SequenceStartEvent: list}
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    document = yaml.DocumentStartEvent
    anchors_possible = "&" in text or "*" in text
    doc = Doc(None, source)
    if locate_later:  # nothing is recorded below while the document is unlocated
        doc._unlocated, doc._locator = text, _locate_yaml
    problems: list[Problem] = []
    stack: list[_Frame] = []
    has_root = False
    documents = 0
    loader = loader_class(text)
    constructor = yaml.constructor.SafeConstructor()
    resolved = _RESOLVED.setdefault(loader_class, {})
    try:
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if anchors_possible and (kind is alias_event or getattr(event, "anchor", None)):
                _refuse(source, event, "anchors and aliases (&name, *name) are not "
                        "supported; write the value out in full")
            if kind is scalar_event:
                mark: tuple[int, int] = _NOWHERE if locate_later else (
                    event.start_mark.line + 1, event.start_mark.column + 1)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolved.get((event.value, event.implicit))
                    if tag is None:
                        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                        if len(event.value) <= _RESOLVE_MEMO_TEXT and \
                                len(resolved) < _RESOLVE_MEMO_SIZE:
                            resolved[(event.value, event.implicit)] = tag
                frame = stack[-1] if stack else None
                if frame is not None and type(frame.container) is dict and frame.key is None:
                    if locate_later and tag == _STR and event.value not in frame.container:
                        frame.key = event.value  # most keys: text, met once, no mark kept
                        continue
                    _take_key(frame, tag, event.value, mark, doc, problems, constructor, yaml)
                    if layout and isinstance(frame.key, (str, int)):
                        doc.key_ends[(*frame.path, frame.key)] = _end(event)
                    continue
                path = _place(frame, doc, mark)
                value = _scalar(tag, event.value, mark, path, doc, problems, constructor,
                                yaml)
                has_root = _attach(frame, path, value, doc) or has_root
                if layout:
                    doc.ends[path] = end = _end(event)
                    if frame is not None:
                        frame.last = max(frame.last, end)
            elif kind in starts:
                if len(stack) >= MAX_DEPTH:
                    _refuse(source, event, f"nested deeper than {MAX_DEPTH} levels; mlpath "
                            "files are shallow")
                mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                if event.tag not in _COLLECTION_TAGS:
                    problems.append(_tag_problem(source, mark, event.tag))
                frame = stack[-1] if stack else None
                container = starts[kind]()
                if frame is not None and type(frame.container) is dict and frame.key is None:
                    problems.append(Problem(source, *mark, "a key must be a plain word, not "
                                            "a list or mapping"))
                    frame.key = _BAD_KEY
                    stack.append(_Frame(container, (*frame.path, "?")))
                    continue
                path = _place(frame, doc, mark)
                has_root = _attach(frame, path, container, doc) or has_root
                stack.append(_Frame(container, path))
                if layout and event.flow_style:
                    doc.flow.add(path)
            elif kind in ends:
                done = stack.pop()
                if layout:
                    end = _end(event) if done.path in doc.flow else done.last
                    doc.ends[done.path] = end
                    if stack:
                        stack[-1].last = max(stack[-1].last, end)
            elif kind is document:
                documents += 1
                if documents > 1:
                    _refuse(source, event, "more than one YAML document (---); put one "
                            "profile or role in a file")
    except yaml.YAMLError as exc:
        raise ProblemsError([_mark_problem(source, exc, text)]) from None
    finally:
        loader.dispose()
    if not has_root:
        raise ProblemsError([Problem(source, 1, 1, "the file is empty; see `mlpath init`")])
    if problems:
        raise ProblemsError(problems)
    return doc


def _end(event: Any) -> tuple[int, int]:
    return (event.end_mark.line + 1, event.end_mark.column + 1)


def _place(frame: _Frame | None, doc: Doc, mark: tuple[int, int]) -> DocPath:
    """The path of the value that starts at ``mark``, and remember where it starts."""
    if doc._unlocated is not None:
        return ()
    if frame is None:
        path: DocPath = ()
    elif type(frame.container) is list:
        path = (*frame.path, len(frame.container))
    else:
        path = (*frame.path, frame.key)
    doc.marks[path] = mark
    return path


def _attach(frame: _Frame | None, path: DocPath, value: Any, doc: Doc) -> bool:
    """Put ``value`` in its container; True when it is the document's root."""
    if frame is None:
        doc.value = value
        return True
    container = frame.container
    if type(container) is list:
        container.append(value)
    else:
        if frame.key is not _BAD_KEY:
            container[frame.key] = value
        frame.key = None
    return False


def _take_key(frame: _Frame, tag: str, text: str, mark: tuple[int, int], doc: Doc,
              problems: list[Problem], constructor: Any, yaml: Any) -> None:
    if tag not in _PLAIN_TAGS:
        problems.append(_tag_problem(doc.source, mark, tag))
        frame.key = _BAD_KEY
        return
    key: Any = text
    if tag == _INT and len(text) <= MAX_NUMBER_CHARS:  # integer keys stay numbers, so
        # that the schema can say "quote it"
        try:
            key = constructor.construct_object(yaml.ScalarNode(tag, text))
        except (yaml.YAMLError, ValueError):
            key = text
    path = (*frame.path, key)
    if key in frame.container:
        first = doc.key_marks.get(path, (0, 0))
        problems.append(Problem(doc.source, *mark,
                                f"duplicate key '{key}' (first written at line {first[0]})"))
        frame.key = _BAD_KEY
        return
    if doc._unlocated is None:
        doc.key_marks[path] = mark
    frame.key = key


def _scalar(tag: str, text: str, mark: tuple[int, int], path: DocPath, doc: Doc,
            problems: list[Problem], constructor: Any, yaml: Any) -> Any:
    if tag not in _PLAIN_TAGS:
        problems.append(_tag_problem(doc.source, mark, tag))
        return None
    if doc._unlocated is None:
        doc.raw[path] = text
    if tag in (_INT, _FLOAT) and len(text) > MAX_NUMBER_CHARS:
        problems.append(Problem(doc.source, *mark, f"a number of {len(text)} characters; "
                                f"mlpath reads numbers of at most {MAX_NUMBER_CHARS}"))
        return None
    if tag in (_STR, _TIMESTAMP):  # dates are kept as the text that was written
        return text
    if tag == _INT and text.isdigit() and (text[0] != "0" or text == "0"):
        return int(text)  # plain decimal; YAML 1.1 reads 010 as octal, left to PyYAML
    try:
        return constructor.construct_object(yaml.ScalarNode(tag, text))
    except (yaml.YAMLError, ValueError) as exc:
        problems.append(Problem(doc.source, *mark, f"invalid value: {exc}"))
        return None


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
        raise _Constant(name)

    def number(kind: type[int] | type[float]) -> Any:
        def parse(written: str) -> Any:
            if len(written) > MAX_NUMBER_CHARS:
                raise _LongNumber(written)
            return kind(written)
        return parse

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=no_constants,
                           parse_int=number(int), parse_float=number(float))
    except json.JSONDecodeError as exc:
        raise ProblemsError([Problem(source, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]
                            ) from None
    except _DuplicateKey as exc:
        raise ProblemsError([_duplicate_problem(text, source, exc.key)]) from None
    except _Constant as exc:
        raise ProblemsError([Problem(source, *_find_constant(text, exc.name),
                                     f"invalid JSON: {exc.name} is not valid JSON")]
                            ) from None
    except _LongNumber as exc:
        raise ProblemsError([Problem(source, *position(text, text.find(exc.written)),
                                     f"a number of {len(exc.written)} characters; mlpath "
                                     f"reads numbers of at most {MAX_NUMBER_CHARS}")]
                            ) from None
    except RecursionError:
        raise ProblemsError([Problem(source, 1, 1, f"nested deeper than {MAX_DEPTH} levels")]
                            ) from None
    except ValueError as exc:
        raise ProblemsError([Problem(source, 1, 1, f"invalid JSON: {exc}")]) from None
    if _depth(value) > MAX_DEPTH:
        raise ProblemsError([Problem(source, 1, 1, f"nested deeper than {MAX_DEPTH} levels")])
    return Doc(value, source, text=text)


class _LongNumber(Exception):
    def __init__(self, written: str) -> None:
        self.written = written


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


class _Constant(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _find_constant(text: str, name: str) -> tuple[int, int]:
    """Where NaN, Infinity or -Infinity first stands outside a string."""
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|' + re.escape(name), text):
        if match.group() == name:
            return position(text, match.start())
    return (1, 1)


def _duplicate_problem(text: str, source: str, key: str) -> Problem:
    """A duplicate JSON key, said as YAML says it: where, and where it was first written.

    JSON is read by YAML's composer too (for positions), which finds the duplicate
    in its own object; a text YAML cannot read falls back to the key's last mention.
    """
    try:
        load_yaml(text, source)
    except ProblemsError as exc:
        found = [p for p in exc.problems if p.message.startswith("duplicate key")]
        if found:
            return found[0]
    except (DataError, RecursionError):
        pass
    return Problem(source, *_find_key(text, key), f"duplicate key '{key}'")


_FIRST_WRITTEN = re.compile(r"\(first written at line (\d+)\)$")


def shifted(problem: Problem, offset: int) -> Problem:
    """``problem`` of a text that starts ``offset`` lines into its file (a JSON Lines
    line): its line, and the line a duplicate key was first written at, moved down."""
    if not offset or not problem.line:
        return problem
    message = _FIRST_WRITTEN.sub(
        lambda m: f"(first written at line {int(m.group(1)) + offset})", problem.message)
    return problem._replace(line=problem.line + offset, message=message)


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
