"""Advice a person can act on (issue 13), tested on the engine with hand-made catalogues:
prerequisites that really block, resources at the right level, not-rated skills,
best fits that respect years, and one scoring kernel."""

from __future__ import annotations

from mlpath.engine.assess import assess
from mlpath.engine.plan import make_plan
from mlpath.engine.prerequisites import blockers, needed_level
from mlpath.engine.scoring import best_fit, rank_roles, readiness
from mlpath.engine.team import Matcher, choose_target, summarize
from mlpath.model import (
    Catalog,
    Level,
    Milestone,
    Profile,
    Requirement,
    Resource,
    Role,
    SalaryBand,
    Skill,
)

INTRO = Resource("Intro", "https://intro.example/", "course", "free", 10, (1, 2))
DEEP = Resource("Deep", "https://deep.example/", "book", "paid", 40, (3, 4))
SHARED = Resource("Shared book", "https://shared.example/", "book", "free", 20, (1, 3))


def lv(lid: str, years: float, reqs: dict[str, tuple[int, float]],
       required: tuple[str, ...] = ()) -> Level:
    return Level(lid, f"{lid.title()} title", years, None, SalaryBand(1000, 2000, "test"),
                 tuple(Requirement(s, r, w) for s, (r, w) in sorted(reqs.items())),
                 milestones_required=required)


def make(roles: list[Role], skills: list[Skill]) -> Catalog:
    return Catalog({s.id: s for s in skills}, {r.id: r for r in roles},
                   {"project": Milestone("project", "A project", "p", "d", "build one")})


SKILLS = [
    Skill("cloud", "Cloud", "eng", "d", (), resources=(INTRO, DEEP)),
    Skill("ops", "Ops", "eng", "d", ("cloud",), resources=(INTRO, DEEP)),
    Skill("talk", "Talking", "soft", "d", (), resources=(SHARED,)),
    Skill("charts", "Charts", "soft", "d", (), resources=(SHARED,)),
    Skill("top", "Top", "eng", "d", (), resources=(INTRO,)),
]
ENG = Role("eng", "Engineer", "s", (), (), (
    lv("entry", 0, {"cloud": (2, 1), "ops": (2, 2), "talk": (2, 1)}),
    lv("mid", 3, {"cloud": (4, 1), "ops": (5, 2), "talk": (3, 3), "charts": (3, 1)}),
))
ARCH = Role("arch", "Architect", "s", (), (), (lv("senior", 8, {"top": (1, 1)}),))
CAT = make([ENG, ARCH], SKILLS)
MID = ENG.levels[1]


# --- finding 1: a prerequisite you already meet blocks nothing -------------------------

def test_a_met_prerequisite_blocks_neither_the_report_nor_the_plan() -> None:
    sam = Profile({"cloud": 4, "ops": 2, "talk": 3, "charts": 3})
    report = assess(catalog=CAT, profile=sam, role=ENG, level=MID)
    ops = next(g for g in report.gaps if g.id == "ops")
    assert ops.learn_first == ()  # cloud 4 >= min(5 - 1, 3)
    plan = make_plan(catalog=CAT, profile=sam, role=ENG, level=MID)
    assert plan.steps[0].skill == "ops"  # the top gap first, not cloud 4 -> 5


def test_a_prerequisite_below_the_needed_level_still_blocks() -> None:
    low = Profile({"cloud": 1, "ops": 2, "talk": 3, "charts": 3})
    assert needed_level(5) == 3 and needed_level(2) == 1 and needed_level(1) == 0
    assert blockers(CAT, "ops", 5, low.skills) == {"cloud": 3}
    report = assess(catalog=CAT, profile=low, role=ENG, level=MID)
    assert next(g for g in report.gaps if g.id == "ops").learn_first == ("cloud",)
    steps = [s.skill for s in make_plan(catalog=CAT, profile=low, role=ENG, level=MID).steps]
    assert steps.index("cloud") < steps.index("ops")


# --- finding 2: resources serve the levels being climbed, and may serve several gaps ---

def test_no_beginner_filler_for_an_advanced_climb() -> None:
    report = assess(catalog=CAT, profile=Profile({"cloud": 4, "ops": 4}), role=ENG, level=MID)
    ops = next(g for g in report.gaps if g.id == "ops")
    assert ops.resources == () and ops.uncovered == (5,)
    cloud = assess(catalog=CAT, profile=Profile({"cloud": 2}), role=ENG, level=MID).gaps
    climb = next(g for g in cloud if g.id == "cloud")
    assert [r.title for r in climb.resources] == ["Deep"] and climb.serves == ((3, 4),)


