"""The company behind a sender: its display name, an applicant-tracking system, a signature.

A display name counts as a company when the mail says so: it comes through an
applicant-tracking system (the ATS sends on the company's behalf, under its name), it carries
a word such as "Careers" ("Coho Winery Careers", "Talent at Coho"), or it matches the
sender's own domain ("Coho Winery" <jobs@cohowinery.com>). A person's name never counts.
"""

from __future__ import annotations

import re
import unicodedata

ATS_DOMAINS = {
    "greenhouse.io": "Greenhouse",
    "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever",
    "hire.lever.co": "Lever",
    "myworkday.com": "Workday",
    "workday.com": "Workday",
    "ashbyhq.com": "Ashby",
    "smartrecruiters.com": "SmartRecruiters",
    "personio.de": "Personio",
    "personio.com": "Personio",
    "workablemail.com": "Workable",
    "workable.com": "Workable",
    "teamtailor-mail.com": "Teamtailor",
    "teamtailor.com": "Teamtailor",
    "recruitee.com": "Recruitee",
    "bamboohr.com": "BambooHR",
    "icims.com": "iCIMS",
    "jobvite.com": "Jobvite",
    "successfactors.com": "SuccessFactors",
    "taleo.net": "Taleo",
    "join.com": "JOIN",
}
"""Sending domains of applicant-tracking systems (a subdomain counts too)."""

_TEAM_CORE = (
    r"careers?|jobs|recruiting|recruitment|recruiters?|talent acquisition|talent|hiring|"
    r"people|hr|human resources|karriere|personal|recrutement|carrières?|empleo|selección|"
    r"reclutamiento|werving|vacatures|personalabteilung|personalwesen|bewerbermanagement|"
    r"rh|ressources humaines|recursos humanos|personeelszaken"
)
_TEAM_WORDS = rf"{_TEAM_CORE}|team|équipe|equipo|notifications?|no-?reply"
_SUFFIX = re.compile(rf"(?:\s+(?:{_TEAM_WORDS}))+$", re.IGNORECASE)
_PREFIX = re.compile(
    rf"^(?:the\s+)?(?:(?:{_TEAM_WORDS})\s+)+(?:at|from|@|bei|chez|de|en|van|bij)\s+", re.IGNORECASE
)
_VIA = re.compile(r"\s*[(\[]?\s*(?:via|through|über|par|vía|door)\s+.*$", re.IGNORECASE)
_GENERIC = re.compile(
    rf"^(?:{_TEAM_WORDS}|do not reply|donotreply|noreply|mailer-daemon|info|admin|"
    r"application|applications|candidate|bewerbung|candidature)$",
    re.IGNORECASE,
)
_SIGNATURE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"^(?:the|your|ihr|dein|euer)\s+(?P<company>.{{2,60}}?)\s+(?:(?:{_TEAM_WORDS})\s*)+$",
        r"^(?:(?:ihr|dein|euer)\s+)?(?:\w+\s?)?team\s+(?:von|der|des)\s+(?P<company>.{2,60})$",
        r"^l['\u2019]équipe\s+(?:\w+\s+)?(?:de|d['\u2019])\s*(?P<company>.{2,60})$",
        r"^el equipo de\s+(?:\w+\s+de\s+)?(?P<company>.{2,60})$",
        r"^het\s+(?:\w*team)\s+van\s+(?P<company>.{2,60})$",
        r"^team\s+(?P<company>[A-Z].{1,60})$",
        rf"^(?P<company>[A-Z][^,;:!?&]{{1,60}}?)\s+(?:{_TEAM_CORE})(?:\s+team)?$",
    )
]


def split_address(sender: str) -> tuple[str, str]:
    """The display name and the address of a From header."""
    address = ""
    match = re.search(r"<([^<>]*)>", sender)
    if match:
        address = match.group(1).strip()
        name = (sender[: match.start()] + sender[match.end() :]).strip()
    elif "@" in sender and " " not in sender.strip():
        name, address = "", sender.strip()
    else:
        name = sender
    return name.strip().strip("\"'").strip(), address.lower()


def ats_of(address: str) -> str:
    """The applicant-tracking system that sent from `address`, or ""."""
    domain = address.rpartition("@")[2]
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        found = ATS_DOMAINS.get(".".join(parts[start:]))
        if found:
            return found
    return ""


def company_of_sender(sender: str) -> str:
    """The company a From header names, or "" when it names a person or a system."""
    name, address = split_address(sender)
    ats = ats_of(address)
    name = _VIA.sub("", name).strip()
    if not name or name.lower() == ats.lower() or _GENERIC.match(name):
        return ""
    stripped = _PREFIX.sub("", name)
    stripped = _SUFFIX.sub("", stripped).strip(" -\u2013—|,")
    if not stripped or _GENERIC.match(stripped) or stripped.lower() == ats.lower():
        return ""
    if ats or stripped != name or _fits_domain(stripped, address):
        return stripped
    return ""


def company_of_signature(text: str, sender: str = "") -> str:
    """The company a closing line names ("The Coho Winery Talent Team"), or "".

    A line that is just the sender's domain in words ("Graphic Design Institute" from
    graphicdesigninstitute.example) counts too.
    """
    address = split_address(sender)[1]
    lines = [line.strip(" ,.-\u2013\u2014") for line in text.strip().split("\n")[-15:]]
    for line in reversed(lines):
        if not line or len(line) > 80:
            continue
        if address and line[0].isupper() and _fits_domain(line, address):
            return line
        for pattern in _SIGNATURE:
            match = pattern.match(line)
            if match:
                company = _SUFFIX.sub("", match.group("company")).strip(" ,.")
                if company and not _GENERIC.match(company) and company[0].isupper():
                    return company
    return ""


def _letters(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def _fits_domain(name: str, address: str) -> bool:
    """Whether a name is the sending domain's ("Coho Winery" at cohowinery.com)."""
    domain = address.rpartition("@")[2]
    labels = [_letters(label) for label in domain.split(".")[:-1]]
    letters = _letters(name)
    return bool(letters) and any(
        label and (label == letters or (len(letters) >= 4 and label.startswith(letters)))
        for label in labels
    )
