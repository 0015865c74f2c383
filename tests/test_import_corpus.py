"""The labelled corpus, imported as one mailbox and scored per kind (issue 25's targets)."""

from __future__ import annotations

import email.utils
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from import_log import import_into
from mail_corpus import Labelled, labelled, write_mbox

_LINE = re.compile(r"corpus\.mbox: message (\d+): (.*)")


@dataclass(frozen=True)
class Outcome:
    item: Labelled
    line: str
    written: Path | None
    """The entry file written for it (a draft's too), or None."""

    @property
    def draft(self) -> bool:
        return self.written is not None and self.written.name.startswith("_")

    @property
    def complete(self) -> bool:
        """Written as an entry with the labelled company and role, dated by its Date header."""
        if self.written is None or self.draft:
            return False
        fields = yaml.safe_load(self.written.read_text(encoding="utf-8").split("\n---")[0][3:])
        day = email.utils.parsedate_to_datetime(self.item.date).date()
        return (fields["company"], fields["role"], fields["date"]) == (
            self.item.company,
            self.item.role,
            day,
        )


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    root = tmp_path_factory.mktemp("corpus")
    items = labelled()
    result = import_into(root / "entries", write_mbox(root / "corpus.mbox", items), options=("-v",))
    lines = {int(m[1]): m[2] for m in map(_LINE.search, result.output.splitlines()) if m}
    found = []
    for number, item in enumerate(items, 1):
        line = lines.get(number, "")
        wrote = re.search(r"wrote (?:draft )?(\S+\.md)", line)
        found.append(Outcome(item, line, Path(wrote[1]) if wrote else None))
    _print_scores(found)
    return found


def _print_scores(found: list[Outcome]) -> None:
    table: Counter[tuple[str, str]] = Counter()
    for outcome in found:
        kind = outcome.item.kind
        table[kind, "messages"] += 1
        table[kind, "written"] += outcome.written is not None and not outcome.draft
        table[kind, "drafts"] += outcome.draft
        table[kind, "complete"] += outcome.complete
        told = outcome.written is not None if kind == "rejection" else kind[:6] in outcome.line
        table[kind, "told apart"] += told
    kinds = sorted({kind for kind, _ in table})
    columns = ("messages", "written", "drafts", "complete", "told apart")
    print("\nkind            " + "  ".join(f"{c:>10}" for c in columns))
    for kind in kinds:
        print(f"{kind:<16}" + "  ".join(f"{table[kind, c]:>10}" for c in columns))


def rejections(outcomes: list[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.item.kind == "rejection"]


def test_the_corpus_is_as_large_and_varied_as_the_issue_asks() -> None:
    items = labelled()
    rejected = [item for item in items if item.kind == "rejection"]
    senders = {re.sub(r".*@|>", "", item.sender).split(".")[-2] for item in rejected}
    assert len(items) >= 60
    assert {"greenhouse-mail", "greenhouse", "lever", "myworkday", "ashbyhq"} <= senders
    assert {"smartrecruiters", "personio", "linkedin", "indeed"} <= senders
    assert {"invitation", "offer", "acknowledgement", "newsletter", "alert", "spam"} <= {
        item.kind for item in items
    }
    assert {"plain", "qp", "b64", "b64-latin1", "html", "alt", "attach"} <= {
        item.shape for item in items
    }


def test_no_message_crashes_the_import(outcomes: list[Outcome]) -> None:
    assert [o.item.id for o in outcomes if not o.line] == []
    assert [o.item.id for o in outcomes if "not imported" in o.line] == []


def test_no_non_rejection_is_written_not_even_as_a_draft(outcomes: list[Outcome]) -> None:
    written = [o.item.id for o in outcomes if o.item.kind != "rejection" and o.written]
    assert written == []


def test_at_least_95_percent_of_rejections_are_recognised(outcomes: list[Outcome]) -> None:
    found = rejections(outcomes)
    recognised = [o for o in found if o.written is not None]
    assert len(recognised) >= 0.95 * len(found), [o.line for o in found if o.written is None]


def test_at_least_85_percent_of_rejections_are_complete_entries(outcomes: list[Outcome]) -> None:
    found = rejections(outcomes)
    complete = [o for o in found if o.complete]
    assert len(complete) >= 0.85 * len(found), [o.item.id for o in found if not o.complete]


def test_each_non_rejection_is_reported_as_its_own_kind(outcomes: list[Outcome]) -> None:
    names = {"invitation": "interview or assessment invitation", "other": "other message"}
    wrong = [
        (o.item.id, o.line)
        for o in outcomes
        if o.item.kind != "rejection" and names.get(o.item.kind, o.item.kind) not in o.line
    ]
    assert wrong == []


def test_a_rejection_whose_role_the_message_never_names_is_a_draft_saying_so(
    outcomes: list[Outcome],
) -> None:
    vague = next(o for o in outcomes if o.item.id == "person-sender-no-role")
    assert vague.draft and vague.written is not None
    assert "# DRAFT: fill in role (not found in it)" in vague.written.read_text(encoding="utf-8")
