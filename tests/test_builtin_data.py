"""The built-in data, checked in full: the heart of the product must be right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlpath.catalog import builtin_yaml_files, parse_builtin
from mlpath.engine.assess import prerequisite_closure
from mlpath.model import Catalog

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
REQUIRED_SKILLS = [
    "python", "r-lang", "sql", "java-scala", "software-engineering", "git",
    "data-structures-algorithms", "linear-algebra", "probability-statistics",
    "calculus-optimization", "ml-fundamentals", "model-evaluation", "feature-engineering",
    "scikit-learn", "experimentation", "reinforcement-learning", "deep-learning", "pytorch",
    "tensorflow", "computer-vision", "nlp", "generative-ai-llm", "model-optimization-edge",
    "data-wrangling", "data-visualization", "spark-big-data", "data-engineering", "docker",
    "kubernetes", "mlops", "model-deployment", "distributed-systems", "ml-system-design",
    "cloud-platforms", "communication", "business-acumen", "technical-leadership",
    "people-management", "research-methods", "domain-knowledge", "responsible-ai",
]
ROLES = ["ml-engineer", "data-scientist", "research-scientist", "cv-engineer", "nlp-specialist",
         "mlops-engineer", "deep-learning-specialist", "applied-ml-engineer", "ai-architect",
         "head-of-ml"]
MILESTONES = ["supervised-project", "unsupervised-project", "end-to-end-project",
              "deployed-project", "kaggle-competition", "open-source-contribution", "blog-post",
              "publication", "cloud-certification", "degree-bachelor", "degree-master",
              "degree-phd"]


def test_the_yaml_shipped_in_the_package_is_valid() -> None:
    files, problems = parse_builtin(builtin_yaml_files())
    assert problems == []
    assert len(files) == 13  # ten roles, skills, milestones and the alias table


def test_catalogue_has_every_required_id(catalog: Catalog) -> None:
    assert set(REQUIRED_SKILLS) <= set(catalog.skills)
    assert sorted(catalog.roles) == sorted(ROLES)
    assert set(MILESTONES) <= set(catalog.milestones)


def test_every_skill_is_complete(catalog: Catalog) -> None:
    for skill in catalog.skills.values():
        assert skill.description and len(skill.rubric) == 6, skill.id
        assert len(skill.resources) >= 2, skill.id
        assert any(r.url for r in skill.resources), skill.id
        for r in skill.resources:
            assert r.url or (r.kind == "book" and r.cost == "paid"), (skill.id, r.title)


def test_prerequisites_are_acyclic(catalog: Catalog) -> None:
    needs = prerequisite_closure(catalog)
    for skill_id, before in needs.items():
        assert skill_id not in before


@pytest.mark.skipif(not (REFERENCE / "career-facts.md").exists(), reason="needs ../shared")
def test_every_url_is_a_confirmed_one(catalog: Catalog) -> None:
    """Never an invented link: each URL appears in career-facts.md without a (?) mark."""
    facts = (REFERENCE / "career-facts.md").read_text()
    confirmed = set()
    for line in facts.splitlines():
        for match in re.finditer(r"(\(\?\) )?(https?://\S+?)(?=[\s,;)]|$)", line):
            if not match.group(1):
                confirmed.add(match.group(2))
    urls = {r.url for s in catalog.skills.values() for r in s.resources if r.url}
    urls |= {r.url for m in catalog.milestones.values() for r in m.resources if r.url}
    assert urls - confirmed == set()


@pytest.mark.skipif(not (REFERENCE / "ml-career-guide.txt").exists(), reason="needs ../shared")
def test_salaries_are_quoted_from_the_guide(catalog: Catalog) -> None:
    guide = (REFERENCE / "ml-career-guide.txt").read_text()
    for role in catalog.roles.values():
        for level in role.levels:
            band = level.salary
            assert band is not None, (role.id, level.id)
            assert band.source.startswith("ml-career-guide.txt"), (role.id, level.id)
            for quote in re.findall(r'"([^"]+)"', band.source):
                assert quote in guide, (role.id, level.id, quote)
            assert f"${band.min:,}" in guide, (role.id, level.id)
            if band.max is not None:
                assert f"${band.max:,}" in guide, (role.id, level.id)


def test_the_guide_figures_the_issue_names(catalog: Catalog) -> None:
    def band(role: str, level: str) -> tuple[int, int | None]:
        found = catalog.roles[role].level(level)
        assert found is not None and found.salary is not None
        return found.salary.min, found.salary.max

    assert band("ml-engineer", "mid") == (120_000, 200_000)
    assert band("data-scientist", "mid") == (95_000, 180_000)
    assert band("research-scientist", "mid") == (200_000, 400_000)
    assert band("head-of-ml", "lead") == (500_000, None)
    assert band("mlops-engineer", "entry") == (70_000, 95_000)
    assert band("mlops-engineer", "mid") == (120_000, 180_000)
    assert band("mlops-engineer", "senior") == (200_000, 350_000)


def test_levels_rise_like_real_ladders(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        assert role.moves or role.leadership, role.id
        for lower, higher in zip(role.levels, role.levels[1:], strict=False):
            assert lower.salary and higher.salary
            assert higher.salary.min >= lower.salary.min, role.id
            assert higher.years_min > lower.years_min, role.id
            low = {r.skill: r.level for r in lower.requirements}
            high = {r.skill: r.level for r in higher.requirements}
            raised = [s for s in high if high[s] > low.get(s, 0)]
            # Not +1 on everything: some skills rise, others stay.
            assert 0 < len(raised) < len(high), (role.id, higher.id)
            assert all(high.get(s, 0) >= level for s, level in low.items()
                       if s in high), (role.id, higher.id)
        for level in role.levels:
            weights = {r.weight for r in level.requirements}
            assert len(weights) > 1, (role.id, level.id)  # core skills weigh more


def test_leadership_and_architect_levels(catalog: Catalog) -> None:
    head = catalog.roles["head-of-ml"]
    assert head.leadership and [lv.id for lv in head.levels] == ["lead"]
    lead = head.levels[0]
    core = {r.skill for r in lead.requirements if r.weight >= 3}
    assert {"people-management", "technical-leadership", "communication"} <= core
    assert [lv.id for lv in catalog.roles["ai-architect"].levels] == ["senior"]


def test_seniors_gain_soft_skills(catalog: Catalog) -> None:
    for role_id in ["ml-engineer", "data-scientist", "cv-engineer", "nlp-specialist",
                    "mlops-engineer", "deep-learning-specialist", "applied-ml-engineer"]:
        role = catalog.roles[role_id]
        senior, mid = role.level("senior"), role.level("mid")
        assert senior and mid
        assert senior.requirement("technical-leadership") is not None, role_id
        assert mid.requirement("technical-leadership") is None, role_id
