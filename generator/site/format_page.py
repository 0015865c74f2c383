"""The "Writing entries" page (`/entry-format/`), written from the one schema declaration.

Every site gets it, so the pointer in each new entry file and in the JSON Schema leads
somewhere; a `docs/entry-format.md` of the user's own replaces it (MkDocs keeps the user's
page over a generated one). Every field, its rules and an example come from
`generator.entries.schema`, so the page cannot drift from what `check` accepts.
"""

from __future__ import annotations

from ..entries.schema import (
    REFLECTION,
    REJECTION,
    AnyMapping,
    Boolean,
    Choice,
    Date,
    DateOrFalse,
    Integer,
    ListOf,
    Record,
    Spec,
    Stage,
    TextOr,
)
from ..settings import Settings
from .markdown import escape

ENTRY_FORMAT = "entry-format.md"
"""Where the page goes in the docs tree."""

REJECTION_EXAMPLE = """\
---
date: 2026-11-03
company: Example Analytics
role: Data Analyst
track: data analysis
applied: 2026-10-01
stage: final
process:
  - stage: phone
    date: 2026-10-08
    format: recruiter call
feedback:
  requested: 2026-11-04
  via: email
  followed_up: 2026-11-15
  received: 2026-11-18
  from: Dana Ruiz
  summary: Strong communication; SQL window functions were shaky.
gaps:
  - skill: SQL window functions
    severity: high
    plan: SQL course, three evenings a week
  - Tableau
strengths: [stakeholder communication]
lessons: [Practise live coding out loud.]
mood: 2
tags: [remote]
---
What happened, in my own words.

<!-- private -->
This part stays on my machine.
<!-- /private -->
"""
"""A complete rejection; a test checks that it passes `recovery-log check`."""

REFLECTION_EXAMPLE = """\
---
type: reflection
date: 2026-11-20
title: Two weeks after Example Analytics
about: [2026-11-03-example-analytics-data-analyst]
progress:
  - skill: SQL window functions
    status: learning
    note: finished chapters 1-4
decision: persist
track: data analysis
ask_mentor:
  - Is a junior analytics-engineer role a step back?
  - question: Should I list the bootcamp on my CV?
    answered: 2026-11-20
    answer: Yes, under "Education", one line.
mood: 3
---
What I notice, looking back.
"""
"""A complete reflection, about the rejection example."""

INTRO = """\
One file per entry in `entries/` (sub-folders are fine): a rejection or a reflection. A `.md`
file starts with the fields between two `---` lines, then your own words in Markdown; a `.yml`
file holds only fields, with your words in `notes:`. The file name without its extension is the
entry's id, e.g. `2026-11-03-example-analytics-data-analyst`.

`recovery-log new rejection --company Acme --role "Data Analyst"` writes a commented file to
start from, and `recovery-log check` says what to fix, file, line and field. Files whose name
starts with `_` are drafts: never built, never published.
"""

RULES = """\
## Rules for both

- Dates are `YYYY-MM-DD`; a date after today is an error (a typo, almost always).
- `applied` is not after `date`; `feedback.requested` and `received` are not before `date`;
  `received` is not before `requested`; `followed_up` needs `requested` and is not before it.
- A misspelt field is an error with a "did you mean"; your own fields go under `extra:`.
- `private: true` keeps a whole entry out of a published build; in your words, text between
  `<!-- private -->` and `<!-- /private -->` stays home too.

## Feedback, step by step

Ask promptly: for {due} after a "no" the feedback page lists the rejection under **to ask
now**, with a draft; after that it is **overdue**, still worth asking. Once you asked
(`requested:`), a request with no reply after {follow} is **to chase**: send the one polite
follow-up and note the day as `followed_up:`. If nothing comes {follow} after that, it is **no
answer** (the pages say "no reply"): you did your part, let it go.
"""


def kind_of(spec: Spec, stages: tuple[str, ...]) -> str:
    """What a field takes, in words; a stage is one of this site's `stages`."""
    if isinstance(spec, Stage):
        return "a stage: " + ", ".join(stages)
    if isinstance(spec, Choice):
        return "one of " + ", ".join(spec.choices)
    if isinstance(spec, DateOrFalse):
        return "a date (YYYY-MM-DD), or false"
    if isinstance(spec, Date):
        return "a date (YYYY-MM-DD)"
    if isinstance(spec, Integer):
        return f"a whole number from {spec.low} to {spec.high}"
    if isinstance(spec, Boolean):
        return "true or false"
    if isinstance(spec, AnyMapping):
        return "name: value pairs"
    if isinstance(spec, Record):
        return "fields, listed below"
    if isinstance(spec, TextOr):
        return f"text, or fields: `{spec.key}` and more, listed below"
    if isinstance(spec, ListOf):
        return "a list of " + kind_of(spec.item, stages).removeprefix("a ")
    return "text"


def _nested(spec: Spec) -> Record | None:
    inner = spec.item if isinstance(spec, ListOf) else spec
    if isinstance(inner, TextOr):
        return inner.record
    return inner if isinstance(inner, Record) else None


def field_rows(record: Record, stages: tuple[str, ...], prefix: str = "") -> list[str]:
    """One table row per field of `record`, nested fields after their parent (`feedback.via`)."""
    rows: list[str] = []
    for name, declared in record.fields.items():
        spec = declared.spec
        inner = _nested(spec)
        doc = escape(spec.doc or (inner.doc if inner else ""))
        needed = "**required**" if declared.required else "optional"
        takes = escape(kind_of(spec, stages))
        rows.append(f"| `{prefix}{name}` | {needed} | {doc} | {takes} |")
        if inner is not None:
            marker = "[]." if isinstance(spec, ListOf) else "."
            rows.extend(field_rows(inner, stages, f"{prefix}{name}{marker}"))
    return rows


def _section(title: str, record: Record, example: str, stages: tuple[str, ...]) -> str:
    header = ["| Field | | What it holds | It takes |", "|---|---|---|---|"]
    table = "\n".join([*header, *field_rows(record, stages)])
    intro = escape(record.doc)
    return f"## {title}\n\n{intro}\n\n{table}\n\nAn example:\n\n```yaml\n{example}```\n"


def _days(settings: Settings, count: int) -> str:
    return settings.language.ngettext("%(num)s day", "%(num)s days", count)


def entry_format_page(settings: Settings) -> str:
    """The page's Markdown: what an entry is, every field of each kind, examples, the rules."""
    return "\n".join(
        [
            "---\ntitle: Writing entries\n---\n",
            "# Writing entries\n",
            INTRO,
            _section("A rejection", REJECTION, REJECTION_EXAMPLE, settings.stages),
            _section("A reflection", REFLECTION, REFLECTION_EXAMPLE, settings.stages),
            RULES.format(
                due=_days(settings, settings.feedback_due_days),
                follow=_days(settings, settings.follow_up_days),
            ),
        ]
    )