def test_a_resource_serving_two_gaps_is_listed_under_both() -> None:
    report = assess(catalog=CAT, profile=Profile({"cloud": 4, "ops": 5}), role=ENG, level=MID)
    by_id = {g.id: g for g in report.gaps}
    assert by_id["talk"].resources == by_id["charts"].resources == (SHARED,)
    assert by_id["talk"].also_for == (("charts",),)
    assert by_id["charts"].also_for == (("talk",),)


# --- finding 5: not rated is not zero knowledge ---------------------------------------

def test_unrated_skills_count_as_zero_but_do_not_lead_the_gaps() -> None:
    skipped = Profile({"cloud": 3, "ops": 3}, unrated=frozenset({"talk", "charts"}))
    zero = Profile({"cloud": 3, "ops": 3, "talk": 0, "charts": 0})
    report = assess(catalog=CAT, profile=skipped, role=ENG, level=MID)
    assert report.readiness == readiness(MID, zero.skills)  # still counted as 0
    assert report.unrated == ("charts", "talk")
    # talk (weight 3, gap 3) has the highest priority, yet rated gaps come first
    assert [g.id for g in report.gaps] == ["ops", "cloud", "talk", "charts"]
    assert [g.unrated for g in report.gaps] == [False, False, True, True]
    assert report.next_step.gaps[:2] == ("ops", "cloud")
    assert {r.id for r in report.skills if r.unrated} == {"talk", "charts"}


# --- finding 6: the best fit respects years, and needs something rated -----------------

def test_nothing_rated_has_no_best_fit() -> None:
    assert best_fit(CAT, {}, 0) is None
    assert best_fit(CAT, {"cloud": 0}, None) is None
    report = assess(catalog=CAT, profile=Profile({}))
    assert report.target_chosen == "none"


def test_a_role_needing_more_years_is_listed_but_never_the_best_fit() -> None:
    ratings = {"top": 1, "cloud": 1}  # 100% for the senior-only architect
    ranked = rank_roles(CAT, ratings, 0)
    # the architect is 100% ready, yet a role the years do not reach ranks last
    assert [(m.role, m.needs_years) for m in ranked] == [("eng", None), ("arch", 8)]
    fit = best_fit(CAT, ratings, 0)
    assert fit is not None and fit.role == "eng" and fit.level == "entry"
    assert best_fit(CAT, ratings, 9) is not None and best_fit(CAT, ratings, 9).role == "arch"  # type: ignore[union-attr]
    report = assess(catalog=CAT, profile=Profile(ratings, years_experience=0))
    assert report.target.role == "eng" and report.target_chosen == "best-fit"
    assert [(m.role, m.needs_years) for m in report.matches] == [("arch", 8)]


def test_unknown_years_and_a_named_level_compare_other_roles_at_that_rung() -> None:
    two = Role("two", "Two", "s", (), (), (lv("entry", 0, {"cloud": (1, 1)}),
                                            lv("mid", 3, {"cloud": (3, 1)})))
    cat = make([ENG, two], SKILLS)
    report = assess(catalog=cat, profile=Profile({"cloud": 1}), role=ENG, level=ENG.levels[0])
    assert [(m.role, m.level) for m in report.matches] == [("two", "entry")]


# --- one kernel: team agrees with assess and match ------------------------------------

def test_team_scores_through_the_same_kernel() -> None:
    people = [Profile({"cloud": c, "ops": o, "talk": t}, name=f"p{c}{o}{t}",
                      years_experience=y, source=f"p{c}{o}{t}")
              for c, o, t, y in [(1, 2, 3, 0), (4, 4, 1, 4), (0, 0, 0, 1), (5, 1, 2, None)]]
    matcher = Matcher(CAT)
    members = [matcher.member(p) for p in people]
    for level in ENG.levels:
        team = summarize(catalog=CAT, members=members, role=ENG, level=level, chosen="option")
        for person, row in zip(people, team.people, strict=True):
            alone = assess(catalog=CAT, profile=person, role=ENG, level=level)
            assert row.readiness == alone.readiness == readiness(level, person.skills)
            assert row.reached == alone.reached
    assert members[2].best_match == ""  # nothing rated: no best fit
    assert members[0].best_level == "entry"


def test_the_team_level_is_the_comparison_level_most_people_have() -> None:
    matcher = Matcher(CAT)
    juniors = [matcher.member(Profile({"cloud": 1}, years_experience=y)) for y in (0, 1, 5)]
    assert choose_target(CAT, juniors, ENG, None)[1].id == "entry"
    seniors = [matcher.member(Profile({"cloud": 1}, years_experience=y)) for y in (4, 5, 0)]
    assert choose_target(CAT, seniors, ENG, None)[1].id == "mid"


# --- small things -----------------------------------------------------------------------

