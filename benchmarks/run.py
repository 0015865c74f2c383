"""Recovery Log benchmarks: each target measured against a baseline built in the same run.

    python benchmarks/run.py                      # the full suite (about half an hour)
    python benchmarks/run.py --quick              # small sizes, a few minutes: a smoke test
    python benchmarks/run.py --only build,serve   # some of: build size blog check serve memory
                                                  # insights instructions
    python benchmarks/run.py --profile build      # where the time goes: build check serve insights

The targets, numbered as in the issue: (1) `mkdocs build` against plain Material pages, (2) plain
`mkdocs serve`: save an entry -> its page, fetched from the server, shows the change, (3) `check`
against bare `yaml.load`, (4) peak memory against plain pages, (5) against Material's blog plugin,
and the insight functions linear; plus `size`: the largest generated page, and `instructions`:
target 1 at the first size counted in instructions under valgrind (skipped without it), a
measure that does not move with the machine's load.

Everything is generated in a temporary folder (removed at the end unless --keep) from the seeded
synthetic log of `synth.py`. Builds run as their own processes (`python -m mkdocs build`), three
times each, interleaved with their baseline, after the files have been read once (disk cache)
and the packages imported once (bytecode cache); the median counts. Wall time is the measure
(it is what a user waits for); CPU time (user + system, from wait4) and the load average are
recorded too, because the machine may be shared.

A full run writes benchmarks/results.md; --quick writes results-quick.md and --only
results-partial.md, so a smoke test never overwrites the full results.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from generator.site.template_cache import CACHE_DIR_VARIABLE  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
NAMES = ("build", "size", "blog", "check", "serve", "memory", "insights", "instructions")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
ENV.pop("RECOVERY_LOG_SHOW_PRIVATE", None)


@dataclass(frozen=True)
class Plan:
    build_sizes: tuple[int, ...]
    blog_size: int
    check_size: int
    serve_size: int
    insight_sizes: tuple[int, ...]
    repeats: int = 3
    edits: int = 3
    budget: float = 480.0
    """Seconds: a build is not repeated once its runs so far took this long (the blog at 5,000)."""


FULL = Plan((1000, 5000), 5000, 10_000, 1000, (1000, 10_000, 100_000))
QUICK = Plan((300,), 300, 2000, 300, (1000, 10_000))

# Targets, from the issue.
BUILD_RATIO = 1.15
BLOG_SPEEDUP = 5.0
CHECK_RATIO = 1.5
SERVE_SECONDS = 2.0
MEMORY_RATIO = 1.2
PAGE_KB = 200
"""At the first build size: no generated page except an entry's own page over this (kB)."""
LINEAR_GROWTH = 1.5
"""Per-entry time may grow, for each 10x more entries, at most this many times as much as the
reference's (a sort of the entries by (date, id) plus one pass over them: what any report has to
do, and whose per-entry time grows with the heap through cache misses alone). An O(n^2) step
would show ~10x per 10x."""


class BenchError(RuntimeError):
    pass


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    load: float


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(run, attr) for run in self.runs)

    def values(self, attr: str, fmt: str = "{:.2f}") -> str:
        return ", ".join(fmt.format(getattr(run, attr)) for run in self.runs)


@dataclass
class Row:
    number: str
    name: str
    size: str
    measured: str
    baseline: str
    ratio: str
    target: str
    passed: bool | None
    cpu_ratio: str = "—"


def say(message: str) -> None:
    print(message, flush=True)


# --- processes --------------------------------------------------------------------------------


def measure(cmd: Sequence[str], cwd: Path, log: Path, stdout: Path | None = None) -> Run:
    """Run `cmd` to its end; its wall time, CPU time and peak resident memory (wait4).

    A failed run is retried once (others may be editing generator/ while this runs).
    """
    try:
        return _measure(cmd, cwd, log, stdout)
    except BenchError as exc:
        say(f"  retrying once: {exc}")
        time.sleep(5)
        return _measure(cmd, cwd, log, stdout)


def _measure(cmd: Sequence[str], cwd: Path, log: Path, stdout: Path | None) -> Run:
    load = os.getloadavg()[0]
    out_target = stdout.open("wb") if stdout else subprocess.DEVNULL
    try:
        with log.open("ab") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=out_target, stderr=err, env=ENV)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
    finally:
        if stdout:
            out_target.close()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BenchError(f"{' '.join(cmd)} exited with {proc.returncode}; see {log}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load)


def warm_files(folder: Path) -> None:
    """Read every file once so that no measured run pays for the disk."""
    for path in folder.rglob("*"):
        if path.is_file():
            path.read_bytes()


def prepare_python(root: Path) -> None:
    """Have compiled code ready, as a user's machine has it after its first build.

    * Python bytecode for `generator/`: pip compiles an installed package, and an editable one
      is compiled on its first import, except where PYTHONDONTWRITEBYTECODE is set (as on
      some test machines): then every measured build would compile the package again.
    * The page templates' compiled code (`generator/site/template_cache.py`), in a folder of
      this run's, never the user's cache. What compiling them costs once is measured apart
      (`bench_first_build`).
    """
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(HERE.parent / "generator")], check=True)
    ENV[CACHE_DIR_VARIABLE] = str(root / "template-cache")
    subprocess.run(
        [
            PYTHON,
            "-c",
            "import mkdocs.__main__, mkdocs.commands.build, material, markdown, pymdownx, yaml, "
            "material.plugins.search.plugin, material.plugins.blog.plugin, "
            "generator.plugin.plugin, generator.cli; " + COMPILE_TEMPLATES,
        ],
        check=True,
        env=ENV,
    )


COMPILE_TEMPLATES = (
    "from generator.site.render import environment; env = environment(); "
    "[env.get_template(name) for name in env.list_templates(filter_func=lambda n: "
    "n.endswith('.j2'))]"
)
"""Python that loads every built-in template (compiling those not in the cache)."""


