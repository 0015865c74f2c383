"""The home page, /mentor/, /feedback/, the entry problems and the open questions speak the
site's language: no English word left in the pseudo-language, and known sentences in German,
French and Spanish.

The log below is made to show every part of those pages: feedback to ask for now, overdue, to
chase, with no reply, received and declined; open questions (more than the mentor page's agenda
holds, so the questions page exists) and an answered one; a decision about a track; lessons;
moods; a gap opened, one closed and one come back; an entry with a problem and one with a
warning. "Today" is pinned to 26 November 2026.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TODAY_TEXT, Build, Node, built, fold, seen_text
from pseudo import ALLOWED, english_words, fixture_values, language_fixtures, shown_text
from test_site_build import write_site

from generator.entries.loader import load_log
from generator.settings import Settings

AUTHOR = "Maren Holt"
QUESTIONS = [f"Question {n} about the search?" for n in range(1, 12)]
ENTRIES = {
    "2026-11-24-alder-analyst.yml": (
        "date: 2026-11-24\ncompany: Alder\nrole: Analyst\nstage: technical\nmood: 2\n"
        "track: data\nprocess:\n  - {stage: phone, date: 2026-11-10}\n"
        "  - {stage: technical, date: 2026-11-17}\n"
        "gaps: [Window functions]\nlessons: [Practise out loud.]\n"
    ),
    "2026-10-01-birch-analyst.yml": (
        "date: 2026-10-01\ncompany: Birch\nrole: Analyst\ntrack: data\n"
    ),
    "2026-11-01-cedar-analyst.yml": (
        "date: 2026-11-01\ncompany: Cedar\nrole: Analyst\ntrack: data\n"
        "feedback: {requested: 2026-11-02}\n"
    ),
    "2026-09-01-dune-analyst.yml": (
        "date: 2026-09-01\ncompany: Dune\nrole: Analyst\nstage: final\n"
        "feedback: {requested: 2026-09-02, followed_up: 2026-09-20}\ngaps: [Tableau]\n"
    ),
    "2026-11-10-elm-analyst.yml": (
        "date: 2026-11-10\ncompany: Elm\nrole: Analyst\nstage: onsite\nmood: 4\n"
        "feedback: {requested: 2026-11-11, received: 2026-11-15}\ngaps: [Tableau, Statistics]\n"
    ),
    "2026-11-12-fir-analyst.yml": (
        "date: 2026-11-12\ncompany: Fir\nrole: Analyst\nfeedback: {declined: true}\n"
    ),
    "2026-11-20-three-weeks-in.yml": (
        "type: reflection\ndate: 2026-11-20\ntitle: Three weeks in\nmood: 3\n"
        "decision: pivot\ntrack: data\nlessons: [Ask sooner.]\n"
        "progress:\n  - {skill: Statistics, status: closed}\n"
        "  - {skill: Tableau, status: closed}\n"
        "ask_mentor:\n"
        + "".join(f'  - "{question}"\n' for question in QUESTIONS)
        + "  - {question: Is a junior role a step back?, answered: 2026-11-21, answer: No.}\n"
    ),
    "2026-11-25-broken.yml": "date: 2026-11-25\ncompany: Gum\n",
    "2026-11-22-hazel-analyst.yml": (
        "date: 2026-11-22\ncompany: Hazel\nrole: Analyst\ngaps: Python, SQL\n"
    ),
}
OPTIONS = f"today: {TODAY_TEXT}\nreply_to: maren@example.org"
PAGES = ["", "mentor/", "feedback/", "problems/", "mentor/questions/"]


def site_in(root: Path, language: str) -> Build:
    options = f"{OPTIONS}\nlanguage: {language}"
    write_site(root, ENTRIES, options=options, extra=f"site_author: {AUTHOR}")
    return built(root, strict=False)  # the broken entry is reported, as it should be


pseudo, translated = language_fixtures(site_in)


def article_text(site: Build, url: str) -> str:
    return seen_text(site.article(url))


def log_values(root: Path) -> set[str]:
    """The entries' own text, and the titles made of it ("Analyst at Alder", another area's
    words), and whose log it is."""
    titles = {entry.title for entry in load_log(root / "entries", Settings(), "entries").entries}
    return fixture_values(root) | titles | {AUTHOR, *AUTHOR.split()}


def without_drafts(article: Node) -> str:
    """The article's shown text without the feedback drafts' subjects and bodies: their words
    are the e-mail templates' (checked with the drafts), not these pages'."""
    text = shown_text(article)
    letters = [
        "".join(part for pre in draft.find_all("pre") for part in pre.strings())
        for draft in article.find_all("details", "rl-email")
    ]
    for letter in letters:
        text = text.replace(fold(letter).strip(), " ")
    for letter in letters:
        text = text.replace(fold(letter.strip().split("\n")[0].partition(": ")[2]), " ")
    return text


@pytest.mark.parametrize("url", PAGES)
def test_the_page_has_no_english_word_left_in_the_pseudo_language(pseudo: Build, url: str) -> None:
    text = without_drafts(pseudo.article(url))
    assert english_words(text, log_values(pseudo.root), ALLOWED) == []


def test_every_part_of_the_pages_was_shown(pseudo: Build) -> None:
    """The check above means something only if the pages show what the log was made for."""
    home, mentor, feedback = (pseudo.html(url) for url in ("", "mentor/", "feedback/"))
    assert "rl-reply" in home and "rl-problems-note" in home
    for company in ("Alder", "Birch", "Cedar", "Dune"):  # ask now, overdue, chase, no reply
        assert company in feedback
    assert "Is a junior role a step back?" in mentor  # answered in the period
    assert "Window functions" in mentor  # a gap opened in the period


KNOWN = {
    "de": {
        "": [
            "Recovery Log von Maren Holt",
            "Wo die Dinge stehen",
            "Fragen an meinen Mentor",
            "Per E-Mail antworten",
            "Stimmung: im Schnitt 3 von 5, über 3 Einträge",
        ],
        "mentor/": ["Tagesordnung", "Neue Absagen", "Die 10 neuesten von 11 offenen Fragen"],
        "feedback/": ["Jetzt fragen", "Tage seit der Absage", "Wo jede Anfrage steht"],
        "problems/": ["In den Einträgen wurde 1 Problem gefunden."],
        "mentor/questions/": ["Offene Fragen an meinen Mentor"],
    },
    "fr": {
        "": [
            "Le Recovery Log de Maren Holt",
            "Où en sont les choses",
            "Questions pour mon mentor",
            "Répondre par e-mail",
            "3 sur 5 en moyenne, sur 3 entrées",
        ],
        "mentor/": ["Ordre du jour", "Nouveaux refus", "Les 10 plus récentes de 11 questions"],
        "feedback/": ["À demander maintenant", "Jours depuis le refus", "Où en est chaque demande"],
        "problems/": ["1 problème a été trouvé dans les entrées."],
        "mentor/questions/": ["Questions en attente pour mon mentor"],
    },
    "es": {
        "": [
            "El Recovery Log de Maren Holt",
            "Cómo van las cosas",
            "Preguntas para mi mentor",
            "Responder por correo",
            "3 de 5 de media, en 3 entradas",
        ],
        "mentor/": ["Agenda", "Nuevos rechazos", "Las 10 más recientes de 11 preguntas"],
        "feedback/": [
            "Para pedir ahora",
            "Días desde el rechazo",
            "En qué punto está cada solicitud",
        ],
        "problems/": ["Se encontró 1 problema en las entradas."],
        "mentor/questions/": ["Preguntas pendientes para mi mentor"],
    },
}


@pytest.mark.parametrize("url", PAGES)
def test_known_sentences_read_in_the_sites_language(
    translated: tuple[str, Build], url: str
) -> None:
    language, site = translated
    text = article_text(site, url)
    for sentence in KNOWN[language][url]:
        assert sentence in text, (language, url, sentence)


PLURALS = {
    "de": ("1 Problem in einem Eintrag braucht", "in den letzten 7 Tagen"),
    "fr": ("1 problème d'entrée demande", "dans les 7 derniers jours"),
    "es": ("1 problema en una entrada necesita", "en los últimos 7 días"),
}


def test_counts_take_the_languages_singular_and_plural(translated: tuple[str, Build]) -> None:
    """One entry problem on the home page; seven days (`feedback_due_days`) on /feedback/."""
    language, site = translated
    one, many = PLURALS[language]
    assert one in article_text(site, "")
    assert many in article_text(site, "feedback/")
