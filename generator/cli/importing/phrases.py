"""Company and role where a rejection states them plainly: its subject and its sentences.

Each pattern is a phrasing recruiters and applicant-tracking systems use, in English,
German, French, Spanish and Dutch. A value that reads like a sentence rather than a name is
not taken; nothing is inferred from a domain name.
"""

from __future__ import annotations

import re

_ROLE_WORDS = (
    r"(?:role|position|job|vacancy|opening|post|Stelle|Position|poste|puesto|functie|vacature)"
)
_N = r"[^.,;:!?()\[\]\n\"\u201c\u201d]"
"""A character of a name: no sentence punctuation."""
_APOS = "['\u2019]"
_DASH = r"\s+[-\u2013—|]\s+|\s*[|:]\s+"

_SUBJECT = [
    rf"\bapplication (?:for|to) (?:the )?(?P<role>{_N}+?)(?: {_ROLE_WORDS})? (?:at|with) "
    rf"(?P<company>{_N}+)$",
    rf"\b(?:Ihre|deine|Deine) Bewerbung (?:als|für die Position|für die Stelle|auf die Stelle|"
    rf"um die Stelle|zum|zur|für) (?:als )?(?P<role>{_N}+?)(?: bei (?P<company>{_N}+))?$",
    rf"\b(?:Ihre|deine) Bewerbung bei (?P<company>{_N}+?)(?: als (?P<role>{_N}+))?$",
    rf"\b(?:votre|ta) candidature (?:au poste d{_APOS}|au poste de |pour le poste d{_APOS}|"
    rf"pour le poste de |à l{_APOS}offre |pour l{_APOS}offre |pour |en tant que )(?P<role>{_N}+?)"
    rf"(?: (?:chez|au sein de|à) (?P<company>{_N}+))?$",
    rf"\b(?:votre|ta) candidature (?:chez|à|au sein de) (?P<company>{_N}+)$",
    rf"\b(?:tu|su) (?:candidatura|solicitud|postulación) (?:para el puesto de |al puesto de |"
    rf"a la posición de |para |a |como )(?P<role>{_N}+?)(?: en (?P<company>{_N}+))?$",
    rf"\b(?:tu|su) (?:candidatura|solicitud|postulación) en (?P<company>{_N}+)$",
    rf"\b(?:je|jouw|uw) sollicitatie (?:als |voor de functie van |voor de functie |naar de "
    rf"functie van |naar de functie |op de vacature |voor )(?P<role>{_N}+?)"
    rf"(?: bij (?P<company>{_N}+))?$",
    rf"\b(?:je|jouw|uw) sollicitatie bij (?P<company>{_N}+)$",
    rf"\bapplication (?:to|with|at) (?P<company>{_N}+)$",
    rf"\bapplication for (?:the )?(?P<role>{_N}+?)(?: {_ROLE_WORDS})?$",
    rf"\bthank you for (?:applying|your interest|your application) (?:to|in|at|with) "
    rf"(?P<company>{_N}+)$",
    rf"^your (?P<company>{_N}+?) application$",
    rf"^(?P<role>{_N}+?) (?:{_ROLE_WORDS} )?at (?P<company>{_N}+)$",
    rf"^(?P<role>{_N}+?) {_ROLE_WORDS}$",
    rf"^(?:application|Bewerbung|candidature|candidatura|sollicitatie)(?: (?:for|als|für|"
    rf"pour|para|voor))? (?P<role>{_N}+)$",
]
_PAIR = re.compile(
    rf"^(?P<first>{_N}+?)(?:{_DASH})(?P<second>{_N}+?)(?:\s+(?:application|candidacy|"
    r"Bewerbung|candidature|candidatura|sollicitatie))?(?:\s+(?:update|status|feedback))?$",
    re.IGNORECASE,
)
_BODY = [
    rf"\b(?:application|applying|interest) (?:for|to|in) the (?P<role>{_N}{{2,80}}?) "
    rf"{_ROLE_WORDS} (?:at|with) (?P<company>[A-Z]{_N}{{0,60}}?)[.,;:!?\n]",
    rf"\bthe (?P<role>{_N}{{2,80}}?) {_ROLE_WORDS} (?:at|with) (?P<company>[A-Z]{_N}{{0,60}}?)"
    r"[.,;:!?\n]",
    rf"\bBewerbung (?:als|für die Position|für die Stelle) (?:als )?(?P<role>{_N}{{2,80}}?) "
    rf"bei (?P<company>[A-Z]{_N}{{0,60}}?)[.,;:!?\n]",
    rf"\b(?:poste|offre) d['\u2019]?e?\s?(?P<role>{_N}{{2,80}}?) (?:chez|au sein de) "
    rf"(?P<company>[A-Z]{_N}{{0,60}}?)[.,;:!?\n]",
    rf"\b(?:puesto|posición|vacante) de (?P<role>{_N}{{2,80}}?) en (?P<company>[A-Z]"
    rf"{_N}{{0,60}}?)[.,;:!?\n]",
    rf"\b(?:functie|vacature) (?:van|als) (?P<role>{_N}{{2,80}}?) bij (?P<company>[A-Z]"
    rf"{_N}{{0,60}}?)[.,;:!?\n]",
    rf"\b(?:application|applying|interest) (?:for|to|in) the (?P<role>{_N}{{2,80}}?) "
    rf"{_ROLE_WORDS}\b",
    rf"\b(?:role|position) of (?P<role>{_N}{{2,80}}?)[.,;:!?\n]",
    rf"\b(?:Bewerbung als|candidature (?:au|pour le) poste de|candidatura (?:para|al) puesto "
    rf"de|sollicitatie (?:als|voor de functie van)) (?P<role>{_N}{{2,80}}?)[.,;:!?\n]",
    rf"\b(?:interest in|applying to|application to|applying at) (?P<company>[A-Z]{_N}{{0,60}}?)"
    r"[.,;:!?\n]",
    rf"\b(?:Interesse an|intérêt pour|interés en|interesse in) (?P<company>[A-Z]{_N}{{0,60}}?)"
    r"[.,;:!?\n]",
]
_SUBJECT_RE = [re.compile(p, re.IGNORECASE) for p in _SUBJECT]
_BODY_RE = [re.compile(p) for p in _BODY]
_REFERENCE = re.compile(
    r"\s*(?:[#]|\b(?:ref|req|id|job id|requisition)\b[: ]|\bR-?\d{3,}\b|\bJR\d+\b).*$",
    re.IGNORECASE,
)
_QUOTES = " \"'\u201c\u201d\u2018\u2019«»"
_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|tr|sv|antw|rv|absage|rejection|update)\s*:\s*|\[[^\]]*\]\s*)+",
    re.IGNORECASE,
)
_PRONOUNS = re.compile(
    r"\b(?:you|your|we|us|our|i|me|my|this|that|unfortunately|update|news|Ihre|Sie|wir|votre|"
    r"nous|vous|tu|su|nuestra|je|uw|wij|we|application|Bewerbung|candidature|candidatura|"
    r"sollicitatie|regarding|status|thank|thanks)\b",
    re.IGNORECASE,
)
_NOT_COMPANY = re.compile(
    r"\b(?:interview|invitation|Einladung|entretien|entrevista|gesprek|offer|next steps?|"
    r"feedback|Absage|Zusage|rejection)\b",
    re.IGNORECASE,
)
ROLE_HINTS = re.compile(
    r"\b(?:engineer|developer|analyst|manager|designer|scientist|intern|internship|lead|"
    r"specialist|consultant|architect|administrator|assistant|associate|director|officer|"
    r"coordinator|technician|researcher|writer|editor|accountant|advisor|representative|"
    r"entwickler\w*|werkstudent\w*|praktikant\w*|referent\w*|berater\w*|ingenieur\w*|"
    r"analyste|développeu\w*|chef|responsable|stagiaire|ingeniero|desarrollador\w*|"
    r"analista|medewerker|ontwikkelaar|adviseur|stagiair)\b",
    re.IGNORECASE,
)


