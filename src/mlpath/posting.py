"""From the text of a job ad to a draft role level (``mlpath posting``).

Pure: text and a ``Catalog`` in, plain values out; no I/O, no printing. The
steps, each small enough to test on its own:

1. **Sections.** Lines that look like headings ("Requirements", "Nice to have",
   "About us", "Benefits" ...) switch the section. Company and benefits text
   never creates a requirement; text before the first heading counts only where
   it speaks to the candidate ("you will ...").
2. **Skills.** The ad is cut into word tokens, and every skill's aliases (the
   alias table ``roles/aliases.yaml`` plus a pack's own) are looked up as token
   sequences, longest first. Case is ignored, except for aliases of one or two
   characters ("R", "Go", "TF"), which must match exactly and stand apart
   ("R&D", "R-squared" and "(R)" are not R). "C++" and "C#" are tokens of their
   own, so an alias "C" never matches them. A final "s" or "es" is allowed
   ("LLMs", "data pipelines").
3. **Cues.** Within a clause, the nearest cue decides: "must", "required" make
   a skill required; "nice to have", "a plus", "ideally", "preferred" make it
   preferred; "strong", "deep", "expert" raise the level and the weight;
   "familiarity", "exposure", "basic" lower the level; "3+ years of X" sets a
   floor on X's level.
4. **Level.** Seniority words in the title ("Senior", "Staff", "Head of" ...)
   pick the level; without them, the years the ad asks for do (the catalogue's
   bands: under 3 entry, under 8 mid, else senior); else mid.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

# --- aliases and tokens ----------------------------------------------------------------
from mlpath.aliases import GAP, is_exact, tokens
from mlpath.errors import DataError, UsageError
from mlpath.model import Catalog, Level, Requirement, Role, SalaryBand


class AliasIndex(NamedTuple):
    folded: Mapping[tuple[str, ...], str]  # lower-cased words -> skill id
    exact: Mapping[str, str]  # a short alias, as written -> skill id
    longest: int  # the most words in one alias


def alias_index(catalog: Catalog) -> AliasIndex:
    """Every alias of every skill, and each skill's own name, ready for lookup."""
    folded: dict[tuple[str, ...], str] = {}
    exact: dict[str, str] = {}
    for skill in catalog.skills.values():
        for alias in (*skill.aliases, skill.name):
            words = tuple(m.group() for m in tokens(alias))
            if not words:
                continue
            if is_exact(alias):
                exact.setdefault(words[0], skill.id)
            else:
                folded.setdefault(tuple(w.casefold() for w in words), skill.id)
    longest = max((len(k) for k in folded), default=1)
    return AliasIndex(folded, exact, longest)


class Hit(NamedTuple):
    skill: str
    start: int  # character offsets in the text searched
    end: int
    alias: str  # the words as the ad wrote them


