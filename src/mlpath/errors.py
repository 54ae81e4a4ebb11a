"""The errors mlpath raises, each carrying the exit code the CLI maps it to (DESIGN §3).

Only the CLI catches these. Everything below it raises and lets go.
"""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_BELOW = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # SIGTERM during a write: undone, then exit as the signal would


class Problem(NamedTuple):
    """One thing wrong with one file, printed as ``path:line:col: message``.

    ``line`` and ``col`` are 1-based; 0 means the problem has no position
    (a file that is missing, or a problem with the file as a whole).
    """

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{self.path}: {self.message}"


class MlpathError(Exception):
    """Base of every error the CLI turns into one line and an exit code."""

    exit_code = EXIT_DATA

    def lines(self) -> list[str]:
        return [str(self)]


class DataError(MlpathError):
    """Bad input or bad data: exit 1."""


class ProblemsError(DataError):
    """One or more located problems in data files; all are reported, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems)
        super().__init__(str(self.problems[0]) if self.problems else "invalid data")

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class UsageError(MlpathError):
    """Wrong use of the command line, such as an unknown role id: exit 2."""

    exit_code = EXIT_USAGE


class Interrupted(MlpathError):
    """Ctrl-C: exit 130."""

    exit_code = EXIT_INTERRUPTED


# Spelling suggestions are for ids a person typed: a longer word gets none, so that a
# hostile file of long keys cannot make each suggestion cost a long comparison.
MAX_SUGGESTED_WORD = 64


def did_you_mean(word: str, choices: Sequence[str], *, n: int = 3) -> list[str]:
    """The closest choices to ``word``: the best one and any about as close, best first.

    Cheap upper bounds (lengths, then letter counts) rule most choices out before
    the full comparison, as ``difflib.get_close_matches`` does.
    """
    if not isinstance(word, str) or len(word) > MAX_SUGGESTED_WORD:
        return []
    import difflib

    lowered = word.lower()
    matcher = difflib.SequenceMatcher()
    matcher.set_seq1(lowered)
    scored = []
    for choice in choices:
        prefix = bool(lowered) and choice.startswith(lowered)
        matcher.set_seq2(choice.lower())
        if not prefix and (matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6):
            continue
        ratio = matcher.ratio()
        if ratio >= 0.6 or prefix:
            scored.append((ratio, choice))
    scored.sort(key=lambda rc: (-rc[0], rc[1]))
    if not scored:
        return []
    best = scored[0][0]
    return [choice for ratio, choice in scored if ratio >= best - 0.05][:n]


def suggestion(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` or an empty string."""
    close = did_you_mean(word, choices)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"
