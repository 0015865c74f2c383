"""The feedback drafts in the log's language: each shipped language's own letter, with its
greeting, closing, subject and dates; yours in `templates_dir` first; and, in the
pseudo-language, no English word left in a draft or in `recovery-log feedback-email`'s words.

Run as a user would: `recovery-log feedback-email` on a log whose `mkdocs.yml` sets
`theme.language`. "Today" is 26 November 2026; the request went out on 3 November.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import Result
from entry_files import Entries
from helpers import TODAY, parse_html
from import_log import cli
from pseudo import english_words

from generator.i18n import PSEUDO, resolve_language
from generator.insights.mentor import question_token
from generator.model import Rejection
from generator.settings import Settings
from generator.site.emails import draft, text_environment
from generator.site.render import SiteOptions, render_site

ENTRY = "2026-11-02-gum-data-analyst"
DATED = "date: 2026-11-02\ncompany: Gum\nrole: Data Analyst\n"
REQUEST = ""
FOLLOW_UP = "feedback:\n  requested: 2026-11-03\n  from: Dana Ruiz\n"
THANKS = (
    "gaps:\n  - skill: SQL\n  - skill: stakeholder updates\n"
    "feedback:\n  requested: 2026-11-03\n  received: 2026-11-09\n  from: Dana Ruiz\n"
)
FIXTURE_VALUES = (ENTRY, "Gum", "Data Analyst", "Dana Ruiz", "SQL", "stakeholder updates", "Alex")


def log_in(entries: Entries, language: str, templates: dict[str, str] | None = None) -> Path:
    """A log's `mkdocs.yml` in `language`, signed by Alex, with `templates` as its
    `templates_dir`; its path."""
    plugin = f"  - recovery-log:\n      entries_dir: {entries.root}\n"
    if templates:
        mine = entries.root.parent / "mine"
        mine.mkdir()
        for name, text in templates.items():
            (mine / name).write_text(text, encoding="utf-8")
        plugin += f"      templates_dir: {mine}\n"
    config = entries.root.parent / "mkdocs.yml"
    config.write_text(
        f"site_name: Log\nsite_author: Alex\ntheme:\n  name: material\n  language: {language}\n"
        f"plugins:\n{plugin}",
        encoding="utf-8",
    )
    return config


def letter(
    entries: Entries,
    language: str,
    fields: str,
    templates: dict[str, str] | None = None,
    today: str = TODAY.isoformat(),
) -> Result:
    """`recovery-log feedback-email gum` for Gum's rejection with `fields`, in `language`."""
    entries.entry(f"{ENTRY}.yml", DATED + fields)
    config = log_in(entries, language, templates)
    return cli("feedback-email", "gum", "--config-file", config, "--today", today)


def written(entries: Entries, language: str, fields: str) -> list[str]:
    result = letter(entries, language, fields)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


