"""The cost of a language: `mkdocs build` of one log in German against the same log in English.

    python benchmarks/i18n_build.py                 # 1,000 entries, 5 runs each (~4 min)
    python benchmarks/i18n_build.py --size 300 --repeats 3

Issue 28's target: a build in German costs at most 1.05x the same build in English. Both
projects are the seeded synthetic log of `synth.py`, identical but for `language: de`; each is
built once first (compiling the templates, filling the disk cache), then the two are built in
turn, `--repeats` times each, and the medians compared, wall time and CPU time (the machine may
be shared). The result goes to benchmarks/results-i18n.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from run import ENV, PYTHON, Run, Series, measure, say, warm_files  # noqa: E402

from generator.site.template_cache import CACHE_DIR_VARIABLE  # noqa: E402

TARGET = 1.05


def projects(folder: Path, size: int) -> dict[str, Path]:
    """The English project and its German twin."""
    english = folder / "en"
    synth.write_log(english, synth.synthesize(size))
    german = folder / "de"
    shutil.copytree(english, german)
    config = german / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("      entries_dir:", "      language: de\n      entries_dir:"))
    return {"en": english, "de": german}


def build(project: Path, log: Path) -> Run:
    return measure([PYTHON, "-m", "mkdocs", "build", "-q"], project, log)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=HERE / "results-i18n.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rl-i18n-bench-"))
    ENV[CACHE_DIR_VARIABLE] = os.fspath(folder / "cache")
    log = folder / "build.log"
    try:
        found = projects(folder, args.size)
        series = {code: Series() for code in found}
        for project in found.values():  # compile templates, warm the disk cache
            warm_files(project)
            build(project, log)
        for run in range(args.repeats):
            for code, project in found.items():
                series[code].runs.append(build(project, log))
            say(
                f"run {run + 1}: en {series['en'].runs[-1].wall:.2f} s, "
                f"de {series['de'].runs[-1].wall:.2f} s"
            )
        report = result(series, args.size)
        say(report)
        args.output.write_text(report, encoding="utf-8")
    finally:
        if args.keep:
            say(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def result(series: dict[str, Series], size: int) -> str:
    en, de = series["en"], series["de"]
    wall = de.median("wall") / en.median("wall")
    cpu = de.median("cpu") / en.median("cpu")
    verdict = "met" if wall <= TARGET else f"missed by {(wall / TARGET - 1):.1%}"
    return (
        f"# A build in German against the same build in English\n\n"
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {size} entries, {len(en.runs)} runs each "
        f"(`python benchmarks/i18n_build.py --size {size} --repeats {len(en.runs)}`).\n\n"
        "| Language | Wall (s), median | Runs | CPU (s), median |\n|---|---|---|---|\n"
        f"| English | {en.median('wall'):.2f} | {en.values('wall')} | {en.median('cpu'):.2f} |\n"
        f"| German | {de.median('wall'):.2f} | {de.values('wall')} | {de.median('cpu'):.2f} |\n\n"
        f"Ratio German / English: **{wall:.3f}x** wall, {cpu:.3f}x CPU; "
        f"target <= {TARGET}x: {verdict}.\n"
    )


if __name__ == "__main__":
    sys.exit(main())
