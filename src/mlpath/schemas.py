"""JSON Schemas that mlpath publishes: its file formats, and each JSON report.

``mlpath schema NAME`` prints one; ``SCHEMAS`` is the one table of names, so a
new report's schema joins with one entry. File formats come from the specs the
loader checks with (``formats.py``); the profile schema also lists the
catalogue's skill, milestone and role ids, so an editor completes them and flags
a typo. Report schemas describe the JSON contract (DESIGN §4): they list every
field of today's output and allow fields added later, as the contract does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath import __version__

if TYPE_CHECKING:
    from mlpath.model import Catalog

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PROFILE_SCHEMA_FILE = "profile.schema.json"  # what the `$schema` line of a profile names

# --- pieces of the report schemas ------------------------------------------------------

STR: dict[str, Any] = {"type": "string"}
OPT_STR: dict[str, Any] = {"type": ["string", "null"]}
INT: dict[str, Any] = {"type": "integer"}
NUM: dict[str, Any] = {"type": "number"}
BOOL: dict[str, Any] = {"type": "boolean"}
RATING: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": 5}
# Readiness is a percentage with one decimal, always written as a decimal (61.1, 100.0).
READINESS: dict[str, Any] = {"type": "number", "minimum": 0, "maximum": 100,
                             "description": "percent ready, 0.0-100.0, one decimal"}


def obj(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object whose fields are all present (bar ``optional``); later additions pass."""
    return {"type": "object", "properties": properties,
            "required": [k for k in properties if k not in optional]}


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


SALARY = nullable(obj({"min": INT, "max": {"type": ["integer", "null"]}, "source": STR,
                       "basis": {"enum": ["role", "general"]}}, optional=("basis",)))
SALARY_NOTE = {"type": ["string", "null"],
               "description": "why salary_usd is null: the guide gives no figure"}
RESOURCE = obj({"title": STR, "url": OPT_STR, "kind": STR, "cost": STR,
                "hours": {"type": ["number", "null"]}, "levels": array(RATING)},
               optional=("levels",))
GAP_RESOURCE = obj({**RESOURCE["properties"],
                    "serves_levels": array(RATING), "also_for": array(STR)},
                   optional=("levels", "serves_levels", "also_for"))
PLAN_RESOURCE = obj({
    **RESOURCE["properties"],
    "also_for": {**array(STR), "description": "the other skill steps (ids) that list this "
                 "resource"},
    "counted_in": {**OPT_STR, "description": "the step (skill id) whose hours include this "
                   "resource's hours, which a plan counts once; null when no step's do"}},
    optional=("levels", "also_for", "counted_in"))
MATCH = obj({"role": STR, "name": STR, "level": STR, "title": STR, "readiness": READINESS,
             "needs_years": {"type": ["number", "null"],
                             "description": "years the role's lowest level asks, when the "
                             "person has fewer"},
             "missing_milestones": {**array(STR), "description": "the level's required "
                                    "milestones the person lacks (readiness ignores them)"}},
            optional=("needs_years", "missing_milestones"))
WARNINGS = array(STR)
ENVELOPE = {"schema_version": {"const": 1}}
REVIEW = obj({
    "reviewers": array(STR),
    "readiness_on": obj({"self": READINESS, "reviewers": READINESS, "mean": READINESS},
                        ) | {"description": "readiness on the self-ratings, on the reviewers' "
                             "(their mean per skill) and on the mean of the two"},
    "skills": array(obj({"id": STR, "name": STR, "required": RATING, "self": RATING,
                         "reviewers": array(obj({"reviewer": STR,
                                                 "rating": nullable(RATING)})),
                         "reviewer_mean": {"type": ["number", "null"]},
                         "talk": {"enum": ["blind-spot", "hidden-strength", None]}})),
    "blind_spots": array(STR), "hidden_strengths": array(STR),
}) | {"description": "self-ratings beside second raters' (`mlpath review`); a difference "
      "of 2+ levels is a thing to talk about, not a verdict"}


