"""The insight pages as a reader sees them: a real `mkdocs build --strict` of the known-answer log.

The site is built once for the module (tests/insight_log.py, "today" pinned to 2026-11-26,
`postgres` and `PostgreSQL` aliased to SQL) and read back with `html.parser`. Only the article
of each page is looked at: the theme's navigation, header and footer are not ours.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from helpers import Build, Node, built
from insight_log import (
    ALL_IDS,
    F1,
    F3,
    F4,
    MKDOCS_YML,
    R1,
    R2,
    R3,
    R4,
    R5,
    R6,
    R7,
    R8,
    R9,
    R10,
    write_entries,
)

PAGES = {
    "dashboard": "/",
    "skills": "/skills/",
    "feedback": "/feedback/",
    "interviews": "/interviews/",
    "tracks": "/tracks/",
    "lessons": "/lessons/",
    "reflections": "/reflections/",
}
"""The pages under test, by their address in the built site."""
EN_DASH = "\N{EN DASH}"
TIMES = "\N{MULTIPLICATION SIGN}"

CHARTS = [
    ("skills", "rl-top-gaps"),
    ("interviews", "rl-funnel"),
    ("interviews", "rl-progress-1"),
    ("reflections", "rl-mood"),
]

# --------------------------------------------------------------------------------------------
# Reading HTML: a small tree from html.parser
# --------------------------------------------------------------------------------------------


def rows(table: Node) -> list[list[Node]]:
    """The body rows of a table, each as its cells."""
    return [tr.find_all("td") for tr in table.find("tbody").find_all("tr")]


def entry_ids(node: Node) -> list[str]:
    """The ids of the entries `node` links to, in order."""
    found = []
    for href in node.hrefs():
        match = re.search(r"entries/([^/#]+)/$", href)
        if match:
            found.append(match.group(1))
    return found


def sections(article: Node, heading: str) -> dict[str, list[Node]]:
    """The article's top-level nodes grouped under each `heading` (h2/h3) by its text."""
    grouped: dict[str, list[Node]] = {}
    current = None
    for child in article.children:
        if not isinstance(child, Node):
            continue
        if child.tag == heading:
            current = child.text()
            grouped[current] = []
        elif current is not None:
            if child.tag in ("h1", "h2") and heading == "h3":
                current = None
                continue
            grouped[current].append(child)
    return grouped


def text_of(nodes: list[Node]) -> str:
    return " ".join(n.text() for n in nodes)


# --------------------------------------------------------------------------------------------
# The built site
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Build:
    project = tmp_path_factory.mktemp("insight-site")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (project / "docs").mkdir()
    write_entries(project / "entries")
    return built(project)


@pytest.fixture(scope="module")
def article(site):
    cache: dict[str, Node] = {}

    def get(page: str) -> Node:
        if page not in cache:
            cache[page] = site.article(PAGES.get(page, page))
        return cache[page]

    return get


def test_the_site_builds_strictly_with_a_page_for_every_entry(site):
    for entry_id in ALL_IDS:
        assert site.file_for(f"/entries/{entry_id}/").is_file(), entry_id


# --------------------------------------------------------------------------------------------
# Links: every figure's evidence is a built entry page
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_link_on_the_page_resolves_to_a_built_page(site, article, page):
    url = PAGES[page]
    broken = []
    for href in article(page).hrefs():
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):
            continue
        target = urljoin(url, href)
        file = site.file_for(target)
        if not file.is_file():
            broken.append(href)
            continue
        fragment = urlsplit(target).fragment
        if fragment and not any(
            n.attrs.get("id") == fragment for n in site.document(target).iter()
        ):
            broken.append(href)
    assert not broken


@pytest.mark.parametrize("page", PAGES)
def test_the_evidence_links_on_the_page_go_to_entry_pages(site, article, page):
    linked = set()
    for href in article(page).hrefs():
        target = urljoin(PAGES[page], href)
        match = re.fullmatch(r"/entries/([^/]+)/", urlsplit(target).path)
        if match:
            assert site.file_for(target).is_file(), href
            linked.add(match.group(1))
    assert linked, "no link to an entry"
    assert linked <= set(ALL_IDS)


