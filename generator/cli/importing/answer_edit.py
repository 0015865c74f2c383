"""Write a mentor's answer into the reflection that asked, changing only that question.

The file is edited as text, not dumped again from data: every other line (comments, quotes,
the order of keys, the Markdown body) stays exactly as the user wrote it. The question's item
gets `answered:` and `answer:` lines; a question written as plain text becomes the long form
(`- question: ...`) first, its words kept as written when they fit on one line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from ...i18n import N_
from ..scaffold import yaml_scalar


class AnswerEditError(Exception):
    """The answer cannot be written into this file; the message says why, in one line."""


@dataclass(frozen=True)
class _Item:
    """One `ask_mentor` item: its node, and whether it is the long form (a mapping)."""

    node: yaml.Node
    is_mapping: bool


def with_answer(text: str, is_markdown: bool, question: str, day: dt.date, answer: str) -> str:
    """`text` (a whole entry file) with `question` answered on `day` with `answer`."""
    lines = text.splitlines(keepends=True)
    offset, yaml_lines = _front_matter(lines, is_markdown)
    item = _find(yaml.compose("".join(yaml_lines)), question)
    start = offset + item.node.start_mark.line
    last = offset + _last_line(item.node, yaml_lines)
    column = item.node.start_mark.column
    added = _answer_lines(column, day, answer)
    if item.is_mapping:
        new_lines = [*lines[: last + 1], *added, *lines[last + 1 :]]
    else:
        head = _long_form(lines[start], item.node, start == last)
        new_lines = [*lines[:start], head, *added, *lines[last + 1 :]]
    result = "".join(new_lines)
    _check(result, is_markdown, question, day, answer)
    return result


def _front_matter(lines: list[str], is_markdown: bool) -> tuple[int, list[str]]:
    """The line where the YAML starts, and its lines (a Markdown file's front matter)."""
    if not is_markdown:
        return 0, lines
    if not lines or lines[0].rstrip() != "---":
        raise AnswerEditError(N_("it has no front matter (a first line of ---)"))
    for number, line in enumerate(lines[1:], 1):
        if line.rstrip() in ("---", "..."):
            return 1, lines[1:number]
    raise AnswerEditError(N_("its front matter has no closing ---"))


def _find(root: yaml.Node | None, question: str) -> _Item:
    wanted = " ".join(question.split())
    if not isinstance(root, yaml.MappingNode):
        raise AnswerEditError(N_("it is not a mapping of fields"))
    for key, value in root.value:
        if key.value != "ask_mentor":
            continue
        if not isinstance(value, yaml.SequenceNode) or value.flow_style:
            raise AnswerEditError(N_("its ask_mentor is not a list of one question per line"))
        for node in value.value:
            words = _question_of(node)
            if words is None or " ".join(words.split()) != wanted:
                continue
            if isinstance(node, yaml.MappingNode) and any(
                key.value in ("answered", "answer") for key, _ in node.value
            ):
                raise AnswerEditError(N_("that question has an answer already; nothing changed"))
            return _Item(node, isinstance(node, yaml.MappingNode))
    raise AnswerEditError(N_("its ask_mentor no longer has that question"))


def _question_of(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        for key, value in node.value:
            if key.value == "question" and isinstance(value, yaml.ScalarNode):
                return str(value.value)
    return None


def _last_line(node: yaml.Node, yaml_lines: list[str]) -> int:
    """The item's last line with content (not a blank line or a comment after it)."""
    end = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
    while end > node.start_mark.line:
        content = yaml_lines[end].strip()
        if content and not content.startswith("#"):
            break
        end -= 1
    return end


def _long_form(line: str, node: yaml.Node, one_line: bool) -> str:
    """`- words` as `- question: words`, the words (and a comment after them) kept as written
    when they are on one line."""
    prefix = line[: node.start_mark.column]
    if one_line:
        written = line[node.start_mark.column :].rstrip("\r\n")
        return f"{prefix}question: {written}\n"
    return f"{prefix}question: {yaml_scalar(' '.join(str(node.value).split()))}\n"


def _answer_lines(column: int, day: dt.date, answer: str) -> list[str]:
    indent = " " * column
    lines = [f"{indent}answered: {day.isoformat()}\n"]
    text = [line.rstrip() for line in answer.strip().splitlines()]
    if len(text) == 1:
        return [*lines, f"{indent}answer: {yaml_scalar(text[0])}\n"]
    block = [f"{indent}    {line}\n" if line else "\n" for line in text]
    return [*lines, f"{indent}answer: |-\n", *block]


def _check(text: str, is_markdown: bool, question: str, day: dt.date, answer: str) -> None:
    """The edited file reads back with exactly this answer, or nothing is written."""
    lines = text.splitlines(keepends=True)
    _, yaml_lines = _front_matter(lines, is_markdown)
    data = yaml.safe_load("".join(yaml_lines))
    wanted = " ".join(question.split())
    expected = "\n".join(line.rstrip() for line in answer.strip().splitlines())
    for item in data.get("ask_mentor") or []:
        if (
            isinstance(item, dict)
            and " ".join(str(item.get("question")).split()) == wanted
            and (item.get("answered"), item.get("answer")) == (day, expected)
        ):
            return
    raise AnswerEditError(
        N_("the edited file would not read back with that answer; nothing changed")
    )
