"""Milestones: the portfolio, education and community steps beside the skills."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run
from mlpath.catalog import parse_target
from mlpath.engine.assess import assess
from mlpath.model import Catalog, Profile

GUIDE_IDS = {"supervised-project", "unsupervised-project", "end-to-end-project",
             "deployed-project", "kaggle-competition", "open-source-contribution", "blog-post",
             "publication", "cloud-certification", "degree-bachelor", "degree-master",
             "degree-phd"}


def test_the_catalogue_has_the_guide_milestones(run: Run) -> None:
    data = json.loads(run("milestones", "--json").stdout)
    assert {m["id"] for m in data} >= GUIDE_IDS
    for m in data:
        assert m["name"] and m["description"] and m["how"], m["id"]
    table = run("milestones")
    assert table.code == 0 and "end-to-end-project" in table.stdout


def test_every_skill_met_but_no_project_is_not_ready_for_ml_engineer(catalog: Catalog) -> None:
    role, level = parse_target(catalog, "ml-engineer:mid")
    assert level is not None
    everything = {req.skill: req.level for req in level.requirements}  # exactly the level
    report = assess(catalog=catalog, profile=Profile(everything, years_experience=4),
                    role=role, level=level)
    assert report.reached and report.readiness == 100.0  # the formula is unchanged
    step = report.next_step
    assert step.kind == "close-gaps"
    # the end-to-end project includes deployment, so it is not asked for twice
    assert step.blocking_milestones == ("end-to-end-project",)
    assert "the level asks for End-to-end project," in step.summary
    done = Profile(everything, years_experience=4, milestones=("end-to-end-project",))
    assert assess(catalog=catalog, profile=done, role=role, level=level).next_step.kind == (
        "level-up")


def test_research_scientists_need_publications(catalog: Catalog) -> None:
    for level in catalog.roles["research-scientist"].levels:
        assert "publication" in level.milestones_required
        assert "degree-phd" in level.milestones_recommended


def test_assess_json_lists_milestones_and_roles_show_lists_them(run: Run, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("skills: {python: 3}\ntarget: ml-engineer:entry\n"
                       "milestones: [end-to-end-project, deployd-project]\n")
    result = run("assess", "-p", str(profile), "--json")
    assert result.code == 0, result
    report = json.loads(result.stdout)
    rows = {m["id"]: m for m in report["milestones"]}
    assert rows["end-to-end-project"]["met"] and rows["end-to-end-project"]["required"]
    assert not rows["supervised-project"]["met"] and rows["supervised-project"]["required"]
    assert set(rows["kaggle-competition"]) == {"id", "name", "met", "required", "why", "how"}
    assert report["next_step"]["milestones"] == ["supervised-project"]
    assert (f"{profile}:3:34: unknown milestone 'deployd-project' is ignored (did you mean "
            "'deployed-project'?)") in report["warnings"]
    shown = json.loads(run("roles", "show", "ml-engineer", "--json").stdout)
    assert shown["levels"][1]["milestones"] == {
        "required": ["end-to-end-project"],
        "recommended": ["open-source-contribution", "blog-post", "cloud-certification",
                        "mentoring"]}
    table = run("assess", "-p", str(profile))
    assert "Milestones" in table.stdout and "✗ Supervised learning project" in table.stdout