# --------------------------------------------------------------------------------------------
# Skills gap
# --------------------------------------------------------------------------------------------


def skills_table(article) -> dict[str, list[Node]]:
    table = next(
        t
        for t in article("skills").find_all("table")
        if "rl-data" not in t.classes and t.find("th").text() == "Skill"
    )
    return {cells[0].text(): cells for cells in rows(table)}


def test_skills_page_lists_gaps_most_pressing_first_under_their_shown_names(article):
    assert list(skills_table(article)) == [
        "Tableau",
        "SQL window functions",
        "SQL",
        "A/B testing",
        "dbt",
        "data modelling",
        "Airflow",
        "pandas",
    ]


def test_skills_page_never_shows_an_aliased_or_minority_spelling_as_a_skill(article):
    names = {name.casefold() for name in skills_table(article)}
    assert not names & {"postgres", "postgresql"}
    assert sum(name == "sql window functions" for name in names) == 1


@pytest.mark.parametrize(
    ("skill", "status", "severity", "cited_by"),
    [
        ("Tableau", "recurring", "high", [R3, R7]),
        ("SQL window functions", "learning", "high", [R1, R3, R5, R7, R10]),
        ("SQL", "open", "medium", [R3, R5, R7]),
        ("A/B testing", "open", "medium", [R4, R9]),
        ("pandas", "closed", "low", [R1]),
    ],
)
def test_skills_page_row_gives_status_severity_and_the_citing_rejections(
    article, skill, status, severity, cited_by
):
    cells = skills_table(article)[skill]
    texts = [cell.text() for cell in cells]
    assert status in texts
    assert severity in texts
    assert any(re.match(rf"{len(cited_by)}\b", text) for text in texts)
    assert entry_ids(Node("tr", children=list(cells))) == cited_by


def test_skills_page_shows_first_and_last_seen(article):
    texts = [cell.text() for cell in skills_table(article)["SQL window functions"]]
    assert f"10 Mar {EN_DASH} 10 Nov 2026" in texts  # one year: said once


def test_skills_page_tells_when_a_recurring_gap_was_closed_and_cited_again(article):
    assert (
        "Closed on 24 August 2026, then cited again on 27 October 2026" in article("skills").text()
    )


def test_skills_page_recurring_note_is_a_paragraph_of_its_own(article):
    paragraphs = [p.text() for p in article("skills").find_all("p")]
    assert any(p.startswith("Closed on 24 August 2026") for p in paragraphs)
    items = [li.text() for li in article("skills").find_all("li")]
    assert not any("Closed on 24 August 2026" in li for li in items)


def test_skills_page_gap_story_lists_citations_and_progress(article):
    story = sections(article("skills"), "h3")["Tableau"]
    items = [li.text() for li in story[0].find_all("li")]
    assert items[0].startswith("14 May 2026 — cited by Data Analyst at Northwind")
    assert items[1].startswith("24 August 2026 — closed, in Reflection, 2026-08-24")
    assert items[2].startswith("27 October 2026 — cited by Junior Data Analyst at Kestrel")
    assert entry_ids(story[0]) == [R3, "2026-08-24-reflection-tableau-done", R7]


def test_skills_page_strengths_are_counted_with_folding(article):
    table = next(
        t for t in article("skills").find_all("table") if t.find("th").text() == "Strength"
    )
    assert [(c[0].text(), c[1].text(), entry_ids(c[2])) for c in rows(table)] == [
        ("stakeholder communication", "5", [R1, R3, R4, R5, R7]),
        ("clear writing", "2", [R4, F1]),
        ("curiosity", "1", [R6]),
    ]


# --------------------------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------------------------


def test_feedback_page_counts_rejections_by_status_with_links(article):
    table = next(
        t for t in article("feedback").find_all("table") if t.find("th").text() == "Feedback"
    )
    assert [(c[0].text(), c[1].text(), entry_ids(c[2])) for c in rows(table)] == [
        ("not asked yet", "3", [R8, R10, R9]),
        ("waiting for a reply", "2", [R6, R7]),
        ("received", "3", [R1, R4, R5]),
        ("they give no feedback", "1", [R2]),
        ("chose not to ask", "1", [R3]),
    ]


