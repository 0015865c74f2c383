"""Field values are data, never markup: a real `mkdocs build --strict` of hostile entries.

Every text field of a small log holds HTML, Markdown, Jinja and extension syntax. On every
generated page the text must read exactly as typed (compared on the visible text, parsed with
`html.parser`), and nothing of it may become an element, an attribute or a link. The Markdown
body of an entry is the one place where the user writes Markdown, and it is rendered as such.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import TODAY_TEXT, built, fold, parse_html

from generator.site.details import slug

PAYLOAD = (
    "<img src=x onerror=alert({n})> {{% raw %}} [link](javascript:alert({n})) `code` | pipe | "
    "$math$ :emoji: ==mark== <!-- comment --> *bold* <script>alert({n})</script> {{{{ config }}}}"
)
FIELDS = [
    "role",
    "track",
    "skill",
    "strength",
    "lesson",
    "tag",
    "summary",
    "source",
    "format",
    "notes",
    "evidence",
    "plan",
    "extra",
    "title",
    "ask",
    "progress",
]
TEXT = {
    name: f"{name.capitalize()} {PAYLOAD.format(n=index)}" for index, name in enumerate(FIELDS, 2)
}
TEXT["company"] = "Acme | <script>alert(1)</script> {{ config }} *bold*"
TEXT["extra_key"] = "Key {: .cls } <i>k</i> [x](javascript:alert(99))"

REJECTION_IDS = ["2026-11-03-acme-one", "2026-11-10-acme-two", "2026-11-17-acme-three"]
OVERDUE_ID = "2026-11-01-acme-overdue"
REFLECTION_ID = "2026-11-21-looking-back"
REJECTION_TITLE = f"{TEXT['role']} at {TEXT['company']}"


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text)


def rejection(day: str) -> str:
    return textwrap.dedent(
        f"""\
        date: {day}
        company: {q(TEXT["company"])}
        role: {q(TEXT["role"])}
        track: {q(TEXT["track"])}
        applied: 2026-10-01
        stage: final
        process:
          - stage: phone
            format: {q(TEXT["format"])}
            notes: {q(TEXT["notes"])}
          - stage: final
        feedback:
          requested: {day}
          via: email
          received: {day}
          from: {q(TEXT["source"])}
          summary: {q(TEXT["summary"])}
        gaps:
          - skill: {q(TEXT["skill"])}
            severity: high
            evidence: {q(TEXT["evidence"])}
            plan: {q(TEXT["plan"])}
        strengths: [{q(TEXT["strength"])}]
        lessons: [{q(TEXT["lesson"])}]
        mood: 2
        tags: [{q(TEXT["tag"])}]
        extra:
          {q(TEXT["extra_key"])}: {q(TEXT["extra"])}
        notes: |
          The body is *Markdown*: emphasis works here, and only here.
        """
    )


ENTRIES = {
    **{f"{entry_id}.yml": rejection(entry_id[:10]) for entry_id in REJECTION_IDS},
    f"{OVERDUE_ID}.md": (
        f"---\ndate: 2026-11-01\ncompany: {q(TEXT['company'])}\nrole: {q(TEXT['role'])}\n"
        "---\nNo feedback asked yet.\n"
    ),
    f"{REFLECTION_ID}.md": textwrap.dedent(
        f"""\
        ---
        type: reflection
        date: 2026-11-21
        title: {q(TEXT["title"])}
        about: [{REJECTION_IDS[0]}]
        progress:
          - skill: {q(TEXT["skill"])}
            status: learning
            note: {q(TEXT["progress"])}
        decision: persist
        track: {q(TEXT["track"])}
        ask_mentor:
          - {q(TEXT["ask"])}
        strengths: [{q(TEXT["strength"])}]
        lessons: [{q(TEXT["lesson"])}]
        mood: 3
        ---
        Looking back, *emphasis* is rendered in a reflection too.
        """
    ),
}

PAGES: dict[str, list[str]] = {
    "": ["company", "role", "skill", "track", "title"],
    "entries/": ["company", "role", "title"],
    f"entries/{REJECTION_IDS[0]}/": [
        "company",
        "role",
        "track",
        "tag",
        "format",
        "notes",
        "source",
        "summary",
        "skill",
        "evidence",
        "plan",
        "strength",
        "lesson",
        "extra_key",
        "extra",
        "title",
    ],
    f"entries/{REFLECTION_ID}/": [
        "title",
        "company",
        "role",
        "track",
        "skill",
        "progress",
        "ask",
        "strength",
        "lesson",
    ],
    "skills/": ["skill", "company", "role", "evidence", "plan", "track", "strength", "title"],
    "feedback/": ["company", "role"],
    "interviews/": ["company", "role", "format", "lesson"],
    "tracks/": ["track", "company", "role", "skill", "strength", "title"],
    "lessons/": ["lesson", "company", "role", "title"],
    "reflections/": ["title", "company", "role", "track"],
    "mentor/": ["ask", "title", "company", "role", "lesson", "skill", "track"],
    "entry-format/": [],  # made from the schema alone: no user text
}
PAGES.update(
    {
        f"skills/{slug(TEXT['skill'])}/": ["skill", "company", "role", "evidence", "plan", "title"],
        f"skills/strengths/{slug(TEXT['strength'])}/": ["strength", "company", "role", "title"],
        f"tracks/{slug(TEXT['track'])}/": ["track", "company", "role", "skill", "strength"],
        f"tracks/{slug(TEXT['role'])}/": ["role", "company"],
        **{f"interviews/{stage}/": ["company", "role"] for stage in ("applied", "screen")},
        **{f"interviews/{stage}/": [] for stage in ("phone", "technical", "take-home")},
        **{f"interviews/{stage}/": [] for stage in ("onsite", "final", "offer")},
    }
)
"""The detail pages behind the overview pages: the skill's, the strength's, each track's and
each stage's."""
ENTRY_PAGES = {f"entries/{REJECTION_IDS[0]}/", f"entries/{REFLECTION_ID}/"}