# --- projects ---------------------------------------------------------------------------------


class Workspace:
    """The generated projects, one per (kind, size), made on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._specs: dict[int, list[dict[str, Any]]] = {}
        self._made: dict[tuple[str, int], Path] = {}
        self.site_counts: dict[tuple[str, int], int] = {}
        self.warnings: dict[tuple[str, int], int] = {}

    def specs(self, size: int) -> list[dict[str, Any]]:
        if size not in self._specs:
            self._specs[size] = synth.synthesize(size)
        return self._specs[size]

    def project(self, kind: str, size: int) -> Path:
        key = (kind, size)
        if key not in self._made:
            folder = self.root / f"{kind}-{size}"
            if folder.exists():
                shutil.rmtree(folder)
            writer = {"log": synth.write_log, "plain": synth.write_plain, "blog": synth.write_blog}
            say(f"  writing the {kind} project of {size:,} entries")
            writer[kind](folder, self.specs(size))
            warm_files(folder)
            self._made[key] = folder
        return self._made[key]


class Builds:
    """`mkdocs build` runs of each (kind, size); shared by the build, blog and memory targets."""

    def __init__(self, workspace: Workspace, repeats: int, budget: float) -> None:
        self.workspace = workspace
        self.repeats = repeats
        self.budget = budget
        self.series: dict[tuple[str, int], Series] = {}
        self.cut_short: set[tuple[str, int]] = set()

    def done(self, kind: str, size: int) -> bool:
        series = self.get(kind, size)
        if len(series.runs) >= self.repeats:
            return True
        if series.runs and sum(run.wall for run in series.runs) >= self.budget:
            self.cut_short.add((kind, size))
            return True
        return False

    def run(self, kinds: Sequence[str], size: int) -> None:
        """Build each kind `repeats` times, interleaved (log, plain, log, plain, ...)."""
        todo = [kind for kind in kinds if not self.done(kind, size)]
        for kind in todo:
            self.workspace.project(kind, size)
        for _ in range(self.repeats):
            for kind in todo:
                series = self.get(kind, size)
                if self.done(kind, size):
                    continue
                run = self.build_once(kind, size)
                series.runs.append(run)
                say(
                    f"  {kind:5} {size:>6,}: {run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU, "
                    f"{run.rss_mb:6.0f} MB peak (load {run.load:.1f})"
                )

    def get(self, kind: str, size: int) -> Series:
        return self.series.setdefault((kind, size), Series())

    def build_once(self, kind: str, size: int) -> Run:
        project = self.workspace.project(kind, size)
        site = project / "site"
        if site.exists():
            shutil.rmtree(site)
        log = project / "build.log"
        log.write_bytes(b"")
        cmd = [PYTHON, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site)]
        run = measure(cmd, project, log)
        pages = sum(1 for _ in site.rglob("index.html"))
        warnings = log.read_text(errors="replace").count("WARNING")
        self.workspace.site_counts[(kind, size)] = pages
        self.workspace.warnings[(kind, size)] = warnings
        if warnings:
            say(f"  note: the {kind} build printed {warnings} warnings (see {log})")
        return run


# --- 1, 2, 5: builds --------------------------------------------------------------------------


def bench_build(builds: Builds, plan: Plan) -> list[Row]:
    rows = []
    for size in plan.build_sizes:
        say(f"[build] log vs plain Material pages, N = {size:,}")
        builds.run(("log", "plain"), size)
        log, plain = builds.get("log", size), builds.get("plain", size)
        ratio = log.median("wall") / plain.median("wall")
        rows.append(
            Row(
                "1",
                "`mkdocs build`: log vs plain Material pages (not in nav)",
                f"{size:,}",
                f"{log.median('wall'):.2f} s",
                f"{plain.median('wall'):.2f} s",
                f"{ratio:.2f}x",
                f"<= {BUILD_RATIO}x",
                ratio <= BUILD_RATIO,
                f"{log.median('cpu') / plain.median('cpu'):.2f}x",
            )
        )
    return rows


def bench_blog(builds: Builds, plan: Plan) -> list[Row]:
    size = plan.blog_size
    say(f"[blog] log vs Material's blog plugin, N = {size:,}")
    builds.run(("log", "blog"), size)
    log, blog = builds.get("log", size), builds.get("blog", size)
    speedup = blog.median("wall") / log.median("wall")
    return [
        Row(
            "5",
            "`mkdocs build`: log vs Material blog plugin (speed-up)",
            f"{size:,}",
            f"{log.median('wall'):.2f} s",
            f"{blog.median('wall'):.2f} s",
            f"{speedup:.2f}x faster",
            f">= {BLOG_SPEEDUP:g}x faster",
            speedup >= BLOG_SPEEDUP,
            f"{blog.median('cpu') / log.median('cpu'):.2f}x faster",
        )
    ]


def bench_memory(builds: Builds, plan: Plan) -> list[Row]:
    rows = []
    for size in plan.build_sizes:
        say(f"[memory] peak RSS of the build, log vs plain Material pages, N = {size:,}")
        builds.run(("log", "plain"), size)
        log, plain = builds.get("log", size), builds.get("plain", size)
        ratio = log.median("rss_mb") / plain.median("rss_mb")
        rows.append(
            Row(
                "4",
                "peak memory (max RSS) of `mkdocs build`: log vs plain",
                f"{size:,}",
                f"{log.median('rss_mb'):.0f} MB",
                f"{plain.median('rss_mb'):.0f} MB",
                f"{ratio:.2f}x",
                f"<= {MEMORY_RATIO}x",
                ratio <= MEMORY_RATIO,
            )
        )
    return rows


# --- 1, counted in instructions -------------------------------------------------------------


def counted(log: Path, cmd: list[str]) -> list[str]:
    """`cmd` run under valgrind's cachegrind, which writes the instructions it ran to `log`."""
    return [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        f"--log-file={log}", *cmd,
    ]


