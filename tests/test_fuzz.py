"""Property tests: whatever the bytes, the loader returns entries or located problems, never raises.

Normal runs try 200 inputs per property. A long run tries 100,000 per property:

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py -x -p no:cacheprovider \
        --basetemp=/dev/shm/rl-fuzz      # a RAM disk makes the file writes ~10x faster

Nothing is written outside pytest's temporary folder (no `.hypothesis/` example database); a
failure prints the `@reproduce_failure` blob that replays it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.entries import schema
from generator.entries.loader import Log, load_log
from generator.model import (
    Feedback,
    Gap,
    MentorQuestion,
    ProcessStep,
    Progress,
    Reflection,
    Rejection,
)
from generator.settings import Settings

SETTINGS = Settings(today=TODAY)

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("default-run", max_examples=200, **_COMMON)
settings.register_profile("fuzz", max_examples=100_000, **_COMMON)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "default-run"))
"""Applied to each test here (not loaded globally, so other test files keep their settings)."""


# -- running the loader on generated files ---------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for all the examples of this module: a fresh one per example is 3x slower."""
    return tmp_path_factory.mktemp("fuzz")


def entries_folder(workdir: Path, files: dict[str, Any]) -> Path:
    """`workdir/entries`, holding no file but those about to be written."""
    root = workdir / "entries"
    root.mkdir(exist_ok=True)
    for path in root.iterdir():
        if path.name not in files:
            path.unlink()
    return root


CRASH_GUARDS = ("please report it", "cannot read this document (", "not valid YAML (")
"""Messages the loader falls back on when something unforeseen raised inside it: each is a bug."""


def load_files(root: Path, files: dict[str, bytes]) -> Log:
    """Write `files` into `root` and load them the way the site does."""
    for name, data in files.items():
        (root / name).write_bytes(data)
    return load_log(root, SETTINGS, display_as="entries")


def line_breaks(data: bytes) -> int:
    """Every way a line can end, counted generously (YAML knows a few editors do not)."""
    text = data.decode("utf-8", "replace")
    return sum(text.count(mark) for mark in ("\n", "\r", "\x85", "\u2028", "\u2029"))


def assert_every_file_is_an_entry_or_located_problems(log: Log, files: dict[str, bytes]) -> None:
    loaded = {entry.source for entry in log.entries}
    problems: dict[str, list[Any]] = {}
    for problem in log.problems:
        problems.setdefault(problem.path, []).append(problem)
    assert set(problems) <= {f"entries/{name}" for name in files}
    for name, data in files.items():
        reported = problems.get(f"entries/{name}", [])
        assert (name in loaded) != bool(reported), (name, loaded, reported)
        for problem in reported:
            assert isinstance(problem.line, int) and isinstance(problem.column, int)
            assert 1 <= problem.line <= line_breaks(data) + 2, str(problem)
            assert problem.column >= 0, str(problem)
            assert problem.message.strip(), str(problem)
            assert not any(guard in problem.message for guard in CRASH_GUARDS), str(problem)


def check_files(workdir: Path, files: dict[str, bytes]) -> None:
    log = load_files(entries_folder(workdir, files), files)
    assert_every_file_is_an_entry_or_located_problems(log, files)


def as_front_matter(text: str) -> str:
    return f"---\n{text}\n---\nSome notes.\n"


# -- (a) arbitrary text and bytes ------------------------------------------------------------

YAML_TOKENS = [
    *(f"{name}:" for name in sorted(set(schema.REJECTION.fields) | set(schema.REFLECTION.fields))),
    *("stage", "skill", "status", "question", "answered", "requested", "received", "from"),
    ": ",
    ":",
    " ",
    "  ",
    "\n",
    "\n  ",
    "\n    ",
    "\t",
    "- ",
    "-",
    "? ",
    ",",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "\\",
    "|",
    "|-",
    ">",
    ">+",
    "#",
    "# ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!",
    "!!",
    "!!str ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!null ",
    "!!timestamp ",
    "!!binary ",
    "!!map ",
    "!!seq ",
    "!!set ",
    "!!python/object:os.system ",
    "!foo ",
    "%YAML 1.1\n",
    "%TAG ! !x\n",
    "---",
    "---\n",
    "...",
    "...\n",
    "~",
    "null",
    "true",
    "yes",
    "no",
    "on",
    "2026-11-03",
    "2026-02-30",
    "2027-01-01",
    "2026-11-03 10:00:00",
    "0x1F",
    "0o17",
    "1e999",
    ".inf",
    ".nan",
    "-1",
    "0",
    "3",
    "5",
    "9",
    "Acme",
    "rejection",
    "reflection",
    "final",
    "high",
    "closed",
    "\ufeff",
    "\u2028",
    "\x85",
    "\x00",
    "\x07",
    "\r",
    "\r\n",
    "é",
    "🙂",
    "\U0001f600",
]