def _stands_apart(text: str, start: int, end: int) -> bool:
    """A short alias must not be part of "R&D", "R-squared", "(R)" or "Go's"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if after in "&-'’" or before in "&-'’":
        return False
    return not (before == "(" and after == ")")


def _plural_variants(word: str) -> list[str]:
    if len(word) > 3 and word.endswith("es"):
        return [word[:-1], word[:-2]]
    if len(word) > 3 and word.endswith("s"):
        return [word[:-1]]
    return []


def find_skills(text: str, index: AliasIndex) -> list[Hit]:
    """The skills named in ``text``: the longest alias wins, and matches never overlap."""
    marks = tokens(text)
    hits: list[Hit] = []
    i = 0
    while i < len(marks):
        found: tuple[str, int] | None = None
        for size in range(min(index.longest, len(marks) - i), 0, -1):
            span = marks[i:i + size]
            if any(not GAP.fullmatch(text[a.end():b.start()]) for a, b in pairwise(span)):
                continue
            words = [t.group().casefold() for t in span]
            skill = index.folded.get(tuple(words))
            if skill is None:
                for variant in _plural_variants(words[-1]):
                    skill = index.folded.get((*words[:-1], variant))
                    if skill:
                        break
            if skill is not None:
                found = (skill, size)
                break
        if found is None and marks[i].group() in index.exact and _stands_apart(
                text, marks[i].start(), marks[i].end()):
            found = (index.exact[marks[i].group()], 1)
        if found is None:
            i += 1
            continue
        skill, size = found
        start, end = marks[i].start(), marks[i + size - 1].end()
        hits.append(Hit(skill, start, end, text[start:end]))
        i += size
    return hits


# --- sections ------------------------------------------------------------------------

REQUIRED, PREFERRED = "required", "preferred"
# section -> what its text means by default: a requirement, a nice-to-have, or nothing
_SECTION_IMPORTANCE = {"intro": REQUIRED, "role": REQUIRED, "requirements": REQUIRED,
                       "preferred": PREFERRED, "stack": PREFERRED, "company": None,
                       "benefits": None}

# Checked in order: the first phrase found in a heading names its section.
_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("preferred", ("nice to have", "nice-to-have", "preferred", "bonus", "a plus", "pluses",
                   "good to have", "desirable", "desired", "ideally", "extra credit",
                   "even better", "would be great", "stand out")),
    ("benefits", ("benefit", "perks", "what we offer", "we offer", "compensation", "salary",
                  "pay range", "pay and", "equal opportunit", "eeo", "diversity", "inclusion",
                  "how to apply", "application process", "hiring process", "interview process",
                  "location", "why you'll love", "why join", "why work", "working here")),
    ("role", ("responsibilit", "what you'll do", "what you will do", "what you'll be doing",
              "what you will be doing", "about the role", "the role", "your role", "the job",
              "the position", "about the position", "day to day", "day-to-day",
              "your mission", "the opportunity", "what you'll work on", "in this role",
              "the work", "duties", "your impact", "you will")),
    ("requirements", ("requirement", "qualification", "must have", "must-have",
                      "what you bring", "what you'll bring", "looking for", "who you are",
                      "about you", "you have", "you bring", "skills", "experience",
                      "what you need", "what you'll need", "required", "essential",
                      "you should have", "your profile", "your background", "you are",
                      "you'll have", "we need")),
    ("stack", ("tech stack", "our stack", "the stack", "tools we use", "technologies we use",
               "our tools", "technology")),
    ("company", ("about us", "about the company", "who we are", "our mission", "our company",
                 "the company", "our values", "our culture", "culture", "the team",
                 "about the team", "our team", "life at", "about ")),
)
_MARKUP = re.compile(r"^[\s#*_>=\-•·]+|[\s*_:=\-]+$")


def heading_section(line: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    plain = _MARKUP.sub("", line).strip().casefold().replace("’", "'")
    if not plain or len(plain) > 60 or len(plain.split()) > 8 or plain.endswith((".", ",")):
        return None
    for section, phrases in _HEADINGS:
        if any(p in f"{plain} " for p in phrases):
            return section
    return None


# --- cues --------------------------------------------------------------------------------

def _phrases(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


# A cue before a skill reaches forward to it; one after reaches back.
_PREFERRED_BEFORE = _phrases(
    r"nice[ -]to[ -]haves?", r"ideally", r"preferably", r"preferred", r"bonus(?: points)?",
    r"a plus", r"good to have", r"desirable", r"optionally", r"even better", r"extra credit",
    r"not required", r"not necessary", r"not expected", r"don'?t need", r"is helpful",
    r"helpful", r"would be great", r"a big plus", r"an advantage", r"advantageous")
_PREFERRED_AFTER = _phrases(
    r"(?:is |are |would be )?(?:a (?:big |huge |strong )?plus|nice[ -]to[ -]have|"
    r"preferred|desirable|helpful|a bonus|an advantage|advantageous|beneficial)",
    r"not required", r"not necessary", r"not expected")
_REQUIRED_BEFORE = _phrases(r"must(?: have)?", r"required", r"requires?", r"essential",
                            r"you have", r"you'll have", r"need(?:ed|s)?")
_REQUIRED_AFTER = _phrases(r"(?:is |are )?(?:required|a must|essential|mandatory)")
_EXPERT = _phrases(r"expert(?:ise)?", r"mastery", r"world[ -]class", r"deep expertise",
                   r"authority")
_STRONG = _phrases(r"strong", r"deep", r"extensive", r"advanced", r"solid", r"proven",
                   r"excellent", r"in[ -]depth", r"hands[ -]on", r"proficien(?:t|cy)",
                   r"fluen(?:t|cy)", r"outstanding", r"exceptional", r"significant",
                   r"thorough", r"substantial")
_WEAK = _phrases(r"familiar(?:ity)?", r"exposure", r"basic", r"some", r"awareness",
                 r"interest in", r"introductory", r"willingness to learn", r"eagerness")
_YEARS = re.compile(
    r"(?<![\w.])(?:at least |minimum (?:of )?|over )?(\d{1,2})(?:\s*(?:-|–|to)\s*(\d{1,2}))?"
    r"\s*\+?\s*(?:or more\s+)?(?:years?|yrs?)(?![\w])", re.IGNORECASE)
# The years are the job's when the clause speaks of experience or work, or the years
# are "in/as/of/with" something ("2+ years in an analytics role", "3 years as a ...").
_YEARS_OF_WORK = re.compile(
    r"experience|industry|working|professional|building|in (?:ml|machine)|\brole\b|"
    r"(?:years?|yrs?)\s+(?:of|in|as|with|doing|on)\b", re.IGNORECASE)
_CLAUSE = re.compile(r";|(?<=[.!?])\s+(?=[A-Z(\"“])")
_SALARY = re.compile(
    r"(?:US)?\$\s?(\d{2,3},\d{3}|\d{5,6}|\d{2,3}(?:\.\d)?\s?[kK])\s*(?:-|–|—|to)\s*"
    r"(?:US)?\$?\s?(\d{2,3},\d{3}|\d{5,6}|\d{2,3}(?:\.\d)?\s?[kK])")


def _nearest_before(pattern: re.Pattern[str], clause: str, at: int) -> int | None:
    ends = [m.end() for m in pattern.finditer(clause, 0, at)]
    return ends[-1] if ends else None


def _nearest_after(pattern: re.Pattern[str], clause: str, at: int) -> int | None:
    """The first cue after ``at``; one inside brackets opened after ``at`` speaks only
    for what is in them ("Docker and a cloud (AWS preferred)": AWS, not Docker)."""
    for found in pattern.finditer(clause, at):
        between = clause[at:found.start()]
        if between.count("(") > between.count(")"):
            continue
        return found.start()
    return None


def importance_cue(clause: str, start: int, end: int) -> str | None:
    """required/preferred from the cue nearest before the skill, else the next one after.

    On a tie ("not required" holds "required") the preferred cue wins.
    """
    before = [(pos, rank, kind) for rank, kind, pattern in (
        (1, PREFERRED, _PREFERRED_BEFORE), (0, REQUIRED, _REQUIRED_BEFORE))
        if (pos := _nearest_before(pattern, clause, start)) is not None]
    if before:
        return max(before)[2]
    after = [(pos, -rank, kind) for rank, kind, pattern in (
        (1, PREFERRED, _PREFERRED_AFTER), (0, REQUIRED, _REQUIRED_AFTER))
        if (pos := _nearest_after(pattern, clause, end)) is not None]
    return min(after)[2] if after else None


def strength_cue(clause: str, start: int, end: int) -> str | None:
    """expert / strong / weak from the nearest cue before the skill ("expertise" also after)."""
    before = [(pos, kind) for kind, pattern in (("expert", _EXPERT), ("strong", _STRONG),
                                                ("weak", _WEAK))
              if (pos := _nearest_before(pattern, clause, start)) is not None]
    if before:
        return max(before)[1]
    after = re.match(r"[\s\w,/-]{0,20}?\b(expertise|expert)\b", clause[end:], re.IGNORECASE)
    return "expert" if after else None


def years_in(text: str) -> int | None:
    """The most years a piece of text asks for ("3+ years", "5-7 years"), if any."""
    found = [int(m.group(1)) for m in _YEARS.finditer(text) if int(m.group(1)) <= 40]
    return max(found) if found else None


def _clauses(line: str) -> list[str]:
    out, start = [], 0
    for cut in _CLAUSE.finditer(line):
        out.append(line[start:cut.start()])
        start = cut.end()
    out.append(line[start:])
    return out


def _masked(clause: str, hits: Sequence[Hit]) -> str:
    """The clause with the skills' own words blanked, so "deep learning" is no "deep" cue."""
    for hit in hits:
        clause = clause[:hit.start] + " " * (hit.end - hit.start) + clause[hit.end:]
    return clause


