"""A seeded, realistic synthetic Recovery Log, and the equivalent pages for the baselines.

`synthesize(n, seed)` returns N entry specifications (plain dicts, oldest first) that use every
field of the entry format (/work/shared/spec/entry-format.md):

* about 70 % rejections and 30 % reflections;
* gaps drawn from a few dozen skills, written with varying case and spacing, plus aliases
  (`postgres`, `PostgreSQL` -> `SQL`) and the bare-string shorthand;
* a ~300-word Markdown body each (paragraphs, a list, emphasis, code spans, sometimes a
  sub-heading or a `<!-- private -->` section);
* dates spread over four years, never after the pinned today (2026-11-26), with the date rules
  kept (applied <= date <= feedback.requested <= feedback.received <= today);
* both file shapes: `.md` with front matter (60 %), `.yml` (30 %) and `.yaml` (10 %) with the
  body in `notes:`; files in year sub-folders (`entries/2025/<id>.md`).

From the same specifications it writes three MkDocs projects:

* `write_log(dir, specs)`   - the Recovery Log (`plugins: [search, recovery-log]`);
* `write_plain(dir, specs)` - one hand-written Markdown page per published entry, with the same
  visible content as the entry page, in a plain Material site, out of the nav (`not_in_nav`);
* `write_blog(dir, specs)`  - the same pages as posts of Material's blog plugin, with `date`
  front matter and a `<!-- more -->` excerpt separator.

`to_model(specs)` turns the specifications into `generator.model` objects directly (no files),
for timing the pure insight functions at sizes where writing files would dominate.

Run it on its own to look at a sample: `python benchmarks/synth.py 20 /tmp/sample`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

TODAY = dt.date(2026, 11, 26)
FIRST_DAY = dt.date(2022, 12, 1)
SEED = 20261126
REFLECTION_SHARE = 0.30
PRIVATE_SHARE = 0.02
STAGES = ("applied", "screen", "phone", "technical", "take-home", "onsite", "final", "offer")
SKILL_ALIASES = {"postgres": "SQL", "PostgreSQL": "SQL", "k8s": "Kubernetes"}
SITE_URL = "https://example.org/recovery-log/"

COMPANY_FIRST = [
    "Acme",
    "Brightwater",
    "Ledgerly",
    "Northwind",
    "Parcelpoint",
    "Finch",
    "Quarry",
    "Kestrel",
    "Tidewell",
    "Opal",
    "Harbor",
    "Cinder",
    "Maple",
    "Granite",
    "Juniper",
    "Lumen",
    "Marlow",
    "Nimbus",
    "Orchard",
    "Pioneer",
    "Quill",
    "Redwood",
    "Summit",
    "Tessel",
    "Umber",
    "Vantage",
    "Willow",
    "Yarrow",
    "Zephyr",
    "Alder",
    "Beacon",
    "Copper",
    "Delta",
    "Ember",
    "Fjord",
    "Glacier",
    "Heron",
    "Iris",
]
COMPANY_SECOND = [
    "Analytics",
    "Health",
    "Logistics",
    "Energy",
    "Labs",
    "Bank",
    "Insights",
    "Systems",
    "Retail",
    "Media",
    "Robotics",
    "Foods",
    "Capital",
    "Learning",
    "Travel",
    "Software",
    "Mobility",
    "Insurance",
]
ROLES = {
    "data analysis": ("Data Analyst", "Junior Data Analyst", "Reporting Analyst", "BI Analyst"),
    "analytics engineering": ("Analytics Engineer", "Junior Analytics Engineer", "dbt Developer"),
    "product analysis": ("Product Analyst", "Growth Analyst", "Product Data Analyst"),
    "data engineering": ("Data Engineer", "Junior Data Engineer", "ETL Developer"),
    "data science": ("Data Scientist", "Junior Data Scientist", "Machine Learning Analyst"),
    "operations": ("Operations Analyst", "Business Operations Analyst", "Supply Chain Analyst"),
}
SKILLS = (
    "SQL window functions",
    "SQL",
    "postgres",
    "PostgreSQL",
    "Tableau",
    "Power BI",
    "Looker",
    "dbt",
    "Airflow",
    "Python",
    "pandas",
    "NumPy",
    "statistics",
    "A/B testing",
    "experiment design",
    "regression",
    "time series",
    "forecasting",
    "Excel",
    "Google Sheets",
    "data modelling",
    "dimensional modelling",
    "Spark",
    "Kafka",
    "Docker",
    "Kubernetes",
    "k8s",
    "git",
    "Linux",
    "AWS",
    "GCP",
    "BigQuery",
    "Snowflake",
    "Redshift",
    "data visualisation",
    "storytelling with data",
    "stakeholder management",
    "product sense",
    "SQL performance tuning",
    "machine learning",
    "scikit-learn",
    "system design",
    "live coding",
)
STRENGTHS = (
    "stakeholder communication",
    "clear written reports",
    "curiosity",
    "teaching background",
    "structured problem solving",
    "domain knowledge",
    "calm under pressure",
    "documentation",
    "presenting to non-technical audiences",
    "Excel modelling",
    "attention to detail",
    "asking good questions",
    "teamwork",
    "ownership",
    "prioritisation",
)
LESSONS = (
    "Practise live coding out loud.",
    "Prepare two stories about conflict.",
    "Ask about the team's data stack early.",
    "Bring a portfolio link to every call.",
    "Read the job ad again the night before.",
    "Time-box the take-home to what they asked.",
    "Write down questions for the panel in advance.",
    "Say when I do not know, then reason aloud.",
    "Send the thank-you note the same day.",
    "Check the time zone of every invitation.",
    "Rehearse the salary answer.",
    "Explain the business impact, not just the query.",
    "Draw the data model before writing SQL.",
    "Test the screen-sharing setup beforehand.",
    "Keep answers under two minutes.",
    "Ask for feedback within two days.",
    "Research the interviewers on LinkedIn.",
    "Summarise the take-home in the first paragraph.",
)
FORMATS = (
    "online form",
    "recruiter call",
    "hiring manager call",
    "live coding",
    "SQL test",
    "take-home case study",
    "panel of 3",
    "presentation",
    "pair programming",
    "culture chat",
    "system design",
    "whiteboard",
    "video call",
    "on-site day",
)
TAGS = (
    "remote",
    "hybrid",
    "on-site",
    "fintech",
    "health",
    "retail",
    "startup",
    "enterprise",
    "referral",
    "recruiter",
    "public sector",
    "part-time",
    "contract",
    "graduate scheme",
)
VIA = ("email", "phone", "in-person", "other")
FROM = ("hiring manager", "recruiter", "team lead", "head of data", "HR partner")
SUMMARIES = (
    "Strong communication; SQL window functions were shaky.",
    "Good culture fit, but they wanted more dbt experience.",
    "The take-home was solid; the presentation ran long.",
    "Great questions, but the statistics answers lacked depth.",
    "They chose someone with more domain experience.",
    "Technical skills fine; less sure about stakeholder management.",
)
QUESTIONS = (
    "Is a junior analytics-engineer role a step back?",
    "Should I list the bootcamp on my CV?",
    "How do I explain the gap year?",
    "Which certification is worth the time?",
    "Should I apply to larger companies only?",
    "How do I negotiate a trial period?",
    "Is it worth learning Spark now?",
    "How many applications a week is sustainable?",
)
SENTENCES = (
    "The call started late and the interviewer apologised before we even said hello.",
    "I had prepared the story about the attendance dashboard and it landed well.",
    "When the SQL question came I froze for a moment, then talked through the joins.",
    "They asked how I would explain a drop in conversion to a nervous product manager.",
    "Looking back, I spent too long on the data cleaning and too little on the insight.",
    "The team seemed kind and the work looked like something I would enjoy every day.",
    "I noticed that I rush when I am nervous, and the answers get longer, not better.",
    "The recruiter said the decision was close, which helps a little, but not much.",
    "I want to remember that a no from one company is not a verdict on the whole field.",
    "Next time I will ask what a good first three months looks like for the role.",
    "The take-home took two evenings, which was more than the four hours they suggested.",
    "My teaching years keep coming up as a strength, so I should lead with them.",
    "There was a long silence after my answer about experiment design, and I filled it badly.",
    "I walked around the block afterwards and wrote these notes on a bench.",
    "Honestly, part of me is relieved: the commute would have been ninety minutes each way.",
    "The panel wanted to see how I think, not whether I remember every function name.",
    "I keep underestimating how much the business context matters in these interviews.",
    "The hiring manager was clear that they needed someone who could start in a month.",
    "I should practise whiteboarding a data model with someone watching, not alone.",
    "Reading this again next week will probably make it feel smaller than it does today.",
    "They praised the clarity of my written summary, which I did not expect at all.",
    "Their stack is mostly dbt on Snowflake, and I have only used it on toy projects.",
    "I asked good questions about the roadmap; that part felt like a real conversation.",
    "Two of the four interviewers had read my portfolio, which made the talk much easier.",
)
WORDS = [
    "carefully",
    "quickly",
    "honestly",
    "finally",
    "slowly",
    "clearly",
    "gently",
    "nervously",
    "calmly",
    "openly",
    "dashboard",
    "pipeline",
    "query",
    "cohort",
    "funnel",
    "metric",
    "report",
    "stakeholder",
    "model",
    "dataset",
    "notebook",
    "review",
    "feedback",
    "interview",
    "panel",
    "recruiter",
    "manager",
    "offer",
    "role",
    "team",
    "project",
    "portfolio",
]
PRIVATE_NOTES = (
    "The salary they offered the other candidate was far above the band they told me.",
    "My former manager gave a lukewarm reference; I need to ask someone else next time.",
    "I was unwell that morning and did not say so.",
)


# --- entry specifications -----------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _respell(rng: random.Random, name: str) -> str:
    """The same skill as people type it: mostly as is, sometimes in another case or spacing."""
    roll = rng.random()
    if roll < 0.10:
        return name.lower()
    if roll < 0.15:
        return "  ".join(name.split()) if " " in name else name.upper()
    return name


def _body(rng: random.Random, words: int = 300) -> str:
    """About `words` words of Markdown: paragraphs, a list, emphasis, code, maybe a heading."""
    paragraphs: list[str] = []
    count = 0
    current: list[str] = []
    while count < words - 45:
        sentence = rng.choice(SENTENCES)
        if rng.random() < 0.25:
            word = rng.choice(WORDS)
            sentence = sentence[:-1] + f", {word} so." if rng.random() < 0.5 else sentence
        if rng.random() < 0.12:
            sentence = sentence.replace(" the ", " the **key** ", 1)
        if rng.random() < 0.08:
            sentence = sentence.replace(" SQL", " `SQL`", 1)
        current.append(sentence)
        count += len(sentence.split())
        if len(current) >= rng.randint(3, 5):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    items = rng.sample(LESSONS, 3)
    listing = "\n".join(f"- {item}" for item in items)
    paragraphs.insert(
        min(2, len(paragraphs)), "What I would do again, or differently:\n\n" + listing
    )
    if rng.random() < 0.35:
        paragraphs.insert(1, "### What they asked")
    if rng.random() < 0.10:
        paragraphs.append(f"<!-- private -->\n{rng.choice(PRIVATE_NOTES)}\n<!-- /private -->")
    return "\n\n".join(paragraphs) + "\n"


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, max(span, 0)))


def _rejection(rng: random.Random, day: dt.date, track: str) -> dict[str, Any]:
    company = f"{rng.choice(COMPANY_FIRST)} {rng.choice(COMPANY_SECOND)}"
    role = rng.choice(ROLES[track])
    fields: dict[str, Any] = {}
    if rng.random() < 0.2:
        fields["type"] = "rejection"
    fields["date"] = day
    fields["company"] = company
    fields["role"] = role
    if rng.random() < 0.8:
        fields["track"] = track if rng.random() < 0.85 else track.title()
    applied = day - dt.timedelta(days=rng.randint(5, 60))
    if rng.random() < 0.85:
        fields["applied"] = applied
    reached = rng.choices(range(7), weights=(20, 20, 18, 15, 10, 9, 8))[0]
    if reached or rng.random() < 0.5:
        fields["stage"] = STAGES[reached] if rng.random() < 0.9 else STAGES[reached].title()
    if reached and rng.random() < 0.75:
        steps = sorted(rng.sample(range(reached + 1), k=min(reached + 1, rng.randint(1, 4))))
        process = []
        for index in steps:
            step: dict[str, Any] = {"stage": STAGES[index]}
            if rng.random() < 0.7:
                step["date"] = _day_between(rng, applied, day)
            if rng.random() < 0.7:
                step["format"] = rng.choice(FORMATS)
            if rng.random() < 0.3:
                step["notes"] = rng.choice(SENTENCES)
            process.append(step)
        process.sort(key=lambda s: (STAGES.index(s["stage"]), s.get("date") or day))
        fields["process"] = process
    roll = rng.random()
    if roll < 0.15:
        pass  # not requested yet
    elif roll < 0.22:
        fields["feedback"] = {"requested": False}
    else:
        requested = min(day + dt.timedelta(days=rng.randint(0, 6)), TODAY)
        feedback: dict[str, Any] = {"requested": requested}
        if rng.random() < 0.8:
            feedback["via"] = rng.choice(VIA)
        outcome = rng.random()
        if outcome < 0.55:
            feedback["received"] = min(requested + dt.timedelta(days=rng.randint(1, 20)), TODAY)
            if rng.random() < 0.7:
                feedback["from"] = rng.choice(FROM)
            feedback["summary"] = rng.choice(SUMMARIES)
        elif outcome < 0.7:
            feedback["declined"] = True
        elif outcome < 0.8:
            feedback["declined"] = False
        fields["feedback"] = feedback
    if rng.random() < 0.85:
        gaps: list[Any] = []
        for skill in rng.sample(SKILLS, rng.randint(1, 4)):
            skill = _respell(rng, skill)
            if rng.random() < 0.3:
                gaps.append(skill)
                continue
            gap: dict[str, Any] = {"skill": skill}
            if rng.random() < 0.7:
                gap["severity"] = rng.choice(("low", "medium", "high"))
            if rng.random() < 0.6:
                gap["evidence"] = rng.choice(SENTENCES)
            if rng.random() < 0.5:
                gap["plan"] = rng.choice(LESSONS)
            gaps.append(gap)
        fields["gaps"] = gaps
    _common(rng, fields)
    return fields


def _reflection(
    rng: random.Random, day: dt.date, earlier: list[str], tracks: list[str]
) -> dict[str, Any]:
    fields: dict[str, Any] = {"type": "reflection", "date": day}
    if rng.random() < 0.7:
        fields["title"] = (
            rng.choice(
                ("Two weeks after", "Looking back at", "A month of", "Notes on", "Where I am with")
            )
            + f" {rng.choice(('the finals', 'SQL', 'the search', 'applications', 'my plan'))}"
        )
    if earlier and rng.random() < 0.7:
        fields["about"] = rng.sample(earlier[-40:], min(len(earlier[-40:]), rng.randint(1, 3)))
    if rng.random() < 0.7:
        fields["progress"] = [
            {
                "skill": _respell(rng, skill),
                "status": rng.choice(("open", "learning", "learning", "closed")),
                **({"note": rng.choice(SENTENCES)} if rng.random() < 0.6 else {}),
            }
            for skill in rng.sample(SKILLS, rng.randint(1, 3))
        ]
    if rng.random() < 0.4:
        fields["decision"] = rng.choice(("persist", "pivot", "undecided"))
        fields["track"] = rng.choice(tracks)
    if rng.random() < 0.5:
        questions: list[Any] = []
        for question in rng.sample(QUESTIONS, rng.randint(1, 3)):
            if rng.random() < 0.5:
                questions.append(question)
            else:
                item: dict[str, Any] = {"question": question}
                if rng.random() < 0.5:
                    item["answered"] = min(day + dt.timedelta(days=rng.randint(1, 30)), TODAY)
                questions.append(item)
        fields["ask_mentor"] = questions
    _common(rng, fields)
    return fields


def _common(rng: random.Random, fields: dict[str, Any]) -> None:
    if rng.random() < 0.7:
        fields["strengths"] = rng.sample(STRENGTHS, rng.randint(1, 3))
    if rng.random() < 0.6:
        fields["lessons"] = rng.sample(LESSONS, rng.randint(1, 3))
    if rng.random() < 0.8:
        fields["mood"] = rng.randint(1, 5)
    if rng.random() < 0.6:
        fields["tags"] = rng.sample(TAGS, rng.randint(1, 3))
    if rng.random() < PRIVATE_SHARE:
        fields["private"] = True
    elif rng.random() < 0.1:
        fields["private"] = False
    if rng.random() < 0.15:
        fields["extra"] = {
            "salary_band": f"{rng.randint(30, 60)}k-{rng.randint(61, 90)}k",
            "source": rng.choice(("LinkedIn", "referral", "job board", "company site")),
        }


def synthesize(n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """N entry specifications, oldest first: {"id", "path", "fields", "body"}."""
    rng = random.Random(seed)
    span = (TODAY - FIRST_DAY).days
    days = sorted(FIRST_DAY + dt.timedelta(days=rng.randint(0, span)) for _ in range(n))
    tracks = list(ROLES)
    specs: list[dict[str, Any]] = []
    rejection_ids: list[str] = []
    used: set[str] = set()
    for day in days:
        if rng.random() < REFLECTION_SHARE:
            fields = _reflection(rng, day, rejection_ids, tracks)
            name = f"{day.isoformat()}-reflection-{_slug(fields.get('title', 'notes'))}"
        else:
            fields = _rejection(rng, day, rng.choice(tracks))
            name = f"{day.isoformat()}-{_slug(fields['company'])}-{_slug(fields['role'])}"
        base, number = name, 2
        while name in used:
            name, number = f"{base}-{number}", number + 1
        used.add(name)
        if fields.get("type") != "reflection":
            rejection_ids.append(name)
        suffix = rng.choices((".md", ".yml", ".yaml"), weights=(6, 3, 1))[0]
        specs.append(
            {
                "id": name,
                "path": f"{day.year}/{name}{suffix}",
                "fields": fields,
                "body": _body(rng, rng.randint(270, 330)),
            }
        )
    return specs


# --- writing entry files ------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def entry_text(spec: dict[str, Any]) -> str:
    """The entry file as a person would write it, in the shape its suffix asks for."""
    fields = dict(spec["fields"])
    if spec["path"].endswith(".md"):
        front = yaml.dump(fields, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        return f"---\n{front}---\n{spec['body']}"
    fields["notes"] = spec["body"]
    return yaml.dump(fields, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def write_entries(folder: Path, specs: list[dict[str, Any]]) -> None:
    for spec in specs:
        path = folder / spec["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(spec), encoding="utf-8")


_THEME = """\
theme:
  name: material
  font: false
  features:
    - navigation.top
    - search.highlight