@PROFILE
@given(text=st.text())
def test_any_text_as_an_entry_never_raises(workdir: Path, text: str) -> None:
    data = text.encode()
    check_files(
        workdir, {"raw.md": data, "fenced.md": as_front_matter(text).encode(), "plain.yml": data}
    )


@PROFILE
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_an_entry_never_raise(workdir: Path, data: bytes) -> None:
    check_files(
        workdir, {"raw.md": data, "fenced.md": b"---\n" + data + b"\n---\n", "plain.yaml": data}
    )


@PROFILE
@given(tokens=st.lists(st.sampled_from(YAML_TOKENS), max_size=60))
def test_yaml_like_token_soup_never_raises(workdir: Path, tokens: list[str]) -> None:
    text = "".join(tokens)
    check_files(
        workdir, {"fenced.markdown": as_front_matter(text).encode(), "plain.yml": text.encode()}
    )


# -- (b) arbitrary YAML-shaped documents -----------------------------------------------------

FIELD_NAMES = sorted(
    {
        *schema.REJECTION.fields,
        *schema.REFLECTION.fields,
        *schema.PROCESS_STEP.fields,
        *schema.FEEDBACK.fields,
        *schema.GAP.record.fields,
        *schema.PROGRESS.fields,
        *schema.QUESTION.record.fields,
    }
)
ODD_STRINGS = [
    "",
    " ",
    "---",
    "...",
    "~",
    "null",
    "yes",
    "No",
    "on",
    "2026-02-30",
    "2026-11-03",
    " 2026-11-03 ",
    "2999-01-01",
    "*a",
    "&a",
    "!!bool",
    "!!python/object:os.system",
    "<<",
    "{{ config }}",
    "<script>alert(1)</script>",
    "a: b",
    "- a",
    "#",
    "'",
    '"',
    "\t",
    "\n",
    "line\nbreak",
    "\u2028",
    "\x85",
    "\ufeff",
    "\x00",
    "🙂",
    "x" * 300,
    *schema.DEFAULT_STAGES,
    "rejection",
    "Reflection",
    "high",
    "closed",
    "persist",
    "email",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-3, max_value=8),
    st.floats(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5))])),
    st.text(max_size=30),
    st.sampled_from(ODD_STRINGS),
)
keys = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIELD_NAMES),
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.none(),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=12,
)
top_level = st.one_of(st.dictionaries(keys, documents, max_size=10), documents)


def dump(value: Any, flow: bool, unicode: bool) -> str | None:
    try:
        return yaml.safe_dump(
            value, default_flow_style=flow, allow_unicode=unicode, sort_keys=False, width=80
        )
    except yaml.YAMLError:  # pragma: no cover - safe_dump refuses nothing we generate
        return None


@PROFILE
@given(value=top_level, flow=st.booleans(), unicode=st.booleans())
def test_yaml_shaped_documents_never_raise(
    workdir: Path, value: Any, flow: bool, unicode: bool
) -> None:
    text = dump(value, flow, unicode)
    assert text is not None
    check_files(
        workdir,
        {
            "document.md": f"---\n{text}---\nNotes.\n".encode(),
            "document.yml": text.encode(),
        },
    )


# -- (c) valid entries round-trip into the model ---------------------------------------------

DAYS_BACK = 4000


def day_between(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=first, max_value=last)


LINE_BREAKS = "\r\x85\u2028\u2029"
"""Left out of valid values: a lone CR is a line end in a file (the loader makes it one), and
PyYAML (YAML 1.1) folds NEL, LS and PS like line breaks, so `safe_dump` output does not load back
the same. The loader's handling of them is pinned in test_bad_input.py (line separators)."""
characters = st.characters(exclude_characters=LINE_BREAKS, exclude_categories=("Cs",))


def texts() -> st.SearchStrategy[str]:
    """Any non-blank text; the model keeps it without surrounding white space."""
    return st.text(characters, min_size=1, max_size=40).filter(lambda s: s.strip() != "")


def word(choices: tuple[str, ...]) -> st.SearchStrategy[tuple[str, str]]:
    """(as written, as the model keeps it): any case, white space around it."""
    return st.tuples(
        st.sampled_from(choices),
        st.sampled_from([str.lower, str.upper, str.title, str.capitalize]),
        st.sampled_from(["", " "]),
    ).map(lambda t: (t[2] + t[1](t[0]) + t[2], t[0]))