def _assess() -> dict[str, Any]:
    return obj({
        **ENVELOPE,
        "mlpath_version": STR,
        "profile": obj({"name": OPT_STR, "source": STR,
                        "years_experience": {"type": ["number", "null"]}}),
        "target": obj({"role": STR, "name": STR, "level": STR, "title": STR,
                       "salary_usd": SALARY, "salary_note": SALARY_NOTE,
                       "chosen": {"enum": ["option", "profile", "best-fit", "none"]}},
                      optional=("salary_note",)),
        "readiness": READINESS,
        "backed_readiness": {**READINESS, "description": "the readiness with each rating "
                             "that has neither evidence nor a checklist check one level lower"},
        "reached": BOOL,
        "skills": array(obj({"id": STR, "name": STR, "category": STR, "current": RATING,
                             "required": RATING, "weight": NUM, "gap": INT,
                             "status": {"enum": ["gap", "met", "exceeds"]},
                             "contribution": NUM, "possible": NUM, "unrated": BOOL,
                             "evidence": array(STR),
                             "checked": {"type": ["string", "null"],
                                         "description": "when the rating was checked "
                                         "against the skill's checklist (YYYY-MM-DD)"}})),
        "unrated": array(STR),
        "gaps": array(obj({"id": STR, "name": STR, "current": RATING, "required": RATING,
                           "gap": INT, "weight": NUM, "priority": NUM,
                           "learn_first": array(STR), "unrated": BOOL,
                           "uncovered_levels": array(RATING),
                           "resources": array(GAP_RESOURCE)})),
        "next_step": obj({"kind": STR, "role": OPT_STR, "level": OPT_STR, "title": OPT_STR,
                          "readiness": nullable(READINESS), "summary": STR,
                          "salary_usd": SALARY, "salary_note": SALARY_NOTE,
                          "gaps": array(STR), "milestones": array(STR),
                          "unrated": {**array(STR), "description": "the step level's skills "
                                      "left unrated: to rate, not named as gaps"},
                          "needs_years": {"type": ["number", "null"], "description":
                                          "the step level's years.min, when the person "
                                          "has fewer"}},
                         optional=("salary_note", "unrated", "needs_years")),
        "checks": array(obj({"kind": {"enum": ["flat", "prerequisite", "experience",
                                               "unbacked"]},
                             "skills": array(STR), "message": STR, "advice": STR})),
        "matches": array(MATCH),
        "milestones": array(obj({"id": STR, "name": STR, "met": BOOL, "required": BOOL,
                                 "why": STR, "how": STR})),
        "warnings": array(STR),
        "review": REVIEW,
    }, optional=("review",))


def _match() -> dict[str, Any]:
    return obj({**ENVELOPE, "matches": array(MATCH), "best_fit": OPT_STR,
                "warnings": WARNINGS})


def _plan() -> dict[str, Any]:
    return obj({
        **ENVELOPE,
        "target": obj({"role": STR, "name": STR, "level": STR, "title": STR,
                       "readiness": READINESS}),
        "hours_per_week": NUM, "total_hours": NUM, "weeks": INT,
        "steps": array(obj({"skill": STR, "name": STR, "from": RATING, "to": RATING,
                            "hours": NUM, "estimated": BOOL, "start_week": INT,
                            "end_week": INT, "prerequisite_only": BOOL, "milestone": BOOL,
                            "resources": array(PLAN_RESOURCE)})),
        "warnings": WARNINGS,
    })


def _diff() -> dict[str, Any]:
    return obj({
        **ENVELOPE, "old": STR, "new": STR,
        "skills": array(obj({"id": STR, "name": STR, "before": nullable(RATING),
                             "after": nullable(RATING), "change": INT})),
        "roles": array(obj({"role": STR, "name": STR, "level": STR, "title": STR,
                            "before": READINESS, "after": READINESS, "change": NUM})),
        "milestones": obj({"added": array(obj({"id": STR, "name": STR})),
                           "removed": array(obj({"id": STR, "name": STR}))}),
        "warnings": WARNINGS,
    })


def _progress() -> dict[str, Any]:
    return obj({
        **ENVELOPE,
        "target": obj({"role": STR, "name": STR, "level": STR, "title": STR}),
        "ready_at": NUM,
        "points": array(obj({"date": STR, "readiness": READINESS,
                             "change": {"type": ["number", "null"]}, "current": BOOL})),
        "warnings": WARNINGS,
    })