def count_instructions(kind: str, project: Path) -> subprocess.Popen[bytes]:
    """Start one `mkdocs build` of `project` under valgrind's cachegrind, counting only the
    instructions it runs (no cache simulation): about 30 times slower, but the same count on
    every run, where the CPU time of identical builds moves by up to 40 % on a busy machine."""
    site = project / "site-instructions"
    if site.exists():
        shutil.rmtree(site)
    cmd = counted(
        project / "instructions.log",
        [PYTHON, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site)],
    )
    say(f"  {kind:6}: counting (a few minutes)")
    quiet = subprocess.DEVNULL
    return subprocess.Popen(cmd, cwd=project, env=ENV, stdout=quiet, stderr=quiet)


def instructions_of(project: Path, name: str = "instructions.log") -> int:
    for line in (project / name).read_text(errors="replace").splitlines():
        if "I   refs:" in line:
            return int(line.split("I   refs:")[1].strip().replace(",", ""))
    raise BenchError(f"no instruction count in {project / name}")


def compiling_templates(folder: Path) -> int:
    """Instructions a first build spends compiling the templates: loading every one of them
    with an empty cache, less loading them from the cache that `prepare_python` filled."""
    counts = []
    for label, cache in (("cold", folder / "empty-template-cache"), ("warm", None)):
        env = dict(ENV)
        if cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
            env[CACHE_DIR_VARIABLE] = str(cache)
        log = f"templates-{label}.log"
        cmd = counted(folder / log, [PYTHON, "-c", COMPILE_TEMPLATES])
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        counts.append(instructions_of(folder, log))
    return counts[0] - counts[1]


def other_pages_projects(workspace: Workspace, size: int) -> dict[str, Path]:
    """Two projects that tell what the log's other pages (overviews, detail pages) cost MkDocs
    on their own: the plain project with the log's Markdown extensions ("plain+"), and the same
    plus those pages as `recovery-log generate` writes them, built without the plugin."""
    log = workspace.project("log", size)
    generated = workspace.root / f"generated-{size}"
    shutil.rmtree(generated, ignore_errors=True)
    subprocess.run(
        [str(BIN / "recovery-log"), "generate", "-f", "mkdocs.yml", "--out", str(generated)],
        cwd=log, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    made = {}
    for kind, pages in (("plain+", None), ("pages", generated)):
        folder = workspace.root / f"{kind}-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        synth.write_plain_as_log(folder, workspace.project("plain", size), pages)
        warm_files(folder)
        made[kind] = folder
    return made


def count_all(projects: dict[str, Path]) -> dict[str, int]:
    """Instructions of one build of each project, two at a time (one per core)."""
    kinds = list(projects)
    for pair in (kinds[i : i + 2] for i in range(0, len(kinds), 2)):
        running = {kind: count_instructions(kind, projects[kind]) for kind in pair}
        for kind, process in running.items():
            if process.wait() != 0:
                raise BenchError(f"the {kind} build under valgrind failed; see its log")
    return {kind: instructions_of(project) for kind, project in projects.items()}


def bench_instructions(workspace: Workspace, plan: Plan) -> list[Row]:
    size = plan.build_sizes[0]
    say(f"[instructions] `mkdocs build` under cachegrind, log vs plain, N = {size:,}")
    if shutil.which("valgrind") is None:
        say("  skipped: valgrind is not installed")
        return []
    projects = {kind: workspace.project(kind, size) for kind in ("log", "plain")}
    projects.update(other_pages_projects(workspace, size))
    counts = count_all(projects)
    log, plain = counts["log"], counts["plain"]
    ratio = log / plain
    pages = counts["pages"] - counts["plain+"]
    compiling = compiling_templates(projects["log"])
    return [
        Row(
            "1",
            "`mkdocs build`: log vs plain, counted in instructions (cachegrind; steady where "
            "timings are noisy)",
            f"{size:,}",
            f"{log / 1e9:.2f} G",
            f"{plain / 1e9:.2f} G",
            f"{ratio:.2f}x",
            f"<= {BUILD_RATIO}x",
            ratio <= BUILD_RATIO,
        ),
        Row(
            "1",
            "the same, first build after installing or upgrading: the templates are compiled "
            "and kept (instructions)",
            f"{size:,}",
            f"{(log + compiling) / 1e9:.2f} G",
            f"{plain / 1e9:.2f} G",
            f"{(log + compiling) / plain:.2f}x",
            "—",
            None,
        ),
        Row(
            "1",
            "of the log's extra: its overview and detail pages alone, built as plain Markdown "
            "without the plugin (plain+ those pages, less plain+; instructions)",
            f"{size:,}",
            f"{pages / 1e9:.2f} G",
            f"{plain / 1e9:.2f} G",
            f"+{pages / plain:.2f}x",
            "—",
            None,
        ),
    ]


# --- page sizes -------------------------------------------------------------------------------


@dataclass
class PageSizes:
    generated: list[tuple[int, str]]
    """(bytes, path in the site) of every page but the entries' own, largest first."""
    entries: list[tuple[int, str]]
    """The same for the entries' own pages."""


def page_sizes(project: Path) -> PageSizes:
    """The HTML size of every page of the last build of `project` (its `site/` folder)."""
    site = project / "site"
    ids = {p.stem for p in (project / "entries").rglob("*") if p.suffix in (".md", ".yml", ".yaml")}
    generated: list[tuple[int, str]] = []
    entries: list[tuple[int, str]] = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        parts = rel.split("/")
        own = len(parts) == 3 and parts[0] == "entries" and parts[1] in ids
        (entries if own else generated).append((path.stat().st_size, rel))
    return PageSizes(sorted(generated, reverse=True), sorted(entries, reverse=True))


def bench_size(builds: Builds, plan: Plan, store: dict[str, Any]) -> list[Row]:
    """The issue's page-size limit: no generated page but an entry's own over 200 kB."""
    size = plan.build_sizes[0]
    say(f"[size] the largest generated page of the log, N = {size:,}")
    project = builds.workspace.project("log", size)
    series = builds.series.get(("log", size))
    if series is None or not series.runs or not (project / "site" / "index.html").exists():
        builds.build_once("log", size)  # one build to look at, not timed
    pages = page_sizes(project)
    store["size"] = (size, pages)
    largest, where = pages.generated[0]
    entry_largest = pages.entries[0][0] if pages.entries else 0
    return [
        Row(
            "size",
            "largest generated page (any but an entry's own page), HTML "
            "(baseline: the largest entry page)",
            f"{size:,}",
            f"{largest / 1000:.0f} kB (`{where}`)",
            f"{entry_largest / 1000:.0f} kB",
            f"{largest / entry_largest:.1f}x" if entry_largest else "—",
            f"<= {PAGE_KB} kB",
            largest <= PAGE_KB * 1000,
        )
    ]


# --- 3: check ---------------------------------------------------------------------------------


@dataclass
class CheckResult:
    check: Series
    baseline: Series


def bench_check(workspace: Workspace, plan: Plan, store: dict[str, Any]) -> list[Row]:
    size = plan.check_size
    say(f"[check] `recovery-log check` vs bare yaml.load(CSafeLoader), N = {size:,}")
    project = workspace.project("log", size)
    log = project / "check.log"
    out = project / "check.out"
    check_cmd = [str(BIN / "recovery-log"), "check", "entries", "-f", "mkdocs.yml"]
    base_cmd = [PYTHON, str(HERE / "yaml_baseline.py"), "entries"]
    result = CheckResult(Series(), Series())
    for _ in range(plan.repeats):
        run = measure(check_cmd, project, log, stdout=out)
        expected = f"All {size:,} entries fine."
        text = out.read_text()
        if expected.replace(",", "") not in text.replace(",", ""):
            raise BenchError(f"check did not say '{expected}': {text[-300:]}")
        result.check.runs.append(run)
        say(f"  check   : {run.wall:6.2f} s wall, {run.cpu:6.2f} s CPU (load {run.load:.1f})")
        run = measure(base_cmd, project, log, stdout=out)
        if f"parsed {size} files" not in out.read_text():
            raise BenchError(f"the YAML baseline parsed: {out.read_text()[-200:]}")
        result.baseline.runs.append(run)
        say(f"  yaml    : {run.wall:6.2f} s wall, {run.cpu:6.2f} s CPU (load {run.load:.1f})")
    store["check"] = result
    ratio = result.check.median("wall") / result.baseline.median("wall")
    return [
        Row(
            "3",
            "`recovery-log check` vs bare `yaml.load(CSafeLoader)` (own process each)",
            f"{size:,}",
            f"{result.check.median('wall'):.2f} s",
            f"{result.baseline.median('wall'):.2f} s",
            f"{ratio:.2f}x",
            f"<= {CHECK_RATIO}x",
            ratio <= CHECK_RATIO,
            f"{result.check.median('cpu') / result.baseline.median('cpu'):.2f}x",
        )
    ]


# --- 4: serve ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Lines:
    """The output lines of a process, each stamped with time.monotonic() when it arrived."""

    def __init__(self, stream: Any) -> None:
        self.queue: queue.Queue[tuple[float, str] | None] = queue.Queue()
        self.all: list[tuple[float, str]] = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: Any) -> None:
        for line in iter(stream.readline, ""):
            self.queue.put((time.monotonic(), line.rstrip("\n")))
        self.queue.put(None)

    def wait_for(self, text: str, timeout: float) -> tuple[float, str]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BenchError(f"no '{text}' line within {timeout:.0f} s")
            try:
                item = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if item is None:
                raise BenchError(f"the process ended before printing '{text}'")
            self.all.append(item)
            if text in item[1]:
                return item

    def drain(self, quiet: float) -> list[tuple[float, str]]:
        """Lines until none has come for `quiet` seconds."""
        got: list[tuple[float, str]] = []
        while True:
            try:
                item = self.queue.get(timeout=quiet)
            except queue.Empty:
                return got
            if item is None:
                return got
            self.all.append(item)
            got.append(item)


