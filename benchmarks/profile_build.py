"""Where the time goes: phase timers (cheap, exact wall shares) and then cProfile (detail).

Used by `python benchmarks/run.py --profile NAME`; can be run on its own:

    python benchmarks/profile_build.py PROJECT/mkdocs.yml build [TOP]   # one `mkdocs build`
    python benchmarks/profile_build.py PROJECT/mkdocs.yml serve [TOP]   # a rebuild, as serve does
    python benchmarks/profile_build.py PROJECT/mkdocs.yml memory [TOP]  # what holds memory
    python benchmarks/profile_build.py PROJECT/mkdocs.yml check [TOP]   # `recovery-log check`
    python benchmarks/profile_build.py SIZE insights [TOP]              # the pure functions

Phase timers wrap a few functions (inclusive wall time, nested phases overlap); cProfile then
lists the functions with the most own time and the cumulative time of the main stages. cProfile
slows small Python functions down a lot more than C code, so its shares are indicative; the
phase table is the one to quote.
"""

from __future__ import annotations

import cProfile
import functools
import io
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TIMES: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(label: str | Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps a plugin event's `mkdocs_priority`, so the order holds
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        name = label(*args, **kwargs) if callable(label) else label
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - start
            CALLS[name] += 1

    return wrapper


def _page_kind(page: Any, *args: Any, **kwargs: Any) -> str:
    uri = page.file.src_uri
    if uri.startswith("entries/") or uri.startswith("blog/posts/"):
        return "entry page"
    return "other page"


def install_build_timers() -> None:
    """Wrap the stages of a MkDocs build; must run before the config (and plugins) load."""
    from mkdocs import utils
    from mkdocs.commands import build
    from mkdocs.structure import files, nav, pages

    pages.Page.render = timed(
        lambda self, *a, **k: f"Markdown -> HTML ({_page_kind(self)})", pages.Page.render
    )
    pages.Page.read_source = timed("read page source", pages.Page.read_source)
    build._build_page = timed(
        lambda page, *a, **k: f"theme template + page events + write ({_page_kind(page)})",
        build._build_page,
    )
    build.get_navigation = timed("navigation", build.get_navigation)
    build.get_files = timed("discover docs files", build.get_files)
    files.Files.copy_static_files = timed("copy static files", files.Files.copy_static_files)
    utils.write_file = timed("  of which: write HTML files", utils.write_file)
    build.utils.clean_directory = timed("clean the site folder", utils.clean_directory)
    build.get_context = timed("  of which: template context", build.get_context)
    _ = nav
    try:
        from material.plugins.search.plugin import SearchPlugin

        SearchPlugin.on_page_context = timed(
            lambda self, *a, **k: f"  of which: search plugin, index ({_page_kind(k['page'])})",
            SearchPlugin.on_page_context,
        )
        SearchPlugin.on_post_build = timed(
            "search plugin, write the index", SearchPlugin.on_post_build
        )
    except ImportError:
        pass
    try:
        from material.plugins.blog.plugin import BlogPlugin

        for event in ("on_files", "on_nav", "on_page_markdown", "on_page_context", "on_env"):
            if hasattr(BlogPlugin, event):
                setattr(
                    BlogPlugin,
                    event,
                    timed(f"blog plugin: {event}", getattr(BlogPlugin, event)),
                )
    except ImportError:
        pass
    try:
        from generator.plugin import plugin
        from generator.site import build, render

        build.load_log = timed("  of which: load_log (read + validate entries)", build.load_log)
        build.render_site = timed("  of which: render_site (pages' Markdown)", build.render_site)
        build.publishable = timed("  of which: publishable", build.publishable)
        generated = timed("  of which: File.generated", plugin.File.generated.__func__)
        plugin.File.generated = classmethod(generated)  # type: ignore[assignment]
        shown = timed(
            "  of which: rendering entry and detail pages when read", render.Page.content.fget
        )
        render.Page.content = property(shown)  # type: ignore[assignment]
        plugin.RecoveryLogPlugin.on_files = timed(
            "recovery-log on_files", plugin.RecoveryLogPlugin.on_files
        )
        plugin.RecoveryLogPlugin.on_post_page = timed(
            "  of which: recovery-log on_post_page", plugin.RecoveryLogPlugin.on_post_page
        )
        for event in ("on_page_markdown", "on_page_content", "on_env", "on_config"):
            setattr(
                plugin.RecoveryLogPlugin,
                event,
                timed(f"recovery-log {event}", getattr(plugin.RecoveryLogPlugin, event)),
            )
        plugin.RecoveryLogPlugin.on_post_build = timed(
            "recovery-log on_post_build (feed)", plugin.RecoveryLogPlugin.on_post_build
        )
        _ = render
    except ImportError:
        pass


def report_timers(total: float) -> None:
    print(f"\nPhase timers (inclusive wall time; total {total:.2f} s)")
    print(f"{'phase':62} {'seconds':>8} {'share':>6} {'calls':>6}")
    for name, seconds in sorted(TIMES.items(), key=lambda kv: -kv[1]):
        print(f"{name:62} {seconds:8.2f} {seconds / total:6.1%} {CALLS[name]:6}")
    TIMES.clear()
    CALLS.clear()


def report_profile(profiler: cProfile.Profile, top: int) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\ncProfile: {total:.2f} s in total (with profiling overhead)")
    print(f"Top {top} by own time (tottime):")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
    for (filename, line, name), (_, calls, own, cumulative, _) in rows:
        short = _short(filename)
        print(
            f"  {own:7.2f} s {own / total:6.1%} own  {cumulative:7.2f} s cum  "
            f"{calls:>9} calls  {short}:{line}({name})"
        )
    print(f"Top {top} generator/ functions by cumulative time:")
    mine = [kv for kv in stats.stats.items() if "/generator/" in kv[0][0]]  # type: ignore[attr-defined]
    for (filename, line, name), (_, calls, own, cumulative, _) in sorted(
        mine, key=lambda kv: -kv[1][3]
    )[:top]:
        print(
            f"  {cumulative:7.2f} s {cumulative / total:6.1%} cum  {own:7.2f} s own  "
            f"{calls:>9} calls  {_short(filename)}:{line}({name})"
        )


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/generator/", "/lib/python3"):
        if marker in filename:
            _, _, tail = filename.partition(marker)
            return (marker.strip("/") + "/" if marker == "/generator/" else "") + tail
    return filename


def _load(config_file: str, command: str) -> Any:
    from mkdocs.config import load_config

    config = load_config(config_file)
    config.plugins.on_startup(command=command, dirty=False)
    return config


def profile_build(config_file: str, top: int) -> None:
    from mkdocs.commands.build import build

    install_build_timers()
    config = _load(config_file, "build")
    start = time.perf_counter()
    build(config)
    report_timers(time.perf_counter() - start)
    if not top:
        return
    config = _load(config_file, "build")
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    report_profile(profiler, top)


def profile_memory(config_file: str, top: int) -> None:
    """Which lines hold the memory at the end of a build (tracemalloc; slows the build ~3x)."""
    import tracemalloc

    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.commands.build import build

    snapshots: list[Any] = []

    post_build = SearchPlugin.on_post_build

    def on_post_build(self: Any, *args: Any, **kwargs: Any) -> Any:
        snapshots.append(tracemalloc.take_snapshot())  # everything still held, before the index
        return post_build(self, *args, **kwargs)

    SearchPlugin.on_post_build = on_post_build
    config = _load(config_file, "build")
    tracemalloc.start(1)
    build(config)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\ntracemalloc: peak {peak / 2**20:.1f} MiB of Python allocations during the build")
    snapshot = snapshots[0].filter_traces(
        [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen *>")]
    )
    total = sum(stat.size for stat in snapshot.statistics("filename"))
    print(f"held just before the search index is written: {total / 2**20:.1f} MiB")
    print(f"Top {top} files by memory held:")
    for stat in snapshot.statistics("filename")[:top]:
        frame = stat.traceback[0]
        print(
            f"  {stat.size / 2**20:7.1f} MiB {stat.size / total:6.1%} "
            f"{stat.count:>9} blocks  {_short(frame.filename)}"
        )
    print(f"Top {top} lines by memory held:")
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        print(
            f"  {stat.size / 2**20:7.1f} MiB {stat.size / total:6.1%} "
            f"{stat.count:>9} blocks  {_short(frame.filename)}:{frame.lineno}"
        )


def profile_serve(config_file: str, top: int) -> None:
    """One initial build, then: save an entry, and the rebuild `mkdocs serve` does for it."""
    from mkdocs.commands.build import build

    install_build_timers()
    first = _load(config_file, "serve")
    first.site_url = "http://127.0.0.1:8000/"  # as `mkdocs serve` sets it, for every build
    build(first, serve_url="http://127.0.0.1:8000/")
    TIMES.clear()
    CALLS.clear()
    entry = next(iter(sorted((Path(config_file).parent / "entries").rglob("*.md"))))
    for number, cprofile in ((1, False), (2, True)):
        entry.write_text(entry.read_text().rstrip("\n") + f" Edit {number}.\n")
        start = time.perf_counter()
        profiler = cProfile.Profile()
        if cprofile:
            profiler.enable()
        # serve's builder: a fresh config each time (plugins with on_startup are reused)
        from mkdocs.config import load_config

        loading = time.perf_counter()
        config = load_config(config_file)
        TIMES["load mkdocs.yml (config, theme, plugins)"] += time.perf_counter() - loading
        CALLS["load mkdocs.yml (config, theme, plugins)"] += 1
        config.site_url = "http://127.0.0.1:8000/"
        build(config, serve_url="http://127.0.0.1:8000/")
        if cprofile:
            profiler.disable()
            report_profile(profiler, top)
        else:
            report_timers(time.perf_counter() - start)


def profile_check(config_file: str, top: int) -> None:
    """`recovery-log check` in this process: phases, then cProfile."""
    import yaml

    from generator.cli.project import read_project
    from generator.entries import loader, yamldoc

    project = read_project(config_file)
    settings = project.settings()
    folder = project.entries_dir

    loader.load_file = timed("load_file (one file, all of it)", loader.load_file)
    loader.read_text = timed("  read_text (read + decode)", loader.read_text)
    loader.parse = timed("  yamldoc.parse (compose + build values)", loader.parse)
    yamldoc._compose = timed("    _compose (libyaml: text -> nodes)", yamldoc._compose)
    loader.build_entry = timed("  build_entry (schema check + model objects)", loader.build_entry)
    loader.discover = timed("discover", loader.discover)
    start = time.perf_counter()
    log = loader.load_log(folder, settings)
    total = time.perf_counter() - start
    TIMES["    build (nodes -> values; positions only for a file with a problem)"] = (
        TIMES["  yamldoc.parse (compose + build values)"]
        - TIMES["    _compose (libyaml: text -> nodes)"]
    )
    report_timers(total)
    print(f"{len(log.entries)} entries, {len(log.problems)} problems")

    # the bare yaml.load of the same texts, in this process, for comparison
    texts = []
    for path in loader.discover(folder, []):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("\n---\n", 1)[0].removeprefix("---\n")
        texts.append(text)
    start = time.perf_counter()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        yamldoc._compose.__wrapped__(text)  # type: ignore[attr-defined]
    compose = time.perf_counter() - start
    print(
        f"\nIn-process, same texts: yaml.load(CSafeLoader) {bare:.2f} s; "
        f"compose only (libyaml) {compose:.2f} s; load_log {total:.2f} s "
        f"({total / bare:.2f}x bare yaml.load)"
    )

    _unwrap(loader, yamldoc)
    profiler = cProfile.Profile()
    profiler.enable()
    loader.load_log(folder, settings)
    profiler.disable()
    report_profile(profiler, top)


def _unwrap(*modules: Any) -> None:
    for module in modules:
        for name, value in list(vars(module).items()):
            if hasattr(value, "__wrapped__") and callable(value):
                setattr(module, name, value.__wrapped__)
            if isinstance(value, type):
                for attr, member in list(vars(value).items()):
                    if hasattr(member, "__wrapped__") and callable(member):
                        setattr(value, attr, member.__wrapped__)


def profile_insights(size: int, top: int) -> None:
    import synth

    from generator.privacy import publishable
    from generator.settings import Settings
    from generator.site.render import SiteOptions, render_site

    entries = publishable(tuple(synth.to_model(synth.synthesize(size))), False)
    settings = Settings(today=synth.TODAY, skill_aliases=synth.SKILL_ALIASES)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    render_site(entries, (), settings, SiteOptions())
    profiler.disable()
    print(
        f"render_site on {len(entries):,} entries: {time.perf_counter() - start:.2f} s (profiled)"
    )
    report_profile(profiler, top)


def main() -> None:
    target, mode = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if mode == "build":
        profile_build(target, top)
    elif mode == "serve":
        profile_serve(target, top)
    elif mode == "memory":
        profile_memory(target, top)
    elif mode == "check":
        profile_check(target, top)
    elif mode == "insights":
        profile_insights(int(target), top)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
