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
from ..i18n import ENGLISH, N_, Language
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

INTRO = N_(
    """\
One file per entry in `entries/` (sub-folders are fine): a rejection or a reflection. A `.md`
file starts with the fields between two `---` lines, then your own words in Markdown; a `.yml`
file holds only fields, with your words in `notes:`. The file name without its extension is the
entry's id, e.g. `%(example_id)s`."""
)

START = N_(
    """\
`%(new_command)s` writes a commented file to start from, and `recovery-log check` says what
to fix, file, line and field. Files whose name starts with `_` are drafts: never built, never
published."""
)

RULES_TITLE = N_("Rules for both")
RULES = (
    N_("Dates are `YYYY-MM-DD`; a date after today is an error (a typo, almost always)."),
    N_(
        "`applied` is not after `date`; `feedback.requested` and `received` are not before "
        "`date`; `received` is not before `requested`; `followed_up` needs `requested` and is "
        "not before it."
    ),
    N_('A misspelt field is an error with a "did you mean"; your own fields go under `extra:`.'),
    N_(
        "`private: true` keeps a whole entry out of a published build; in your words, text "
        "between `<!-- private -->` and `<!-- /private -->` stays home too."
    ),
)

FEEDBACK_TITLE = N_("Feedback, step by step")
FEEDBACK_STEPS = N_(
    """\
Ask promptly: for %(due)s after a "no" the feedback page lists the rejection under **to ask
now**, with a draft; after that it is **overdue**, still worth asking. Once you asked
(`requested:`), a request with no reply after %(follow)s is **to chase**: send the one polite
follow-up and note the day as `followed_up:`. If nothing comes %(follow)s after that, it is **no
answer** (the pages say "no reply"): you did your part, let it go."""
)


def kind_of(spec: Spec, stages: tuple[str, ...], language: Language = ENGLISH) -> str:
    """What a field takes, in words; a stage is one of this site's `stages`."""
    _ = language.gettext
    if isinstance(spec, ListOf):
        return _list_of(spec.item, language)
    if isinstance(spec, Stage):
        return _("a stage: %(stages)s", stages=", ".join(stages))
    if isinstance(spec, Choice):
        return _("one of %(choices)s", choices=", ".join(spec.choices))
    if isinstance(spec, DateOrFalse):
        return _("a date (YYYY-MM-DD), or false")
    if isinstance(spec, Date):
        return _("a date (YYYY-MM-DD)")
    if isinstance(spec, Integer):
        return _("a whole number from %(low)s to %(high)s", low=spec.low, high=spec.high)
    if isinstance(spec, Boolean):
        return _("true or false")
    if isinstance(spec, AnyMapping):
        return _("name: value pairs")
    if isinstance(spec, Record):
        return _("fields, listed below")
    if isinstance(spec, TextOr):
        return _("text, or fields: `%(key)s` and more, listed below", key=spec.key)
    return _("text")


def _list_of(item: Spec, language: Language) -> str:
    """What a list takes: the entry format's lists hold text, records, or either."""
    _ = language.gettext
    if isinstance(item, Record):
        return _("a list of fields, listed below")
    if isinstance(item, TextOr):
        return _("a list of text, or fields: `%(key)s` and more, listed below", key=item.key)
    return _("a list of text")


def _nested(spec: Spec) -> Record | None:
    inner = spec.item if isinstance(spec, ListOf) else spec
    if isinstance(inner, TextOr):
        return inner.record
    return inner if isinstance(inner, Record) else None


def field_rows(
    record: Record, stages: tuple[str, ...], prefix: str = "", language: Language = ENGLISH
) -> list[str]:
    """One table row per field of `record`, nested fields after their parent (`feedback.via`)."""
    _ = language.gettext
    rows: list[str] = []
    for name, declared in record.fields.items():
        spec = declared.spec
        inner = _nested(spec)
        doc = spec.doc or (inner.doc if inner else "")
        doc = escape(_(doc)) if doc else ""
        needed = _("**required**") if declared.required else _("optional")
        takes = escape(kind_of(spec, stages, language))
        rows.append(f"| `{prefix}{name}` | {needed} | {doc} | {takes} |")
        if inner is not None:
            marker = "[]." if isinstance(spec, ListOf) else "."
            rows.extend(field_rows(inner, stages, f"{prefix}{name}{marker}", language))
    return rows


def _section(
    title: str, record: Record, example: str, stages: tuple[str, ...], language: Language
) -> str:
    _ = language.gettext
    # Translators: the header of the table of an entry's fields; "Field" is a field's name.
    header = [
        "| {} | | {} | {} |".format(_("Field"), _("What it holds"), _("It takes")),
        "|---|---|---|---|",
    ]
    table = "\n".join([*header, *field_rows(record, stages, "", language)])
    intro = escape(_(record.doc))
    example_title = _("An example:")
    return f"## {title}\n\n{intro}\n\n{table}\n\n{example_title}\n\n```yaml\n{example}```\n"


def _days(settings: Settings, count: int) -> str:
    return settings.language.ngettext("%(num)s day", "%(num)s days", count)


def entry_format_page(settings: Settings) -> str:
    """The page's Markdown: what an entry is, every field of each kind, examples, the rules."""
    language = settings.language
    _ = language.gettext
    title = _("Writing entries")
    new_command = 'recovery-log new rejection --company Acme --role "Data Analyst"'
    rules = "\n".join(f"- {_(rule)}" for rule in RULES)
    steps = _(
        FEEDBACK_STEPS,
        due=_days(settings, settings.feedback_due_days),
        follow=_days(settings, settings.follow_up_days),
    )
    return "\n".join(
        [
            f"---\ntitle: {title}\n---\n",
            f"# {title}\n",
            _(INTRO, example_id="2026-11-03-example-analytics-data-analyst")
            + "\n\n"
            + _(START, new_command=new_command)
            + "\n",
            _section(_("A rejection"), REJECTION, REJECTION_EXAMPLE, settings.stages, language),
            _section(_("A reflection"), REFLECTION, REFLECTION_EXAMPLE, settings.stages, language),
            f"## {_(RULES_TITLE)}\n\n{rules}\n\n## {_(FEEDBACK_TITLE)}\n\n{steps}\n",
        ]
    )
