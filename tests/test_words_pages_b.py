"""/interviews/, each stage's and strength's page, each rejection's and reflection's page,
/reflections/ and its year pages speak the site's language: no English word left in the
pseudo-language, and known sentences, dates and plurals in German, French and Spanish.

The log below is made to show every part of those pages: processes with several steps, formats
and notes; feedback asked by e-mail, followed up, answered, with its source and summary; gaps
with a severity, evidence and a plan; strengths, lessons, tags and moods; two tracks, one with
three processes that got further; reflections with a decision about a track, progress on gaps
and questions for the mentor, one answered. No feedback is left to ask for, so that no page
holds a feedback draft (the drafts' words are checked with the drafts). "Today" is pinned to
26 November 2026.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TODAY_TEXT, Build, built, seen_text
from pseudo import ALLOWED, english_words, fixture_values, language_fixtures, shown_text
from test_site_build import write_site

from generator.entries.loader import load_log
from generator.settings import Settings

ENTRIES = {
    "2026-03-18-alder-analyst.yml": (
        "date: 2026-03-18\ncompany: Alder\nrole: Analyst\ntrack: data\napplied: 2026-02-20\n"
        "stage: onsite\nmood: 2\ntags: [remote]\n"
        "process:\n  - {stage: phone, date: 2026-03-01, format: video call}\n"
        "  - {stage: technical, date: 2026-03-05, format: live coding, notes: Nervous start.}\n"
        "  - {stage: onsite, date: 2026-03-12, format: panel}\n"
        "feedback: {requested: 2026-03-20, via: email, followed_up: 2026-04-10,"
        " received: 2026-04-15, from: Recruiter, summary: Strong on SQL.}\n"
        "gaps:\n  - {skill: Window functions, severity: high, evidence: Stalled on a query,"
        " plan: Practise weekly}\n  - {skill: Tableau, severity: low}\n"
        "strengths: [Clear communication]\nlessons: [Practise out loud.]\n"
    ),
    "2026-01-10-birch-analyst.yml": (
        "date: 2026-01-10\ncompany: Birch\nrole: Analyst\ntrack: data\nstage: phone\n"
        "process:\n  - {stage: phone, format: video call}\n"
        "feedback: {requested: false}\nlessons: [Research the team.]\n"
    ),
    "2026-02-05-cedar-analyst.yml": (
        "date: 2026-02-05\ncompany: Cedar\nrole: Analyst\ntrack: data\nstage: technical\n"
        "process:\n  - {stage: phone}\n  - {stage: technical, format: take-home}\n"
        "feedback: {requested: 2026-02-06, declined: true}\n"
        "strengths: [Clear communication]\n"
    ),
    "2026-05-02-dune-designer.yml": (
        "date: 2026-05-02\ncompany: Dune\nrole: Designer\ntrack: design\nstage: screen\n"
        "feedback: {requested: 2026-05-03, received: 2026-05-09}\n"
    ),
    "2026-04-20-looking-back.yml": (
        "type: reflection\ndate: 2026-04-20\ntitle: Looking back\nmood: 3\n"
        "decision: persist\ntrack: data\nabout: [2026-03-18-alder-analyst]\n"
        "progress:\n  - {skill: Window functions, status: learning, note: Two exercises a day}\n"
        "  - {skill: Tableau, status: closed}\n"
        "ask_mentor:\n  - Should I apply for senior roles?\n"
        "  - {question: Is a junior role a step back?, answered: 2026-04-22, answer: No.}\n"
        "strengths: [Patience]\nlessons: [Ask sooner.]\n"
    ),
    "2026-06-01-a-pause.yml": (
        "type: reflection\ndate: 2026-06-01\ntitle: A pause\nmood: 4\ndecision: undecided\n"
    ),
    **{
        f"2025-{month:02}-{day:02}-week.yml": (
            f"type: reflection\ndate: 2025-{month:02}-{day:02}\ntitle: A week\n"
            f"mood: {day % 5 + 1}\n"
        )
        for month in range(1, 12)
        for day in (3, 17)
    },
}
"""More reflections and moods than /reflections/ lists, so that it has year pages."""
ALDER = "2026-03-18-alder-analyst"
PAGES = [
    "interviews/",
    "reflections/",
    "reflections/2026/",
    "reflections/2025/",
    f"entries/{ALDER}/",
    "entries/2026-04-20-looking-back/",
    "entries/2026-02-05-cedar-analyst/",
    "interviews/onsite/",
    "interviews/technical/",
]


def site_in(root: Path, language: str) -> Build:
    write_site(root, ENTRIES, options=f"today: {TODAY_TEXT}\nlanguage: {language}")
    return built(root)


pseudo, translated = language_fixtures(site_in)


def log_values(root: Path) -> set[str]:
    """The entries' own text, and the titles made of it ("Analyst at Alder", another area's
    words)."""
    titles = {entry.title for entry in load_log(root / "entries", Settings(), "entries").entries}
    return fixture_values(root) | titles


def article_text(site: Build, url: str) -> str:
    return seen_text(site.article(url))


def strength_page(site: Build) -> str:
    """The URL of the one strength page named "Clear communication" (its slug is the
    site's business, not this test's)."""
    pages = [
        str(path.parent.relative_to(site.site)) + "/"
        for path in site.site.rglob("index.html")
        if "clear-communication" in str(path.parent)
    ]
    assert len(pages) == 1, pages
    return pages[0]


@pytest.mark.parametrize("url", PAGES)
def test_the_page_has_no_english_word_left_in_the_pseudo_language(pseudo: Build, url: str) -> None:
    words = english_words(shown_text(pseudo.article(url)), log_values(pseudo.root), ALLOWED)
    assert words == []


def test_a_strength_page_has_no_english_word_left_in_the_pseudo_language(pseudo: Build) -> None:
    article = pseudo.article(strength_page(pseudo))
    assert english_words(shown_text(article), log_values(pseudo.root), ALLOWED) == []


def test_the_tables_labels_for_phones_are_translated_too(pseudo: Build) -> None:
    labels = [
        cell.attrs["data-label"]
        for cell in pseudo.article("entries/2026-04-20-looking-back/").iter()
        if cell.attrs.get("data-label")
    ]
    assert labels and english_words(" ".join(labels)) == []


KNOWN = {  # as read: French narrow no-break spaces ("loin\u202f?") are folded to spaces
    "de": [
        (f"entries/{ALDER}/", "Unternehmen: Alder"),
        (f"entries/{ALDER}/", "Die Absage kam: 18. März 2026"),
        (f"entries/{ALDER}/", "Beworben: 20. Februar 2026"),
        (f"entries/{ALDER}/", "Erreichte Phase: Vor-Ort-Termin (6 von 8 Phasen)"),
        (f"entries/{ALDER}/", "Angefragt: 20. März 2026 per email (2 Tage nach der Absage)"),
        (f"entries/{ALDER}/", "Nachgefragt: 10. April 2026 (die eine Nachfrage)"),
        (f"entries/{ALDER}/", "Window functions (hohe Dringlichkeit): Stalled on a query"),
        (f"entries/{ALDER}/", "Vor-Ort-Termin, 12. März 2026 — panel"),
        ("interviews/", "Kommst du weiter?"),
        ("interviews/", "Vor-Ort-Termin Kam 1-mal vor, bei Alder."),
        ("interviews/", "Kam 2-mal vor"),
        ("entries/2026-04-20-looking-back/", "Entscheidung: dranbleiben"),
        ("reflections/", "Alle Gedanken, die neuesten zuerst"),
    ],
    "fr": [
        ("interviews/", "Allez-vous plus loin ?"),
        ("interviews/", "Rencontrée 2 fois"),
        (f"entries/{ALDER}/", "Le refus est arrivé : 18 mars 2026"),
        ("reflections/2026/", "Réflexions : 2026"),
    ],
    "es": [
        ("interviews/", "¿Estás llegando más lejos?"),
        ("interviews/", "Apareció 2 veces"),
        (f"entries/{ALDER}/", "El rechazo llegó: 18 de marzo de 2026"),
        ("interviews/technical/", "Entrevistas: entrevista técnica"),
    ],
}


def test_known_sentences_read_in_the_sites_language(translated: tuple[str, Build]) -> None:
    language, site = translated
    missing = [
        (url, sentence)
        for url, sentence in KNOWN[language]
        if sentence not in article_text(site, url)
    ]
    assert missing == []