# Each letter: the subject line, the greeting, a sentence, and the closing with its signature.
LETTERS = {
    ("de", "request"): (
        "Betreff: Vielen Dank \u2013 und eine kurze Bitte zur Stelle „Data Analyst“",
        "Guten Tag,",
        "vielen Dank für Ihre Nachricht zur Stelle „Data Analyst“ bei Gum",
        "Mit freundlichen Grüßen\nAlex",
    ),
    ("de", "follow_up"): (
        "Betreff: Nachfrage: Feedback zur Stelle „Data Analyst“",
        "Guten Tag Dana Ruiz,",
        "ich hatte Ihnen am 3. November geschrieben",
        "Mit freundlichen Grüßen\nAlex",
    ),
    ("de", "thanks"): (
        "Betreff: Vielen Dank für Ihr Feedback zur Stelle „Data Analyst“",
        "Guten Tag Dana Ruiz,",
        "werde ich an diesen Punkten arbeiten: SQL, stakeholder updates.",
        "Mit freundlichen Grüßen\nAlex",
    ),
    ("fr", "request"): (
        "Objet\u202f: Merci, et une petite demande au sujet du poste de Data Analyst",
        "Bonjour,",
        "Merci pour votre message au sujet du poste de Data Analyst chez Gum",
        "Cordialement,\nAlex",
    ),
    ("fr", "follow_up"): (
        "Objet\u202f: Relance\u202f: retour sur le poste de Data Analyst",
        "Bonjour Dana Ruiz,",
        "Je vous ai écrit le 3 novembre pour vous demander un retour",
        "Cordialement,\nAlex",
    ),
    ("fr", "thanks"): (
        "Objet\u202f: Merci pour votre retour sur le poste de Data Analyst",
        "Bonjour Dana Ruiz,",
        "Je vais travailler sur ces points avant mes prochaines candidatures\u202f: SQL, "
        "stakeholder updates.",
        "Cordialement,\nAlex",
    ),
    ("es", "request"): (
        "Asunto: Gracias, y una breve petición sobre el puesto de Data Analyst",
        "Hola:",
        "Gracias por informarme sobre el puesto de Data Analyst en Gum",
        "Saludos cordiales,\nAlex",
    ),
    ("es", "follow_up"): (
        "Asunto: Seguimiento: comentarios sobre el puesto de Data Analyst",
        "Hola, Dana Ruiz:",
        "Le escribí el 3 de noviembre para pedirle comentarios",
        "Saludos cordiales,\nAlex",
    ),
    ("es", "thanks"): (
        "Asunto: Gracias por sus comentarios sobre el puesto de Data Analyst",
        "Hola, Dana Ruiz:",
        "Voy a trabajar en estos puntos antes de mis próximas candidaturas: SQL, "
        "stakeholder updates.",
        "Saludos cordiales,\nAlex",
    ),
}
TOO_EARLY = "2026-11-05"
"""Two days after the request: too early to follow up."""
FIELDS = {"request": REQUEST, "follow_up": FOLLOW_UP, "thanks": THANKS}


@pytest.mark.parametrize(("language", "kind"), LETTERS, ids=lambda v: v)
def test_each_language_writes_its_own_letter(entries: Entries, language: str, kind: str) -> None:
    subject, greeting, sentence, closing = LETTERS[language, kind]
    lines = written(entries, language, FIELDS[kind])
    assert lines[0] == subject
    assert lines[2] == greeting
    assert sentence in "\n".join(lines)
    assert "\n".join(lines).endswith(closing)


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("de", "du hast am 3. November 2026 gefragt, für eine Nachfrage ist es also noch zu früh"),
        ("fr", "vous avez demandé le 3 novembre 2026, il est donc trop tôt pour relancer"),
        ("es", "preguntaste el 3 de noviembre de 2026, así que aún es pronto"),
    ],
)
def test_why_there_is_no_letter_is_said_in_the_language_with_its_dates(
    entries: Entries, language: str, reason: str
) -> None:
    result = letter(entries, language, FOLLOW_UP, today=TOO_EARLY)
    assert result.exit_code == 1
    assert reason in " ".join(result.output.split())


def test_a_german_request_of_yours_replaces_the_built_in_one(entries: Entries) -> None:
    mine = {"feedback_request.de.txt.j2": "Kurze Frage zu {{ role }}\n\nHallo {{ company }}!\n"}
    result = letter(entries, "de", REQUEST, mine)
    assert result.output == "Betreff: Kurze Frage zu Data Analyst\n\nHallo Gum!\n"


def test_a_german_letter_of_yours_leaves_the_french_one_built_in(entries: Entries) -> None:
    mine = {"feedback_request.de.txt.j2": "Kurze Frage zu {{ role }}\n\nHallo {{ company }}!\n"}
    result = letter(entries, "fr", REQUEST, mine)
    assert result.output.startswith("Objet\u202f: Merci, et une petite demande")


def test_the_site_shows_the_draft_in_its_language(entries: Entries) -> None:
    entries.entry(f"{ENTRY}.yml", DATED + "feedback:\n  from: Dana Ruiz\n")
    log = entries.load()
    settings = Settings(today=TODAY, language=resolve_language("de"))
    built = render_site(log.entries, log.problems, settings, SiteOptions(author="Alex"))
    page = next(page.content for page in built if page.uri == "feedback.md")
    assert "Guten Tag Dana Ruiz," in page
    assert "Mit freundlichen Grüßen\nAlex" in page


