"""Private content never reaches a published build (entry-format.md, "Private content")."""

from __future__ import annotations

import pytest

from generator.privacy import publishable, strip_private_sections

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"
LOOKING_BACK = "type: reflection\ndate: 2026-11-12\n"


def published(entries, show_private: bool = False):
    log = entries.load()
    assert not log.problems, "\n".join(map(str, log.problems))
    return {entry.id: entry for entry in publishable(log.entries, show_private)}


@pytest.mark.parametrize("name", ["secret.md", "secret.yml"])
def test_a_private_entry_is_not_published(entries, name):
    entries.entry(name, ACME.replace("Acme", "Hush") + "private: true\n")
    entries.entry("acme.md", ACME + "private: false\n")
    entries.entry("beta.md", ACME.replace("Acme", "Beta"))

    site = published(entries)

    assert sorted(site) == ["acme", "beta"]
    assert "Hush" not in repr(site)


def test_a_private_entry_is_loaded_for_a_local_preview(entries):
    entries.entry("secret.md", ACME + "private: true\n")

    assert sorted(published(entries, show_private=True)) == ["secret"]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        (
            "Before.\n<!-- private -->\nSalary: 55k.\n<!-- /private -->\nAfter.\n",
            "Before.\n\nAfter.\n",
        ),
        ("Before. <!--private-->Salary: 55k.<!--/private--> After.", "Before.  After."),
        ("Before. <!-- PRIVATE -->Salary: 55k.<!-- / Private --> After.", "Before.  After."),
        (
            "A <!-- private -->Salary: 55k.<!-- /private --> B <!-- private -->Salary again"
            "<!-- /private --> C",
            "A  B  C",
        ),
        ("Before.\n<!-- private -->\nSalary: 55k.\nAfter, never closed.\n", "Before.\n"),
    ],
)
def test_a_private_section_is_removed(body, shown):
    assert strip_private_sections(body) == shown


@pytest.mark.parametrize("name", ["acme.md", "acme.yml"])
def test_private_sections_are_removed_from_published_bodies(entries, name):
    body = "Went well.\n<!-- private -->\nThey offered 55k.\n<!-- /private -->\nOn to the next.\n"
    if name.endswith(".md"):
        entries.entry(name, ACME, body=body)
    else:
        indented = "".join(f"  {line}\n" for line in body.splitlines())
        entries.entry(name, ACME + "notes: |\n" + indented)

    entry = published(entries)["acme"]

    assert "55k" not in entry.body
    assert entry.body.startswith("Went well.\n")
    assert "On to the next." in entry.body


def test_an_unclosed_private_marker_hides_the_rest_of_the_body(entries):
    body = "Went well.\n<!-- private -->\nThey offered 55k.\n\n## Later\nStill private.\n"
    entries.entry("acme.md", ACME, body=body)

    assert published(entries)["acme"].body == "Went well.\n"


def test_private_sections_are_kept_for_a_local_preview(entries):
    body = "Went well.\n<!-- private -->\nThey offered 55k.\n<!-- /private -->\n"
    entries.entry("acme.md", ACME, body=body)

    assert published(entries, show_private=True)["acme"].body == body


def test_about_links_to_private_entries_are_dropped(entries):
    entries.entry("acme.md", ACME)
    entries.entry("secret.md", ACME.replace("Acme", "Hush") + "private: true\n")
    entries.entry("looking-back.md", LOOKING_BACK + "about: [secret, acme]\n")

    site = published(entries)

    assert site["looking-back"].about == ("acme",)
    assert "secret" not in repr(site)


def test_about_links_to_private_entries_are_kept_for_a_local_preview(entries):
    entries.entry("acme.md", ACME)
    entries.entry("secret.md", ACME + "private: true\n")
    entries.entry("looking-back.md", LOOKING_BACK + "about: [secret, acme]\n")

    assert published(entries, show_private=True)["looking-back"].about == ("secret", "acme")


def test_a_private_reflection_is_not_published_either(entries):
    entries.entry("acme.md", ACME)
    entries.entry("looking-back.yml", LOOKING_BACK + "private: true\nabout: [acme]\n")

    assert sorted(published(entries)) == ["acme"]
