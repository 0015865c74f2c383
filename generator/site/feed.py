"""An Atom feed of the entries, for a mentor's feed reader (RFC 4287)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from xml.etree import ElementTree as ET

from ..insights.analysis import Analysis
from ..insights.names import LogNames, log_names
from ..model import AnyEntry, Rejection
from ..vocabulary import decision_name, entry_title, stage_name, status_label

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
MAX_ITEMS = 50


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def summary(entry: AnyEntry, analysis: Analysis, names: LogNames | None = None) -> str:
    """A short plain-text summary: the facts, not the diary; tracks under the log's names; in
    the log's language."""
    names = names or log_names([entry])
    words = analysis.settings.language
    if isinstance(entry, Rejection):
        facts = analysis.of(entry)
        parts = [
            words.gettext(
                "%(role)s at %(company)s: reached %(stage)s; feedback: %(feedback)s.",
                role=entry.role,
                company=entry.company,
                stage=stage_name(facts.stage_reached, words),
                feedback=status_label(facts.feedback, words),
            )
        ]
    else:
        parts = [entry_title(entry, words) + "."]
        if entry.decision and entry.track:
            parts.append(
                words.gettext(
                    "Decision: %(decision)s (%(track)s).",
                    decision=decision_name(entry.decision, words),
                    track=names.track(entry.track),
                )
            )
        elif entry.decision:
            decision = decision_name(entry.decision, words)
            parts.append(words.gettext("Decision: %(decision)s.", decision=decision))
    if entry.lessons:
        lessons = "; ".join(lesson.rstrip(". ") for lesson in entry.lessons)
        parts.append(words.gettext("Lessons: %(lessons)s.", lessons=lessons))
    return " ".join(" ".join(part.split()) for part in parts)


def atom_feed(
    entries: Sequence[AnyEntry],
    *,
    title: str,
    site_url: str,
    url_for: Callable[[AnyEntry], str],
    analysis: Analysis,
    author: str | None = None,
    names: LogNames | None = None,
) -> bytes:
    """The feed document; `url_for` gives each entry's page path relative to `site_url`.

    `analysis` is the log's analysis (`insights.analysis.analyse`): summaries read its facts.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    names = names or log_names(entries, analysis.settings.skill_aliases)
    words = analysis.settings.language
    newest = sorted(entries, key=lambda e: (e.date, e.id), reverse=True)[:MAX_ITEMS]
    _text(feed, "title", title)
    _text(feed, "id", base)
    _text(feed, "updated", _stamp(newest[0].date) if newest else "1970-01-01T00:00:00Z")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + FEED_PATH)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base)
    writer = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(writer, "name", author or title)
    _text(feed, "generator", "Recovery Log")
    for entry in newest:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = base + url_for(entry).lstrip("/")
        _text(item, "title", entry_title(entry, words))
        _text(item, "id", url)
        _text(item, "updated", _stamp(entry.date))
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(item, "summary", summary(entry, analysis, names))
        for tag in entry.tags:
            ET.SubElement(item, f"{{{ATOM}}}category", term=tag)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element