def test_the_next_step_summary_leaves_the_salary_to_its_own_line() -> None:
    report = assess(catalog=CAT, profile=Profile({"cloud": 1}), role=ENG, level=MID)
    assert "$" not in report.next_step.summary and report.next_step.salary is not None


def test_the_header_does_not_say_ready_while_a_required_milestone_is_missing() -> None:
    from mlpath.render.advice import ready_verdict

    role = Role("m", "M", "s", (), (), (lv("mid", 0, {"cloud": (1, 1)}, ("project",)),))
    cat = make([role], SKILLS)
    without = assess(catalog=cat, profile=Profile({"cloud": 3}), role=role)
    assert without.reached and ready_verdict(without) == (
        "skills ready; 1 required milestone missing")
    done = assess(catalog=cat, profile=Profile({"cloud": 3}, milestones=("project",)), role=role)
    assert ready_verdict(done) == "ready"


# --- issue 13, wave 2: what a stranger still found -------------------------------------

FREE_A = Resource("Free A", "https://a.example/", "course", "free", 10, (2, 4))
FREE_B = Resource("Free B", "https://b.example/", "course", "free", 10, (1, 3))
DOCS_C = Resource("Docs C", "https://c.example/", "docs", "freemium", 5, (2, 3))
BOOK_D = Resource("Book D", "https://d.example/", "book", "paid", 30, (3, 5))


def test_the_listed_resources_cover_every_level_the_catalogue_can() -> None:
    from mlpath.engine.resources import pick_resources

    ops = Skill("ops", "Ops", "eng", "d", (), resources=(FREE_A, FREE_B, DOCS_C, BOOK_D))
    role = Role("o", "Ops", "s", (), (), (lv("senior", 0, {"ops": (5, 1)}),))
    report = assess(catalog=make([role], [ops]), profile=Profile({"ops": 2}), role=role)
    (gap,) = report.gaps
    # the only resource reaching level 5 is listed (free ones fill up the rest)
    assert gap.resources == (FREE_A, FREE_B, BOOK_D) and gap.uncovered == ()
    assert gap.serves == ((3, 4), (3,), (3, 4, 5))
    # a level nothing in the catalogue serves is uncovered, and only then
    assert pick_resources((FREE_B, DOCS_C), 1, 5) == (FREE_B, DOCS_C)
    short = Skill("ops", "Ops", "eng", "d", (), resources=(FREE_B, DOCS_C))
    gap2 = assess(catalog=make([role], [short]), profile=Profile({"ops": 1}), role=role).gaps[0]
    assert gap2.uncovered == (4, 5)
    # the cover may pass the limit rather than hide a level: one per level at most
    ones = tuple(Resource(f"R{n}", f"https://r{n}.example/", "course", "free", 1, (n, n))
                 for n in range(1, 6))
    assert pick_resources(ones, 0, 5, limit=3) == ones


def test_every_level_not_served_by_the_list_is_served_by_nothing() -> None:
    from itertools import combinations

    from mlpath.engine.resources import pick_resources, uncovered

    pool = (FREE_A, FREE_B, DOCS_C, BOOK_D, INTRO, DEEP, SHARED)
    for size in range(len(pool) + 1):
        for chosen in combinations(pool, size):
            for current in range(5):
                for required in range(current + 1, 6):
                    listed = pick_resources(chosen, current, required)
                    assert len(listed) <= max(3, required - current)
                    assert uncovered(listed, current, required) == uncovered(
                        chosen, current, required)


def test_the_next_step_names_no_unrated_skill_as_a_gap_to_close() -> None:
    everyone = frozenset({"cloud", "ops", "talk", "charts"})
    skipped = Profile({}, unrated=everyone)
    step = assess(catalog=CAT, profile=skipped, role=ENG, level=MID).next_step
    assert step.kind == "close-gaps" and step.gaps == ()
    assert step.unrated == ("charts", "cloud", "ops", "talk")
    assert "closing" not in step.summary
    assert not any(name in step.summary for name in ("Cloud", "Ops", "Talking", "Charts"))
    assert "4 of its skills are not rated" in step.summary
    some = Profile({"cloud": 1}, unrated=frozenset({"talk"}))
    step = assess(catalog=CAT, profile=some, role=ENG, level=MID).next_step
    assert "talk" not in step.gaps and step.gaps[0] == "ops" and step.unrated == ("talk",)
    assert "1 of its skills is not rated" in step.summary