def date_value(day: dt.date) -> st.SearchStrategy[Any]:
    """A date as YAML writes it, or as a quoted string (white space allowed around it)."""
    return st.sampled_from([day, day.isoformat(), f" {day.isoformat()} "])


@st.composite
def text_list(draw: st.DrawFn, expected: list[Any], key: str) -> dict[str, Any]:
    """`key: [...]`, `key: one string`, `key: null` or nothing; `expected` gets the model value."""
    shape = draw(st.sampled_from(["absent", "list", "one", "null"]))
    if shape == "absent":
        expected.append(())
        return {}
    if shape == "null":
        expected.append(())
        return {key: None}
    if shape == "one":
        value = draw(texts())
        expected.append((value.strip(),))
        return {key: value}
    values = draw(st.lists(texts(), max_size=4))
    expected.append(tuple(v.strip() for v in values))
    return {key: values}


extra_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(characters, max_size=20),
        st.dates(),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.text(characters, max_size=8), children, max_size=3),
    ),
    max_leaves=8,
)


@st.composite
def common(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields both entry types have: (what the file says, what the model must hold)."""
    written: dict[str, Any] = {}
    model: dict[str, Any] = {}
    for key in ("strengths", "lessons", "tags"):
        found: list[Any] = []
        written.update(draw(text_list(found, key)))
        model[key] = found[0]
    if draw(st.booleans()):
        written["mood"] = model["mood"] = draw(st.integers(1, 5))
    if draw(st.booleans()):
        written["private"] = model["private"] = draw(st.booleans())
    if draw(st.booleans()):
        written["extra"] = model["extra"] = draw(
            st.dictionaries(st.text(characters, max_size=12), extra_values, max_size=4)
        )
    return written, model


@st.composite
def rejections(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    day = draw(day_between(TODAY - dt.timedelta(days=DAYS_BACK), TODAY))
    written, model = draw(common())
    written["date"] = draw(date_value(day))
    model["date"] = day
    if draw(st.booleans()):
        written["type"] = draw(word(("rejection",)))[0]
    for key in ("company", "role"):
        written[key] = draw(texts())
        model[key] = written[key].strip()
    model["track"] = model["role"]
    if draw(st.booleans()):
        written["track"] = draw(texts())
        model["track"] = written["track"].strip()
    if draw(st.booleans()):
        applied = draw(day_between(day - dt.timedelta(days=365), day))
        written["applied"] = draw(date_value(applied))
        model["applied"] = applied
    if draw(st.booleans()):
        written["stage"], model["stage"] = draw(word(schema.DEFAULT_STAGES))
    steps_written, steps = [], []
    for _ in range(draw(st.integers(0, 3))):
        step: dict[str, Any] = {}
        step["stage"], stage = draw(word(schema.DEFAULT_STAGES))
        kept: dict[str, Any] = {"stage": stage}
        if draw(st.booleans()):
            step_day = draw(day_between(day - dt.timedelta(days=100), TODAY))
            step["date"], kept["date"] = draw(date_value(step_day)), step_day
        for key in ("format", "notes"):
            if draw(st.booleans()):
                step[key] = draw(texts())
                kept[key] = step[key].strip()
        steps_written.append(step)
        steps.append(ProcessStep(**kept))
    if steps_written or draw(st.booleans()):
        written["process"] = steps_written
    model["process"] = tuple(steps)
    if draw(st.booleans()):
        fb: dict[str, Any] = {}
        kept = {}
        earliest = day
        choice = draw(st.sampled_from(["date", "false", "absent"]))
        if choice == "date":
            requested = draw(day_between(day, TODAY))
            fb["requested"], kept["requested"] = draw(date_value(requested)), requested
            earliest = requested
        elif choice == "false":
            fb["requested"] = kept["requested"] = False
        if draw(st.booleans()):
            fb["via"], kept["via"] = draw(word(("email", "phone", "in-person", "other")))
        if draw(st.booleans()):
            received = draw(day_between(earliest, TODAY))
            fb["received"], kept["received"] = draw(date_value(received)), received
        if draw(st.booleans()):
            fb["declined"] = kept["declined"] = draw(st.booleans())
        for key, field in (("from", "source"), ("summary", "summary")):
            if draw(st.booleans()):
                fb[key] = draw(texts())
                kept[field] = fb[key].strip()
        written["feedback"] = fb
        model["feedback"] = Feedback(**kept)
    gaps_written, gaps = [], []
    for _ in range(draw(st.integers(0, 3))):
        skill = draw(texts())
        if draw(st.booleans()):
            gaps_written.append(skill)
            gaps.append(Gap(skill.strip()))
            continue
        gap: dict[str, Any] = {"skill": skill}
        kept = {"skill": skill.strip()}
        if draw(st.booleans()):
            gap["severity"], kept["severity"] = draw(word(("low", "medium", "high")))
        for key in ("evidence", "plan"):
            if draw(st.booleans()):
                gap[key] = draw(texts())
                kept[key] = gap[key].strip()
        gaps_written.append(gap)
        gaps.append(Gap(**kept))
    if gaps_written:
        written["gaps"] = gaps_written
    model["gaps"] = tuple(gaps)
    return written, model


@st.composite
def reflections(draw: st.DrawFn, ids: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    day = draw(day_between(TODAY - dt.timedelta(days=DAYS_BACK), TODAY))
    written, model = draw(common())
    written["type"] = draw(word(("reflection",)))[0]
    written["date"] = draw(date_value(day))
    model["date"] = day
    if draw(st.booleans()):
        written["title"] = draw(texts())
        model["heading"] = written["title"].strip()
    if ids and draw(st.booleans()):
        about = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
        written["about"] = [draw(st.sampled_from([i, f" {i} "])) for i in about]
        model["about"] = tuple(about)
    progress_written, progress = [], []
    for _ in range(draw(st.integers(0, 3))):
        item = {"skill": draw(texts())}
        item["status"], status = draw(word(("open", "learning", "closed")))
        kept = {"skill": item["skill"].strip(), "status": status}
        if draw(st.booleans()):
            item["note"] = draw(texts())
            kept["note"] = item["note"].strip()
        progress_written.append(item)
        progress.append(Progress(**kept))
    if progress_written:
        written["progress"] = progress_written
    model["progress"] = tuple(progress)
    if draw(st.booleans()):
        written["decision"], model["decision"] = draw(word(("persist", "pivot", "undecided")))
    if draw(st.booleans()):
        written["track"] = draw(texts())
        model["track"] = written["track"].strip()
    questions_written, questions = [], []
    for _ in range(draw(st.integers(0, 3))):
        question = draw(texts())
        if draw(st.booleans()):
            questions_written.append(question)
            questions.append(MentorQuestion(question.strip()))
            continue
        item = {"question": question}
        kept = {"question": question.strip()}
        if draw(st.booleans()):
            answered = draw(day_between(dt.date(2000, 1, 1), TODAY))
            item["answered"], kept["answered"] = draw(date_value(answered)), answered
        questions_written.append(item)
        questions.append(MentorQuestion(**kept))
    if questions_written:
        written["ask_mentor"] = questions_written
    model["ask_mentor"] = tuple(questions)
    return written, model


bodies = st.text(st.characters(exclude_characters="\r", exclude_categories=("Cs",)), max_size=200)
"""A Markdown body is kept as written, apart from line ends (CRLF and CR become LF)."""


@st.composite
def valid_logs(draw: st.DrawFn) -> list[tuple[str, str, Any]]:
    """Entry files (name, text, expected entry) that are all valid together."""
    count = draw(st.integers(1, 4))
    ids = [f"entry-{index}" for index in range(count)]
    files = []
    for index, entry_id in enumerate(ids):
        others = ids[:index]
        is_reflection = draw(st.booleans())
        written, model = draw(reflections(others) if is_reflection else rejections())
        markdown = draw(st.booleans())
        suffix = draw(st.sampled_from([".md", ".markdown"] if markdown else [".yml", ".yaml"]))
        if markdown:
            body = draw(bodies)
        elif draw(st.booleans()):
            written["notes"] = draw(texts())
            body = written["notes"].strip()
        else:
            body = ""
        fields = yaml.safe_dump(written, allow_unicode=draw(st.booleans()), sort_keys=False)
        text = f"---\n{fields}---\n{body}" if markdown else fields
        kind = Reflection if is_reflection else Rejection
        expected = kind(id=entry_id, source=entry_id + suffix, body=body, **model)
        files.append((entry_id + suffix, text, expected))
    return files


@PROFILE
@given(files=valid_logs())
def test_valid_entries_load_without_problems_and_keep_every_value(
    workdir: Path, files: list[tuple[str, str, Any]]
) -> None:
    data = {name: text.encode() for name, text, _ in files}

    log = load_files(entries_folder(workdir, data), data)

    assert log.problems == (), "\n".join(map(str, log.problems))
    loaded = {entry.id: entry for entry in log.entries}
    assert loaded == {expected.id: expected for _, _, expected in files}
    order = [(entry.date, entry.id) for entry in log.entries]
    assert order == sorted(order, reverse=True)


def test_the_fuzz_profile_runs_at_least_100000_examples() -> None:
    assert settings.get_profile("fuzz").max_examples >= 100_000
    assert settings.get_profile("default-run").deadline is None


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])