@dataclass
class ServeResult:
    first_build: float
    served: list[float]
    """Save -> the entry's page, fetched over HTTP from the server, shows the new text."""
    latencies: list[float]
    """Save -> MkDocs' 'Reloading browsers' log line."""
    detected: list[float]
    built: list[float]
    search_pages: list[int] = field(default_factory=list)
    """Pages in the served search index: after the first build, then after each save."""

    @property
    def search_whole(self) -> bool:
        """Every save left the search index with as many pages as the first build's."""
        return all(count == self.search_pages[0] for count in self.search_pages)


def edit_entry(path: Path, token: str) -> None:
    """Save the entry as an editor would: the whole file, with one sentence added."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f" {token}\n", encoding="utf-8")


_LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""Fetches pages from the local server directly, whatever proxy the environment names."""


def fetch(url: str) -> str:
    """The page as the server sends it now ('' while it cannot: a rebuild may be under way)."""
    try:
        with _LOOPBACK.open(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (OSError, ValueError):
        return ""


def search_pages(base: str) -> int:
    """How many pages the served search index (what the search box loads) has entries for."""
    text = fetch(base + "search/search_index.json")
    if not text:
        raise BenchError(f"{base} serves no search/search_index.json")
    return len({doc["location"].partition("#")[0] for doc in json.loads(text)["docs"]})


def wait_served(url: str, text: str, timeout: float, every: float = 0.05) -> float:
    """Poll the served page until it contains `text`; the time.monotonic() when it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in fetch(url):
            return time.monotonic()
        time.sleep(every)
    raise BenchError(f"{url} did not show '{text}' within {timeout:.0f} s")


def serve_latency(
    project: Path, target: Path, page: str, edits: int, extra: Sequence[str] = ()
) -> ServeResult:
    """Start `mkdocs serve` (loopback only), save `target` `edits` times, time each reload.

    The reload counts when the page of `target` (`page`, a path below the site's root), fetched
    from the server as a browser would, shows the sentence just added: not a log line.
    """
    port = free_port()
    cmd = [PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml", *extra]
    base = f"http://127.0.0.1:{port}{urllib.parse.urlsplit(synth.SITE_URL).path}"
    url = base + page
    proc = subprocess.Popen(
        cmd,
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        env=ENV,
    )
    lines = Lines(proc.stdout)
    result = ServeResult(0.0, [], [], [], [])
    label = " ".join([project.name.split("-")[0], "serve", *extra])
    try:
        _, built = lines.wait_for("Documentation built in", timeout=900)
        result.first_build = float(built.split("built in")[1].split()[0])
        lines.wait_for("Serving on", timeout=120)
        lines.drain(quiet=2.0)
        if "</html>" not in fetch(url):
            raise BenchError(f"the server does not serve {url}")
        result.search_pages.append(search_pages(base))
        for number in range(1, edits + 1):
            token = f"Saved as edit {number} of run {time.time_ns()}."
            start = time.monotonic()
            edit_entry(target, token)
            served = wait_served(url, token, timeout=600)
            detected, _ = lines.wait_for("Detected file changes", timeout=120)
            seen = len(lines.all)
            reloaded, _ = lines.wait_for("Reloading browsers", timeout=600)
            result.served.append(served - start)
            result.latencies.append(reloaded - start)
            result.detected.append(detected - start)
            # the rebuild: from "Building documentation..." to the reload (MkDocs' log drops
            # a message identical to an earlier one, so "built in 0.20 seconds" may be missing)
            building = [t for t, line in lines.all[seen:] if "Building documentation" in line]
            result.built.append(reloaded - building[-1] if building else float("nan"))
            say(
                f"  {label:19} edit {number}: page shows it after {served - start:.2f} s "
                f"(change seen {detected - start:.2f} s, rebuild {result.built[-1]:.2f} s, "
                f"'Reloading browsers' {reloaded - start:.2f} s)"
            )
            # a second rebuild set off by the same save: let it finish before the next edit
            drained = [line for _, line in lines.drain(quiet=2.0)]
            if any("Detected" in line for line in drained) and not any(
                "Reloading" in line for line in drained[-1:]
            ):
                lines.wait_for("Reloading browsers", timeout=600)
                lines.drain(quiet=2.0)
            result.search_pages.append(search_pages(base))  # after the rebuild, untimed
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        name = "serve-dirty.log" if extra else "serve.log"
        (project / name).write_text("\n".join(f"{t:.3f} {s}" for t, s in lines.all))
    return result


def published_entry(project: Path) -> Path:
    """A published Markdown entry without private sections: its page shows all of its notes."""
    for path in sorted((project / "entries").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "<!--" not in text and "private: true" not in text:
            return path
    raise BenchError("no published Markdown entry without private sections to edit")


def bench_serve(workspace: Workspace, plan: Plan, store: dict[str, Any]) -> list[Row]:
    size = plan.serve_size
    say(f"[serve] plain `mkdocs serve`: save one entry -> its served page shows it, N = {size:,}")
    project = workspace.project("log", size)
    target = published_entry(project)
    page = f"entries/{target.stem}/"
    result = serve_latency(project, target, page, plan.edits)
    store["serve"] = result
    # The baseline: MkDocs itself, the same page of the plain site, the same measure.
    plain = workspace.project("plain", size)
    plain_page = plain / "docs" / "entries" / f"{target.stem}.md"
    store["serve plain"] = serve_latency(plain, plain_page, page, plan.edits)
    store["serve --dirty"] = serve_latency(project, target, page, plan.edits, ["--dirty"])
    store["serve plain --dirty"] = serve_latency(
        plain, plain_page, page, plan.edits, ["--dirty"]
    )
    latency = statistics.median(result.served)
    baseline = statistics.median(store["serve plain"].served)
    whole = "whole" if result.search_whole else "NOT whole"
    rows = [
        Row(
            "2",
            "plain `mkdocs serve`: save an entry -> its served page shows the change; "
            f"search index {whole} after every save (baseline: the same on the plain pages)",
            f"{size:,}",
            f"{latency:.2f} s",
            f"{baseline:.2f} s",
            f"{latency / baseline:.2f}x",
            f"< {SERVE_SECONDS:g} s, search whole",
            latency < SERVE_SECONDS and result.search_whole,
        )
    ]
    # Context: `--dirty`, which the README no longer recommends (plain serve is as fast and
    # never stale). Its only target is the issue's: a search index left whole after each save.
    dirty_result: ServeResult = store["serve --dirty"]
    dirty = statistics.median(dirty_result.served)
    dirty_plain = statistics.median(store["serve plain --dirty"].served)
    whole = "whole" if dirty_result.search_whole else "NOT whole"
    rows.append(
        Row(
            "2",
            "`mkdocs serve --dirty`, same measure; "
            f"search index {whole} after every save (baseline: plain pages, --dirty)",
            f"{size:,}",
            f"{dirty:.2f} s",
            f"{dirty_plain:.2f} s",
            f"{dirty / dirty_plain:.2f}x",
            "search whole (no time target)",
            dirty_result.search_whole,
        )
    )
    return rows


# --- 6: insights ------------------------------------------------------------------------------

REFERENCE = "reference: sort + one pass"
INSIGHT_FUNCTIONS = (
    REFERENCE,
    "skills_report",
    "feedback_report",
    "practice_report",
    "tracks_report",
    "lessons_report",
    "analyse",
    "digest",
    "render_site",
)


def insight_worker(size: int, repeats: int, render_repeats: int) -> dict[str, list[float]]:
    """In a fresh process: time each pure function on `size` model entries."""
    import gc

    from generator.insights import analysis as insights
    from generator.insights.feedback import feedback_report
    from generator.insights.interviews import practice_report
    from generator.insights.lessons import lessons_report
    from generator.insights.mentor import digest
    from generator.insights.skills import skills_report
    from generator.insights.tracks import tracks_report
    from generator.model import Rejection
    from generator.privacy import publishable
    from generator.settings import Settings
    from generator.site.render import SiteOptions, render_site

    entries = publishable(tuple(synth.to_model(synth.synthesize(size))), False)
    settings = Settings(today=synth.TODAY, skill_aliases=synth.SKILL_ALIASES)
    aliases = settings.skill_aliases
    skills = skills_report(entries, aliases)
    analysis = insights.analyse(entries, settings)
    since = settings.today - dt.timedelta(days=30)

    def reference() -> object:
        ordered = sorted(entries, key=lambda e: (e.date, e.id))
        return [e for e in ordered if isinstance(e, Rejection) and e.feedback and e.mood]

    calls: dict[str, Callable[[], object]] = {
        REFERENCE: reference,
        "skills_report": lambda: skills_report(entries, aliases),
        # Each report reads the log's one analysis; timing it with the report keeps the work
        # measured the same as when each report derived the facts itself.
        "feedback_report": lambda: feedback_report(insights.analyse(entries, settings)),
        "practice_report": lambda: practice_report(insights.analyse(entries, settings)),
        "tracks_report": lambda: tracks_report(insights.analyse(entries, settings), aliases),
        "lessons_report": lambda: lessons_report(entries),
        "analyse": lambda: insights.analyse(entries, settings),
        "digest": lambda: digest(analysis, skills, since, settings.today),
        # pages made from templates are rendered when read: read them all, as a build does
        "render_site": lambda: [
            page.content for page in render_site(entries, (), settings, SiteOptions())
        ],
    }
    times: dict[str, list[float]] = {"entries": [float(len(entries))]}
    for name in INSIGHT_FUNCTIONS:
        times[name] = []
        runs = render_repeats if name == "render_site" else repeats
        # at least `runs` runs; small functions run until a second is spent (at most 50 runs)
        while len(times[name]) < runs or (sum(times[name]) < 1.0 and len(times[name]) < 50):
            gc.collect()
            start = time.perf_counter()
            result = calls[name]()
            times[name].append(time.perf_counter() - start)
            del result
    return times


def bench_insights(plan: Plan, store: dict[str, Any]) -> list[Row]:
    per_size: dict[int, dict[str, list[float]]] = {}
    for size in plan.insight_sizes:
        say(f"[insights] pure functions on {size:,} model entries")
        render_repeats = plan.repeats if size <= 10_000 else 1
        cmd = [
            PYTHON,
            str(Path(__file__)),
            "--worker-insights",
            str(size),
            str(plan.repeats),
            str(render_repeats),
        ]
        for attempt in (1, 2):
            done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
            if done.returncode == 0:
                break
            say(f"  the worker failed (attempt {attempt}):\n{done.stderr[-2000:]}")
        else:
            raise BenchError(f"the insights worker failed twice at {size:,} entries")
        out = done.stdout
        per_size[size] = json.loads(out.strip().splitlines()[-1])
        for name in INSIGHT_FUNCTIONS:
            best = min(per_size[size][name])
            say(f"  {name:26} {best:9.4f} s   {1e6 * best / size:8.2f} us/entry")
    store["insights"] = per_size
    rows = []
    sizes = list(plan.insight_sizes)

    def per_entry(name: str) -> list[float]:
        return [min(per_size[s][name]) / s for s in sizes]

    def growths(name: str) -> list[float]:
        times = per_entry(name)
        return [
            (times[i + 1] / times[i]) ** (1 / _decades(sizes[i], sizes[i + 1]))
            for i in range(len(sizes) - 1)
        ]

    reference = growths(REFERENCE)
    for name in INSIGHT_FUNCTIONS[1:]:
        mine = growths(name)
        relative = max(g / r for g, r in zip(mine, reference, strict=True))
        rows.append(
            Row(
                "5",
                f"`{name}`: time per entry (us), vs the reference's",
                " / ".join(_k(s) for s in sizes),
                " / ".join(f"{1e6 * t:.2f}" for t in per_entry(name)),
                " / ".join(f"{1e6 * t:.2f}" for t in per_entry(REFERENCE)),
                f"{max(mine):.2f}x per 10x; {relative:.2f}x the reference's growth",
                f"growth <= {LINEAR_GROWTH}x the reference's",
                relative <= LINEAR_GROWTH,
            )
        )
    return rows


def _decades(low: int, high: int) -> float:
    import math

    return max(math.log10(high / low), 1e-9)


def _k(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


# --- the report -------------------------------------------------------------------------------


LOAD_AT_START = os.getloadavg()


def machine() -> list[tuple[str, str]]:
    import markdown
    import mkdocs
    import yaml

    try:
        from importlib.metadata import version

        material = version("mkdocs-material")
    except Exception:  # pragma: no cover
        material = "?"
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from generator.entries import yamldoc

        used = yamldoc._BaseLoader.__name__
    except Exception:  # pragma: no cover
        used = "?"
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return [
        ("CPU", cpu),
        ("Cores", f"{os.cpu_count()} (usable: {len(os.sched_getaffinity(0))})"),
        ("Memory", memory),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("MkDocs", mkdocs.__version__),
        ("Material for MkDocs", material),
        ("Python-Markdown", markdown.__version__),
        (
            "PyYAML",
            f"{yaml.__version__}, libyaml "
            f"{'available' if yaml.__with_libyaml__ else 'NOT available'}; "
            f"Recovery Log's parser composes with {used}",
        ),
        ("Load average at start", " / ".join(f"{x:.2f}" for x in LOAD_AT_START)),
    ]


def table(rows: list[Row]) -> str:
    out = [
        "| # | Benchmark | N | Measured | Baseline | Ratio (wall) | Ratio (CPU) | Target "
        "| Result |",
        "|---|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        verdict = "—" if row.passed is None else ("**pass**" if row.passed else "**FAIL**")
        out.append(
            f"| {row.number} | {row.name} | {row.size} | {row.measured} | {row.baseline} | "
            f"{row.ratio} | {row.cpu_ratio} | {row.target} | {verdict} |"
        )
    return "\n".join(out)


def details(builds: Builds, workspace: Workspace, store: dict[str, Any]) -> str:
    out = []
    if builds.series:
        out += [
            "### Builds (every run)",
            "",
            "| Site | N | pages | wall s (median) | wall s (runs) | CPU s (runs) | "
            "max RSS MB (runs) | load avg |",
            "|---|---:|---:|---:|---|---|---|---|",
        ]
        for (kind, size), series in sorted(builds.series.items(), key=lambda kv: kv[0][::-1]):
            out.append(
                f"| {kind} | {size:,} | {workspace.site_counts.get((kind, size), '?')} | "
                f"{series.median('wall'):.2f} | {series.values('wall')} | "
                f"{series.values('cpu')} | {series.values('rss_mb', '{:.0f}')} | "
                f"{series.values('load', '{:.1f}')} |"
            )
        pairs = sorted({size for (kind, size) in builds.series if kind == "log"})
        notes = []
        for size in pairs:
            log = builds.series[("log", size)]
            for kind in ("plain", "blog"):
                other = builds.series.get((kind, size))
                if other and other.runs:
                    notes.append(
                        f"CPU-time ratio log/{kind} at {size:,}: "
                        f"{log.median('cpu') / other.median('cpu'):.2f}"
                    )
        if notes:
            out += ["", "; ".join(notes) + "."]
        for kind, size in sorted(builds.cut_short):
            runs = len(builds.series[(kind, size)].runs)
            out += [
                "",
                f"The {kind} build at {size:,} ran {runs} time(s), not {builds.repeats}: its runs "
                f"took over the {builds.budget:.0f} s budget per build; its median is of those.",
            ]
        out.append("")
    if "check" in store:
        result: CheckResult = store["check"]
        out += [
            "### check",
            "",
            f"- `recovery-log check`: wall {result.check.values('wall')} s, "
            f"CPU {result.check.values('cpu')} s",
            f"- bare `yaml.load` (yaml_baseline.py): wall {result.baseline.values('wall')} s, "
            f"CPU {result.baseline.values('cpu')} s",
            f"- CPU-time ratio: {result.check.median('cpu') / result.baseline.median('cpu'):.2f}",
            "",
        ]
    serves = [
        (key, what)
        for key, what in (
            ("serve", "log, `mkdocs serve`"),
            ("serve plain", "plain pages, `mkdocs serve`"),
            ("serve --dirty", "log, `mkdocs serve --dirty`"),
            ("serve plain --dirty", "plain pages, `mkdocs serve --dirty`"),
        )
        if key in store
    ]
    if serves:
        out += [
            "### serve",
            "",
            "Seconds from the save to: the entry's page, fetched from the server, shows the new "
            "sentence (the measure); MkDocs' 'Detected file changes' and 'Reloading browsers' "
            "lines; and the rebuild ('Building documentation...' -> 'Reloading browsers').",
            "",
            "The last column counts the pages in the served search index after the first build, "
            "then after each save (all equal: the search box still finds every page).",
            "",
            "| Site | first build | page shows it | detected | rebuild | 'Reloading browsers' "
            "| pages in search |",
            "|---|---:|---|---|---|---|---|",
        ]
        for key, what in serves:
            one: ServeResult = store[key]
            times = [one.served, one.detected, one.built, one.latencies]
            out.append(
                f"| {what} | {one.first_build:.2f} | "
                + " | ".join(", ".join(f"{x:.2f}" for x in cell) for cell in times)
                + " | "
                + ", ".join(str(count) for count in one.search_pages)
                + " |"
            )
        out.append("")
    if "size" in store:
        size, pages = store["size"]
        over = [rel for kb, rel in pages.entries if kb > PAGE_KB * 1000]
        out += [
            f"### Page sizes (HTML) of the log at {size:,}",
            "",
            "| Page | kB |",
            "|---|---:|",
            *(f"| `{rel}` | {kb / 1000:.0f} |" for kb, rel in pages.generated[:12]),
            "",
            f"{len(pages.generated)} generated pages, {len(pages.entries)} entry pages "
            f"(largest {pages.entries[0][0] / 1000 if pages.entries else 0:.0f} kB; "
            f"{len(over)} over {PAGE_KB} kB).",
            "",
        ]
    if "insights" in store:
        per_size = store["insights"]
        sizes = sorted(per_size)
        out += [
            "### Insight functions (best of k runs, seconds; us per entry)",
            "",
            "| Function | " + " | ".join(f"{_k(s)} entries" for s in sizes) + " |",
            "|---|" + "---:|" * len(sizes),
        ]
        for name in INSIGHT_FUNCTIONS:
            cells = []
            for size in sizes:
                t = min(per_size[size][name])
                cells.append(
                    f"{t:.4f} s ({1e6 * t / size:.2f} us; {len(per_size[size][name])} runs)"
                )
            out.append(f"| `{name}` | " + " | ".join(cells) + " |")
        published = ", ".join(f"{int(per_size[s]['entries'][0]):,}" for s in sizes)
        out += ["", f"Published (non-private) entries passed in: {published}.", ""]
    return "\n".join(out)


def write_report(
    path: Path,
    rows: list[Row],
    builds: Builds,
    workspace: Workspace,
    store: dict[str, Any],
    command: str,
    started: float,
    mode: str,
) -> str:
    minutes = (time.monotonic() - started) / 60
    info = "\n".join(f"| {k} | {v} |" for k, v in machine())
    text = f"""# Recovery Log benchmark results

Written by `{command}` on {dt.datetime.now():%Y-%m-%d %H:%M} ({mode}; took {minutes:.1f} min).
Ratios compare medians of {builds.repeats} runs measured in the same run of the script.

{table(rows)}

## Machine

| | |
|---|---|
{info}
| Load average at end | {" / ".join(f"{x:.2f}" for x in os.getloadavg())} |

## Details

{details(builds, workspace, store)}
"""
    path.write_text(text, encoding="utf-8")
    return text


# --- profiling --------------------------------------------------------------------------------


def profile(name: str, size: int | None, workspace: Workspace, top: int) -> None:
    """Where the time goes, for a target that is not met: phase timers, then cProfile."""
    if name in ("build", "serve", "memory", "blog"):
        size = size or 1000
        kinds = ("log", "plain") if name != "serve" else ("log",)
        for kind in kinds:
            project = workspace.project(kind, size)
            script = HERE / "profile_build.py"
            mode = {"serve": "serve", "memory": "memory"}.get(name, "build")
            say(f"[profile] {mode} of the {kind} site, N = {size:,}")
            subprocess.run(
                [PYTHON, str(script), str(project / "mkdocs.yml"), mode, str(top)],
                cwd=project,
                check=True,
                env=ENV,
            )
    elif name == "check":
        size = size or 10_000
        project = workspace.project("log", size)
        say(f"[profile] recovery-log check, N = {size:,}")
        subprocess.run(
            [
                PYTHON,
                str(HERE / "profile_build.py"),
                str(project / "mkdocs.yml"),
                "check",
                str(top),
            ],
            cwd=project,
            check=True,
            env=ENV,
        )
    elif name == "insights":
        size = size or 10_000
        say(f"[profile] render_site and the reports, N = {size:,}")
        subprocess.run(
            [PYTHON, str(HERE / "profile_build.py"), str(size), "insights", str(top)],
            check=True,
            env=ENV,
        )
    else:
        raise SystemExit(f"nothing to profile for {name!r}")


# --- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a few minutes")
    parser.add_argument(
        "--only", default="", help=f"comma-separated benchmarks, of: {', '.join(NAMES)}"
    )
    parser.add_argument("--repeats", type=int, default=None, help="runs per build (default 3)")
    parser.add_argument(
        "--budget", type=float, default=None, help="seconds per build series (default 480)"
    )
    parser.add_argument("--workdir", type=Path, default=None, help="where to generate projects")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--output", type=Path, default=None, help="the results file to write")
    parser.add_argument(
        "--profile",
        default="",
        help="profile instead of measuring: build, serve, memory, check, insights",
    )
    parser.add_argument("--size", type=int, default=None, help="N for --profile")
    parser.add_argument(
        "--sizes", default="", help="comma-separated N for build, memory (default 1000,5000)"
    )
    parser.add_argument("--top", type=int, default=25, help="rows of cProfile output")
    parser.add_argument("--worker-insights", nargs=3, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker_insights:
        size, repeats, render_repeats = args.worker_insights
        print(json.dumps(insight_worker(size, repeats, render_repeats)))
        return 0

    plan = QUICK if args.quick else FULL
    if args.repeats:
        plan = Plan(**{**plan.__dict__, "repeats": args.repeats})
    if args.budget:
        plan = Plan(**{**plan.__dict__, "budget": args.budget})
    if args.sizes:
        sizes = tuple(int(n) for n in args.sizes.split(",") if n.strip())
        plan = Plan(**{**plan.__dict__, "build_sizes": sizes})
    chosen = [n.strip() for n in args.only.split(",") if n.strip()] or list(NAMES)
    unknown = [n for n in chosen if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; choose from {', '.join(NAMES)}")

    root = args.workdir or Path(tempfile.mkdtemp(prefix="recovery-log-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    workspace = Workspace(root)
    started = time.monotonic()
    try:
        if args.profile:
            prepare_python(root)
            profile(args.profile, args.size, workspace, args.top)
            return 0
        say(f"Recovery Log benchmarks ({'quick' if args.quick else 'full'}) in {root}")
        prepare_python(root)
        builds = Builds(workspace, plan.repeats, plan.budget)
        store: dict[str, Any] = {}
        rows: list[Row] = []
        steps: dict[str, Callable[[], list[Row]]] = {
            "build": lambda: bench_build(builds, plan),
            "size": lambda: bench_size(builds, plan, store),
            "blog": lambda: bench_blog(builds, plan),
            "memory": lambda: bench_memory(builds, plan),
            "check": lambda: bench_check(workspace, plan, store),
            "serve": lambda: bench_serve(workspace, plan, store),
            "insights": lambda: bench_insights(plan, store),
            "instructions": lambda: bench_instructions(workspace, plan),
        }
        order = ("build", "size", "blog", "memory", "check", "serve", "insights", "instructions")
        for name in order:
            if name in chosen:
                rows += steps[name]()
        rows.sort(key=lambda r: r.number.replace("size", "1s"))  # size after build
        mode = "quick" if args.quick else ("partial: " + ", ".join(chosen) if args.only else "full")
        default = (
            "results-quick.md"
            if args.quick
            else ("results-partial.md" if args.only else "results.md")
        )
        output = args.output or HERE / default
        command = "python benchmarks/run.py" + "".join(
            f" {a}" for a in (argv if argv is not None else sys.argv[1:])
        )
        write_report(output, rows, builds, workspace, store, command, started, mode)
        say("")
        say(table(rows))
        say("")
        judged = [r for r in rows if r.passed is not None]
        passed = sum(1 for r in judged if r.passed)
        say(f"{passed} of {len(judged)} pass. Written to {output}")
        return 0
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(root, ignore_errors=True)
        elif args.keep:
            say(f"projects kept in {root}")


if __name__ == "__main__":
    sys.exit(main())
