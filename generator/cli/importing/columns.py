"""What a spreadsheet's columns and cells mean: header synonyms, rejection statuses, stages."""

from __future__ import annotations

import functools
import re
import unicodedata

from ...i18n import Language, shipped_languages
from ..export import COLUMNS, column_headers

SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": (
        "company", "employer", "organisation", "organization", "company name", "employer name",
        "organization name", "firma", "unternehmen", "arbeitgeber", "entreprise", "employeur",
        "empresa", "bedrijf", "werkgever",
    ),
    "role": (
        "role", "title", "job title", "position", "job", "position title", "role title",
        "job position", "job name", "job role", "stelle", "stellentitel", "poste",
        "intitule du poste", "puesto", "cargo", "functie", "vacature",
    ),
    "applied": (
        "applied", "date applied", "application date", "applied on", "applied date", "applied at",
        "date of application", "beworben am", "bewerbungsdatum", "date de candidature",
        "fecha de solicitud", "fecha de aplicacion", "sollicitatiedatum",
    ),
    "status": (
        "status", "application status", "outcome", "result", "list name", "list", "job status",
        "pipeline stage", "state", "response", "statut", "estado", "stand",
    ),
    "rejected": (
        "rejected", "date rejected", "rejection date", "rejected on", "rejected at",
        "rejected date", "date of rejection", "closed", "date closed", "closed on",
        "decision date", "absage am", "datum absage", "date de refus", "fecha de rechazo",
        "datum afwijzing",
    ),
    "status date": (
        "status date", "last moved at", "moved at", "last updated", "updated", "updated at",
        "last modified", "modified", "date updated", "date of response", "response date",
        "status changed", "status changed at", "last status change", "date modified",
        "last activity", "last edited time", "last edited", "zuletzt aktualisiert",
        "derniere mise a jour", "ultima actualizacion", "laatst bijgewerkt",
    ),
    "notes": ("notes", "note", "comments", "comment", "notizen", "remarques", "notas", "notities"),
    "url": (
        "url", "link", "job link", "job url", "posting", "job posting", "posting url",
        "job posting url", "application link",
    ),
    "stage": ("stage reached", "furthest stage", "interview stage", "interview", "interviews"),
    "track": ("track",),
    "gaps": ("gaps",),
    "strengths": ("strengths",),
    "lessons": ("lessons",),
    "tags": ("tags",),
    "type": ("type",),
    "id": ("id",),
    "feedback": ("feedback status",),
}  # fmt: skip
"""Field -> the headers (folded) that mean it. `stage` and `date` are decided in `map_headers`.

Written from the public layouts of LinkedIn's "Job Applications" export, Huntr, Teal,
Simplify, JobSync, Notion job-tracker templates and common spreadsheet templates."""
EITHER = "stage or status"
"""A lone "Stage" column: a status in some trackers ("Rejected"), a stage in others."""

_BY_HEADER = {header: name for name, headers in SYNONYMS.items() for header in headers}
MULTI = ("notes",)
DATE_FIELDS = ("rejected", "applied", "status date")
"""Fields that may come from several columns at once (their texts are joined)."""

_REJECTION = (
    "reject",
    "absage", "abgelehnt", "abgesagt", "ablehnung", "nicht erfolgreich",
    "refus", "rejete", "non retenu", "pas retenu", "candidature non retenue",
    "rechaza", "descartad", "no seleccionad",
    "afgewezen", "afwijzing", "niet aangenomen", "niet geselecteerd",
    "not selected",
    "unsuccessful",
    "not successful",
    "not progressed",
    "not progressing",
    "not moving forward",
    "declined by employer",
    "employer declined",
    "no offer",
    "turned down",
    "not shortlisted",
)  # fmt: skip
EMPTY = {"n/a", "na", "n.a.", "-", "\u2013", "\u2014", "none", "null", "tbd", "?"}
"""Cells that mean nothing was filled in."""

_FILLER = {
    "interview", "interviews", "round", "stage", "call", "the", "a", "an", "with", "and",
    "first", "second", "third", "last", "test", "exercise", "assignment", "task", "meeting",
    "chat", "video", "st", "nd", "rd", "th",
}  # fmt: skip
_STAGE_SYNONYMS = {
    "tech": "technical",
    "coding": "technical",
    "hr": "screen",
    "recruiter": "screen",
    "inperson": "onsite",
    "panel": "onsite",
    "homework": "take-home",
}


def fold(text: str) -> str:
    """A header or cell as compared, by its words: `lastMovedAt`, `last_moved_at` and
    "Last moved at:" all fold to "last moved at"; accents, case and punctuation are ignored."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\(.*?\)|[^a-z0-9/]+", " ", text)
    return " ".join(text.split())


def is_empty(cell: str) -> bool:
    """Whether a cell says nothing: blank, N/A, a dash."""
    return not cell.strip() or cell.strip().lower() in EMPTY


@functools.lru_cache(maxsize=1)
def _export_headers() -> tuple[dict[str, str], ...]:
    """For each shipped language, `recovery-log export`'s header row (folded) -> its column."""
    rows = (column_headers(Language(code)) for code in shipped_languages())
    return tuple(
        {fold(header): column for header, column in zip(row, COLUMNS, strict=True)} for row in rows
    )


def _as_export_columns(folded: list[str]) -> list[str]:
    """A header row of `recovery-log export` in any shipped language, as its English columns
    (whose synonyms follow); any other header row as it is. An export is known by its first
    two columns, id and type, so that a tracker's own "Typ" or "Datum" keeps its meaning."""
    for headers in _export_headers():
        first = list(headers)[:2]
        if folded[:2] == first:
            return [headers.get(header, header) for header in folded]
    return folded


def map_headers(headers: list[str]) -> dict[int, str]:
    """Column index -> field name, for the columns import knows; the others go to `extra`."""
    folded = _as_export_columns([fold(header) for header in headers])
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(folded):
        name = _BY_HEADER.get(header)
        if name and (name not in taken or name in MULTI):
            mapping[index] = name
            taken.add(name)
    for index, header in enumerate(folded):
        if index in mapping:
            continue
        if header == "stage":
            mapping[index] = "stage" if "status" in taken else EITHER
            taken.add(mapping[index])
        elif header == "date" and "type" in taken and "rejected" not in taken:
            mapping[index] = "rejected"
            taken.add("rejected")
    return mapping


def is_rejection(status: str) -> bool:
    """Whether a status cell says the employer said no (not you withdrawing, not pending)."""
    folded = fold(status)
    return any(phrase in folded for phrase in _REJECTION)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _compact(text: str) -> str:
    return "".join(_words(text))


def map_stage(value: str, stages: tuple[str, ...]) -> str | None:
    """The configured stage a cell names ("Final round" -> final), or None when none fits.

    Filler words are ignored; when a cell names several stages ("Phone screen"), the
    furthest one counts.
    """
    by_compact = {_compact(stage): stage for stage in stages}
    words = [w for w in _words(value) if w not in _FILLER and not w.isdigit()]
    if not words:
        return None
    exact = by_compact.get("".join(words))
    if exact:
        return exact
    found = []
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + 3) + 1):
            piece = "".join(words[start:end])
            stage = by_compact.get(piece) or by_compact.get(
                _compact(_STAGE_SYNONYMS.get(piece, ""))
            )
            if stage:
                found.append(stage)
    return max(found, key=stages.index) if found else None