_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d+[.)])\s+")


def _heading_shape(line: str) -> bool:
    """Whether a line is set like a heading: '#', bold, a colon, capitals or a few words."""
    text = line.strip()
    if text.startswith("#") or text.endswith(":") or (text.startswith("**")
                                                       and text.endswith("**")):
        return True
    if _BULLET.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or (
        len(text.split()) <= 6 and not text.endswith((".", "!", "?", ","))))


# --- levels ------------------------------------------------------------------------------

LEVEL_IDS = ("entry", "mid", "senior", "staff", "lead")
_BASE_LEVEL = {"entry": 2, "mid": 3, "senior": 4, "staff": 4, "lead": 4}
_DEFAULT_YEARS = {"entry": 0, "mid": 3, "senior": 8, "staff": 10, "lead": 8}
_SENIORITY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("lead", _phrases(r"head of", r"director", r"vp", r"vice president", r"chief",
                      r"manager", r"managing")),
    ("staff", _phrases(r"staff", r"principal", r"distinguished")),
    ("senior", _phrases(r"senior", r"sr\.?", r"lead", r"iii")),
    ("entry", _phrases(r"junior", r"jr\.?", r"entry[ -]level", r"graduate", r"new grad",
                       r"intern(?:ship)?", r"associate", r"trainee", r"apprentice", r"i")),
    ("mid", _phrases(r"mid[ -]level", r"mid", r"intermediate", r"ii")),
)


