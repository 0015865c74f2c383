"""While serving, an entry page is rendered again only when something it shows has changed.

`mkdocs serve` builds the site again on every save; the render memo hands back an entry
page's Markdown when every value its templates can read is the same as in the build before.
The promise tested here: after any change, each page is exactly what a fresh build gives, and
the pages that could not have changed are not rendered again.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import NamedTuple

import pytest
from entry_files import Entries
from helpers import TODAY, templates_of_yours

from generator.entries.loader import ParseCache, load_log
from generator.model import Gap, Rejection
from generator.settings import Settings
from generator.site.markdown import Md
from generator.site.render import SiteOptions, render_site
from generator.site.render_memo import RenderMemo, Unkeyable, value_key

ACME = "2026-10-01-acme-analyst.md"
GLOBEX = "2026-10-08-globex-analyst.md"
INITECH = "2026-10-15-initech-analyst.md"


class Pair(NamedTuple):
    one: int
    other: int


def rejection(company: str, day: str, skill: str, body: str = "A fair process.") -> str:
    return f"""\
        ---
        date: {day}
        company: {company}
        role: Analyst
        stage: technical
        gaps:
          - {skill}
        ---
        {body}
        """


class Preview:
    """The log's pages, built again and again with one memo, as `mkdocs serve` builds them."""

    def __init__(self, entries: Entries, templates_dir: Path | None = None) -> None:
        self.entries = entries
        self.templates_dir = templates_dir
        self.memo = RenderMemo()
        self.cache = ParseCache()
        self.today = TODAY

    def build(self) -> dict[str, str]:
        return self._pages(self.memo, self.cache)

    def fresh(self) -> dict[str, str]:
        """The same files, built by a process that never built them before."""
        return self._pages(None, None)

    def _pages(self, memo: RenderMemo | None, cache: ParseCache | None) -> dict[str, str]:
        log = load_log(self.entries.root, Settings(today=self.today), "entries", cache)
        pages = render_site(
            log.entries,
            log.problems,
            Settings(today=self.today),
            SiteOptions(templates_dir=self.templates_dir),
            memo=memo,
        )
        return {page.uri: page.content for page in pages}


@pytest.fixture
def log(entries: Entries) -> Entries:
    entries.write(ACME, rejection("Acme", "2026-10-01", "sql"))
    entries.write(GLOBEX, rejection("Globex", "2026-10-08", "SQL"))
    entries.write(INITECH, rejection("Initech", "2026-10-15", "Python"))
    return entries


def page_of(name: str) -> str:
    return f"entries/{name.removesuffix('.md')}.md"


def save(entries: Entries, name: str, old: str, new: str) -> None:
    """Edit a file as an editor saves it: new text, and a newer time stamp."""
    path = entries.root / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))


def test_an_unchanged_log_renders_no_entry_page_again(log: Entries) -> None:
    preview = Preview(log)
    first = preview.build()
    again = preview.build()
    assert preview.memo.rendered == 0
    assert again == first


def test_a_saved_entry_is_the_only_entry_page_rendered_again(log: Entries) -> None:
    preview = Preview(log)
    preview.build()
    save(log, GLOBEX, "A fair process.", "A fair process, and a kind recruiter.")
    pages = preview.build()
    assert preview.memo.rendered == 1
    assert "a kind recruiter" in pages[page_of(GLOBEX)]
    assert pages == preview.fresh()


def test_a_name_respelled_elsewhere_changes_the_pages_that_show_it(log: Entries) -> None:
    preview = Preview(log)
    assert "<strong>sql</strong>" in preview.build()[page_of(ACME)]
    save(log, INITECH, "- Python", "- SQL")  # now "SQL" is the spelling used most
    pages = preview.build()
    assert "<strong>SQL</strong>" in pages[page_of(ACME)], "Acme's file is as it was; its page not"
    assert pages == preview.fresh()


