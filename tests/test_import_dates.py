"""Dates as spreadsheets write them: read when they have one meaning, reported otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.cli.importing.dates import DateError, parse_day

OCT_2 = dt.date(2026, 10, 2)


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-02",
        "2026/10/02",
        "2026-10-02 14:05",
        "2026-10-02T14:05:00Z",
        "2 Oct 2026",
        "2nd October 2026",
        "Oct 2, 2026",
        "Friday, October 2 2026",
        "02.10.2026",
    ],
)
def test_dates_with_one_meaning_are_read(text: str) -> None:
    assert parse_day(text) == OCT_2


@pytest.mark.parametrize("text", ["20/10/2026", "10/20/2026", "20/10/26"])
def test_a_day_above_twelve_tells_the_order(text: str) -> None:
    assert parse_day(text) == dt.date(2026, 10, 20)


def test_an_ambiguous_date_names_both_readings() -> None:
    with pytest.raises(DateError, match="could be 3 November or 11 March"):
        parse_day("03/11/2026")


@pytest.mark.parametrize(("order", "day"), [("DMY", 3), ("MDY", 11)])
def test_the_date_format_settles_it(order: str, day: int) -> None:
    assert parse_day("03/11/2026", order).day == day


def test_a_pattern_reads_exactly_that_shape() -> None:
    assert parse_day("2.10.26", "%d.%m.%y") == OCT_2
    with pytest.raises(DateError, match="does not match --date-format"):
        parse_day("2026-10-02", "%d.%m.%y")


@pytest.mark.parametrize("text", ["soon", "31/02/2026", "2 Foo 2026"])
def test_what_is_not_a_day_is_an_error(text: str) -> None:
    with pytest.raises(DateError):
        parse_day(text)
