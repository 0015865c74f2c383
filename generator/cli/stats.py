"""`recovery-log stats`: the insights as plain text, a quick look without building the site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import click

from ..insights.reports import reports
from ..model import AnyEntry
from ..privacy import publishable
from ..settings import Settings
from ..vocabulary import status_label
from ..wording import plural
from .app import config_option, load, today_option


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def stats_text(entries: Sequence[AnyEntry], settings: Settings, top: int = 10) -> str:
    """Skills gap, feedback status and tracks, as aligned plain text."""
    found = reports(entries, settings)
    skills, feedback, tracks = found.skills, found.feedback, found.tracks
    lines = ["Skills gap (most pressing first)"]
    gap_rows = [("skill", "status", "severity", "rejections")] + [
        (g.name, g.status, g.severity or "-", str(len(g.rejections))) for g in skills.gaps[:top]
    ]
    lines += _table(gap_rows) if skills.gaps else ["  none written down yet"]
    if len(skills.gaps) > top:
        lines.append(f"  ... and {len(skills.gaps) - top} more")
    lines += ["", "Feedback"]
    lines += _table(
        [(status_label(status), str(len(items))) for status, items in feedback.by_status.items()]
    )
    if feedback.response_rate is not None:
        lines.append(
            f"  response rate: {len(feedback.received)} of {len(feedback.requested)} "
            f"({feedback.response_rate:.0%})"
        )
    for label, items, since in (
        ("ask now", feedback.to_ask_now, "since the rejection"),
        ("worth asking for", feedback.overdue, "since the rejection"),
        ("worth a polite follow-up", feedback.to_chase, "since you asked"),
    ):
        for item in items:
            r = item.rejection
            waited = plural(item.days, "day")
            lines.append(f"  {label}: {r.role} at {r.company} ({waited} {since}) [{r.id}]")
    lines += ["", "Tracks"]
    track_rows = [("track", "rejections", "furthest stage", "latest decision")] + [
        (
            t.name,
            str(len(t.rejections)),
            t.furthest or "-",
            (t.latest_decision.decision or "-") if t.latest_decision else "-",
        )
        for t in tracks
    ]
    lines += _table(track_rows) if tracks else ["  none yet"]
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("entries_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@config_option
@today_option
@click.option(
    "--private/--no-private", default=False, help="Include private entries (default: no)."
)
def stats(
    entries_dir: Path | None, config_file: Path, today: dt.date | None, private: bool
) -> None:
    """Skills gap, feedback and tracks in the terminal: a quick look without building.

    \b
    Example:
      recovery-log stats
    """
    log, settings, _, _ = load(entries_dir, config_file, today)
    click.echo(stats_text(publishable(log.entries, private), settings), nl=False)
    if log.problems:
        click.echo(f"\n{plural(len(log.problems), 'problem')} left out: run recovery-log check.")
