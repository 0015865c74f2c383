"""The shipped message catalogs: complete, compiled from what is committed, extracted afresh.

A translator edits a `.po`; `python -m generator.catalogs compile` writes the `.mo` the package
ships. These tests fail when a `.mo` was not compiled again, a message is left untranslated or
fuzzy, a language has the wrong number of plural forms, or code and templates have a message
the committed `.pot` does not (`python -m generator.catalogs extract` then `update`).
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from generator.catalogs import compiled, extract, languages, po_path, read_catalog
from generator.i18n import TEMPLATE_CATALOG, shipped_languages

SHIPPED = ["de", "es", "fr"]


def messages(catalog: Catalog) -> list[tuple[object, str | None, tuple[str, ...]]]:
    return sorted(
        ((m.id, m.context, tuple(m.auto_comments)) for m in catalog if m.id),
        key=repr,
    )


def test_german_french_and_spanish_are_shipped() -> None:
    assert languages() == SHIPPED
    assert shipped_languages() == ("en", *SHIPPED)


def test_the_committed_template_catalog_matches_a_fresh_extraction() -> None:
    assert messages(read_catalog(TEMPLATE_CATALOG)) == messages(extract()), (
        "run: python -m generator.catalogs extract && python -m generator.catalogs update"
    )


@pytest.mark.parametrize("code", SHIPPED)
def test_each_language_has_every_message_of_the_template(code: str) -> None:
    template = {(m.id, m.context) for m in read_catalog(TEMPLATE_CATALOG) if m.id}
    assert {(m.id, m.context) for m in read_catalog(po_path(code)) if m.id} == template


@pytest.mark.parametrize("code", SHIPPED)
def test_each_language_translates_every_message_and_none_is_fuzzy(code: str) -> None:
    catalog = read_catalog(po_path(code), locale=code)
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    empty = [
        m.id
        for m in catalog
        if m.id and not all(m.string if isinstance(m.string, tuple | list) else [m.string])
    ]
    assert (fuzzy, empty) == ([], [])


@pytest.mark.parametrize("code", SHIPPED)
def test_each_plural_message_has_as_many_forms_as_the_language_has(code: str) -> None:
    catalog = read_catalog(po_path(code), locale=code)
    expected = Catalog(locale=code).num_plurals  # from CLDR
    assert catalog.num_plurals == expected
    wrong = [m.id for m in catalog if m.pluralizable and len(m.string) != expected]
    assert wrong == []


@pytest.mark.parametrize("code", SHIPPED)
def test_each_translation_keeps_the_placeholders_of_its_message(code: str) -> None:
    catalog = read_catalog(po_path(code), locale=code)
    assert [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()] == []


@pytest.mark.parametrize("code", SHIPPED)
def test_each_compiled_catalog_is_its_po_file_compiled(code: str) -> None:
    po = po_path(code)
    assert po.with_suffix(".mo").read_bytes() == compiled(read_catalog(po, locale=code)), (
        "run: python -m generator.catalogs compile"
    )
