"""Quality of the answers: realistic people land where a practitioner would put them."""

from __future__ import annotations

import pytest

from conftest import DATA
from mlpath.catalog import parse_target
from mlpath.engine.assess import assess, rank_roles
from mlpath.model import Catalog
from mlpath.profile import load_profile

EXPECTED_FIRST = {
    "phd-researcher": "research-scientist",
    "platform-engineer": "mlops-engineer",
    "analyst": "data-scientist",
    "backend-engineer": "ml-engineer",
    "manager": "head-of-ml",
    "career-changer": "data-scientist",
    "cv-practitioner": "cv-engineer",
    "llm-engineer": "nlp-specialist",
    "architect": "ai-architect",
    "deep-learning-tinkerer": "deep-learning-specialist",
    "applied-scientist": "applied-ml-engineer",
}


@pytest.mark.parametrize("persona", sorted(EXPECTED_FIRST))
def test_match_puts_the_expected_role_first(persona: str, catalog: Catalog) -> None:
    profile = load_profile(str(DATA / "personas" / f"{persona}.yaml"), catalog)
    ranked = rank_roles(catalog, profile.skills, profile.years_experience)
    assert ranked[0].role == EXPECTED_FIRST[persona], ranked[:3]
    assert profile.warnings == ()


def test_readiness_equals_the_formula_by_hand(catalog: Catalog) -> None:
    """Ben at ml-engineer:mid, summed by hand from roles/ml-engineer.yaml (see the README).

    have: python 3x4 + software-engineering 3x4 + ml-fundamentals 3x2 + model-deployment 3x3
          + feature-engineering 2x2 + model-evaluation 2x2 + scikit-learn 1x2
          + probability-statistics 1x2 + git 1x3 + sql 1x3 + docker 1x3 + cloud 2x3
          + distributed-systems 1x3 + kubernetes 1x2 = 71
    need: 4 x 12 (core, weight 3 at level 4) + 8 + 6 + 3 + 3 + 3 + 3 + 6 + 6 + 3 + 6 + 2
          + 6 + 3 + 2 = 108
    """
    profile = load_profile(str(DATA / "personas" / "backend-engineer.yaml"), catalog)
    role, level = parse_target(catalog, "ml-engineer:mid")
    report = assess(catalog=catalog, profile=profile, role=role, level=level)
    assert sum(s.contribution for s in report.skills) == 71
    assert sum(s.possible for s in report.skills) == 108
    assert report.readiness == 65.7  # 100 x 71 / 108 = 65.74...
    assert [g.id for g in report.gaps[:3]] == ["ml-fundamentals", "deep-learning", "mlops"]


def test_the_phd_is_told_about_engineering_not_research(catalog: Catalog) -> None:
    profile = load_profile(str(DATA / "personas" / "phd-researcher.yaml"), catalog)
    role, _ = parse_target(catalog, "ml-engineer")
    report = assess(catalog=catalog, profile=profile, role=role)
    assert report.target.level == "entry"
    gap_categories = {catalog.skills[g.id].category for g in report.gaps}
    assert "math" not in gap_categories
    assert {"software-engineering", "model-deployment"} <= {g.id for g in report.gaps}