def test_feedback_page_gives_the_response_rate(article):
    assert "Response rate: 3 of 6 requests replied to (50%)" in article("feedback").text()


def test_feedback_page_gives_the_median_promptness(article):
    assert "you usually ask 2.5 days after the rejection (the median)" in article("feedback").text()


def test_feedback_page_lists_each_requests_promptness(article):
    table = next(
        t for t in article("feedback").find_all("table") if t.find("th").text() == "Rejection"
    )
    assert [(entry_ids(c[0]), c[1].text()) for c in rows(table)] == [
        ([R7], "24"),
        ([R6], "1"),
        ([R5], "5"),
        ([R4], "1"),
        ([R2], "3"),
        ([R1], "2"),
    ]


def action_rows(article, heading: str) -> list[tuple[str, str, str, list[str]]]:
    """(company, role, days, linked entry ids) of each row of a feedback list."""
    table = next(n for n in sections(article("feedback"), "h2")[heading] if n.tag == "table")
    return [(c[0].text(), c[1].text(), c[2].text(), entry_ids(c[3])) for c in rows(table)]


def drafts(article) -> dict[str, list[Node]]:
    below = sections(article("feedback"), "h2")["Drafts for the most urgent"]
    return sections(Node("div", children=below), "h3")


def test_feedback_page_lists_to_ask_now_the_rejections_of_the_last_due_days(article):
    assert action_rows(article, "To ask now") == [("Harbor Bank", "Product Analyst", "4", [R9])]


def test_feedback_page_lists_overdue_rejections_oldest_first_with_their_days(article):
    assert action_rows(article, "Overdue, still worth asking") == [
        ("Tidewell Energy", "Analytics Engineer", "21", [R8]),
        ("Opal Insights", "Data Analyst", "16", [R10]),
    ]


def test_feedback_page_lists_requests_to_chase_with_days_since_asking(article):
    assert action_rows(article, "To chase") == [
        ("Quarry Labs", "Analytics Engineer", "51", [R6])
    ]


def test_feedback_page_drafts_the_most_urgent_ask_now_first(article):
    assert list(drafts(article)) == [
        "Product Analyst at Harbor Bank",
        "Analytics Engineer at Quarry Labs",
        "Data Analyst at Opal Insights",
        "Analytics Engineer at Tidewell Energy",
    ]


def test_feedback_page_drafts_a_request_for_a_rejection_not_asked_yet(article):
    draft = drafts(article)["Data Analyst at Opal Insights"][1].find("pre").text()
    assert draft.startswith("Subject: Thank you, and a short request about the Data Analyst role")
    assert "Dear Sam Reyes," in draft
    assert "the Data Analyst role at Opal Insights" in draft
    assert "anything I could have done differently" in draft


def test_feedback_page_drafts_the_one_follow_up_for_a_request_to_chase(article):
    draft = drafts(article)["Analytics Engineer at Quarry Labs"][1].find("pre").text()
    assert draft.startswith("Subject: Following up: feedback on the Analytics Engineer role")
    assert "I wrote on 6 October to ask for feedback" in draft
    assert "this is the only reminder I will send" in draft


def test_feedback_page_drafts_are_copyable_code_blocks_folded_in_a_published_build(article):
    for draft in drafts(article).values():
        assert draft[1].tag == "details" and "open" not in draft[1].attrs
        assert "rl-email" in draft[1].classes
        assert draft[1].find("pre").find("code")


def test_feedback_page_states_the_overdue_threshold_as_more_than_due_days(article):
    intro = text_of(sections(article("feedback"), "h2")["Overdue, still worth asking"][:1])
    assert "more than 7 days" in intro
    assert "7 days or more" not in intro


# --------------------------------------------------------------------------------------------
# Interviews
# --------------------------------------------------------------------------------------------


def test_interviews_page_gives_interviews_attended_and_links_the_processes(article):
    first = next(
        p for p in article("interviews").find_all("p") if p.text().startswith("Interviews attended")
    )
    assert first.text().startswith("Interviews attended: 15, across 9 processes:")
    assert entry_ids(first) == [R1, R2, R3, R4, R5, R6, R7, R10, R9]


