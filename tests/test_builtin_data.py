"""The built-in data, checked in full: the heart of the product must be right."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from conftest import Run
from mlpath.catalog import builtin_yaml_files, parse_builtin
from mlpath.engine.assess import prerequisite_closure
from mlpath.model import READY_AT, Catalog, Level

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
LLM_ERA_SKILLS = ["llm-evaluation", "llm-fine-tuning", "large-scale-training", "time-series",
                  "causal-inference", "recommender-systems", "data-quality", "ml-security-privacy",
                  "ci-cd-iac", "ml-monitoring"]
ROLES = ["ml-engineer", "data-scientist", "research-scientist", "cv-engineer", "nlp-specialist",
         "mlops-engineer", "deep-learning-specialist", "applied-ml-engineer", "ai-architect",
         "head-of-ml", "ai-engineer"]
MILESTONES = ["supervised-project", "unsupervised-project", "end-to-end-project",
              "deployed-project", "kaggle-competition", "open-source-contribution", "blog-post",
              "publication", "cloud-certification", "degree-bachelor", "degree-master",
              "degree-phd", "cv-project", "nlp-llm-project", "led-project", "mentoring"]
IC_ROLES = ["ml-engineer", "data-scientist", "research-scientist", "cv-engineer", "nlp-specialist",
            "mlops-engineer", "deep-learning-specialist", "applied-ml-engineer", "ai-engineer"]


def test_the_yaml_shipped_in_the_package_is_valid() -> None:
    files, problems = parse_builtin(builtin_yaml_files())
    assert problems == []
    assert len(files) == 14  # eleven roles, skills, milestones and the alias table


def test_catalogue_has_every_required_id(catalog: Catalog) -> None:
    assert set(REQUIRED_SKILLS) | set(LLM_ERA_SKILLS) <= set(catalog.skills)
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
    """Never an invented link: each URL appears in career-facts.md, confirmed."""
    urls = {r.url for s in catalog.skills.values() for r in s.resources if r.url}
    urls |= {r.url for m in catalog.milestones.values() for r in m.resources if r.url}
    assert urls - _confirmed_links() == set()


def _confirmed_links() -> set[str]:
    """The links of career-facts.md §6 and §6b that carry no "(?)" mark."""
    facts = (REFERENCE / "career-facts.md").read_text()
    confirmed = set()
    for line in facts.splitlines():
        for match in re.finditer(r"(\(\?\) )?(https?://\S+?)(?=[\s,;)]|$)", line):
            if not match.group(1):
                confirmed.add(match.group(2))
    # §6b confirms links that §6 marked "(?)" (ESL, PRML, efficientml.ai)
    section = facts[facts.index("## 6b."):]
    confirmed |= {u.rstrip(".") for u in re.findall(r"https?://[^\s,;)]+", section)}
    return confirmed


@pytest.mark.skipif(not (REFERENCE / "career-facts.md").exists(), reason="needs ../shared")
def test_the_free_books_of_the_guide_are_linked(catalog: Catalog) -> None:
    """ESL and PRML are free from their authors (career-facts §6b): free, with the link."""
    books = {r.title: r for r in catalog.skills["ml-fundamentals"].resources}
    for prefix in ("The Elements of Statistical Learning", "Pattern Recognition"):
        found = [r for title, r in books.items() if title.startswith(prefix)]
        assert found and found[0].url in _confirmed_links() and found[0].cost == "free"


@pytest.mark.skipif(not (REFERENCE / "ml-career-guide.txt").exists(), reason="needs ../shared")
def test_salaries_are_quoted_from_the_guide_or_null_with_a_note(catalog: Catalog) -> None:
    guide = (REFERENCE / "ml-career-guide.txt").read_text()
    nulls = []
    for role in catalog.roles.values():
        for level in role.levels:
            band = level.salary
            if band is None:
                # no figure in the guide: say why, in a sentence that quotes it where it can
                assert level.salary_note and len(level.salary_note) > 40, (role.id, level.id)
                for quote in re.findall(r'"([^"]+)"', level.salary_note):
                    assert quote in guide, (role.id, level.id, quote)
                nulls.append(f"{role.id}:{level.id}")
                continue
            assert band.basis in ("role", "general"), (role.id, level.id)
            assert band.source.startswith("ml-career-guide.txt"), (role.id, level.id)
            quotes = re.findall(r'"([^"]+)"', band.source)
            assert quotes, (role.id, level.id)
            for quote in quotes:
                assert quote in guide, (role.id, level.id, quote)
            # the figures are in the quoted sentence itself, not elsewhere in the guide
            assert any(f"${band.min:,}" in q for q in quotes), (role.id, level.id)
            if band.max is not None:
                assert any(f"${band.max:,}" in q for q in quotes), (role.id, level.id)
            if band.basis == "role":  # the guide's figure for this very role
                assert _role_named(role.id, " ".join(quotes)), (role.id, level.id)
    # the guide has no figure for a research scientist starting out, nor a band for leaders
    assert nulls == ["head-of-ml:lead", "research-scientist:entry"]


def _role_named(role_id: str, quote: str) -> bool:
    names = {"ml-engineer": "machine learning engineer", "data-scientist": "$95,000 to $180,000",
             "research-scientist": "research scientists", "cv-engineer": "specialists",
             "nlp-specialist": "specialists", "deep-learning-specialist": "specialists"}
    return role_id in names and names[role_id] in quote.lower()


def test_the_guide_figures_the_issue_names(catalog: Catalog) -> None:
    def band(role: str, level: str) -> tuple[int, int | None, str]:
        found = catalog.roles[role].level(level)
        assert found is not None and found.salary is not None
        return found.salary.min, found.salary.max, found.salary.basis

    assert band("ml-engineer", "mid") == (120_000, 200_000, "role")
    assert band("data-scientist", "mid") == (95_000, 180_000, "role")
    assert band("research-scientist", "mid") == (200_000, 400_000, "role")
    assert band("mlops-engineer", "entry") == (70_000, 95_000, "general")
    assert band("mlops-engineer", "mid") == (120_000, 180_000, "general")
    assert band("mlops-engineer", "senior") == (200_000, 350_000, "general")
    assert band("ai-engineer", "mid") == (120_000, 180_000, "general")
    # "$500,000+" is what leaders "can command" at major companies: a ceiling, not a floor
    lead = catalog.roles["head-of-ml"].levels[0]
    assert lead.salary is None and lead.salary_note and "ceiling" in lead.salary_note


def test_levels_rise_like_real_ladders(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        assert role.moves or role.leadership, role.id
        bands = [lv.salary for lv in role.levels if lv.salary]
        for low_band, high_band in itertools.pairwise(bands):  # never falls
            assert high_band.min >= low_band.min, role.id
            assert high_band.max is None or (low_band.max is not None
                                             and high_band.max >= low_band.max), role.id
        for lower, higher in zip(role.levels, role.levels[1:], strict=False):
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


def test_mid_levels_mentor_and_seniors_lead(catalog: Catalog) -> None:
    """The guide: mid-career people "lead small teams, mentor junior staff"."""
    for role_id in IC_ROLES:
        role = catalog.roles[role_id]
        senior, mid = role.level("senior"), role.level("mid")
        assert senior and mid
        mentoring = mid.requirement("technical-leadership")
        assert mentoring is not None and mentoring.level == 2, role_id
        leading = senior.requirement("technical-leadership")
        assert leading is not None and leading.level >= 3, role_id
        communication = mid.requirement("communication")
        assert communication is not None and communication.level >= 3, role_id


def test_at_most_one_mastery_skill_per_level(catalog: Catalog) -> None:
    """Level 5 is individual mastery: a senior (or any) level asks it of one skill at most."""
    for role in catalog.roles.values():
        for level in role.levels:
            fives = [r.skill for r in level.requirements if r.level == 5]
            assert len(fives) <= 1, (role.id, level.id, fives)


def test_level_5_means_mastery_not_organisation_size(catalog: Catalog) -> None:
    for skill in catalog.skills.values():
        text = skill.rubric[5].lower()
        for scope in ("organisation", "organization", "across teams", "publishes",
                      "recognised authority"):
            assert scope not in text, (skill.id, skill.rubric[5])


def test_every_skill_has_a_checklist_for_levels_1_to_5(catalog: Catalog) -> None:
    for skill in catalog.skills.values():
        assert len(skill.checklist) == 5, skill.id
        for level, items in enumerate(skill.checklist, 1):
            assert 2 <= len(items) <= 4, (skill.id, level)
            assert len(set(items)) == len(items), (skill.id, level)
        everything = [item for items in skill.checklist for item in items]
        assert len(set(everything)) == len(everything), skill.id


def test_every_required_level_is_served_by_a_resource(catalog: Catalog) -> None:
    """A gap to level N always has a resource whose levels include N."""
    for role in catalog.roles.values():
        for level in role.levels:
            for req in level.requirements:
                resources = catalog.skills[req.skill].resources
                assert any(r.levels and r.levels[0] <= req.level <= r.levels[1]
                           for r in resources), (role.id, level.id, req.skill, req.level)


def test_no_retired_resources(catalog: Catalog) -> None:
    titles = " ".join(r.title for s in catalog.skills.values() for r in s.resources)
    titles += " ".join(r.title for m in catalog.milestones.values() for r in m.resources)
    for retired in ("Spinning Up", "Machine Learning - Specialty", "Text Generation Inference",
                    "quantisation and pruning recipes", "DP-100", "AI-102"):
        assert retired not in titles


def test_every_skill_is_used_by_some_role(catalog: Catalog) -> None:
    used = {r.skill for role in catalog.roles.values() for lv in role.levels
            for r in lv.requirements}
    assert set(catalog.skills) - used == set()


def test_llm_applications_come_after_engineering_not_nlp(catalog: Catalog) -> None:
    llm = catalog.skills["generative-ai-llm"]
    assert set(llm.prerequisites) == {"python", "software-engineering"}
    for role_id in ("ml-engineer", "ai-engineer", "ai-architect", "head-of-ml"):
        assert all(lv.requirement("generative-ai-llm") for lv in catalog.roles[role_id].levels
                   if lv.id != "entry"), role_id


def test_roles_are_distinct(catalog: Catalog) -> None:
    """Someone who exactly meets one role's level is below 85% on every other role's
    same level: no two roles are the same job under two names."""
    from mlpath.engine.assess import readiness

    by_level: dict[str, list[tuple[str, Level]]] = {}
    for role in catalog.roles.values():
        for level in role.levels:
            by_level.setdefault(level.id, []).append((role.id, level))
    pairs = 0
    for levels in by_level.values():
        for a, level_a in levels:
            exact = {r.skill: r.level for r in level_a.requirements}
            for b, level_b in levels:
                if a != b:
                    pairs += 1
                    assert readiness(level_b, exact) < READY_AT, (a, b, level_a.id)
    assert pairs > 100


def test_senior_levels_ask_for_professional_evidence(catalog: Catalog) -> None:
    hobby = {"supervised-project", "unsupervised-project", "end-to-end-project",
             "deployed-project", "kaggle-competition", "cv-project", "nlp-llm-project"}
    for role in catalog.roles.values():
        for level in role.levels:
            if level.id in ("senior", "lead"):
                assert not hobby & set(level.milestones_required), (role.id, level.id)
            required = set(level.milestones_required)
            # end-to-end-project includes deployment: never both
            assert not {"end-to-end-project", "deployed-project"} <= required, (role.id,
                                                                                level.id)


def test_the_guide_specialisation_advice_is_in_the_portfolio(catalog: Catalog) -> None:
    """"Computer vision aspirants should include image classification or object detection
    projects, while NLP specialists should showcase text analysis or language model
    applications" (the guide)."""
    cv = catalog.roles["cv-engineer"].level("entry")
    nlp = catalog.roles["nlp-specialist"].level("entry")
    assert cv and "cv-project" in cv.milestones_required
    assert nlp and "nlp-llm-project" in nlp.milestones_required


@pytest.mark.parametrize("have", [2, 3])
def test_a_senior_communication_gap_leads_with_writing_for_engineers(
        run: Run, workdir: Path, have: int) -> None:
    # A senior MLOps engineer needs communication 4: the levels climbed are about
    # persuading leaders and design documents, not drawing figures.
    (workdir / "me.yaml").write_text(f"target: mlops-engineer:senior\nskills:\n"
                                     f"  communication: {have}\n")
    result = run("assess", "-p", "me.yaml", "--json")
    assert result.code == 0, result
    gap = next(g for g in json.loads(result.stdout)["gaps"] if g["id"] == "communication")
    assert (gap["current"], gap["required"]) == (have, 4)
    assert gap["resources"][0]["url"] == "https://staffeng.com/", gap["resources"]
