"""A known-answer log for the insight pages, written as entry files and loaded as the site does.

Ten rejections and four reflections, "today" pinned to 2026-11-26, default thresholds
(feedback due after 7 days, follow-up after 10). Every figure the insight pages show for it is
worked out by hand below, next to the entries, so a test can assert the exact answer.

Rejections, oldest first (stage reached; interviews attended; feedback status):

  R1  2026-03-10 Brightwater Health  data analysis          phone      2  received (asked +2)
  R2  2026-04-22 Ledgerly            analytics engineering  technical  2  declined (asked +3)
  R3  2026-05-14 Northwind           data analysis          onsite     1  not asked  (no process)
  R4  2026-06-09 Parcelpoint         Product Analyst        take-home  2  received (asked +1)
  R5  2026-09-15 Finch and Forge     data analysis          final      3  received (asked +5)
  R6  2026-10-05 Quarry Labs         analytics engineering  screen     1  pending since 10-06: chase
  R7  2026-10-27 Kestrel Logistics   data analysis          technical  2  pending since 11-20
  R8  2026-11-05 Tidewell Energy     analytics engineering  applied    0  not requested: overdue
  R10 2026-11-10 Opal Insights       data analysis          screen     1  not requested: overdue
  R9  2026-11-22 Harbor Bank         Product Analyst        phone      1  not requested (recent)

Reflections: F1 2026-06-28 (undecided, data analysis), F2 2026-08-24 (progress: Tableau and
pandas closed, SQL window functions learning), F3 2026-11-18 (pivot, analytics engineering),
F4 2026-11-24 (persist, data analysis).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from helpers import TODAY

from generator.entries.loader import load_log
from generator.model import AnyEntry
from generator.settings import Settings

ALIASES = {"postgres": "SQL", "PostgreSQL": "SQL"}
SETTINGS = Settings(today=TODAY, skill_aliases=ALIASES)
STAGES = SETTINGS.stages

# Entry ids (file names without extension).
R1 = "2026-03-10-brightwater-junior-data-analyst"
R2 = "2026-04-22-ledgerly-analytics-engineer"
R3 = "2026-05-14-northwind-data-analyst"
R4 = "2026-06-09-parcelpoint-product-analyst"
R5 = "2026-09-15-finch-and-forge-data-analyst"
R6 = "2026-10-05-quarry-labs-analytics-engineer"
R7 = "2026-10-27-kestrel-junior-data-analyst"
R8 = "2026-11-05-tidewell-analytics-engineer"
R10 = "2026-11-10-opal-insights-data-analyst"
R9 = "2026-11-22-harbor-bank-product-analyst"
F1 = "2026-06-28-reflection-three-months-in"
F2 = "2026-08-24-reflection-tableau-done"
F3 = "2026-11-18-reflection-narrowing-down"
F4 = "2026-11-24-reflection-sticking-with-it"

REJECTIONS = (R1, R2, R3, R4, R5, R6, R7, R8, R10, R9)
"""Oldest first (R10 is dated before R9)."""
REFLECTIONS = (F1, F2, F3, F4)
ALL_IDS = REJECTIONS + REFLECTIONS

# The entry files: path under entries/ -> text. Both shapes (.md front matter, .yml/.yaml) and a
# sub-folder, so the whole loading path is exercised.
FILES: dict[str, str] = {
    f"2026/{R1}.md": """\
        ---
        date: 2026-03-10
        company: Brightwater Health
        role: Junior Data Analyst
        track: data analysis
        applied: 2026-02-20
        stage: phone
        process:
          - stage: applied
            date: 2026-02-20
            format: online form
          - stage: screen
            format: recruiter call
          - stage: phone
            format: hiring manager call
        feedback:
          requested: 2026-03-12
          received: 2026-03-20
          from: hiring manager
          summary: Clear communicator; window functions need practice.
        gaps:
          - skill: sql  Window Functions
            severity: medium
          - skill: pandas
            severity: low
        strengths:
          - stakeholder communication
        lessons:
          - Practise live coding out loud.
        mood: 2
        ---
        The first real interview in a while.
        """,
    f"{R2}.yml": """\
        date: 2026-04-22
        company: Ledgerly
        role: Analytics Engineer
        track: analytics engineering
        stage: technical
        process:
          - stage: screen
            format: video screen
          - stage: technical
            format: live coding
        feedback:
          requested: 2026-04-25
          declined: true
        gaps:
          - skill: dbt
            severity: high
        lessons:
          - practise live coding  out loud.
        mood: 3
        """,
    f"2026/{R3}.md": """\
        ---
        date: 2026-05-14
        company: Northwind
        role: Data Analyst
        track: Data  Analysis
        stage: onsite
        feedback:
          requested: false
        gaps:
          - skill: SQL WINDOW functions
            severity: high
          - skill: postgres
            severity: medium
          - Tableau
        strengths:
          - stakeholder  communication
        lessons:
          - Ask about the first 90 days in the role.
        mood: 1
        ---
        A long onsite day.
        """,
    f"{R4}.md": """\
        ---
        date: 2026-06-09
        company: Parcelpoint
        role: Product Analyst
        stage: take-home
        process:
          - stage: screen
            format: recruiter call
          - stage: take-home
            format: take-home case study
        feedback:
          requested: 2026-06-10
          received: 2026-06-24
        gaps:
          - skill: A/B testing
            severity: medium
        strengths:
          - Stakeholder Communication
          - clear writing
        lessons:
          - Timebox the take-home to the hours they suggest.
        mood: 3
        ---
        """,
    f"2026/{F1}.md": f"""\
        ---
        type: reflection
        date: 2026-06-28
        title: Three months in
        about: [{R1}, {R3}]
        decision: undecided
        track: data analysis
        strengths:
          - clear writing
        lessons:
          - Practise live coding out loud.
        mood: 3
        ---
        Looking back at spring.
        """,
    f"{F2}.yml": """\
        type: reflection
        date: 2026-08-24
        progress:
          - skill: Tableau
            status: closed
            note: built three dashboards
          - skill: pandas
            status: closed
          - skill: SQL window functions
            status: learning
            note: halfway through the course
        mood: 4
        """,
    f"{R5}.yaml": """\
        date: 2026-09-15
        company: Finch and Forge
        role: Data Analyst
        track: data analysis
        stage: final
        process:
          - stage: screen
            format: recruiter call
          - stage: technical
            format: live  coding
          - stage: final
            format: panel of 3
        feedback:
          requested: 2026-09-20
          received: 2026-10-01
          from: Priya
        gaps:
          - skill: SQL window functions
            severity: medium
            plan: SQL course, three evenings a week
          - skill: SQL
            severity: low
        strengths:
          - stakeholder communication
        lessons:
          - PRACTISE LIVE CODING OUT LOUD.
        mood: 2
        """,
    f"{R6}.yml": """\
        date: 2026-10-05
        company: Quarry Labs
        role: Analytics Engineer
        track: analytics engineering
        stage: screen
        process:
          - stage: applied
            format: referral
          - stage: screen
            format: recruiter call
        feedback:
          requested: 2026-10-06
          via: email
          from: Dana
        gaps:
          - Airflow
        strengths:
          - curiosity
        mood: 3
        """,
    f"2026/{R7}.md": """\
        ---
        date: 2026-10-27
        company: Kestrel Logistics
        role: Junior Data Analyst
        track: data analysis
        stage: technical
        process:
          - stage: phone
            format: hiring manager call
          - stage: technical
            format: SQL quiz
        feedback:
          requested: 2026-11-20
        gaps:
          - skill: SQL window functions
            severity: low
            plan: window function drills at weekends
          - skill: Tableau
            severity: high
            evidence: the dashboard task ran out of time
          - skill: PostgreSQL
            severity: low
        strengths:
          - stakeholder communication
        lessons:
          - Ask about the first 90 days in the role.
        mood: 2
        ---
        Tableau again, after I had called it done.
        """,
    f"{R8}.yml": """\
        date: 2026-11-05
        company: Tidewell Energy
        role: Analytics Engineer
        track: Analytics Engineering
        gaps:
          - data modelling
        """,
    f"{R10}.yml": """\
        date: 2026-11-10
        company: Opal Insights
        role: Data Analyst
        track: data analysis
        process:
          - stage: screen
            format: recruiter call
        feedback:
          from: Sam Reyes
        gaps:
          - skill: SQL window functions
            severity: medium
        """,
    f"2026/{F3}.md": f"""\
        ---
        type: reflection
        date: 2026-11-18
        title: Narrowing down
        about: [{R7}]
        decision: pivot
        track: Analytics engineering
        mood: 3
        ---
        Stepping back from analytics engineering for now.
        """,
    f"2026/{R9}.md": """\
        ---
        date: 2026-11-22
        company: Harbor Bank
        role: Product Analyst
        stage: phone
        gaps:
          - skill: A/B testing
            severity: low
        mood: 3
        ---
        """,
    f"2026/{F4}.md": f"""\
        ---
        type: reflection
        date: 2026-11-24
        title: Sticking with data analysis
        about: [{R5}, {R10}]
        decision: persist
        track: Data Analysis
        mood: 4
        ---
        The data analysis processes go furthest.
        """,
}


def write_entries(folder: Path) -> Path:
    """Write the log's entry files into `folder` (created if needed); return it."""
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def load_entries(folder: Path) -> tuple[AnyEntry, ...]:
    """Load the entries written by `write_entries`, newest first; the log has no problems."""
    log = load_log(folder, SETTINGS, display_as="entries")
    assert not log.problems, "\n".join(map(str, log.problems))
    assert len(log.entries) == len(ALL_IDS), sorted(e.id for e in log.entries)
    return log.entries


def by_id(entries: tuple[AnyEntry, ...]) -> dict[str, AnyEntry]:
    return {entry.id: entry for entry in entries}


# The mkdocs.yml of a site for this log: plugin options as a user writes them.
MKDOCS_YML = """\
site_name: Insight Log
theme:
  name: material
plugins:
  - search
  - recovery-log:
      today: 2026-11-26
      skill_aliases:
        postgres: SQL
        PostgreSQL: SQL
"""