def clean(name: str, value: str) -> str:
    """A company or role as a name, or "" when it reads like words of a sentence."""
    value = _REFERENCE.sub("", value).strip(_QUOTES + " -\u2013—|")
    value = re.sub(r"^(?:the|die|der|le|la|el|de|het)\s+", "", value, flags=re.IGNORECASE).strip()
    words = value.split()
    limit = 8 if name == "role" else 6
    if not words or len(words) > limit or _PRONOUNS.search(value):
        return ""
    if name == "company" and not (value[0].isupper() or value[0].isdigit()):
        return ""
    if name == "company" and _NOT_COMPANY.search(value):
        return ""
    return " ".join(words)


def plain_subject(subject: str) -> str:
    """The subject without reply prefixes, tags and bracketed references."""
    plain = _PREFIX.sub("", subject)
    plain = re.sub(r"\s*(?:\([^)]*\)|\[[^\]]*\])", "", plain)
    return " ".join(plain.split()).strip(" -\u2013—|:")


def _found(match: re.Match[str]) -> dict[str, str]:
    values = {name: clean(name, value) for name, value in match.groupdict().items() if value}
    return {name: value for name, value in values.items() if value}


def read_subject(subject: str, company_hint: str = "") -> dict[str, str]:
    """{"company": ..., "role": ...}, each only when the subject says it plainly.

    `company_hint`, the company the sender names, tells which side of "Coho Winery - Data
    Analyst application update" is the company.
    """
    plain = plain_subject(subject)
    for pattern in _SUBJECT_RE:
        match = pattern.search(plain)
        if match and (found := _found(match)):
            return found
    return _read_pair(plain, company_hint)


def _read_pair(plain: str, company_hint: str) -> dict[str, str]:
    match = _PAIR.match(plain)
    if not match:
        return {}
    first, second = match["first"].strip(), match["second"].strip()
    hint = company_hint.casefold()
    if hint and (first.casefold() == hint or second.casefold() == hint):
        company, role = (first, second) if first.casefold() == hint else (second, first)
    elif ROLE_HINTS.search(second) and not ROLE_HINTS.search(first):
        company, role = first, second
    elif ROLE_HINTS.search(first) and not ROLE_HINTS.search(second):
        company, role = second, first
    else:
        return {}
    found = {"company": clean("company", company), "role": clean("role", role)}
    return {name: value for name, value in found.items() if value}


def read_body(text: str) -> dict[str, str]:
    """Company and role from sentences in the first paragraphs of the message."""
    head = " ".join(text[:3000].split()) + "\n"
    found: dict[str, str] = {}
    for pattern in _BODY_RE:
        for match in pattern.finditer(head):
            for name, value in _found(match).items():
                found.setdefault(name, value)
            if len(found) == 2:
                return found
    return found