def level_from_title(title: str) -> str | None:
    for level, pattern in _SENIORITY:
        if pattern.search(title):
            return level
    return None


def level_from_years(years: int) -> str:
    return "entry" if years < 3 else "mid" if years < 8 else "senior"


# --- the result --------------------------------------------------------------------------


class Mention(NamedTuple):
    skill: str
    line: int  # 1-based line of the ad
    section: str
    importance: str | None  # required | preferred | None (company or benefits text)
    strength: str | None  # expert | strong | weak | None
    years: int | None
    alias: str
    phrase: str  # the clause it was found in, cleaned for showing


class Found(NamedTuple):
    """One requirement the ad makes, with the mention it was drawn from."""

    skill: str
    name: str
    importance: str  # required | preferred
    level: int
    weight: float
    mention: Mention
    mentions: int  # how many clauses name it (company and benefits text left out)


class Posting(NamedTuple):
    source: str
    title: str
    role_id: str
    role_name: str
    level: str
    level_basis: str  # option | title | years | default
    years: int | None  # what the ad asks for, if it says
    salary: SalaryBand | None
    responsibilities: tuple[str, ...]
    requirements: tuple[Found, ...]  # required first, then by weight and id
    ignored: tuple[Mention, ...]  # skills named only where they are not asked for
    lines: int

    def required(self) -> list[str]:
        return [f.skill for f in self.requirements if f.importance == REQUIRED]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e"
                      r"\u2066-\u2069\ufeff]")