def test_interviews_page_funnel_keeps_the_stage_reached(article):
    table = next(
        t for t in article("interviews").find_all("table") if t.find("th").text() == "Stage"
    )
    assert [(c[0].text(), c[1].text(), entry_ids(c[2])) for c in rows(table)] == [
        ("applied", "10", [R8]),
        ("screen", "9", [R6, R10]),
        ("phone", "7", [R1, R9]),
        ("technical", "5", [R2, R7]),
        ("take-home", "3", [R4]),
        ("onsite", "2", [R3]),
        ("final", "1", [R5]),
        ("offer", "0", []),
    ]


def test_interviews_page_lists_each_rejections_furthest_stage_newest_first(article):
    table = next(
        t
        for t in article("interviews").find_all("table")
        if "rl-data" not in t.classes and t.find("th").text() == "Date"
    )
    assert [(entry_ids(c[1])[0], c[2].text()) for c in rows(table)] == [
        (R9, "phone"),
        (R10, "screen"),
        (R8, "applied"),
        (R7, "technical"),
        (R6, "screen"),
        (R5, "final"),
        (R4, "take-home"),
        (R3, "onsite"),
        (R2, "technical"),
        (R1, "phone"),
    ]


def stage_guides(article: Node) -> dict[str, list[Node]]:
    """The interviews page's stage guides: the h3 sections under "Stage by stage"."""
    children = [c for c in article.children if isinstance(c, Node)]
    start = next(i for i, c in enumerate(children) if c.text().startswith("Stage by stage"))
    return sections(Node("article", children=list(children[start:])), "h3")


def progress_by_track(article: Node) -> dict[str, str]:
    """The text of each track's section under "Are you getting further?"."""
    children = [c for c in article.children if isinstance(c, Node)]
    start = next(i for i, c in enumerate(children) if c.text() == "Are you getting further?")
    end = next(i for i, c in enumerate(children) if c.text() == "Every process")
    found = sections(Node("article", children=list(children[start:end])), "h3")
    return {track: text_of(nodes) for track, nodes in found.items()}


def test_interviews_page_reads_progress_per_track_in_stage_names(article):
    progress = progress_by_track(article("interviews"))
    assert list(progress) == ["data analysis", "analytics engineering", "Product Analyst"]
    # data analysis, oldest first: phone, onsite, (final), technical, screen.
    assert progress["data analysis"].endswith(
        "A little earlier lately: the earlier ones typically ended at phone, the recent ones "
        "at screen. That often means you are aiming at harder roles; the guides below show what "
        "each stage asked of you."
    )
    assert (
        "the first ended at technical, the latest at applied."
        in (progress["analytics engineering"])
    )
    assert "on average" not in article("interviews").text()


def test_interviews_page_draws_one_progress_chart_per_track(article):
    charts = [
        f
        for f in article("interviews").find_all("figure")
        if f.attrs.get("id", "").startswith("rl-progress")
    ]
    titles = [c.find("svg").find("title").text() for c in charts]
    assert titles == [
        "The furthest stage of each process in data analysis, over time",
        "The furthest stage of each process in analytics engineering, over time",
        "The furthest stage of each process in Product Analyst, over time",
    ]


def test_interviews_page_stage_guides_give_times_and_formats(article):
    guides = {k: text_of(v) for k, v in stage_guides(article("interviews")).items()}
    assert list(guides) == ["Screen", "Phone", "Technical", "Take-home", "Onsite", "Final"]
    assert "Came up 6 times" in guides["Screen"]
    assert f"Formats seen: recruiter call (5{TIMES}); video screen." in guides["Screen"]
    assert "Came up 3 times" in guides["Technical"]
    assert f"Formats seen: live coding (2{TIMES}); SQL quiz." in guides["Technical"]
    assert "Came up 1 time," in guides["Onsite"]
    assert "Formats seen" not in guides["Onsite"]


