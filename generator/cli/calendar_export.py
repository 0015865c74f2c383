"""`recovery-log calendar`: feedback to ask for and requests to chase, as all-day events.

An iCalendar (RFC 5545) file made with the `icalendar` package. Each rejection has one event
id (`feedback-<entry id>@recovery-log`), so importing a newer file moves "Ask ..." to
"Chase ..." instead of adding a second event. Private entries never appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click
import icalendar

from .. import __version__
from ..entries.loader import load_log
from ..i18n import N_
from ..insights.analysis import feedback_status, rejections, wait_ends
from ..model import AnyEntry, Rejection
from ..privacy import publishable
from ..settings import Settings
from ..site.render import ENTRIES_FOLDER, human_date
from .command_kit import (
    config_option,
    deliver,
    entries_folder,
    entries_option,
    output_option,
    project_for,
)
from .command_kit import parse_day_option as _day
from .command_kit import today_option as _today_option
from .help_text import TranslatedCommand
from .project import read_config


@dataclass(frozen=True)
class Reminder:
    uid: str
    day: dt.date
    summary: str
    description: str
    entry: Rejection


def _reminder_for(rejection: Rejection, settings: Settings) -> Reminder | None:
    """The one thing to do about a rejection's feedback, and the day it falls due, if any.

    Worth asking (the spec's "to ask now" and "overdue"): due on the last day of asking
    promptly, `date + feedback_due_days`. To chase: pending, not followed up yet, due the
    day the wait ends (`analysis.wait_ends`, the rule every reader shares). A day already
    past becomes today.
    """
    status = feedback_status(rejection)
    feedback = rejection.feedback
    _ = settings.language
    who, role = " ".join(rejection.company.split()), " ".join(rejection.role.split())
    if status == "not requested":
        due = rejection.date + dt.timedelta(days=settings.feedback_due_days)
        summary = _.gettext("Ask %(company)s for feedback: %(role)s", company=who, role=role)
        came = human_date(rejection.date, _)
        why = (
            _.gettext("The rejection came on %(day)s. It is still worth asking.", day=came)
            if due < settings.today
            else _.gettext("The rejection came on %(day)s. Asking soon works best.", day=came)
        )
    elif status == "pending" and feedback and isinstance(feedback.requested, dt.date):
        if getattr(feedback, "followed_up", None):
            return None
        due = wait_ends(feedback.requested, settings)
        summary = _.gettext("Chase %(company)s for feedback: %(role)s", company=who, role=role)
        why = _.gettext(
            "You asked on %(day)s; one polite follow-up is fine.",
            day=human_date(feedback.requested, _),
        )
    else:
        return None
    command = f"recovery-log feedback-email {rejection.id}"
    how = _.gettext("%(command)s prints an e-mail to send.", command=command)
    return Reminder(
        uid=f"feedback-{rejection.id}@recovery-log",
        day=max(due, settings.today),
        summary=summary,
        description=f"{why}\n{how}",
        entry=rejection,
    )


def reminders(
    entries: Iterable[AnyEntry], settings: Settings, since: dt.date | None = None
) -> list[Reminder]:
    """Every reminder for the public rejections (dated `since` or later), soonest first."""
    public = publishable(tuple(entries), show_private=False)
    recent = (r for r in rejections(public) if since is None or r.date >= since)
    found = (_reminder_for(r, settings) for r in recent)
    return sorted((r for r in found if r), key=lambda r: (r.day, r.uid))


def calendar_bytes(
    items: list[Reminder], page_url: dict[str, str], name: str, stamp: dt.datetime
) -> bytes:
    """The iCalendar file: one all-day event per reminder, with the entry page as its URL."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Recovery Log//recovery-log {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for item in items:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        url = page_url.get(item.entry.id)
        event.add("description", f"{item.description}\n{url}" if url else item.description)
        if url:
            event.add("url", url)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def site_pages(config_file: Path, anonymized: bool) -> tuple[str, bool] | None:
    """`site_url` and `use_directory_urls` when pages have addresses worth linking to.

    Read as every command reads mkdocs.yml (`project.read_config`, `!ENV` included), after
    `project_for` has checked the file.
    """
    if anonymized:
        return None
    data = read_config(config_file)
    if not isinstance(data.get("site_url"), str) or not data["site_url"]:
        return None
    base = data["site_url"] if data["site_url"].endswith("/") else data["site_url"] + "/"
    return base, data.get("use_directory_urls", True) is not False


def page_urls(items: list[Reminder], site: tuple[str, bool] | None) -> dict[str, str]:
    if site is None:
        return {}
    base, directories = site
    tail = "/" if directories else ".html"
    return {r.entry.id: f"{base}{ENTRIES_FOLDER}/{r.entry.id}{tail}" for r in items}


@click.command("calendar", cls=TranslatedCommand)
@output_option
@entries_option()
@click.option(
    "--since",
    callback=_day,
    help=N_("Only rejections from this day on (YYYY-MM-DD), e.g. after importing a long history."),
)
@config_option
@_today_option
def calendar_command(
    output: Path | None,
    entries_dir: Path | None,
    since: dt.date | None,
    config_file: Path,
    today: dt.date | None,
) -> None:
    """Feedback reminders for your calendar app (an iCalendar file).

    One all-day event per rejection that needs you, on the day it falls due (today if it is
    already due), linked to its page when mkdocs.yml sets site_url. Import the file into
    your calendar app again whenever you like: events are updated, not duplicated. Private
    entries are never in it.

    \b
    Examples:
      recovery-log calendar -o reminders.ics
      recovery-log calendar --since 2026-11-01 -o reminders.ics
    """
    project = project_for(config_file)
    settings = project.settings(today)
    log = load_log(entries_folder(entries_dir, project), settings)
    items = reminders(log.entries, settings, since)
    urls = page_urls(items, site_pages(config_file, project.anonymize_companies))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _ = settings.language
    data = calendar_bytes(items, urls, _.gettext("Recovery Log reminders"), stamp)
    deliver(data, output, _.ngettext("%(num)s reminder", "%(num)s reminders", len(items)), _)
    if log.problems:
        click.echo(
            _.ngettext(
                "%(num)s problem left entries out: run recovery-log check.",
                "%(num)s problems left entries out: run recovery-log check.",
                len(log.problems),
            ),
            err=True,
        )
