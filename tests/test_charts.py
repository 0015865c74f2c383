"""The charts' content: what each says in words, dates as prose, statuses told apart without
colour, drawings that fit their box, and "getting further" read per track in stage names."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from insight_log import R1, R3, R5, R7, R10, SETTINGS, load_entries, write_entries
from pseudo import english_words_on_page

from generator.i18n import PSEUDO, Language
from generator.insights.analysis import Analysis, analyse, rejection_facts
from generator.insights.progress import track_progress
from generator.insights.tracks import tracks_report
from generator.site import charts
from generator.site.charts import Bar, Point

SVG = "{http://www.w3.org/2000/svg}"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
GAPS = [
    Bar("Tableau", 2, "recurring"),
    Bar("SQL window functions", 5, "learning"),
    Bar("dbt", 1, "open"),
]
MOODS = ["1 crushed", "2 low", "3 getting by", "4 steady", "5 fine"]
MOOD_POINTS = [
    Point(dt.date(2026, 3, 18), 1, "Brightwater"),
    Point(dt.date(2026, 6, 9), 2, "Parcelpoint"),
    Point(dt.date(2026, 11, 5), 3, "Tidewell"),
]


def svg_of(markup: str) -> ET.Element:
    return ET.fromstring(markup[markup.index("<svg") : markup.index("</svg>") + 6])


def texts(svg: ET.Element) -> list[str]:
    return [el.text or "" for el in svg.iter(f"{SVG}text")]


def desc(svg: ET.Element) -> str:
    return svg.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]


def hidden_rows(markup: str) -> list[list[str]]:
    table = markup[markup.index("<table") : markup.index("</table>") + 8]
    return [
        [cell.text or "" for cell in row]
        for row in ET.fromstring(table).iter("tr")
        if row.find("td") is not None
    ]


@pytest.fixture
def gaps_chart() -> str:
    return str(charts.bar_chart("gaps", "Gaps", GAPS, ("rejection", "rejections")))


def test_a_count_of_one_is_singular_in_the_text_alternative(gaps_chart: str) -> None:
    words = desc(svg_of(gaps_chart))
    assert "dbt: 1 rejection, open" in words
    assert "SQL window functions: 5 rejections, learning" in words
    assert "1 rejections" not in gaps_chart


def test_bars_keep_the_order_they_are_given(gaps_chart: str) -> None:
    assert [row[0] for row in hidden_rows(gaps_chart)] == ["Tableau", "SQL window functions", "dbt"]


def test_each_status_bar_names_its_status_in_words(gaps_chart: str) -> None:
    shown = texts(svg_of(gaps_chart))
    for status in ("recurring", "learning", "open"):
        assert shown.count(status) == 2, f"{status}: once by its bar, once in the legend"


def test_the_legend_lists_only_the_statuses_shown_in_the_skills_order(gaps_chart: str) -> None:
    svg = svg_of(gaps_chart)
    keys = [
        g.find(f"{SVG}text").text for g in svg.iter(f"{SVG}g") if g.get("class") == "rl-chart__key"
    ]  # type: ignore[union-attr]
    assert keys == ["recurring", "open", "learning"]


def test_statuses_differ_by_pattern_not_only_by_colour(gaps_chart: str) -> None:
    svg = svg_of(gaps_chart)
    patterns = {p.get("id"): len(list(p)) for p in svg.iter(f"{SVG}pattern")}
    # The recurring and learning fills carry a mark over their colour; open is plain.
    assert patterns["gaps-recurring"] == 2 and patterns["gaps-learning"] == 2
    assert patterns["gaps-open"] == 1


def test_the_hidden_table_gives_each_status(gaps_chart: str) -> None:
    assert hidden_rows(gaps_chart)[0] == ["Tableau", "2", "recurring"]


def test_bars_without_status_have_no_legend() -> None:
    markup = str(charts.bar_chart("funnel", "Funnel", [Bar("applied", 4), Bar("screen", 2)]))
    assert "rl-chart__key" not in markup
    assert "<pattern" not in markup


def test_the_longest_bar_leaves_room_for_its_number(gaps_chart: str) -> None:
    svg = svg_of(gaps_chart)
    bars = [r for r in svg.iter(f"{SVG}rect") if "rl-chart__bar--status" in (r.get("class") or "")]
    longest = max(float(r.get("width") or 0) for r in bars)
    assert longest <= charts.WIDTH - charts.VALUE_ROOM
    numbers = [float(t.get("x") or 0) for t in svg.iter(f"{SVG}text") if (t.text or "") == "5"]
    assert numbers and numbers[0] + len("5") * 9 < charts.WIDTH


def test_a_chart_is_drawn_for_a_phone_and_scales_to_its_column(gaps_chart: str) -> None:
    svg = svg_of(gaps_chart)
    assert svg.get("width") == "100%"
    assert svg.get("viewBox", "").startswith(f"0 0 {charts.WIDTH} ")
    assert charts.WIDTH <= 420


@pytest.fixture
def mood_chart() -> str:
    return str(charts.timeline_chart("mood", "Mood", MOOD_POINTS, MOODS))


def test_dates_are_prose_never_iso(mood_chart: str) -> None:
    assert not ISO_DATE.search(mood_chart)
    assert "18 March 2026 (Brightwater): 2 low" in desc(svg_of(mood_chart))
    assert hidden_rows(mood_chart)[0] == ["18 March 2026 (Brightwater)", "2 low"]


def test_the_axis_names_months_in_short(mood_chart: str) -> None:
    axis = [t for t in texts(svg_of(mood_chart)) if re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t)]
    assert axis[0] == "Mar 2026"
    assert axis[-1] == "Nov 2026"
    assert len(axis) >= 3


def test_one_point_gets_one_axis_label() -> None:
    markup = str(charts.timeline_chart("one", "One", MOOD_POINTS[:1], MOODS))
    assert [t for t in texts(svg_of(markup)) if t.endswith("2026")] == ["Mar 2026"]


# --------------------------------------------------------------------------------------------
# Getting further, per track
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    entries = load_entries(write_entries(tmp_path_factory.mktemp("charts-log") / "entries"))
    return analyse(entries, SETTINGS)


@pytest.fixture(scope="module")
def tracks(analysis: Analysis):
    return {t.name: t for t in tracks_report(analysis)}


def test_progress_is_read_within_one_track(tracks, analysis: Analysis) -> None:
    facts = [analysis.of(r) for r in tracks["data analysis"].rejections]
    progress = track_progress("data analysis", facts)
    assert [r.id for r, _ in progress.steps] == [R1, R3, R5, R7, R10]
    # Oldest first: phone, onsite | final | technical, screen: the middle one is left out.
    assert (progress.earlier, progress.later, progress.direction) == ("phone", "screen", "earlier")
    assert progress.halves == 2


def test_one_process_has_no_direction(tracks, analysis: Analysis) -> None:
    product = tracks["Product Analyst"]
    progress = track_progress("Product Analyst", [analysis.of(product.rejections[0])])
    assert progress.direction == ""
    assert len(progress.steps) == 1


@pytest.mark.parametrize(
    ("first", "last", "direction"),
    [("phone", "onsite", "further"), ("onsite", "onsite", "same"), ("final", "screen", "earlier")],
)
def test_the_direction_compares_stage_names(tracks, first: str, last: str, direction: str) -> None:
    two = tracks["data analysis"].rejections[:2]
    steps = [replace(r, stage=s, process=()) for r, s in zip(two, (first, last), strict=True)]
    progress = track_progress("t", [rejection_facts(r, SETTINGS) for r in steps])
    assert (progress.earlier, progress.later, progress.direction) == (first, last, direction)


GERMAN, ARABIC = Language("de"), Language("ar", "rtl")


def test_a_german_chart_counts_and_names_statuses_in_german() -> None:
    markup = str(charts.bar_chart("g", "Lücken", GAPS, ("rejection", "rejections"), "", GERMAN))
    assert "dbt: 1 Absage, offen" in desc(svg_of(markup))
    assert re.findall(r"<th>([^<]*)</th>", markup) == ["Name", "Absagen", "Status"]
    assert "wiederkehrend" in texts(svg_of(markup))


def test_a_german_timeline_writes_german_dates_and_months() -> None:
    markup = str(charts.timeline_chart("m", "Stimmung", MOOD_POINTS, MOODS, "", GERMAN))
    assert "18. März 2026 (Brightwater)" in desc(svg_of(markup))
    assert "März 2026" in texts(svg_of(markup))


def test_a_pseudo_language_chart_has_no_english_word() -> None:
    bars = str(charts.bar_chart("g", "⟦Ĝåþš⟧", GAPS, ("rejection", "rejections"), "", PSEUDO))
    line = str(charts.timeline_chart("m", "⟦Ɱööđ⟧", MOOD_POINTS, ["⟦łöŵ⟧"] * 5, "", PSEUDO))
    fixture = [bar.label for bar in GAPS] + [point.label for point in MOOD_POINTS]
    assert english_words_on_page(bars + line, fixture) == []


def test_a_right_to_left_chart_starts_its_labels_at_the_right() -> None:
    svg = svg_of(str(charts.bar_chart("g", "G", GAPS, ("rejection", "rejections"), "", ARABIC)))
    assert svg.get("direction") == "rtl"
    label = next(el for el in svg.iter(f"{SVG}text") if el.text == "Tableau")
    assert float(label.get("x", "0")) > charts.WIDTH - 5
    bar = next(
        el for el in svg.iter(f"{SVG}rect") if "rl-chart__bar--learning" in el.get("class", "")
    )
    assert float(bar.get("x", "0")) + float(bar.get("width", "0")) == charts.WIDTH


def test_a_right_to_left_timeline_runs_from_right_to_left() -> None:
    svg = svg_of(str(charts.timeline_chart("m", "M", MOOD_POINTS, MOODS, "", ARABIC)))
    xs = [float(dot.get("cx", "0")) for dot in svg.iter(f"{SVG}circle")]
    assert xs == sorted(xs, reverse=True)