def test_interviews_page_stage_guides_give_the_lessons_of_processes_that_ended_there(article):
    guides = stage_guides(article("interviews"))
    technical = [li.text() for n in guides["Technical"] for li in n.find_all("li")]
    assert technical == [
        "practise live coding out loud. (Ledgerly)",
        "Ask about the first 90 days in the role. (Kestrel Logistics)",
    ]
    final = [li.text() for n in guides["Final"] for li in n.find_all("li")]
    assert final == ["PRACTISE LIVE CODING OUT LOUD. (Finch and Forge)"]


# --------------------------------------------------------------------------------------------
# Tracks
# --------------------------------------------------------------------------------------------


def track_facts(article, name: str) -> dict[str, Node]:
    """The facts list of one track: label ("Rejections", ...) -> its <li>."""
    nodes = sections(article("tracks"), "h2")[name]
    facts = {}
    for li in nodes[0].find_all("li"):
        label = li.find("strong").text().rstrip(":")
        facts[label] = li
    return facts


def test_tracks_page_lists_tracks_most_rejections_first_under_folded_names(article):
    assert list(sections(article("tracks"), "h2")) == [
        "data analysis",
        "analytics engineering",
        "Product Analyst",
    ]


@pytest.mark.parametrize(
    ("track", "rejections", "furthest", "furthest_id"),
    [
        ("data analysis", [R1, R3, R5, R7, R10], "final", R5),
        ("analytics engineering", [R2, R6, R8], "technical", R2),
        ("Product Analyst", [R4, R9], "take-home", R4),
    ],
)
def test_tracks_page_gives_rejections_and_the_furthest_stage(
    article, track, rejections, furthest, furthest_id
):
    facts = track_facts(article, track)
    assert facts["Rejections"].text().startswith(f"Rejections: {len(rejections)} —")
    assert entry_ids(facts["Rejections"]) == rejections
    assert facts["Furthest stage"].text().startswith(f"Furthest stage: {furthest} (")
    assert entry_ids(facts["Furthest stage"]) == [furthest_id]


def test_tracks_page_gives_the_gaps_that_keep_coming_up(article):
    facts = track_facts(article, "data analysis")
    assert facts["Gaps that keep coming up"].text() == (
        "Gaps that keep coming up: SQL window functions (5: Brightwater Health, Northwind, "
        "Finch and Forge, Kestrel Logistics, Opal Insights); SQL (3: Northwind, Finch and "
        "Forge, Kestrel Logistics); Tableau (2: Northwind, Kestrel Logistics)"
    )
    assert "Gaps that keep coming up" not in track_facts(article, "analytics engineering")


def test_tracks_page_gives_the_most_cited_strengths(article):
    facts = track_facts(article, "data analysis")
    assert facts["Most cited strengths"].text() == (
        "Most cited strengths: stakeholder communication (4)"
    )


@pytest.mark.parametrize(
    ("track", "decision", "reflection"),
    [("data analysis", "persist, 24 November 2026", F4), ("analytics engineering", "pivot", F3)],
)
def test_tracks_page_gives_the_latest_decision(article, track, decision, reflection):
    fact = track_facts(article, track)["Latest decision"]
    assert fact.text().startswith(f"Latest decision: {decision}")
    assert entry_ids(fact) == [reflection]


def test_tracks_page_has_no_decision_for_a_track_never_decided_on(article):
    assert "Latest decision" not in track_facts(article, "Product Analyst")


def test_only_the_track_with_three_rejections_sharing_a_skill_gets_the_note(article):
    with_note = [
        name
        for name, nodes in sections(article("tracks"), "h2").items()
        if any("rl-note" in n.classes for n in nodes)
    ]
    assert with_note == ["data analysis"]


def track_note(article) -> str:
    nodes = sections(article("tracks"), "h2")["data analysis"]
    return next(n for n in nodes if "rl-note" in n.classes).text()


def test_the_track_note_names_the_shared_gaps_and_the_strengths(article):
    note = track_note(article)
    assert "the same gaps keep coming up: SQL window functions (5 of 5), SQL (3 of 5)." in note
    assert "They also saw what you do well: stakeholder communication." in note


def test_the_track_note_shows_the_learning_instead_of_asking_about_it(article):
    note = track_note(article)
    assert "You are learning SQL window functions (skills gap)." in note
    assert "Is SQL window functions something" not in note