def _team() -> dict[str, Any]:
    return obj({
        **ENVELOPE, "role": STR, "level": STR, "title": STR, "role_chosen": STR,
        "members": INT, "skipped": INT,
        "skills": array(obj({"id": STR, "name": STR, "required": RATING, "weight": NUM,
                             "below": INT, "mean_gap": NUM, "worst_gap": INT})),
        "people": array(obj({"name": OPT_STR, "source": STR, "readiness": READINESS,
                             "backed_readiness": READINESS,
                             "reached": BOOL, "best_match": OPT_STR,
                             "best_match_level": OPT_STR,
                             "best_match_readiness": nullable(READINESS),
                             "top_gaps": array(STR), "missing_milestones": array(STR),
                             "needs": array(obj({"skill": STR, "current": RATING,
                                                 "required": RATING,
                                                 "resource": nullable(obj(
                                                     {"title": STR, "url": OPT_STR}))})),
                             "review": nullable(REVIEW)})),
        "top_gaps": array(obj({"id": STR, "name": STR, "below": INT, "priority": NUM,
                               "mean_gap": NUM,
                               "resources": array({**RESOURCE, "properties": {
                                   **RESOURCE["properties"], "serves": {
                                       **INT, "description": "the buy list's serves for "
                                       "this resource: the people it was chosen for, over "
                                       "every skill; only resources on the buy list"}},
                                   "required": [*RESOURCE["required"], "serves"]})})),
        "milestones": array(obj({"id": STR, "name": STR, "required": BOOL,
                                 "missing": INT})),
        "buy": array(obj({**RESOURCE["properties"], "skills": array(STR), "serves": INT,
                          "value": INT, "person_hours": {"type": ["number", "null"]},
                          "estimated_person_hours": {
                              "type": ["number", "null"],
                              "description": "when hours are not known: mlpath's per-level "
                              "estimate (as plan's) over the levels covered, else null"},
                          "people": array(obj({"name": OPT_STR, "skills": array(obj(
                              {"id": STR, "levels": array(RATING)}))}))},
                         optional=("levels",))),
        "buy_person_hours": NUM, "buy_hours_unknown": INT, "reviewed": INT,
        "buy_person_hours_with_estimates": {**NUM, "description": "buy_person_hours plus "
                                            "estimated_person_hours"},
        "warnings": {**WARNINGS, "description": "what stderr says after the view: each "
                     "profile's warnings (the first 20 lines, then one line counting the "
                     "rest), and .jsonl files found in folders but not read"},
        "skipped_sources": {**array(STR), "description": "each skipped profile (up to "
                            "1000): its first problem, as path:line:col: message"},
    })


def _validate() -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    where = {"type": ["integer", "null"], "minimum": 1}
    return obj({
        **ENVELOPE, "ok": BOOL, "files": count,
        "kinds": {"type": "object", "additionalProperties": count,
                  "description": "kind of file (profile, role, ...) -> how many were checked"},
        "roles": count, "skills": count, "milestones": count,
        "problems": array(obj({"path": STR, "line": where, "col": where, "message": STR})),
    })


def _whatif() -> dict[str, Any]:
    shift = {"role": STR, "name": STR, "level": STR, "title": STR, "before": READINESS,
             "after": READINESS, "change": NUM,
             "crossed": {"enum": ["up", "down", None],
                         "description": "up: ready (85%) only after the change; down: ready "
                         "only before"},
             "needs_years": {"type": ["number", "null"]}}
    fit = nullable(obj({"role": STR, "name": STR, "level": STR, "title": STR,
                        "readiness": READINESS, "salary_usd": SALARY,
                        "salary_note": SALARY_NOTE}))
    hours = {"type": "number", "minimum": 0}
    return obj({
        **ENVELOPE, "mlpath_version": STR,
        "profile": obj({"name": OPT_STR, "source": STR,
                        "years_experience": {"type": ["number", "null"]}}),
        "changes": array(obj({"skill": STR, "name": STR, "before": RATING, "after": RATING,
                              "hours": hours, "estimated": BOOL,
                              "via": {"enum": ["set", "plan"]}})),
        "milestones": array(obj({"id": STR, "name": STR, "hours": hours,
                                 "estimated": BOOL})),
        "hours": {**hours, "description": "what the change costs by the plan's estimates"},
        "hours_budget": {"type": ["number", "null"], "description": "--hours, when given"},
        "hours_left": {"type": ["number", "null"]},
        "next_step": nullable(obj({"id": STR, "name": STR, "hours": hours,
                                   "milestone": BOOL})),
        "target": nullable(obj({**shift, "chosen": {"enum": ["option", "profile"]}})),
        "roles": array(obj(shift)),
        "crossed": array(STR), "dropped": array(STR),
        "best_fit": obj({"before": fit, "after": fit}),
        "ready_at": NUM,
        "warnings": WARNINGS,
    })


def _posting() -> dict[str, Any]:
    return obj({
        **ENVELOPE, "mlpath_version": STR, "source": STR, "title": STR,
        "role": obj({"id": STR, "name": STR, "level": STR,
                     "level_basis": {"enum": ["option", "title", "years", "default"]},
                     "years": obj({"min": NUM, "max": {"type": ["number", "null"]}}),
                     "years_in_ad": {"type": ["integer", "null"]},
                     "salary_usd": SALARY}),
        "responsibilities": array(STR),
        "requirements": array(obj({
            "skill": STR, "name": STR, "importance": {"enum": ["required", "preferred"]},
            "level": RATING, "weight": NUM, "mentions": INT,
            "source": obj({"line": INT, "section": STR, "alias": STR, "phrase": STR,
                           "strength": OPT_STR, "years": {"type": ["integer", "null"]}})})),
        "ignored": array(obj({"skill": STR, "line": INT, "section": STR, "phrase": STR})),
    })


