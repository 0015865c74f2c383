"""What an e-mail is, decided by named rules: pure, without files (importing.kinds)."""

from __future__ import annotations

import pytest

from generator.cli.importing.kinds import NEEDLES, PRECEDENCE, RULES, Rule, classify, fresh_text


@pytest.mark.parametrize(
    ("rule", "example"), [(rule, example) for rule in RULES for example in rule.examples]
)
def test_every_rule_decides_its_own_examples(rule: Rule, example: str) -> None:
    assert classify("", example).kind == rule.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We have decided to move forward with your application.", "invitation"),
        ("We have decided to move forward with other candidates.", "rejection"),
        ("We will not be inviting you to an interview.", "rejection"),
        ("We are unable to offer you the position.", "rejection"),
        (
            "Unfortunately we can't reply to each applicant. We have received your application.",
            "acknowledgement",
        ),
        ("If you do not hear from us in 14 days, your application was unsuccessful.", "other"),
        (
            "The role is filled, but we would like to invite you to an interview for another.",
            "invitation",
        ),
        ("Unfortunately I can't make dinner on Friday.", "other"),
        (
            "Wir möchten Sie nicht zu einem Gespräch einladen, da die Stelle bereits besetzt ist.",
            "rejection",
        ),
    ],
)
def test_next_steps_win_negations_and_conditions_count_unfortunately_decides_nothing(
    text: str, kind: str
) -> None:
    assert classify("", text).kind == kind


def test_a_reply_is_decided_by_its_own_words_not_the_quoted_thread() -> None:
    text = "We went with another candidate.\n\nOn Mon, 2 Nov 2026 Dana wrote:\n> invite you to talk"
    assert "invite" not in fresh_text(text)


def test_a_rejection_read_only_from_a_hint_is_marked_unsure() -> None:
    verdict = classify("Your application", "Leider können wir Ihnen heute nicht antworten.")
    assert (verdict.kind, verdict.sure, verdict.phrase) == (
        "rejection",
        False,
        "Leider können wir Ihnen heute nicht",
    )


def test_bulk_headers_make_an_unrecognised_message_a_newsletter() -> None:
    assert classify("Save the date", "Join us on 3 December.", bulk=True).kind == "newsletter"
    assert classify("Save the date", "Join us on 3 December.").kind == "other"


def test_rule_names_are_unique_and_every_rule_has_an_example() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.examples for rule in RULES)


def test_every_rule_has_needles_its_examples_hold() -> None:
    for rule in RULES:
        for example in rule.examples:
            assert any(n in example.lower() for n in NEEDLES[rule.name]), (rule.name, example)


def test_rules_are_listed_in_the_order_their_kinds_are_tried() -> None:
    order = [PRECEDENCE.index(rule.kind) for rule in RULES]
    assert order == sorted(order)
