"""Company and role where an e-mail states them plainly, and whether it reads as a "no".

Each pattern matches a phrasing recruiters use; nothing is inferred from a domain name or a
signature. A value that looks like a sentence rather than a name is not taken.
"""

from __future__ import annotations

import re

_ROLE_WORDS = r"(?:role|position|job|vacancy|opening|post)"
_NAME = r"[^.,;:!?()\n]"

_SUBJECT = [
    rf"(?:.*\b)?application (?:for|to) (?:the )?(?P<role>{_NAME}+?)(?: {_ROLE_WORDS})? "
    rf"(?:at|with) (?P<company>{_NAME}+)",
    rf"(?:.*\b)?application (?:to|with|at) (?P<company>{_NAME}+)",
    rf"(?:.*\b)?application for (?:the )?(?P<role>{_NAME}+?)(?: {_ROLE_WORDS})?",
    rf"thank you for (?:applying|your interest|your application) (?:to|in|at|with) "
    rf"(?P<company>{_NAME}+)",
    rf"your (?P<company>{_NAME}+?) application",
    rf"(?P<role>{_NAME}+?) (?:{_ROLE_WORDS} )?at (?P<company>{_NAME}+)",
]
_BODY = [
    rf"\b(?:application|applying|interest) (?:for|to|in) the (?P<role>{_NAME}{{2,80}}?) "
    rf"{_ROLE_WORDS} (?:at|with) (?P<company>[A-Z]{_NAME}{{0,60}}?)[.,;:!?\n]",
    rf"\b(?:application|applying|interest) (?:for|to|in) the (?P<role>{_NAME}{{2,80}}?) "
    rf"{_ROLE_WORDS}\b",
]
_SENDER = [
    r"(?:the )?(?P<company>.+?) (?:careers|jobs|recruiting|recruitment|talent acquisition|"
    r"talent(?: team)?|hiring(?: team)?|recruiting team|people team|hr)",
    r"(?:careers|jobs|recruiting|recruitment|talent(?: team)?|hiring team|[a-z]+) "
    r"(?:at|from|@) (?P<company>.+)",
]
_REFERENCE = re.compile("\\s*(?:[-\u2013\u2014|#]|\\b(?:ref|req|id)\\b).*$", re.IGNORECASE)
_QUOTES = " \"'\u201c\u201d\u2018\u2019"
_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|wg|tr|sv)\s*:\s*)+", re.IGNORECASE)
_PRONOUNS = re.compile(r"\b(?:you|your|we|us|our|i|me|my|this|that|unfortunately)\b", re.I)
_REJECTION = re.compile(
    r"unfortunately|regret to|not (?:to |be )?(?:moving|move|going|proceed\w*|progress\w*) "
    r"forward|not to proceed|not be proceeding|not be progressing|other candidates|"
    r"unsuccessful|not been successful|not successful|not been selected|not selected|"
    r"decided not to|position has been filled|role has been filled|pursue other|"
    r"decided to (?:proceed|move forward|go ahead) with|closer match|"
    r"not be taking your application",
    re.IGNORECASE,
)


def _clean(name: str, value: str) -> str:
    """A company or role as a name, or "" when it reads like words of a sentence."""
    value = _REFERENCE.sub("", value).strip(_QUOTES)
    value = re.sub(r"^the\s+", "", value, flags=re.IGNORECASE).strip()
    words = value.split()
    limit = 8 if name == "role" else 6
    if not words or len(words) > limit or _PRONOUNS.search(value):
        return ""
    if name == "company" and not (value[0].isupper() or value[0].isdigit()):
        return ""
    return " ".join(words)


def _first(patterns: list[str], text: str, anywhere: bool) -> dict[str, str]:
    for pattern in patterns:
        flags = 0 if anywhere else re.IGNORECASE
        match = re.search(pattern, text, flags) if anywhere else re.fullmatch(pattern, text, flags)
        if not match:
            continue
        found = {name: _clean(name, value) for name, value in match.groupdict().items() if value}
        found = {name: value for name, value in found.items() if value}
        if found:
            return found
    return {}


def read_subject(subject: str) -> dict[str, str]:
    """{"company": ..., "role": ...}, each only when the subject says it plainly."""
    plain = re.sub(r"\s*(?:\([^)]*\)|\[[^\]]*\])", "", _PREFIX.sub("", subject)).strip()
    return _first(_SUBJECT, plain, anywhere=False)


def read_body(text: str) -> dict[str, str]:
    """The same, from a sentence in the first paragraphs of the message."""
    head = " ".join(text[:3000].split()) + "\n"
    found = _first(_BODY, head, anywhere=True)
    return found or _first(_BODY, head.replace("Application", "application"), anywhere=True)


def read_sender(sender: str) -> dict[str, str]:
    """The company from a sender such as "Fabrikam Careers" or "Talent at Fabrikam"."""
    name = re.sub(r"<[^>]*>", "", sender).strip().strip("\"'")
    return _first(_SENDER, name, anywhere=False)


def is_rejection_text(text: str) -> bool:
    """Whether the subject and text say no in one of the ways employers usually do."""
    return bool(_REJECTION.search(text))
