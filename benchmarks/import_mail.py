"""`recovery-log import` of a Takeout-like mailbox against bare `mailbox` parsing (issue 25).

    python benchmarks/import_mail.py                  # 10,000 messages, about 90 MB
    python benchmarks/import_mail.py --messages 2000  # a smoke test
    python benchmarks/import_mail.py --keep /tmp/box  # keep the mailbox and the entries

The mailbox is synthetic and seeded: mostly not rejections, as a real "All mail.mbox" is (job
alerts and newsletters in HTML, receipts, personal mail, some with PDF or photo attachments,
invitations, offers, spam), and about 4 % rejections from applicant-tracking systems in five
languages. Both sides run as their own processes over the same file, interleaved (baseline,
import, baseline, import, ...), after the file has been read once (disk cache); the median
counts. The baseline is `for message in mailbox.mbox(path): pass`: the parse every reader of
the file pays. The import is the whole command, `recovery-log import FILE --entries DIR`, in a
fresh folder each time. Wall time, CPU time and peak RSS come from `os.wait4`.

Targets: import time <= 3x the baseline's, peak memory <= 150 MB.
"""

from __future__ import annotations

import argparse
import json
import mailbox
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

SEED = 20261126
TODAY = "2026-11-26"
WORDS = [
    "team", "data", "product", "market", "growth", "weekly", "insight", "remote", "hybrid",
    "salary", "career", "skills", "learning", "cloud", "analytics", "design", "research",
    "customer", "platform", "engineering", "community", "event", "update", "story", "people",
    "office", "coffee", "travel", "project", "launch", "review", "feature", "release", "plan",
]  # fmt: skip
COMPANIES = [
    "Coho Winery", "Fabrikam", "Contoso", "Northwind Traders", "Tailspin Toys", "Proseware",
    "Woodgrove Bank", "Litware", "Adatum", "Relecloud", "Fourth Coffee", "Trey Research",
]  # fmt: skip
ROLES = ["Data Analyst", "Backend Engineer", "Product Designer", "QA Engineer", "Data Engineer"]
ATS = ["no-reply@greenhouse.io", "no-reply@hire.lever.co", "no-reply@ashbyhq.com",
       "noreply@smartrecruiters.com", "jobs@acme.jobs.personio.de"]  # fmt: skip
REJECTIONS = [
    ("Your application for {role} at {company}",
     "Thank you for applying. We have decided to move forward with other candidates."),
    ("{company} - {role} application update",
     "Unfortunately we will not be moving forward with your application."),
    ("Absage: Ihre Bewerbung als {role}",
     "Leider haben wir uns für einen anderen Kandidaten entschieden."),
    ("Votre candidature au poste de {role}",
     "Nous avons le regret de vous informer que votre candidature n'a pas été retenue."),
    ("Tu candidatura para {role}",
     "Lamentamos informarte que hemos decidido continuar con otros candidatos."),
    ("Je sollicitatie als {role} bij {company}",
     "Helaas hebben we besloten om niet verder te gaan met je sollicitatie."),
]  # fmt: skip


