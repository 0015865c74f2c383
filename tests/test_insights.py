"""The insight computations ("Derived facts" in entry-format.md), on a log with known answers.

The log is tests/insight_log.py: entry files written to a folder and loaded as the site loads
them, "today" pinned to 2026-11-26. Each test asserts the exact figure worked out by hand there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from insight_log import (
    ALIASES,
    F1,
    F2,
    F3,
    F4,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
    REJECTIONS,
    SETTINGS,
    STAGES,
    by_id,
    load_entries,
    write_entries,
)

from generator.insights import analysis as insights
from generator.insights.feedback import feedback_report
from generator.insights.interviews import practice_report
from generator.insights.lessons import lessons_report
from generator.insights.reports import reports
from generator.insights.skills import skills_report
from generator.insights.tracks import Track, tracks_report
from generator.model import Gap, Progress, Reflection, Rejection
from generator.site.emails import email_for, follow_up_email, request_email


def ids(entries) -> list[str]:
    return [entry.id for entry in entries]


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    return load_entries(write_entries(tmp_path_factory.mktemp("insight-log") / "entries"))


@pytest.fixture(scope="module")
def entry(log):
    return by_id(log)


@pytest.fixture(scope="module")
def analysis(log):
    return insights.analyse(log, SETTINGS)


@pytest.fixture(scope="module")
def skills(log):
    return skills_report(log, ALIASES)


@pytest.fixture(scope="module")
def gap(skills):
    return {g.name: g for g in skills.gaps}


@pytest.fixture(scope="module")
def feedback(analysis):
    return feedback_report(analysis)


@pytest.fixture(scope="module")
def practice(analysis):
    return practice_report(analysis)


@pytest.fixture(scope="module")
def track(analysis):
    return {t.name: t for t in tracks_report(analysis, ALIASES)}


@pytest.fixture(scope="module")
def lessons(log):
    return lessons_report(log)


# --------------------------------------------------------------------------------------------
# Skills gap
# --------------------------------------------------------------------------------------------


def test_each_skill_appears_once_under_the_spelling_used_most(skills):
    assert sorted(g.name for g in skills.gaps) == sorted(
        [
            "A/B testing",
            "Airflow",
            "SQL",
            "SQL window functions",
            "Tableau",
            "data modelling",
            "dbt",
            "pandas",
        ]
    )


def test_spellings_differing_only_in_case_and_white_space_are_one_skill(gap):
    # "sql  Window Functions" (R1), "SQL WINDOW functions" (R3), "SQL window functions" (others).
    assert ids(gap["SQL window functions"].rejections) == [R1, R3, R5, R7, R10]


def test_the_most_used_spelling_wins_over_the_first_one_seen(gap):
    first = gap["SQL window functions"].citations[0].gap.skill
    assert first == "sql  Window Functions"
    assert gap["SQL window functions"].name == "SQL window functions"


def test_aliases_merge_synonyms_under_the_alias_target(gap):
    # "postgres" (R3), "SQL" (R5), "PostgreSQL" (R7).
    assert ids(gap["SQL"].rejections) == [R3, R5, R7]
    assert [c.gap.skill for c in gap["SQL"].citations] == ["postgres", "SQL", "PostgreSQL"]


def test_alias_keys_match_with_case_and_white_space_folded(log):
    report = skills_report(log, {"  POSTGRES ": "SQL", "postgresql": "SQL"})
    sql = next(g for g in report.gaps if g.name == "SQL")
    assert ids(sql.rejections) == [R3, R5, R7]


def test_without_aliases_synonyms_stay_apart(log):
    names = {g.name for g in skills_report(log).gaps}
    assert {"postgres", "SQL", "PostgreSQL"} <= names


def test_each_skill_counts_the_rejections_citing_it(gap):
    assert {name: len(g.rejections) for name, g in gap.items()} == {
        "SQL window functions": 5,
        "SQL": 3,
        "Tableau": 2,
        "A/B testing": 2,
        "dbt": 1,
        "data modelling": 1,
        "Airflow": 1,
        "pandas": 1,
    }


def test_a_skill_has_the_highest_severity_any_citation_gave_it(gap):
    assert {name: g.severity for name, g in gap.items()} == {
        "SQL window functions": "high",  # medium, high, medium, low, medium
        "SQL": "medium",  # medium, low, low
        "Tableau": "high",  # medium (default), high
        "A/B testing": "medium",
        "dbt": "high",
        "data modelling": "medium",
        "Airflow": "medium",
        "pandas": "low",
    }


def test_a_skill_is_first_and_last_seen_on_its_oldest_and_newest_citation(gap):
    d = dt.date
    assert {name: (g.first_seen, g.last_seen) for name, g in gap.items()} == {
        "SQL window functions": (d(2026, 3, 10), d(2026, 11, 10)),
        "SQL": (d(2026, 5, 14), d(2026, 10, 27)),
        "Tableau": (d(2026, 5, 14), d(2026, 10, 27)),
        "A/B testing": (d(2026, 6, 9), d(2026, 11, 22)),
        "dbt": (d(2026, 4, 22), d(2026, 4, 22)),
        "data modelling": (d(2026, 11, 5), d(2026, 11, 5)),
        "Airflow": (d(2026, 10, 5), d(2026, 10, 5)),
        "pandas": (d(2026, 3, 10), d(2026, 3, 10)),
    }


def test_gap_status_is_the_latest_progress_or_open(gap):
    assert {name: g.status for name, g in gap.items()} == {
        "SQL window functions": "learning",
        "SQL": "open",
        "Tableau": "recurring",
        "A/B testing": "open",
        "dbt": "open",
        "data modelling": "open",
        "Airflow": "open",
        "pandas": "closed",
    }


def test_a_skill_cited_after_it_was_closed_is_recurring(gap):
    tableau = gap["Tableau"]
    assert tableau.closed_on == dt.date(2026, 8, 24)
    assert tableau.last_seen == dt.date(2026, 10, 27)
    assert tableau.status == "recurring"


def test_a_closed_skill_not_cited_again_stays_closed(gap):
    assert gap["pandas"].closed_on == dt.date(2026, 8, 24)
    assert gap["pandas"].last_seen == dt.date(2026, 3, 10)
    assert gap["pandas"].status == "closed"


def test_gaps_are_ordered_most_pressing_first(skills):
    # Recurring; then open or learning by rejections, severity, most recently seen; then closed.
    assert [g.name for g in skills.gaps] == [
        "Tableau",
        "SQL window functions",
        "SQL",
        "A/B testing",
        "dbt",
        "data modelling",
        "Airflow",
        "pandas",
    ]


def test_the_latest_plan_comes_from_the_newest_citation_that_has_one(gap):
    assert gap["SQL window functions"].latest_plan == "window function drills at weekends"
    assert gap["Tableau"].latest_plan is None


def test_a_gaps_story_lists_citations_and_progress_oldest_first(gap):
    story = [(day, what, e.id) for day, what, e, _ in gap["Tableau"].lifecycle()]
    assert story == [
        (dt.date(2026, 5, 14), "cited", R3),
        (dt.date(2026, 8, 24), "closed", F2),
        (dt.date(2026, 10, 27), "cited", R7),
    ]


def test_a_gap_names_the_tracks_of_the_rejections_citing_it(skills, gap):
    assert gap["SQL window functions"].tracks(skills.tracks) == ["data analysis"]
    assert gap["A/B testing"].tracks(skills.tracks) == ["Product Analyst"]


def test_strengths_are_counted_once_per_entry_with_case_and_space_folded(skills):
    assert [(s.name, len(s.entries)) for s in skills.strengths] == [
        ("stakeholder communication", 5),
        ("clear writing", 2),
        ("curiosity", 1),
    ]


def test_a_strength_links_every_entry_that_cites_it(skills):
    assert ids(skills.strengths[0].entries) == [R1, R3, R4, R5, R7]
    assert ids(skills.strengths[1].entries) == [R4, F1]


# --------------------------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------------------------


def test_feedback_status_of_each_rejection(entry):
    assert {r: insights.feedback_status(entry[r]) for r in REJECTIONS} == {
        R1: "received",
        R2: "declined",
        R3: "not asked",
        R4: "received",
        R5: "received",
        R6: "pending",
        R7: "pending",
        R8: "not requested",
        R10: "not requested",  # a feedback block without `requested`
        R9: "not requested",
    }


def test_feedback_report_groups_rejections_by_status_oldest_first(feedback):
    assert {status: ids(items) for status, items in feedback.by_status.items()} == {
        "not requested": [R8, R10, R9],
        "pending": [R6, R7],
        "received": [R1, R4, R5],
        "declined": [R2],
        "no answer": [],
        "not asked": [R3],
    }


def test_unrequested_feedback_is_overdue_after_more_than_due_days_oldest_first(feedback):
    assert [(w.rejection.id, w.days) for w in feedback.overdue] == [(R8, 21), (R10, 16)]


def test_a_recent_unrequested_rejection_is_not_yet_overdue(entry):
    assert insights.days_since(entry[R9].date, SETTINGS.today) == 4
    assert not insights.is_overdue(entry[R9], SETTINGS)


@pytest.mark.parametrize(("days", "overdue"), [(7, False), (8, True)])
def test_overdue_means_more_than_feedback_due_days(entry, days, overdue):
    rejection = dataclasses.replace(entry[R9], date=SETTINGS.today - dt.timedelta(days=days))
    assert insights.is_overdue(rejection, SETTINGS) is overdue


def test_requested_or_not_asked_feedback_is_never_overdue(entry):
    assert not any(insights.is_overdue(entry[r], SETTINGS) for r in (R1, R2, R3, R6))


def test_a_pending_request_is_to_chase_after_more_than_follow_up_days(feedback):
    assert [(w.rejection.id, w.days) for w in feedback.to_chase] == [(R6, 51)]


def test_a_recent_pending_request_is_not_yet_to_chase(entry):
    assert insights.days_since(entry[R7].feedback.requested, SETTINGS.today) == 6
    assert not insights.is_to_chase(entry[R7], SETTINGS)


@pytest.mark.parametrize(("days", "chase"), [(10, False), (11, True)])
def test_to_chase_means_pending_for_more_than_follow_up_days(entry, days, chase):
    asked = SETTINGS.today - dt.timedelta(days=days)
    rejection = dataclasses.replace(
        entry[R7], feedback=dataclasses.replace(entry[R7].feedback, requested=asked)
    )
    assert insights.is_to_chase(rejection, SETTINGS) is chase


def test_answered_or_declined_requests_are_never_to_chase(entry):
    assert not any(insights.is_to_chase(entry[r], SETTINGS) for r in (R1, R2, R4, R5))


def test_requests_are_pending_received_or_declined(feedback):
    assert sorted(ids(feedback.requested)) == sorted([R1, R2, R4, R5, R6, R7])
    assert ids(feedback.received) == [R1, R4, R5]


def test_response_rate_is_answers_received_of_requests_made(feedback):
    assert feedback.response_rate == 0.5


def test_promptness_is_days_from_the_answer_to_asking(feedback):
    assert [(w.rejection.id, w.days) for w in feedback.promptness] == [
        (R1, 2),
        (R2, 3),
        (R4, 1),
        (R5, 5),
        (R6, 1),
        (R7, 24),
    ]


def test_median_promptness(feedback):
    assert feedback.median_promptness == 2.5  # 1, 1, 2, 3, 5, 24


# --------------------------------------------------------------------------------------------
# Email drafts
# --------------------------------------------------------------------------------------------


def test_a_request_email_names_the_role_and_the_company(entry):
    mail = request_email(entry[R8])
    assert "Analytics Engineer" in mail.subject
    assert "the Analytics Engineer role at Tidewell Energy" in mail.body


def test_a_request_email_thanks_them_and_asks_what_to_do_differently(entry):
    body = request_email(entry[R8]).body
    assert body.startswith("Hello,\n\nThank you for letting me know")
    assert "the time you and the team gave me" in body
    assert "anything I could have done differently" in body


def test_a_request_email_greets_the_person_feedback_would_come_from(entry):
    assert request_email(entry[R10]).body.startswith("Dear Sam Reyes,\n\n")


def test_a_follow_up_email_names_role_company_and_the_day_you_asked(entry):
    mail = follow_up_email(entry[R6])
    assert mail.subject == "Following up: feedback on the Analytics Engineer role"
    assert mail.body.startswith("Dear Dana,\n\n")
    assert "I wrote on 6 October to ask for feedback" in mail.body
    assert "the Analytics Engineer role at Quarry Labs" in mail.body


def test_a_follow_up_email_thanks_them_and_asks_what_to_do_differently(entry):
    body = follow_up_email(entry[R6]).body
    assert "Thank you for your time." in body
    assert "what I could do differently" in body


def test_the_follow_up_differs_from_the_request(entry):
    request, follow_up = request_email(entry[R6]), follow_up_email(entry[R6])
    assert request.subject != follow_up.subject
    assert request.body != follow_up.body


def test_the_draft_for_a_pending_request_is_the_follow_up(entry):
    assert email_for(entry[R6]) == follow_up_email(entry[R6])


def test_the_draft_for_an_unrequested_rejection_is_the_request(entry):
    assert email_for(entry[R8]) == request_email(entry[R8])
    assert email_for(entry[R10]) == request_email(entry[R10])


# --------------------------------------------------------------------------------------------
# Interviews as practice
# --------------------------------------------------------------------------------------------


def test_interviews_attended_per_rejection(entry):
    assert {r: insights.interviews_attended(entry[r], STAGES) for r in REJECTIONS} == {
        R1: 2,  # applied, screen, phone
        R2: 2,  # screen, technical
        R3: 1,  # no process, stage onsite
        R4: 2,  # screen, take-home
        R5: 3,  # screen, technical, final
        R6: 1,  # applied, screen
        R7: 2,  # phone, technical
        R8: 0,  # no process, stage applied (the default)
        R10: 1,  # screen
        R9: 1,  # no process, stage phone
    }


def test_an_applied_step_is_no_interview(entry):
    assert insights.interviews_attended(entry[R6], STAGES) == 1


def test_a_rejection_without_process_but_beyond_applied_counts_as_one_interview(entry):
    assert insights.interviews_attended(entry[R3], STAGES) == 1  # onsite
    assert insights.interviews_attended(entry[R8], STAGES) == 0  # applied


def test_interviews_attended_over_all_rejections(practice):
    assert practice.interviews == 15
    assert ids(practice.interviewed) == [R1, R2, R3, R4, R5, R6, R7, R10, R9]


def test_stage_reached_is_the_furthest_of_stage_and_process(entry):
    assert {r: insights.stage_reached(entry[r], STAGES) for r in REJECTIONS} == {
        R1: "phone",
        R2: "technical",
        R3: "onsite",
        R4: "take-home",
        R5: "final",
        R6: "screen",
        R7: "technical",
        R8: "applied",
        R10: "screen",  # no `stage:`, but a screen in its process
        R9: "phone",
    }


def test_funnel_counts_rejections_that_reached_at_least_each_stage(practice):
    assert [(step.stage, len(step.reached)) for step in practice.funnel] == [
        ("applied", 10),
        ("screen", 9),
        ("phone", 7),
        ("technical", 5),
        ("take-home", 3),
        ("onsite", 2),
        ("final", 1),
        ("offer", 0),
    ]


def test_a_rejection_at_final_counts_in_every_earlier_step(practice):
    assert [step.stage for step in practice.funnel if R5 in ids(step.reached)] == [
        "applied",
        "screen",
        "phone",
        "technical",
        "take-home",
        "onsite",
        "final",
    ]


def test_funnel_names_the_rejections_whose_furthest_stage_each_one_was(practice):
    assert {step.stage: ids(step.ended) for step in practice.funnel} == {
        "applied": [R8],
        "screen": [R6, R10],
        "phone": [R1, R9],
        "technical": [R2, R7],
        "take-home": [R4],
        "onsite": [R3],
        "final": [R5],
        "offer": [],
    }


def test_stage_guides_count_each_interview_at_that_stage(practice):
    assert {g.stage: (g.times, ids(g.entries)) for g in practice.guides} == {
        "screen": (6, [R1, R2, R4, R5, R6, R10]),
        "phone": (3, [R1, R7, R9]),
        "technical": (3, [R2, R5, R7]),
        "take-home": (1, [R4]),
        "onsite": (1, [R3]),
        "final": (1, [R5]),
    }


def test_stage_guides_count_formats_with_white_space_folded(practice):
    assert {g.stage: dict(g.formats) for g in practice.guides} == {
        "screen": {"recruiter call": 5, "video screen": 1},
        "phone": {"hiring manager call": 2},
        "technical": {"live coding": 2, "SQL quiz": 1},
        "take-home": {"take-home case study": 1},
        "onsite": {},
        "final": {"panel of 3": 1},
    }


def test_stage_guides_hold_the_lessons_of_processes_that_ended_there(practice):
    assert {g.stage: [(text, r.id) for text, r in g.lessons] for g in practice.guides} == {
        "screen": [],
        "phone": [("Practise live coding out loud.", R1)],
        "technical": [
            ("practise live coding  out loud.", R2),
            ("Ask about the first 90 days in the role.", R7),
        ],
        "take-home": [("Timebox the take-home to the hours they suggest.", R4)],
        "onsite": [("Ask about the first 90 days in the role.", R3)],
        "final": [("PRACTISE LIVE CODING OUT LOUD.", R5)],
    }


def test_progress_trend_compares_earlier_and_later_halves(practice):
    # Stage numbers (1-based), oldest first: 3 4 6 5 7 | 2 4 1 2 3.
    assert practice.trend() == (5.0, 2.4)
    assert practice.trend().direction == "shorter"


# --------------------------------------------------------------------------------------------
# Tracks: persist or pivot
# --------------------------------------------------------------------------------------------


def test_tracks_fold_names_and_come_most_rejections_first(log):
    tracks = tracks_report(insights.analyse(log, SETTINGS), ALIASES)
    assert [(t.name, ids(t.rejections)) for t in tracks] == [
        ("data analysis", [R1, R3, R5, R7, R10]),  # "Data  Analysis" in R3
        ("analytics engineering", [R2, R6, R8]),  # "Analytics Engineering" in R8
        ("Product Analyst", [R4, R9]),  # no `track:`: the role
    ]


def test_a_tracks_furthest_stage_links_the_rejection_that_got_there(track):
    assert {name: (t.furthest, t.furthest_entry.id) for name, t in track.items()} == {
        "data analysis": ("final", R5),
        "analytics engineering": ("technical", R2),
        "Product Analyst": ("take-home", R4),
    }


def test_a_tracks_recurring_gaps_are_skills_cited_by_two_or_more_of_its_rejections(track):
    assert {
        name: [(g.name, ids(g.entries)) for g in t.recurring_gaps] for name, t in track.items()
    } == {
        "data analysis": [
            ("SQL window functions", [R1, R3, R5, R7, R10]),
            ("SQL", [R3, R5, R7]),
            ("Tableau", [R3, R7]),
        ],
        "analytics engineering": [],
        "Product Analyst": [("A/B testing", [R4, R9])],
    }


def test_a_tracks_strengths_are_most_cited_first(track):
    assert {name: [(s.name, len(s.entries)) for s in t.strengths] for name, t in track.items()} == {
        "data analysis": [("stakeholder communication", 4)],
        "analytics engineering": [("curiosity", 1)],
        "Product Analyst": [("clear writing", 1), ("stakeholder communication", 1)],
    }


def test_a_tracks_latest_decision_matches_the_track_name_folded(track):
    latest = {name: t.latest_decision and t.latest_decision.id for name, t in track.items()}
    assert latest == {"data analysis": F4, "analytics engineering": F3, "Product Analyst": None}
    assert ids(track["data analysis"].decisions) == [F1, F4]


def test_only_a_track_with_three_rejections_sharing_a_skill_gets_the_insight(track):
    assert {name: [g.name for g in t.insight_gaps] for name, t in track.items()} == {
        "data analysis": ["SQL window functions", "SQL"],
        "analytics engineering": [],  # three rejections, no skill in common
        "Product Analyst": [],  # a shared skill, but only two rejections
    }


def _sql_track(*reflections: Reflection) -> Track:
    """A track whose three rejections all cite SQL, with the given reflections."""
    rejected = [
        Rejection(f"r{n}", f"r{n}.md", dt.date(2026, 3, n), track="BI", gaps=(Gap("sql"),))
        for n in (1, 2, 3)
    ]
    (found,) = tracks_report(insights.analyse([*rejected, *reflections], SETTINGS))
    return found


def _reflection(day: int, **fields: object) -> Reflection:
    return Reflection(f"f{day}", f"f{day}.md", dt.date(2026, 4, day), **fields)  # type: ignore[arg-type]


def test_a_track_with_no_decision_and_no_learning_asks_both_questions():
    track = _sql_track()
    assert track.decision_open and [g.name for g in track.gaps_to_decide] == ["sql"]
    assert track.open_questions


def test_an_undecided_reflection_leaves_the_track_question_open():
    assert _sql_track(_reflection(1, track="BI", decision="undecided")).decision_open


def test_a_skill_marked_learning_is_no_longer_asked_about():
    track = _sql_track(_reflection(1, progress=(Progress("SQL", "learning"),)))
    assert track.gaps_to_decide == []
    assert [(g.name, status) for g, status in track.gaps_in_hand] == [("sql", "learning")]


def test_persisting_and_learning_leave_nothing_open():
    track = _sql_track(
        _reflection(1, track="bi", decision="persist", progress=(Progress("sql", "learning"),))
    )
    assert not track.decision_open and not track.open_questions


def test_after_a_pivot_the_track_asks_nothing():
    track = _sql_track(_reflection(1, track="BI", decision="pivot"))
    assert track.gaps_to_decide == [] and not track.open_questions


# --------------------------------------------------------------------------------------------
# Lessons
# --------------------------------------------------------------------------------------------


def test_every_lesson_is_listed_newest_entry_first(lessons):
    assert [(lesson.text, lesson.entry.id) for lesson in lessons.lessons] == [
        ("Ask about the first 90 days in the role.", R7),
        ("PRACTISE LIVE CODING OUT LOUD.", R5),
        ("Practise live coding out loud.", F1),
        ("Timebox the take-home to the hours they suggest.", R4),
        ("Ask about the first 90 days in the role.", R3),
        ("practise live coding  out loud.", R2),
        ("Practise live coding out loud.", R1),
    ]


def test_a_lesson_written_again_in_other_case_or_spacing_is_grouped_with_a_count(lessons):
    assert [(r.text, ids(r.entries)) for r in lessons.repeated] == [
        ("Practise live coding out loud.", [R5, F1, R2, R1]),
        ("Ask about the first 90 days in the role.", [R7, R3]),
    ]


# --------------------------------------------------------------------------------------------
# Dashboard headline
# --------------------------------------------------------------------------------------------


def test_headline_figures(log):
    head = reports(log, SETTINGS).headline
    assert len(head.rejections) == 10
    assert len(head.reflections) == 4
    assert head.interviews == 15
    assert len(head.interviewed) == 9
    assert sorted(ids(head.feedback_requested)) == sorted([R1, R2, R4, R5, R6, R7])
    assert sorted(ids(head.feedback_received)) == sorted([R1, R4, R5])
    assert sorted(ids(head.overdue)) == sorted([R8, R10])
    assert ids(head.to_chase) == [R6]


def test_the_headline_reads_the_feedback_and_interview_reports_instead_of_recounting(log):
    found = reports(log, SETTINGS)
    head = found.headline
    assert head.interviewed is found.practice.interviewed
    assert head.feedback_requested is found.feedback.requested
    assert head.overdue == tuple(w.rejection for w in found.feedback.overdue)
    assert head.finals is found.practice.finals


# --------------------------------------------------------------------------------------------
# One analysis: each rejection's facts, computed once
# --------------------------------------------------------------------------------------------


def test_each_rejections_facts_are_computed_once_in_date_order(analysis, log):
    assert [f.rejection.id for f in analysis.in_order()] == [
        R1,
        R2,
        R3,
        R4,
        R5,
        R6,
        R7,
        R8,
        R10,
        R9,
    ]
    assert analysis.of(by_id(log)[R5]) is analysis.facts[R5]


def test_a_rejections_stage_number_is_its_position_among_the_stages(analysis, entry):
    assert [analysis.of(entry[r]).stage_number for r in (R5, R8)] == [
        STAGES.index("final") + 1,
        STAGES.index(insights.stage_reached(entry[R8], STAGES)) + 1,
    ]


def test_the_facts_say_how_long_a_rejection_has_waited_for_what(analysis):
    assert (analysis.facts[R8].overdue, analysis.facts[R8].days_waiting) == (True, 21)
    assert (analysis.facts[R6].to_chase, analysis.facts[R6].days_waiting) == (True, 51)
    assert analysis.facts[R6].asked_after == 1
    assert analysis.facts[R8].asked_after is None


def test_the_facts_agree_with_the_one_entry_functions(analysis, entry):
    for rejection_id in REJECTIONS:
        facts, rejection = analysis.facts[rejection_id], entry[rejection_id]
        assert facts.feedback == insights.feedback_status(rejection)
        assert facts.stage_reached == insights.stage_reached(rejection, STAGES)
        assert facts.overdue == insights.is_overdue(rejection, SETTINGS)
        assert facts.to_chase == insights.is_to_chase(rejection, SETTINGS)


def test_finals_reached_is_the_funnel_step_of_the_final_stage(practice):
    assert practice.finals is not None
    assert practice.finals.stage == "final"
    assert ids(practice.finals.reached) == [R5]


def test_without_a_final_stage_no_finals_are_counted(entry):
    settings = dataclasses.replace(SETTINGS, stages=("applied", "screen", "offer"))
    screened = dataclasses.replace(entry[R9], stage="screen", process=())
    assert practice_report(insights.analyse([screened], settings)).finals is None


def test_the_gaps_to_work_on_are_cited_and_not_closed(skills):
    assert skills.open_gaps
    assert all(g.status != "closed" and g.citations for g in skills.open_gaps)
    left_out = [g for g in skills.gaps if g not in skills.open_gaps]
    assert all(g.status == "closed" or not g.citations for g in left_out)


def test_reflections_link_back_from_the_entries_they_are_about(log):
    back = {target: ids(items) for target, items in insights.referenced_by(log).items()}
    assert back == {R1: [F1], R3: [F1], R5: [F4], R10: [F4], R7: [F3]}