SVG_TAGS = {"svg", "title", "desc", "g", "text", "rect", "line", "polyline", "circle"}
SVG_TAGS |= {"defs", "pattern", "path"}  # the fills of the skills chart's statuses


# -- reading a page --------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    in_article: bool
    in_svg: bool
    figure: str = ""
    """The id of the <figure> (a chart) the element is in, if any."""
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return fold("".join(self.parts))


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    article_text: str = ""


def parse(html: str) -> Page:
    """Every element with its attributes and text, from the one HTML reader (tests/helpers)."""
    document = parse_html(html)
    page = Page()
    for node in document.iter():
        if node is document:
            continue
        figure = node.inside("figure")
        page.elements.append(
            Element(
                node.tag,
                node.attrs,
                in_article=node.inside("article") is not None,
                in_svg=node.tag == "svg" or node.inside("svg") is not None,
                figure=figure.attrs.get("id", "") if figure else "",
                parts=list(node.strings()),
            )
        )
    articles = document.find_all("article")
    page.article_text = fold(" ".join(articles[0].strings())) if articles else ""
    return page


def injected(page: Page) -> list[str]:
    """Everything on the page that user text turned into markup, described for a message."""
    found = []
    for element in page.elements:
        attrs = element.attrs
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{element.tag} {name}={value!r}>")
            is_url = name in {"href", "src", "action", "formaction", "xlink:href", "data"}
            if is_url and "".join(value.split()).lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag == "script" and "alert(" in element.text:
            found.append(f"<script>{element.text}</script>")
        if element.tag == "img" and attrs.get("src") == "x":
            found.append("<img src=x>")
        if "cls" in attrs.get("class", "").split():
            found.append(f"<{element.tag} class=cls> (attr_list)")
        if element.in_article and (element.tag, element.text) in {
            ("code", "code"),
            ("em", "bold"),
            ("strong", "bold"),
            ("mark", "mark"),
            ("a", "link"),
            ("i", "k"),
        }:
            found.append(f"<{element.tag}>{element.text}</{element.tag}> (Markdown or HTML)")
    return found


# -- the site --------------------------------------------------------------------------------


@dataclass
class Site:
    root: Path
    output: str

    def html(self, url: str) -> str:
        return (self.root / "site" / url / "index.html").read_text(encoding="utf-8")

    def page(self, url: str) -> Page:
        return parse(self.html(url))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("injection")
    (root / "mkdocs.yml").write_text(
        "site_name: Injection\n"
        "theme:\n  name: material\n"
        "plugins:\n  - search\n  - recovery-log:\n"
        f"      today: {TODAY_TEXT}\n",
        encoding="utf-8",
    )
    (root / "docs").mkdir()
    for name, text in ENTRIES.items():
        (root / "entries").mkdir(exist_ok=True)
        (root / "entries" / name).write_text(text, encoding="utf-8")
    done = built(root)
    return Site(root, done.output)


def test_every_hostile_entry_loads_and_the_strict_build_passes(site: Site) -> None:
    assert "WARNING" not in site.output
    for entry_id in [*REJECTION_IDS, OVERDUE_ID, REFLECTION_ID]:
        assert (site.root / "site" / "entries" / entry_id / "index.html").is_file()