def _text(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    sentences = [" ".join(chosen[i : i + 12]).capitalize() + "." for i in range(0, words, 12)]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


def _html(rng: random.Random, words: int, title: str) -> str:
    rows = "".join(
        f'<tr><td style="padding:8px;font-family:Arial"><a href="https://t.example/{i}">'
        f"{rng.choice(ROLES)} - {rng.choice(COMPANIES)}</a><p>{_text(rng, 40)}</p></td></tr>"
        for i in range(words // 50)
    )
    return (
        f"<html><head><style>td{{color:#333}} a{{color:#06c}}</style><title>{title}</title>"
        f"</head><body><h1>{title}</h1><table>{rows}</table><p>Unsubscribe</p></body></html>"
    )


def _message(rng: random.Random, number: int) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    day = 1 + number % 25
    message["Date"] = f"Mon, {day:02d} Nov 2026 10:{number % 60:02d}:00 +0000"
    message["To"] = "sam@example.org"
    message["Message-ID"] = f"<bench-{number}@mail.example>"
    company, role = rng.choice(COMPANIES), rng.choice(ROLES)
    draw = rng.random()
    if draw < 0.35:
        message["From"] = "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>"
        message["Subject"] = f"{rng.randint(3, 30)} new jobs for {role}"
        message["List-Unsubscribe"] = "<https://linkedin.example/unsub>"
        message.set_content(_html(rng, 450, "Your job alert"), subtype="html")
    elif draw < 0.60:
        message["From"] = f"{company} News <news@{company.split()[0].lower()}.example>"
        message["Subject"] = f"The {company} newsletter, week {number % 52}"
        message["List-Unsubscribe"] = "<https://news.example/unsub>"
        message.set_content(_text(rng, 150), cte="quoted-printable")
        message.add_alternative(_html(rng, 500, "Newsletter"), subtype="html")
    elif draw < 0.70:
        message["From"] = f"{company} <{rng.choice(ATS)}>"
        message["Subject"] = f"Thank you for applying to {company}"
        message.set_content(f"We have received your application for {role}.\n\n" + _text(rng, 80))
    elif draw < 0.85:
        message["From"] = "Alex Taylor <alex@example.org>"
        message["Subject"] = f"Re: {rng.choice(WORDS)} {rng.choice(WORDS)}"
        message.set_content(_text(rng, 150))
        if rng.random() < 0.25:
            blob = rng.randbytes(rng.randint(40_000, 160_000))
            message.add_attachment(blob, "application", "pdf", filename="document.pdf")
    elif draw < 0.90:
        message["From"] = f"{company} Recruiting <{rng.choice(ATS)}>"
        message["Subject"] = f"Interview invitation - {role}"
        message.set_content("We would like to invite you to an interview.\n\n" + _text(rng, 60))
    elif draw < 0.91:
        message["From"] = f"{company} People <people@example.com>"
        message["Subject"] = f"Your offer from {company}"
        message.set_content("We are delighted to offer you the position.\n\n" + _text(rng, 60))
    elif draw < 0.96:
        message["From"] = "Rewards <win@prizes.example>"
        message["Subject"] = "You've won!"
        message.set_content("Claim your prize now. " + _text(rng, 40))
    else:
        subject, text = rng.choice(REJECTIONS)
        message["From"] = f"{company} <{rng.choice(ATS)}>"
        message["Subject"] = subject.format(role=role, company=company)
        message.set_content(f"Hi Sam,\n\n{text}\n\n{_text(rng, 60)}\n\n{company}",
                            cte=rng.choice(["quoted-printable", "base64", "8bit"]))  # fmt: skip
    return message


def write_mailbox(path: Path, count: int) -> int:
    """A seeded mailbox of `count` messages; returns its size in bytes."""
    rng = random.Random(SEED)
    path.unlink(missing_ok=True)
    box = mailbox.mbox(path)
    try:
        box.lock()
        for number in range(count):
            box.add(_message(rng, number).as_bytes())
        box.flush()
    finally:
        box.unlock()
        box.close()
    return path.stat().st_size


BASELINE = "import mailbox, sys\nfor message in mailbox.mbox(sys.argv[1]): pass\n"


def measure(command: list[str]) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one process running `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1) or "Traceback" in errors:
        raise SystemExit(f"{command[:3]} failed ({process.returncode}):\n{errors}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def _import_command(box: Path, entries: Path) -> list[str]:
    cli = Path(sys.executable).with_name("recovery-log")
    return [str(cli), "import", str(box), "--entries", str(entries), "--today", TODAY]


def run(count: int, repeats: int, folder: Path) -> dict[str, object]:
    box = folder / "All mail.mbox"
    # Written by a process of its own: this one stays small, so that the peak RSS `wait4`
    # reports for a child (which counts this process's pages at fork) is the child's own.
    subprocess.run([sys.executable, __file__, "--write", str(box), "--messages", str(count)],
                   check=True)  # fmt: skip
    size = box.stat().st_size
    with box.open("rb") as handle:  # into the disk cache for both sides
        while handle.read(1 << 20):
            pass
    baseline, imported = [], []
    for round_ in range(repeats):
        baseline.append(measure([sys.executable, "-c", BASELINE, str(box)]))
        entries = folder / f"entries-{round_}"
        imported.append(measure(_import_command(box, entries)))
        written = len(list(entries.glob("*.md"))) if entries.exists() else 0
        if round_ < repeats - 1:
            shutil.rmtree(entries, ignore_errors=True)
    median = {
        side: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        for side, runs in (("baseline", baseline), ("import", imported))
    }
    return {
        "messages": count,
        "mailbox_mb": round(size / 1e6, 1),
        "entries_written": written,
        "load_average": os.getloadavg(),
        **median,
        "time_ratio": median["import"]["wall"] / median["baseline"]["wall"],
        "cpu_ratio": median["import"]["cpu"] / median["baseline"]["cpu"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the mailbox and entries in this folder")
    parser.add_argument("--write", type=Path, help="only write the mailbox to this file")
    args = parser.parse_args()
    if args.write:
        write_mailbox(args.write, args.messages)
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(args.messages, args.repeats, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="recovery-log-import-bench-") as scratch:
            result = run(args.messages, args.repeats, Path(scratch))
    print(json.dumps(result, indent=2))
    ok_time = result["time_ratio"] <= 3
    ok_memory = result["import"]["peak_mb"] <= 150  # type: ignore[index]
    print(f"time {result['time_ratio']:.2f}x (target <= 3x): {'ok' if ok_time else 'MISSED'}")
    print(f"peak {result['import']['peak_mb']:.0f} MB (target <= 150 MB): "  # type: ignore[index]
          f"{'ok' if ok_memory else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