"""


def write_log(project: Path, specs: list[dict[str, Any]]) -> Path:
    """A Recovery Log project: mkdocs.yml (today pinned), an empty docs/, entries/<year>/."""
    project.mkdir(parents=True, exist_ok=True)
    (project / "docs").mkdir(exist_ok=True)
    write_entries(project / "entries", specs)
    aliases = "".join(f"        {key}: {value}\n" for key, value in SKILL_ALIASES.items())
    config = (
        f"site_name: Benchmark log\nsite_url: {SITE_URL}\n{_THEME}"
        "plugins:\n  - search\n  - recovery-log:\n      entries_dir: entries\n"
        f"      today: {TODAY.isoformat()}\n      skill_aliases:\n{aliases}"
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project / "mkdocs.yml"


# --- the baselines: the same pages, hand-written ------------------------------------------

_PRIVATE = re.compile(r"<!--\s*private\s*-->.*?(?:<!--\s*/\s*private\s*-->|\Z)", re.I | re.S)


def published(specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The specifications a published log shows (private entries left out)."""
    return [spec for spec in specs if not spec["fields"].get("private")]


def _human(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def page_text(spec: dict[str, Any]) -> str:
    """The entry's page as someone would write it by hand: the same facts, the same body."""
    f = spec["fields"]
    reflection = f.get("type") == "reflection"
    if reflection:
        title = f.get("title") or f"Reflection, {f['date'].isoformat()}"
    else:
        title = f"{f['role']} at {f['company']}"
    lines = [f"# {title}", ""]
    if reflection:
        lines.append(f"- **Date:** {_human(f['date'])}")
        if f.get("decision"):
            lines.append(f"- **Decision:** {f['decision']} about {f.get('track', '')}")
        for target in f.get("about", ()):
            lines.append(f"- **About:** {target}")
    else:
        lines += [
            f"- **Company:** {f['company']}",
            f"- **Role:** {f['role']}",
            f"- **Track:** {f.get('track') or f['role']}",
        ]
        if f.get("applied"):
            lines.append(f"- **Applied:** {_human(f['applied'])}")
        lines.append(f"- **The answer came:** {_human(f['date'])}")
        lines.append(f"- **Stage reached:** {str(f.get('stage', 'applied')).lower()}")
    if f.get("mood"):
        lines.append(f"- **Mood:** {f['mood']} of 5")
    if f.get("tags"):
        lines.append(f"- **Tags:** {', '.join(f['tags'])}")
    if f.get("process"):
        lines += ["", "## The process", ""]
        for index, step in enumerate(f["process"], 1):
            text = f"{index}. **{step['stage'].capitalize()}**"
            if step.get("date"):
                text += f", {_human(step['date'])}"
            if step.get("format"):
                text += f" — {step['format']}"
            if step.get("notes"):
                text += f". {step['notes']}"
            lines += [text, ""]
    feedback = f.get("feedback")
    if feedback:
        lines += ["", "## Feedback", ""]
        if feedback.get("requested") is False:
            lines.append("- I decided not to ask for feedback this time.")
        else:
            lines.append(f"- **Asked:** {_human(feedback['requested'])}")
            if feedback.get("received"):
                lines.append(f"- **Answer received:** {_human(feedback['received'])}")
            if feedback.get("summary"):
                lines += ["", f"> {feedback['summary']}"]
    if f.get("gaps"):
        lines += ["", "## Gaps to work on", "", "| Skill | Severity | Evidence | Plan |"]
        lines.append("|---|---|---|---|")
        for gap in f["gaps"]:
            gap = gap if isinstance(gap, dict) else {"skill": gap}
            lines.append(
                f"| {gap['skill']} | {gap.get('severity', 'medium')} | "
                f"{gap.get('evidence', '')} | {gap.get('plan', '')} |"
            )
    if f.get("progress"):
        lines += ["", "## Progress", ""]
        for item in f["progress"]:
            lines.append(f"- **{item['skill']}:** {item['status']} {item.get('note', '')}")
    for key, heading in (("strengths", "Strengths"), ("lessons", "Lessons")):
        if f.get(key):
            lines += ["", f"## {heading}", "", *(f"- {item}" for item in f[key])]
    if f.get("ask_mentor"):
        lines += ["", "## For my mentor", ""]
        for item in f["ask_mentor"]:
            lines.append(f"- {item if isinstance(item, str) else item['question']}")
    if f.get("extra"):
        lines += ["", "## Extra", "", *(f"- **{k}:** {v}" for k, v in f["extra"].items())]
    body = _PRIVATE.sub("", spec["body"]).strip()
    lines += ["", "## In my own words", "", body, ""]
    return "\n".join(lines)


def write_plain(project: Path, specs: list[dict[str, Any]]) -> Path:
    """A plain Material site: index.md in the nav, one page per published entry out of it."""
    docs = project / "docs"
    (docs / "entries").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Benchmark pages\n\nHand-written pages.\n", encoding="utf-8")
    for spec in published(specs):
        (docs / "entries" / f"{spec['id']}.md").write_text(page_text(spec), encoding="utf-8")
    config = (
        f"site_name: Benchmark pages\nsite_url: {SITE_URL}\n{_THEME}"
        "plugins:\n  - search\nnav:\n  - Home: index.md\nnot_in_nav: |\n  /entries/\n"
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project / "mkdocs.yml"


LOG_MARKDOWN = """\
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - generator.site.html_blocks
extra_css:
  - assets/recovery-log.css
"""
"""What the plugin adds to every log's `mkdocs.yml` (`generator/plugin/plugin.py`, on_config)."""


def write_plain_as_log(project: Path, plain: Path, generated: Path | None) -> Path:
    """The plain project with the log's Markdown extensions and stylesheet, and, from
    `generated` (`recovery-log generate` of the log), every page but the entries' own."""
    shutil.copytree(plain / "docs", project / "docs")
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + LOG_MARKDOWN, encoding="utf-8")
    if generated is None:
        stylesheet = project / "docs" / "assets" / "recovery-log.css"
        stylesheet.parent.mkdir(parents=True, exist_ok=True)
        stylesheet.write_bytes(b"")
        return project / "mkdocs.yml"
    entry_page = re.compile(r"entries/\d{4}-\d\d-\d\d-[^/]*\.md")
    for path in generated.rglob("*"):
        inside = path.relative_to(generated).as_posix()
        if path.is_file() and not entry_page.fullmatch(inside):
            (project / "docs" / inside).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, project / "docs" / inside)
    return project / "mkdocs.yml"