# --- The pseudo-language: every fixed word of a draft and of the command goes through the catalog


PSEUDO_CASES = {
    "request": REQUEST,
    "request-to-a-person": "feedback:\n  from: Dana Ruiz\n",
    "follow-up": FOLLOW_UP,
    "thanks-with-skills": THANKS,
    "thanks-one-skill": "gaps:\n  - skill: SQL\nfeedback:\n  requested: 2026-11-03\n"
    "  received: 2026-11-09\n",
    "thanks-without-gaps": "feedback:\n  requested: 2026-11-03\n  received: 2026-11-09\n",
    "not-asking": "feedback:\n  requested: false\n",
    "company-gives-none": "feedback:\n  requested: 2026-11-03\n  declined: true\n",
    "followed-up": "feedback:\n  requested: 2026-11-03\n  followed_up: 2026-11-20\n",
}
CLICK_OWN = ("Error",)
"""Click's own prefix of a refused command: the issue lets click's words stay English."""


@pytest.mark.parametrize("fields", PSEUDO_CASES.values(), ids=PSEUDO_CASES)
def test_no_english_word_is_left_in_a_pseudo_language_draft_or_refusal(
    entries: Entries, fields: str
) -> None:
    result = letter(entries, "qps", fields)
    assert result.output.strip()
    assert english_words(result.output, FIXTURE_VALUES, CLICK_OWN) == []


def test_no_english_word_is_left_when_it_is_too_early_in_the_pseudo_language(
    entries: Entries,
) -> None:
    result = letter(entries, "qps", FOLLOW_UP, today=TOO_EARLY)
    assert result.exit_code == 1
    assert english_words(result.output, FIXTURE_VALUES, CLICK_OWN) == []


def test_no_english_word_is_left_refusing_a_reflection_in_the_pseudo_language(
    entries: Entries,
) -> None:
    entries.entry("2026-11-20-three-weeks-in.yml", "date: 2026-11-20\ntype: reflection\n")
    config = log_in(entries, "qps")
    result = cli("feedback-email", "three-weeks", "--config-file", config)
    assert result.exit_code == 1
    assert english_words(result.output, ("2026-11-20-three-weeks-in",), CLICK_OWN) == []


def test_no_english_word_is_left_in_a_follow_up_that_cannot_say_when_you_asked(
    entries: Entries,
) -> None:
    """The site only follows up a dated request; a template of yours may still call for it."""
    entries.entry(f"{ENTRY}.yml", DATED + "feedback:\n  from: Dana Ruiz\n")
    (rejection,) = entries.load().entries
    assert isinstance(rejection, Rejection)
    mail = draft(rejection, "follow_up", text_environment(None, PSEUDO), "Alex")
    assert english_words(f"{mail.subject}\n{mail.body}", FIXTURE_VALUES) == []


QUESTION = "Should I list the bootcamp on my CV?"
REFLECTION = "2026-11-20-three-weeks-in"


def reply_subject(entries: Entries, language: str) -> str:
    """The subject of the mentor's "Reply by e-mail" link to the reflection's question."""
    entries.entry(
        f"{REFLECTION}.yml",
        f'type: reflection\ndate: 2026-11-20\nask_mentor:\n  - "{QUESTION}"\n',
    )
    log = entries.load()
    settings = Settings(today=TODAY, language=resolve_language(language))
    built = render_site(log.entries, log.problems, settings, SiteOptions(reply_to="m@example.org"))
    page = next(page.content for page in built if page.uri == "mentor.md")
    (link,) = [a.attrs["href"] for a in parse_html(page).find_all("a", "rl-reply")]
    (subject,) = parse_qs(urlsplit(link).query)["subject"]
    return subject


def test_the_mentors_reply_is_headed_in_the_language_and_keeps_its_token(
    entries: Entries,
) -> None:
    token = question_token(REFLECTION, QUESTION)
    assert reply_subject(entries, "de") == f"Antwort: {QUESTION} [{token}]"


def test_no_english_word_is_left_in_the_mentors_reply_subject(entries: Entries) -> None:
    token = question_token(REFLECTION, QUESTION)
    assert english_words(reply_subject(entries, "qps"), (QUESTION, token)) == []