def clean_phrase(text: str, *, limit: int = 120) -> str:
    """One line of plain text, safe to print and to put in a YAML comment."""
    text = _CONTROL.sub(" ", text)
    text = " ".join(_MARKUP.sub("", text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _quote(text: str, start: int, end: int, limit: int = 100) -> str:
    """The part of a clause around a match, at most ``limit`` characters."""
    if len(text) <= limit:
        return clean_phrase(text, limit=limit)
    left = max(0, min(start - limit // 3, len(text) - limit))
    piece = text[left:left + limit]
    return ("…" if left else "") + clean_phrase(piece, limit=limit) + (
        "…" if left + limit < len(text) else "")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:50].rstrip("-")


_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_TITLE_PREFIX = re.compile(r"^(?:job title|title|position|role|job)\s*:\s*", re.IGNORECASE)
_COMPANY_SUFFIX = re.compile(r"\s+(?:at|@|[-–—|])\s+.*$|\s*[(,].*$")
_ROLE_WORDS = _phrases(r"engineer", r"scientist", r"researcher", r"architect", r"developer",
                       r"specialist", r"head", r"director", r"lead", r"manager", r"analyst",
                       r"vp", r"chief", r"intern", r"consultant")


def _title(lines: Sequence[str]) -> str:
    candidates = [clean_phrase(line, limit=100) for line in lines[:12] if line.strip()]
    for text in candidates:
        if _TITLE_PREFIX.match(text):
            return _TITLE_PREFIX.sub("", text)
    for text in candidates[:3]:
        if _ROLE_WORDS.search(text) and len(text.split()) <= 12:
            return text
    return candidates[0] if candidates else "Job ad"


def _role_name(title: str) -> str:
    name = _COMPANY_SUFFIX.sub("", title).strip() or title
    for _, pattern in _SENIORITY:
        name = pattern.sub("", name)
    name = " ".join(name.replace("  ", " ").split()).strip(" -–—,|")
    return name or title


def _level_of(importance: str, strength: str | None, years: int | None, base: int) -> int:
    if strength == "expert":
        level = base + 1 if base < 4 else 5
    elif strength == "strong":
        level = min(base + 1, 4)
    elif strength == "weak":
        level = 1 if base <= 2 else 2
    else:
        level = base
    if years is not None and strength != "weak":
        level = max(level, 2 if years < 2 else 3 if years < 5 else 4)
    if importance == PREFERRED:
        level = max(1, level - 1)
    return min(level, 5)


def _weight(importance: str, strength: str | None, mentions: int) -> float:
    if importance == PREFERRED:
        return 0.5
    weight = 2.0 if strength in ("strong", "expert") else 1.0
    return min(weight + (1.0 if mentions >= 3 else 0.0), 3.0)


def parse_posting(text: str, catalog: Catalog, *, source: str = "-",
                  role_id: str | None = None, level_id: str | None = None) -> Posting:
    """Read a job ad: its title, level, years, salary and the skills it asks for.

    Raises ``DataError`` (exit 1) when the ad is empty or names no skill the
    catalogue knows, and ``UsageError`` (exit 2) for a malformed ``role_id`` or
    ``level_id``.
    """
    for what, value in (("--id", role_id), ("--level", level_id)):
        if value is not None and not _ID.match(value):
            raise UsageError(f"{what} {value!r} is not a valid id: use lower-case words "
                             "joined by '-'")
    if "\x00" in text:
        raise DataError(f"{source}: looks like a binary file, not the text of a job ad")
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise DataError(f"{source}: the job ad is empty")
    index = alias_index(catalog)
    title = _title(lines)
    mentions, responsibilities, years_seen = _read(lines, index, title)
    requirements = _requirements(mentions, catalog, level_id or "mid")
    ignored = _ignored(mentions, requirements)
    if not requirements:
        reason = (f"{source}: names no skill that mlpath knows as a requirement")
        if ignored:
            reason += (" (" + ", ".join(sorted({m.skill for m in ignored}))
                       + " appear only in the company or benefits text)")
        raise DataError(reason + "; `mlpath skills` lists the skills, and a role pack can "
                        "add aliases for them")
    ask_years = max(years_seen) if years_seen else None
    basis, level = "option", level_id
    if level is None:
        from_title = level_from_title(title)
        if from_title:
            basis, level = "title", from_title
        elif ask_years is not None:
            basis, level = "years", level_from_years(ask_years)
        else:
            basis, level = "default", "mid"
    if level != (level_id or "mid"):
        requirements = _requirements(mentions, catalog, level)
    name = _role_name(title)
    return Posting(
        source=source, title=title, role_id=role_id or f"posting-{_slug(name) or 'role'}",
        role_name=name, level=level, level_basis=basis, years=ask_years,
        salary=_salary(text), responsibilities=tuple(responsibilities[:12]),
        requirements=requirements, ignored=ignored, lines=len(lines))


_TO_CANDIDATE = re.compile(r"\byou(?:'ll|r)?\b|\bthis role\b|\blooking for\b|\bseeking\b|"
                           r"\bideal candidate\b", re.IGNORECASE)


def _logical_lines(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Lines with wrapped text joined: a line that starts in lower case continues the last."""
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if out and text[:1].islower() and out[-1][1] and not out[-1][1].endswith(":"):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((number, text))
    return out


def _read(lines: Sequence[str], index: AliasIndex, title: str
          ) -> tuple[list[Mention], list[str], list[int]]:
    section = "intro"
    mentions: list[Mention] = []
    responsibilities: list[str] = []
    years_seen: list[int] = []
    title_done = False
    for number, raw in _logical_lines(lines):
        line = raw.strip()
        if not line:
            continue
        if not title_done and clean_phrase(line, limit=100).endswith(title):
            title_done = True  # the title names the job, not a requirement
            continue
        if _heading_shape(line) and not find_skills(line, index):
            opened = heading_section(line)
            if opened is not None:
                section = opened
                continue
        line_section = section
        head, colon, rest = line.partition(":")
        if colon and rest.strip() and len(head.split()) <= 5:
            label = heading_section(head)  # "Nice to have: Spark": for this line only
            if label is not None:
                line_section, line = label, rest
        importance = _SECTION_IMPORTANCE[line_section]
        if line_section == "role" and len(responsibilities) < 12:
            item = clean_phrase(line, limit=300)
            if item:
                responsibilities.append(item)
        for clause in _clauses(line):
            counted = importance
            if section == "intro" and not _TO_CANDIDATE.search(clause):
                counted = None  # about the company, not the job
            years = years_in(clause)
            if years is not None and counted is not None and _YEARS_OF_WORK.search(clause):
                years_seen.append(years)
            hits = find_skills(clause, index)
            masked = _masked(clause, hits)
            for hit in hits:
                cue = importance_cue(masked, hit.start, hit.end) if counted else None
                mentions.append(Mention(
                    skill=hit.skill, line=number, section=line_section,
                    importance=(cue or counted) if counted else None,
                    strength=strength_cue(masked, hit.start, hit.end),
                    years=years, alias=hit.alias,
                    phrase=_quote(clause, hit.start, hit.end)))
    return mentions, responsibilities, years_seen


def _requirements(mentions: Iterable[Mention], catalog: Catalog, level: str
                  ) -> tuple[Found, ...]:
    base = _BASE_LEVEL.get(level, 3)
    by_skill: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.importance is not None:
            by_skill.setdefault(mention.skill, []).append(mention)
    found: list[Found] = []
    for skill_id, seen in by_skill.items():
        importance = REQUIRED if any(m.importance == REQUIRED for m in seen) else PREFERRED
        candidates = [m for m in seen if m.importance == importance]
        best = max(candidates, key=lambda m: (
            _level_of(importance, m.strength, m.years, base), -m.line))
        found.append(Found(
            skill=skill_id, name=catalog.skills[skill_id].name, importance=importance,
            level=_level_of(importance, best.strength, best.years, base),
            weight=_weight(importance, best.strength, len(seen)), mention=best,
            mentions=len(seen)))
    found.sort(key=lambda f: (f.importance != REQUIRED, -f.weight, -f.level, f.skill))
    return tuple(found)


def _ignored(mentions: Iterable[Mention], requirements: Sequence[Found]) -> tuple[Mention, ...]:
    asked = {f.skill for f in requirements}
    out: dict[str, Mention] = {}
    for mention in mentions:
        if mention.skill not in asked:
            out.setdefault(mention.skill, mention)
    return tuple(sorted(out.values(), key=lambda m: m.line))


def _dollars(text: str) -> int:
    text = text.replace(",", "").replace(" ", "")
    if text[-1] in "kK":
        return round(float(text[:-1]) * 1000)
    return int(text)


def _salary(text: str) -> SalaryBand | None:
    """A yearly US-dollar range the ad states ("$150,000 - $190,000", "$150k–$190k")."""
    for match in _SALARY.finditer(text):
        low, high = _dollars(match.group(1)), _dollars(match.group(2))
        tail = text[match.end():match.end() + 20].casefold()
        if low < 10_000 or high < low or re.match(r"\s*(?:/|per|an?)\s*h(?:ou)?r", tail):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        return SalaryBand(low, high, f"the job ad: \"{clean_phrase(line, limit=150)}\"",
                          basis="role")
    return None


# --- a role from an ad -------------------------------------------------------------------


def posting_level(posting: Posting) -> Level:
    years_min = posting.years if posting.years is not None else _DEFAULT_YEARS.get(
        posting.level, 0)
    return Level(
        id=posting.level, title=posting.title, years_min=float(years_min), years_max=None,
        salary=posting.salary,
        requirements=tuple(sorted((Requirement(f.skill, f.level, f.weight)
                                   for f in posting.requirements), key=lambda r: r.skill)))


def posting_role(posting: Posting) -> Role:
    """The ad as a role with one level, for every command that takes a role."""
    return Role(
        id=posting.role_id, name=posting.role_name,
        summary=f"Drafted by mlpath posting from {posting.source}: {posting.title}",
        responsibilities=posting.responsibilities, moves=(), levels=(posting_level(posting),),
        origin=posting.source)


def role_from_posting(text: str, catalog: Catalog, *, source: str = "-",
                      role_id: str | None = None, level_id: str | None = None
                      ) -> tuple[Role, Level]:
    """Ad text and catalogue -> (role, its one level): what ``assess --posting`` needs."""
    role = posting_role(parse_posting(text, catalog, source=source, role_id=role_id,
                                      level_id=level_id))
    return role, role.levels[0]