def write_blog(project: Path, specs: list[dict[str, Any]]) -> Path:
    """The same pages as posts of Material's blog plugin (date front matter, an excerpt)."""
    posts = project / "docs" / "blog" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    (project / "docs" / "index.md").write_text("# Benchmark blog\n", encoding="utf-8")
    (project / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for spec in published(specs):
        text = page_text(spec)
        heading, _, rest = text.partition("\n\n")
        first, _, remainder = rest.partition("\n\n")
        post = (
            f"---\ndate: {spec['fields']['date'].isoformat()}\n---\n\n"
            f"{heading}\n\n{first}\n\n<!-- more -->\n\n{remainder}"
        )
        (posts / f"{spec['id']}.md").write_text(post, encoding="utf-8")
    config = (
        f"site_name: Benchmark blog\nsite_url: {SITE_URL}\n{_THEME}"
        "plugins:\n  - search\n  - blog\nnav:\n  - Home: index.md\n  - Blog:\n    - blog/index.md\n"
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project / "mkdocs.yml"


# --- model objects, without files ---------------------------------------------------------


def to_model(specs: list[dict[str, Any]]) -> list[Any]:
    """The specifications as `generator.model` entries, newest first, as the loader returns them.

    Values are normalised as the schema does (stages lower-cased, gap shorthand expanded).
    """
    from generator.model import (
        Feedback,
        Gap,
        MentorQuestion,
        ProcessStep,
        Progress,
        Reflection,
        Rejection,
    )

    result: list[Any] = []
    for spec in specs:
        f = spec["fields"]
        common = {
            "id": spec["id"],
            "source": spec["path"],
            "date": f["date"],
            "strengths": tuple(f.get("strengths", ())),
            "lessons": tuple(f.get("lessons", ())),
            "mood": f.get("mood"),
            "tags": tuple(f.get("tags", ())),
            "private": f.get("private", False),
            "extra": f.get("extra", {}),
            # The loader keeps a Markdown body as written; `notes:` is text, stripped.
            "body": spec["body"] if spec["path"].endswith(".md") else spec["body"].strip(),
        }
        if f.get("type") == "reflection":
            result.append(
                Reflection(
                    **common,
                    heading=f.get("title", ""),
                    about=tuple(f.get("about", ())),
                    progress=tuple(Progress(**p) for p in f.get("progress", ())),
                    decision=f.get("decision"),
                    track=f.get("track"),
                    ask_mentor=tuple(
                        MentorQuestion(q) if isinstance(q, str) else MentorQuestion(**q)
                        for q in f.get("ask_mentor", ())
                    ),
                )
            )
            continue
        feedback = f.get("feedback")
        if feedback is not None:
            values = dict(feedback)
            values["source"] = values.pop("from", None)
            feedback = Feedback(**values)
        result.append(
            Rejection(
                **common,
                company=f["company"],
                role=f["role"],
                track=f.get("track") or f["role"],
                applied=f.get("applied"),
                stage=str(f.get("stage", "applied")).lower(),
                process=tuple(ProcessStep(**step) for step in f.get("process", ())),
                feedback=feedback,
                gaps=tuple(
                    Gap(skill=g) if isinstance(g, str) else Gap(**g) for g in f.get("gaps", ())
                ),
            )
        )
    result.sort(key=lambda e: (e.date, e.id), reverse=True)
    return result


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "synthetic-log")
    entries = synthesize(count)
    write_log(out / "log", entries)
    write_plain(out / "plain", entries)
    write_blog(out / "blog", entries)
    print(f"wrote {count} entries and the baselines under {out}/")