def _evidence() -> dict[str, Any]:
    return obj({
        **ENVELOPE, "mlpath_version": STR, "profile": obj({"source": STR}),
        "paths": array(STR),
        "proposals": array(obj({
            "skill": STR, "name": STR, "confidence": {"enum": ["high", "medium", "low"]},
            "rating": RATING, "signals": array(STR), "files": array(STR),
            "evidence": array(STR)})),
        "files_read": INT,
        "skipped": array(obj({"path": STR, "reason": STR})),
        "skipped_total": INT, "truncated": BOOL,
        "saved": {"type": ["object", "null"], "additionalProperties": array(STR),
                  "description": "skill id -> the evidence lines --save added"},
    })


# name -> (what it describes, how to build it): one entry per published report.
REPORTS: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = {
    "assess": ("the report of `mlpath assess --json`", _assess),
    "match": ("the report of `mlpath match --json`", _match),
    "plan": ("the report of `mlpath plan --json`", _plan),
    "diff": ("the report of `mlpath diff --json`", _diff),
    "progress": ("the report of `mlpath progress --json`", _progress),
    "team": ("the report of `mlpath team --json` (each --jsonl line is an assess report)",
             _team),
    "validate": ("the result of `mlpath validate --json`", _validate),
    "whatif": ("the report of `mlpath whatif --json`", _whatif),
    "posting": ("the parsed job ad of `mlpath posting --json`", _posting),
    "evidence": ("the scan of `mlpath evidence --json`", _evidence),
}
FILES = ("profile", "role", "skills", "milestones", "aliases", "review")
NAMES: tuple[str, ...] = (*FILES, *REPORTS)


def schema(name: str, catalog: Catalog | None = None) -> dict[str, Any]:
    """The JSON Schema called ``name``; the profile's lists ``catalog``'s ids when given."""
    if name == "profile" and catalog is not None:
        return profile_schema(catalog)
    if name in FILES:
        from mlpath.formats import json_schema

        return json_schema(name)
    title, build = REPORTS[name]
    return {"$schema": DRAFT, "$comment": f"generated by mlpath {__version__}: "
            f"mlpath schema {name}", "title": f"mlpath {name} report",
            "description": title, **build()}


def profile_schema(catalog: Catalog) -> dict[str, Any]:
    """The profile format, with the catalogue's ids for completion and for typos.

    The loader only warns about an unknown skill or milestone id (it is ignored);
    the schema flags it, as an editor should, since it is almost always a typo.
    """
    from mlpath.formats import json_schema

    out = json_schema("profile")
    props = out["properties"]
    rating = props["skills"]["additionalProperties"]
    props["skills"]["properties"] = {
        s.id: {**rating, "description": f"{s.name}: {rating['description']}"}
        for s in catalog.skills.values()}
    props["skills"]["additionalProperties"] = False
    note = props["evidence"]["additionalProperties"]
    props["evidence"]["properties"] = {
        s.id: {**note, "description": f"{s.name}: a link or a note"}
        for s in catalog.skills.values()}
    props["evidence"]["additionalProperties"] = False
    date = props["checked"]["additionalProperties"]
    props["checked"]["properties"] = {
        s.id: {**date, "description": f"{s.name}: when its rating was checked"}
        for s in catalog.skills.values()}
    props["checked"]["additionalProperties"] = False
    props["milestones"]["items"] = {**props["milestones"]["items"],
                                    "enum": list(catalog.milestones)}
    targets = [t for r in catalog.roles.values() for t in (r.id, *(f"{r.id}:{lv.id}"
                                                                 for lv in r.levels))]
    props["target"]["enum"] = [*targets, None]
    props["target"]["description"] = "ROLE or ROLE:LEVEL (see `mlpath roles`)"
    return out


def write_profile_schema_beside(profile_path: str, catalog: Catalog,
                                say: Callable[[str], object] | None = None) -> str | None:
    """Write ``profile.schema.json`` beside a profile unless one is there; its path, or None.

    The `$schema` line of the profiles mlpath writes names this file, so an
    editor finds the schema offline, with no URL to fetch. A file already there is the
    user's and is kept; when it is not this schema, ``say`` gets one line saying so (the
    `$schema` line then points at something else).
    """
    from mlpath.atomic import write_atomic
    from mlpath.render.jsonout import dumps

    target = Path(profile_path).parent / PROFILE_SCHEMA_FILE
    schema = profile_schema(catalog)
    if target.exists():
        if say is not None and not _same_json(target, schema):
            say(f"mlpath: kept {target}, which is not mlpath's profile schema for this "
                "catalogue, so the profile's $schema line names it; `mlpath schema profile "
                f"> {target}` replaces it")
        return None
    write_atomic(str(target), dumps(schema) + "\n", replace=False)
    return str(target)


def _same_json(path: Path, value: Any) -> bool:
    try:
        return bool(json.loads(path.read_text(encoding="utf-8")) == value)
    except (OSError, ValueError):
        return False