def test_roles_the_years_reach_rank_before_roles_they_do_not() -> None:
    from mlpath.engine.whatif import what_if

    lead = Role("lead", "Lead", "s", (), (), (lv("senior", 8, {"cloud": (1, 1)}),))
    three = make([ENG, ARCH, lead], SKILLS)
    ranked = rank_roles(three, {"cloud": 1}, 2)
    # lead is 100% ready and arch 0%, but both need 8+ years: the reachable eng leads
    assert [(m.role, m.needs_years) for m in ranked] == [("eng", None), ("lead", 8),
                                                         ("arch", 8)]
    assert ranked[0].readiness < ranked[1].readiness
    report = assess(catalog=three, profile=Profile({"cloud": 1}, years_experience=2),
                    role=ARCH)
    assert [m.role for m in report.matches] == ["eng", "lead"]
    result = what_if(catalog=three, profile=Profile({"cloud": 1}, years_experience=2),
                     sets={"ops": 1})
    assert [s.role for s in result.roles] == ["eng", "lead", "arch"]


def test_a_level_up_says_when_the_years_are_short() -> None:
    ladder = Role("l", "Ladder", "s", (), (), (lv("mid", 2, {"cloud": (2, 1)}),
                                               lv("senior", 8, {"cloud": (4, 1)})))
    cat = make([ladder], SKILLS)
    step = assess(catalog=cat, profile=Profile({"cloud": 2}, years_experience=4),
                  role=ladder).next_step
    assert step.kind == "level-up" and step.level == "senior" and step.needs_years == 8
    assert "needs 8+ years, you have 4" in step.summary
    enough = assess(catalog=cat, profile=Profile({"cloud": 2}, years_experience=9),
                    role=ladder, level=ladder.levels[0]).next_step
    assert enough.needs_years is None and "years" not in enough.summary


def test_matches_list_the_required_milestones_the_person_lacks() -> None:
    from mlpath.render.markdown import render_report

    research = Role("res", "Research", "s", (), (),
                    (lv("senior", 0, {"cloud": (1, 1)}, ("project",)),))
    cat = make([ENG, research], SKILLS)
    report = assess(catalog=cat, profile=Profile({"cloud": 4}), role=ENG, level=MID)
    (res,) = report.matches
    assert res.missing_milestones == ("project",) and res.readiness == 100.0
    assert "| Research · needs A project |" in render_report(report)
    done = assess(catalog=cat, profile=Profile({"cloud": 4}, milestones=("project",)),
                  role=ENG, level=MID)
    assert done.matches[0].missing_milestones == ()
    assert rank_roles(cat, {"cloud": 4}, None)[0].missing_milestones == ()  # not asked


def test_a_skill_ready_level_missing_a_milestone_is_not_skipped_by_level_up() -> None:
    ladder = Role("l", "Ladder", "s", (), ("eng",), (
        lv("mid", 0, {"cloud": (1, 1)}), lv("senior", 0, {"cloud": (2, 1)}, ("project",))))
    cat = make([ladder, ENG], SKILLS)
    step = assess(catalog=cat, profile=Profile({"cloud": 3}), role=ladder,
                  level=ladder.levels[0]).next_step
    assert step.kind == "level-up" and step.level == "senior"
    assert step.blocking_milestones == ("project",) and "asks for A project" in step.summary
    assert "top level" not in step.summary


def test_sentences_print_readiness_with_one_decimal_and_read_well() -> None:
    step = assess(catalog=CAT, profile=Profile({"ops": 5, "cloud": 3}), role=ENG,
                  level=MID).next_step
    assert step.readiness == 50.0 and "You are 50.0% ready" in step.summary
    top = Role("t", "Top", "s", (), ("eng",), (lv("mid", 0, {"cloud": (1, 1)}),))
    cat = make([top, ENG], SKILLS)
    lateral = assess(catalog=cat, profile=Profile({"cloud": 2}, years_experience=1),
                     role=top).next_step
    assert lateral.kind == "lateral"
    assert "(100.0%); your best move is to Entry title, where you are 25.0% ready" in (
        lateral.summary)


def test_the_header_names_a_title_once_when_it_equals_the_role_name() -> None:
    import io

    from mlpath.render.console import make_console
    from mlpath.render.html import report_html as html_report
    from mlpath.render.markdown import render_report as md_report
    from mlpath.render.table import render_report as table_report

    same = Level("mid", "Data Scientist", 0, None, None, (Requirement("cloud", 1, 1),))
    role = Role("ds", "Data Scientist", "s", (), (), (same,))
    report = assess(catalog=make([role], SKILLS), profile=Profile({"cloud": 1}), role=role)
    assert "Data Scientist (`ds:mid`)" in md_report(report)
    assert "Data Scientist · mid" in html_report(report)
    assert "Data Scientist · Data Scientist" not in html_report(report)
    console = make_console(width=100, record=True, file=io.StringIO())
    table_report(report, console, skill_names={})
    text = console.export_text()
    assert "Data Scientist · mid" in text and "Data Scientist · Data Scientist" not in text