def test_every_generated_page_is_checked_here(site: Site) -> None:
    built = {
        path.parent.relative_to(site.root / "site").as_posix() + "/"
        for path in (site.root / "site").rglob("index.html")
    }
    built = {"" if url == "./" else url for url in built}
    entry_pages = {f"entries/{entry_id}/" for entry_id in [*REJECTION_IDS, OVERDUE_ID]}
    assert built - {"problems/"} - entry_pages == set(PAGES) - ENTRY_PAGES | {
        f"entries/{REFLECTION_ID}/"
    }


@pytest.mark.parametrize(
    ("url", "field_name"),
    [
        pytest.param(url, name, id=f"{url or 'dashboard'}:{name}")
        for url in PAGES
        for name in PAGES[url]
    ],
)
def test_field_text_is_shown_literally(site: Site, url: str, field_name: str) -> None:
    text = site.page(url).article_text
    assert TEXT[field_name] in text, f"{TEXT[field_name]!r} not shown as typed on {url!r}"


@pytest.mark.parametrize("url", [pytest.param(url, id=url or "dashboard") for url in PAGES])
def test_no_field_becomes_markup(site: Site, url: str) -> None:
    assert injected(site.page(url)) == []


@pytest.mark.parametrize("url", sorted(ENTRY_PAGES))
def test_the_page_title_in_the_head_and_header_is_text(site: Site, url: str) -> None:
    """Themes print page titles as HTML: the plugin turns < and > into look-alike quotes."""
    page = site.page(url)
    title = REJECTION_TITLE if REJECTION_IDS[0] in url else TEXT["title"]
    [head] = [e for e in page.elements if e.tag == "title" and not e.in_svg]
    topics = [e.text for e in page.elements if "md-header__topic" in e.attrs.get("class", "")]
    [topic] = [text for text in topics if "alert" in text]
    for shown in (head.text, topic):
        assert "<" not in shown and ">" not in shown
        assert fold(title) in shown.replace("\u2039", "<").replace("\u203a", ">")


@pytest.mark.parametrize(
    ("url", "chart", "label"),
    [
        ("skills/", "rl-top-gaps", TEXT["skill"]),
        ("interviews/", "rl-progress-1", TEXT["company"]),
        ("reflections/", "rl-mood", REJECTION_TITLE),
        ("reflections/", "rl-mood", TEXT["title"]),
    ],
)
def test_chart_labels_are_escaped_text(site: Site, url: str, chart: str, label: str) -> None:
    page = site.page(url)
    figure = [e for e in page.elements if e.tag == "figure" and e.attrs.get("id") == chart]
    assert figure, f"no chart {chart} on {url}"
    svg = [e for e in page.elements if e.in_svg and e.figure == chart]
    assert {e.tag for e in svg} <= SVG_TAGS
    titles = " ".join(e.text for e in svg if e.tag in {"title", "desc"})
    assert fold(label) in titles
    assert not [name for e in svg for name in e.attrs if name.startswith("on")]


def test_bar_chart_label_is_the_skill_shortened_as_text(site: Site) -> None:
    page = site.page("skills/")
    svg_texts = [e.text for e in page.elements if e.figure == "rl-top-gaps" and e.tag == "text"]
    assert TEXT["skill"][:29] + "…" in svg_texts


@pytest.mark.parametrize(
    ("url", "word"),
    [(f"entries/{REJECTION_IDS[0]}/", "Markdown"), (f"entries/{REFLECTION_ID}/", "emphasis")],
)
def test_the_markdown_body_is_rendered_as_markdown(site: Site, url: str, word: str) -> None:
    emphasised = [e.text for e in site.page(url).elements if e.tag == "em" and e.in_article]
    assert word in emphasised
    assert f"*{word}*" not in site.page(url).article_text


def test_a_jinja_expression_in_a_field_is_never_evaluated(site: Site) -> None:
    for url in (url for url, fields in PAGES.items() if fields):  # pages that show user text
        html = site.html(url)
        assert "site_name" not in html, url
        if "company" in PAGES[url]:  # the company's name has the expression in it
            assert "{{ config }}" in site.page(url).article_text, url


@pytest.mark.parametrize(
    "html",
    [
        "<p><img src=x onerror=alert(1)></p>",
        "<script>alert(1)</script>",
        '<a href=" JavaScript:alert(1)">x</a>',
        "<article><p><code>code</code></p></article>",
        "<article><p><em>bold</em></p></article>",
        '<p class="cls">attr_list</p>',
        '<svg><text onload="alert(1)">x</text></svg>',
    ],
)
def test_the_checker_sees_markup_made_from_user_text(html: str) -> None:
    assert injected(parse(f"<html><head><title>t</title></head><body>{html}</body></html>"))


def test_the_checker_reads_tags_in_the_head_title_as_text() -> None:
    page = parse("<html><head><title><script>alert(1)</script></title></head><body></body></html>")
    assert injected(page) == []
    assert [e.text for e in page.elements if e.tag == "title"] == ["<script>alert(1)</script>"]