def test_the_track_note_shows_the_decision_instead_of_asking_for_one(article):
    note = track_note(article)
    assert "You decided to persist (Sticking with data analysis)." in note
    assert "Keep going with" not in note


def test_the_track_note_asks_only_what_is_still_open(article):
    note = track_note(article)
    assert note.startswith("A question worth asking.")
    assert "Is SQL something you want to learn for these roles?" in note
    assert "It is the one question left here." in note


def test_the_track_note_claims_no_more_rejections_for_a_gap_than_cite_it(article):
    cited = {"SQL window functions": 5, "SQL": 3}
    note = track_note(article)
    claims = dict(
        (name, int(count)) for name, count in re.findall(r"([\w ]+?) \((\d+) of \d+\)", note)
    )
    assert {name.strip(): count for name, count in claims.items()} == cited


# --------------------------------------------------------------------------------------------
# Lessons
# --------------------------------------------------------------------------------------------


def test_lessons_page_groups_repeated_lessons_with_their_count(article):
    table = article("lessons").find("table")
    assert [(c[0].text(), c[1].text(), entry_ids(c[2])) for c in rows(table)] == [
        ("Practise live coding out loud.", "4", [R5, F1, R2, R1]),
        ("Ask about the first 90 days in the role.", "2", [R7, R3]),
    ]


def test_lessons_page_lists_every_lesson_newest_first(article):
    listed = sections(article("lessons"), "h2")["Every lesson, newest first"][0]
    assert [(li.text().split(" — ")[0], entry_ids(li)) for li in listed.find_all("li")] == [
        ("Ask about the first 90 days in the role.", [R7]),
        ("PRACTISE LIVE CODING OUT LOUD.", [R5]),
        ("Practise live coding out loud.", [F1]),
        ("Timebox the take-home to the hours they suggest.", [R4]),
        ("Ask about the first 90 days in the role.", [R3]),
        ("practise live coding out loud.", [R2]),
        ("Practise live coding out loud.", [R1]),
    ]


# --------------------------------------------------------------------------------------------
# Reflections
# --------------------------------------------------------------------------------------------


def test_reflections_page_lists_reflections_newest_first_with_their_decisions(article):
    every = sections(article("reflections"), "h2")["Every reflection, newest first"]
    listed = sections(Node("div", children=every), "h3")
    assert list(listed) == [
        "Sticking with data analysis",
        "Narrowing down",
        "Reflection, 2026-08-24",
        "Three months in",
    ]
    assert "Decision: persist about data analysis" in text_of(listed["Sticking with data analysis"])
    assert "Decision: pivot about analytics engineering" in text_of(listed["Narrowing down"])
    assert "Decision" not in text_of(listed["Reflection, 2026-08-24"])
    assert entry_ids(Node("div", children=listed["Three months in"])) == [R1, R3]


def test_reflections_page_lists_every_mood_newest_first(article):
    table = next(
        t
        for t in article("reflections").find_all("table")
        if "rl-data" not in t.classes and t.find("th").text() == "Date"
    )
    moods = [(entry_ids(c[1])[0], c[2].text()) for c in rows(table)]
    assert len(moods) == 12  # R8 and R10 have no mood
    assert moods[:3] == [(F4, "4"), (R9, "3"), (F3, "3")]
    assert moods[-1] == (R1, "2")


# --------------------------------------------------------------------------------------------
# Dashboard
# --------------------------------------------------------------------------------------------


def test_dashboard_figures_at_a_glance(article):
    table = article("dashboard").find("div", "rl-figures").find("table")
    assert {c[0].text(): c[1].text() for c in rows(table)} == {
        "Rejections": "10",
        "Interviews attended": "15",
        "Finals reached": "1",
        "Feedback response rate": "3 of 6 (50%)",
        "Feedback to ask for now": "1",
        "Feedback overdue, still worth asking": "2",
        "Requests to follow up": "1",
        "Reflections": "4",
    }


