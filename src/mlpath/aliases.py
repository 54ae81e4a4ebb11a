"""How an alias (a word or tool that signals a skill in a job ad) is looked up.

Kept apart from ``posting.py`` because the catalogue loader needs ``alias_key`` on
every run (to merge alias tables and refuse a word that signals two skills), and
the job-ad parser's patterns cost several milliseconds to compile (DESIGN §7).
"""

from __future__ import annotations

import re

# A word: letters and digits, with inner dots ("Node.js", "3.10") and a tail of
# "+" or "#" ("C++", "C#"). Hyphens, slashes and apostrophes separate words.
TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*[+#]*")
GAP = re.compile(r"[ \t\-/&]{1,3}")  # what may stand between the words of one alias
SHORT = 2  # aliases this short match case and all, and must stand apart


def tokens(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def is_exact(alias: str) -> bool:
    """Whether an alias is matched with its case: one of one or two characters."""
    return len(alias.strip()) <= SHORT


def alias_key(alias: str) -> str:
    """The form under which an alias is looked up: its words, lower-cased unless short."""
    words = [m.group() for m in tokens(alias)]
    key = " ".join(words)
    return key if is_exact(alias) else key.casefold()