def test_a_new_day_redraws_the_pages_whose_facts_count_days(log: Entries) -> None:
    preview = Preview(log)
    preview.build()
    preview.today = TODAY + dt.timedelta(days=30)
    pages = preview.build()
    assert preview.memo.rendered == 3
    assert pages == preview.fresh()


def test_an_edited_template_of_yours_redraws_its_pages(log: Entries, tmp_path: Path) -> None:
    mine = templates_of_yours(tmp_path / "mine", {"_entry_footer.md.j2": "Written by me.\n"})
    footer = mine / "_entry_footer.md.j2"
    preview = Preview(log, mine)
    assert "Written by me." in preview.build()[page_of(ACME)]
    footer.write_text("Written by me, with care.\n", "utf-8")
    later = footer.stat().st_mtime_ns + 1_000_000_000
    os.utime(footer, ns=(later, later))
    pages = preview.build()
    assert "with care" in pages[page_of(ACME)]
    assert pages == preview.fresh()


@pytest.mark.parametrize(
    "templates",
    [
        {"_entry_footer.md.j2": "{{ 'With charts.' if charts }}\n"},
        {
            "_entry_footer.md.j2": '{% include entry.kind ~ ".j2" %}\n',
            "rejection.j2": "A rejection, met with grace.\n",
            "reflection.j2": "A reflection.\n",
        },
    ],
    ids=["reads a value it cannot compare", "includes a template chosen at run time"],
)
def test_a_template_of_yours_the_memo_cannot_follow_is_rendered_on_every_save(
    log: Entries, tmp_path: Path, templates: dict[str, str]
) -> None:
    preview = Preview(log, templates_of_yours(tmp_path / "mine", templates))
    preview.build()
    pages = preview.build()
    assert preview.memo.rendered == 3
    assert pages == preview.fresh()


def test_the_older_names_for_a_rejections_facts_are_compared_too(
    log: Entries, tmp_path: Path
) -> None:
    footer = (
        "Feedback: {{ feedback_status(entry) }}, {{ stage_reached(entry) }}, "
        "{{ is_overdue(entry) }}, {{ is_to_chase(entry) }}\n"
    )
    mine = templates_of_yours(tmp_path / "mine", {"_entry_footer.md.j2": footer})
    preview = Preview(log, mine)
    assert "Feedback: not requested, technical, " in preview.build()[page_of(ACME)]
    save(log, ACME, "A fair process.", "A fair process, they said.")
    pages = preview.build()
    assert preview.memo.rendered == 1
    assert pages == preview.fresh()


def test_a_deleted_entry_is_forgotten(log: Entries) -> None:
    preview = Preview(log)
    preview.build()
    (log.root / GLOBEX).unlink()
    pages = preview.build()
    assert page_of(GLOBEX) not in pages
    assert pages == preview.fresh()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (1, True),
        (1, 1.0),
        ("x", Md("x")),
        ([1], (1,)),
        (dt.date(2026, 1, 1), dt.datetime(2026, 1, 1)),
        ({"a": 1}, {"a": "1"}),
        ((1, 2), Pair(1, 2)),
    ],
    ids=repr,
)
def test_values_a_page_prints_differently_have_different_keys(one: object, other: object) -> None:
    assert value_key(one) != value_key(other)


def test_equal_entries_read_from_two_builds_have_equal_keys() -> None:
    def made() -> Rejection:
        return Rejection(
            id="x", source="x.md", date=dt.date(2026, 1, 1), company="Acme", role="Analyst",
            gaps=(Gap(skill="SQL"),), extra={"salary": 50_000},
        )

    assert made() is not made()
    assert value_key(made()) == value_key(made())


def test_a_named_tuple_is_keyed_by_its_items() -> None:
    assert value_key(Pair(1, 2)) == value_key(Pair(1, 2)) != value_key(Pair(1, 3))


def test_a_function_made_for_one_build_cannot_be_keyed() -> None:
    with pytest.raises(Unkeyable):
        value_key(lambda entry: entry)
    assert value_key(value_key) is value_key, "a module's function is the same every build"