def test_dashboard_lists_the_three_most_pressing_open_gaps(article):
    items = sections(article("dashboard"), "h2")["Top gaps to work on"][0].find_all("li")
    assert [(li.text().split(":")[0], entry_ids(li)) for li in items] == [
        ("Tableau — recurring, cited by 2", [R3, R7]),
        ("SQL window functions — learning, cited by 5", [R1, R3, R5, R7, R10]),
        ("SQL — open, cited by 3", [R3, R5, R7]),
    ]


def dashboard_actions(article) -> dict[str, list[str]]:
    """Each list under "Feedback to act on": its title and its items' text."""
    below = sections(article("dashboard"), "h2")["Feedback to act on"]
    lists: dict[str, list[str]] = {}
    for title, items in zip(below[1::2], below[2::2], strict=False):
        lists[title.text().rstrip(":")] = [li.text() for li in items.find_all("li")]
    return lists


def test_dashboard_lists_by_name_what_to_ask_now_overdue_and_to_chase(article):
    assert dashboard_actions(article) == {
        "To ask now, while they remember you": [
            "Product Analyst at Harbor Bank — 4 days since the rejection · draft"
        ],
        "Overdue, still worth asking": [
            "Analytics Engineer at Tidewell Energy — 21 days since the rejection · draft",
            "Data Analyst at Opal Insights — 16 days since the rejection · draft",
        ],
        "To chase, once": ["Analytics Engineer at Quarry Labs — 51 days since you asked · draft"],
    }


def test_dashboard_action_links_go_to_each_entry_and_its_draft(article):
    below = sections(article("dashboard"), "h2")["Feedback to act on"]
    hrefs = [a.attrs["href"] for node in below for a in node.find_all("a")]
    assert "entries/2026-11-22-harbor-bank-product-analyst/#draft" in hrefs


def test_dashboard_gives_the_latest_decision(article):
    latest = Node("div", children=sections(article("dashboard"), "h2")["Latest decision"])
    assert latest.text().startswith("Persist about data analysis, 24 November 2026 — Sticking")
    assert entry_ids(latest) == [F4]


# --------------------------------------------------------------------------------------------
# Charts: inline SVG with a title and a hidden table of the numbers, and no script
# --------------------------------------------------------------------------------------------

CHART_DATA = {
    # In the skills table's order (most pressing first), each with its status.
    "rl-top-gaps": [
        ("Tableau", "2", "recurring"),
        ("SQL window functions", "5", "learning"),
        ("SQL", "3", "open"),
        ("A/B testing", "2", "open"),
        ("dbt", "1", "open"),
        ("data modelling", "1", "open"),
        ("Airflow", "1", "open"),
        ("pandas", "1", "closed"),
    ],
    "rl-funnel": [
        ("applied", "10"),
        ("screen", "9"),
        ("phone", "7"),
        ("technical", "5"),
        ("take-home", "3"),
        ("onsite", "2"),
        ("final", "1"),
        ("offer", "0"),
    ],
    # One chart per track: this is data analysis's (the first, with most rejections).
    "rl-progress-1": [
        ("10 March 2026 (Brightwater Health)", "phone"),
        ("14 May 2026 (Northwind)", "onsite"),
        ("15 September 2026 (Finch and Forge)", "final"),
        ("27 October 2026 (Kestrel Logistics)", "technical"),
        ("10 November 2026 (Opal Insights)", "screen"),
    ],
    "rl-mood": [
        ("10 March 2026 (Junior Data Analyst at Brightwater Health)", "2 low"),
        ("22 April 2026 (Analytics Engineer at Ledgerly)", "3 getting by"),
        ("14 May 2026 (Data Analyst at Northwind)", "1 crushed"),
        ("9 June 2026 (Product Analyst at Parcelpoint)", "3 getting by"),
        ("28 June 2026 (Three months in)", "3 getting by"),
        ("24 August 2026 (Reflection, 2026-08-24)", "4 steady"),
        ("15 September 2026 (Data Analyst at Finch and Forge)", "2 low"),
        ("5 October 2026 (Analytics Engineer at Quarry Labs)", "3 getting by"),
        ("27 October 2026 (Junior Data Analyst at Kestrel Logistics)", "2 low"),
        ("18 November 2026 (Narrowing down)", "3 getting by"),
        ("22 November 2026 (Product Analyst at Harbor Bank)", "3 getting by"),
        ("24 November 2026 (Sticking with data analysis)", "4 steady"),
    ],
}


