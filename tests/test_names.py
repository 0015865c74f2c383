"""One name per skill, strength and track, decided once (`insights.names.log_names`) and shown
everywhere: entry pages, skills and tracks pages, the feed and the export."""

from __future__ import annotations

import datetime as dt

from generator.cli.export import export_records
from generator.insights.analysis import analyse
from generator.insights.names import log_names
from generator.model import Gap, Progress, Reflection, Rejection
from generator.settings import Settings
from generator.site.feed import summary

SETTINGS = Settings(today=dt.date(2026, 6, 1))


def _rejection(day: int, skill: str, track: str = "Data analysis", strength: str = "") -> Rejection:
    return Rejection(
        f"r{day}",
        f"r{day}.md",
        dt.date(2026, 5, day),
        company="Acme",
        role="Analyst",
        track=track,
        gaps=(Gap(skill),),
        strengths=(strength,) if strength else (),
    )


LOG = [
    _rejection(1, "sql", "data  analysis", "Curiosity"),
    _rejection(2, "SQL", strength="curiosity"),
    _rejection(3, "SQL", strength="curiosity"),
    Reflection(
        "f1",
        "f1.md",
        dt.date(2026, 5, 9),
        heading="Keep going",
        decision="persist",
        track="DATA ANALYSIS",
        progress=(Progress("Sql", "learning"),),
    ),
]


def test_the_spelling_used_most_is_the_logs_name():
    names = log_names(LOG)
    assert names.skill("sql") == names.skill("Sql") == "SQL"
    assert names.strength("Curiosity") == "curiosity"
    assert names.track("data  analysis") == "Data analysis"


def test_an_alias_names_the_skill_whatever_the_count():
    assert log_names(LOG, {"sql": "Structured Query Language"}).skill("SQL") == (
        "Structured Query Language"
    )


def test_the_feed_names_a_decisions_track_as_the_log_does():
    names = log_names(LOG)
    assert "Decision: persist (Data analysis)." in summary(LOG[-1], analyse(LOG, SETTINGS), names)


def test_the_export_writes_skills_strengths_and_tracks_under_the_logs_names():
    first = export_records(LOG, SETTINGS)[0]
    assert (first["gaps"], first["strengths"], first["track"]) == (
        ["SQL"],
        ["curiosity"],
        "Data analysis",
    )