def chart(article, page: str, chart_id: str) -> Node:
    return next(f for f in article(page).find_all("figure") if f.attrs.get("id") == chart_id)


@pytest.mark.parametrize(("page", "chart_id"), CHARTS)
def test_a_chart_is_an_inline_svg_with_a_title(article, page, chart_id):
    svg = chart(article, page, chart_id).find("svg")
    title = next(c for c in svg.children if isinstance(c, Node))
    assert title.tag == "title"
    assert title.text()
    assert title.attrs["id"] in svg.attrs["aria-labelledby"].split()
    assert svg.attrs["role"] == "img"


@pytest.mark.parametrize(("page", "chart_id"), CHARTS)
def test_a_chart_carries_a_hidden_table_of_its_numbers(article, page, chart_id):
    table = chart(article, page, chart_id).find("table", "rl-data")
    assert [tuple(cell.text() for cell in row) for row in rows(table)] == CHART_DATA[chart_id]


def test_the_hidden_table_is_hidden_by_the_plugins_stylesheet(site):
    css = (site.site / "assets" / "recovery-log.css").read_text(encoding="utf-8")
    rule = re.search(r"\.rl-visually-hidden\s*\{([^}]*)\}", css)
    assert rule and "position: absolute" in rule.group(1)


@pytest.mark.parametrize(("page", "chart_id"), CHARTS)
def test_a_chart_has_no_script(article, page, chart_id):
    assert not chart(article, page, chart_id).find_all("script")


def scripts(site, url: str) -> list[str]:
    """Every <script> of the page: its address resolved, or "inline"."""
    found = site.document(url).find_all("script")
    return [urljoin(url, s.attrs["src"]) if "src" in s.attrs else "inline" for s in found]


@pytest.mark.parametrize("page", sorted({page for page, _ in CHARTS}))
def test_a_page_with_charts_loads_the_same_scripts_as_one_without(site, page):
    assert not site.article(PAGES["lessons"]).find_all("svg")  # the page without charts
    assert scripts(site, PAGES[page]) == scripts(site, PAGES["lessons"])


# --------------------------------------------------------------------------------------------
# Kind wording
# --------------------------------------------------------------------------------------------

UNKIND = ["failure", "failed", "bad", "poor", "weak", "you should give up"]


@pytest.mark.parametrize("word", UNKIND)
@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_never_uses_an_unkind_word(article, page, word):
    text = article(page).text()
    assert not re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), (
        f"{word!r} in: ...{text[max(0, text.lower().find(word) - 60) :][:140]}..."
    )


@pytest.mark.parametrize("word", UNKIND)
def test_an_entry_page_never_uses_an_unkind_word(site, word):
    for entry_id in ALL_IDS:
        text = site.article(f"/entries/{entry_id}/").text()
        assert not re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), entry_id


# --------------------------------------------------------------------------------------------
# One name for a skill, strength or track, on every page
# --------------------------------------------------------------------------------------------


def test_an_entry_page_shows_its_skills_under_the_logs_names(site):
    gaps = sections(site.article(f"/entries/{R3}/"), "h2")["Gaps to work on"]
    named = [strong.text() for node in gaps for strong in node.find_all("strong")]
    # written "SQL WINDOW functions" and "postgres" (an alias of SQL)
    assert named == ["SQL window functions", "SQL", "Tableau"]


def test_an_entry_page_shows_its_strengths_under_the_logs_names(site):
    strengths = sections(site.article(f"/entries/{R4}/"), "h2")["Strengths"]
    assert text_of(strengths).split() == ["stakeholder", "communication", "clear", "writing"]
    # written "Stakeholder Communication"; the log says "stakeholder communication" four times


def test_an_entry_page_shows_its_track_under_the_logs_name(site):
    card = site.article(f"/entries/{R3}/").find("div", "rl-card")
    assert "Track: data analysis" in card.text()  # written "Data  Analysis"
