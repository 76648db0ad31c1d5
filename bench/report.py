"""The part of RESULTS.md made from bench/results.json: what `run.py --measure` collects
(`check`, builds, memory, search index, linearity)."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from pitchcraft.mkdocs.search import PAGEFIND_FROM_PAGES

CHECK_TARGET = 1.5
OVERHEAD_TARGET = 0.05
"""Share of the plugin build spent in the plugin's own hooks."""
OVERHEAD_AT = 1000
LINEAR_TOLERANCE = 1.25
"""Cost per extra card from 1,000 to 10,000 may be at most this times that from 100 to 1,000."""

def _gib(meminfo: str) -> str:
    kib = meminfo.split()[0]
    return f"{int(kib) / 2**20:.0f} GiB" if kib.isdigit() else meminfo


def _median(runs: list[dict], key: str = "wall") -> float:
    return statistics.median(r[key] for r in runs) if runs else float("nan")


def _yes(ok: bool) -> str:
    return "**yes**" if ok else "**no**"


def _n(n: int) -> str:
    return f"{n:,}"


def _slope_ratio(points: list[tuple[int, float]]) -> tuple[float, float, float] | None:
    """Cost per extra card over the last interval against the one before it."""
    if len(points) < 3:
        return None
    (n0, v0), (n1, v1), (n2, v2) = points[-3:]
    early, late = (v1 - v0) / (n1 - n0), (v2 - v1) / (n2 - n1)
    return early, late, late / early if early > 0 else float("inf")


def render(data: dict) -> str:
    results = data["results"]
    m = data["machine"]
    out: list[str] = ["## `check`, builds, memory and search index (`bench/results.json`)", ""]
    out += [
        f"Produced by `{data['command']}` on {m['date']} in {m['total_s'] / 60:.1f} minutes.",
        "Raw numbers are in `bench/results.json`.", "",
        f"- Machine: {m['nproc']} cores ({m['cpu']}), {_gib(m['memory'])} memory,"
        f" Python {m['python']}, {m['platform']}",
        "- Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
        + f"; PyYAML C loader: {'yes' if m['cyaml'] else 'no'}",
        f"- Load average at start {m['loadavg'][0]:.1f}, at end {m['loadavg_end'][0]:.1f}"
        " (other work on the machine adds noise; ratios are measured with interleaved runs)",
        "- `NO_MKDOCS_2_WARNING=1`, `SOURCE_DATE_EPOCH` fixed; every command runs in a fresh"
        " process; peak memory is that process's maximum resident set size.",
        "",
    ]
    repeats = ", ".join(f"N={_n(r['n'])}: commands x{r['repeat']}, builds x{r['builds']}"
                        for r in results)
    out += [f"Repetitions (times are medians): {repeats}.", ""]

    # Targets
    out += ["## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for r in results:
        ratio = _median(r["runs"]["check"]) / _median(r["runs"]["limit"])
        out.append(f"| `check` within {CHECK_TARGET}x of read+parse, N={_n(r['n'])} |"
                   f" {ratio:.2f}x | {_yes(ratio <= CHECK_TARGET)} |")
    at = next((r for r in results if r["n"] == OVERHEAD_AT), None)
    if at:
        share = _median(at["build_runs"]["plugin"], "plugin") / _median(at["build_runs"]["plugin"])
        plain_build = _median(at["build_runs"]["plain"])
        diff = (_median(at["build_runs"]["plugin"]) - plain_build) / plain_build
        generator = _hooks(at, ("on_pre_build", "on_files")) / _median(at["build_runs"]["plugin"])
        out.append(f"| plugin overhead <= {OVERHEAD_TARGET:.0%} of the build, N={_n(OVERHEAD_AT)}"
                   f" | {share:.1%} of the plugin build in the plugin's hooks ({generator:.1%}"
                   f" loading and generating, the rest sanitising); {diff:+.1%} plugin build"
                   f" against plain build | {_yes(share <= OVERHEAD_TARGET)} |")
    for label, points in _linear_series(results):
        slopes = _slope_ratio(points)
        if slopes:
            out.append(f"| {label} linear in N | {slopes[2]:.2f}x cost per extra card"
                       f" ({_n(results[-2]['n'])}->{_n(results[-1]['n'])} against"
                       f" {_n(results[-3]['n'])}->{_n(results[-2]['n'])}) |"
                       f" {_yes(slopes[2] <= LINEAR_TOLERANCE)} |")
    for r in results:
        plain_page = r["index"]["plain"]["per_page"]
        for name in ("plugin", "default"):
            if name not in r["index"]:
                continue
            page, engine = r["index"][name]["per_page"], r["index"][name]["engine"]
            label = f"{engine} search" if name == "plugin" else f"{engine}, the default"
            out.append(f"| search index per page <= plain MkDocs, N={_n(r['n'])} ({label}) |"
                       f" {page / 1024:.1f} KiB vs {plain_page / 1024:.1f} KiB |"
                       f" {_yes(page <= plain_page)} |")
    out += ["", f"Linear means the cost of each extra card from {_n(results[-2]['n'])} to"
            f" {_n(results[-1]['n'])} cards is at most {LINEAR_TOLERANCE}x the cost of each"
            " extra card before that (slopes, so fixed start-up costs do not count as"
            " non-linear). Times for linearity are CPU times, which other work on the machine"
            " does not stretch.", ""] if len(results) >= 3 else [""]

    # Content
    out += ["## Content sets", "",
            "| N | industries | problems | personas | ledger | generated pages | content | site |",
            "|---|---|---|---|---|---|---|---|"]
    for r in results:
        s = r["sizes"]
        out.append(f"| {_n(r['n'])} | {s['industries']} | {s['problems']} | 6 | {s['ledger']} |"
                   f" {_n(r['pages'])} | {r['content_bytes'] / 1e6:.1f} MB |"
                   f" {r['site_bytes']['plugin'] / 1e6:.0f} MB |")
    out += ["", "Cards average about 4 KB like the demo cards: all sections, 1-2 persona"
            " variants, 2 objections, ledger and inline evidence. Pitch pages (one per covered"
            " industry x problem, one tab per persona) grow in proportion to N.", ""]

    # (a)
    out += ["## (a) `pitchcraft check` against reading and parsing the same files", "",
            "| N | read+parse | check | ratio | read+parse CPU | check CPU | CPU ratio |"
            " read+parse peak | check peak |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lim, chk = r["runs"]["limit"], r["runs"]["check"]
        out.append(
            f"| {_n(r['n'])} | {_median(lim):.2f} s | {_median(chk):.2f} s |"
            f" {_median(chk) / _median(lim):.2f}x | {_median(lim, 'cpu'):.2f} s |"
            f" {_median(chk, 'cpu'):.2f} s | {_median(chk, 'cpu') / _median(lim, 'cpu'):.2f}x |"
            f" {_median(lim, 'rss_mb'):.0f} MB | {_median(chk, 'rss_mb'):.0f} MB |")
    staged = [r for r in results if r.get("stages")]
    if staged:
        out += ["", "Where the time goes, inside one process (CPU seconds, best of 3;"
                " bench/stages.py):",
                "", "| stage | " + " | ".join(f"check, N={_n(r['n'])}" for r in staged)
                + " | " + " | ".join(f"read+parse, N={_n(r['n'])}" for r in staged) + " |",
                "|---|" + "---|" * (2 * len(staged))]
        names = list(staged[0]["stages"]["check"]) + list(staged[0]["stages"]["limit"])
        for name in dict.fromkeys(names):
            cells = [r["stages"]["check"].get(name) for r in staged] + [
                r["stages"]["limit"].get(name) for r in staged]
            out.append(f"| {name} | " + " | ".join(
                f"{c:.3f} s" if c is not None else "" for c in cells) + " |")
        out.append("| **total** | " + " | ".join(
            f"**{r['stages']['check_total']:.3f} s**" for r in staged) + " | " + " | ".join(
            f"**{r['stages']['limit_total']:.3f} s**" for r in staged) + " |")
        r = staged[-1]["stages"]
        per_card = {k: v / r["cards"] * 1e6 for k, v in r["check"].items()}
        yaml_us = per_card.get("YAML (values, lines, duplicates)", 0.0)
        limit_yaml_us = r["limit"]["yaml.load (C loader)"] / r["cards"] * 1e6
        extra = sum(v for k, v in per_card.items()
                    if k not in ("YAML (values, lines, duplicates)", "read files"))
        out += ["", f"Starting the command: importing `pitchcraft.cli` takes"
                f" {r['import_pitchcraft_cli']:.2f} s in a fresh interpreter, importing PyYAML"
                f" {r['import_yaml']:.2f} s.", "",
                f"**Why `check` misses 1.5x.** At N={_n(staged[-1]['n'])} `check` parses a"
                f" card's YAML in {yaml_us:.0f} µs, less than `yaml.load` takes"
                f" ({limit_yaml_us:.0f} µs), and reads files as fast. The rest is work the"
                f" limit does not do, {extra:.0f} µs a card: splitting the Markdown body into"
                " sections, persona variants and objections; the schema check; the unsafe-HTML"
                " scan; building the card and checking it against the taxonomy and ledger."
                " Each is already on its fast path; together they cost about as much as the"
                " YAML again, and cutting them would mean checking less. At small sizes the"
                " command's start-up dominates: `check` imports click, the loader and its"
                " schemas (not Jinja2 or MkDocs), the limit PyYAML alone."]
    out += ["", "Both are whole commands, interpreter start-up and imports included"
            " (`pitchcraft check` imports click and the loader; the limit imports only"
            " PyYAML). `check` also keeps every card in memory for the report,"
            " hence its larger peak.", ""]

    # (b)
    out += ["## (b) `mkdocs build`: with the plugin against the same pages as plain files", "",
            "| N | plain build | plugin build | difference | in the plugin's hooks | load and"
            " check | compose and render | sanitise HTML | hooks / plugin build | builds |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        plain_build, plugin_build = _median(r["build_runs"]["plain"]), _median(
            r["build_runs"]["plugin"])
        hooks = _median(r["build_runs"]["plugin"], "plugin")
        out.append(f"| {_n(r['n'])} | {plain_build:.1f} s | {plugin_build:.1f} s |"
                   f" {plugin_build - plain_build:+.1f} s | {hooks:.2f} s |"
                   f" {_hooks(r, ('on_pre_build',)):.2f} s | {_hooks(r, ('on_files',)):.2f} s |"
                   f" {_hooks(r, ('on_page_content',)):.2f} s | {hooks / plugin_build:.1%} |"
                   f" {r['builds']} |")
    out += ["", "Both builds use Material's search. The plugin's share is timed inside the"
            " real build (bench/timed_build.py wraps each of its event handlers): the"
            " difference of two separate builds of half a minute or more is within their"
            " noise on a shared machine. `on_pre_build` loads and checks the content,"
            " `on_files` composes every pitch and renders every page, `on_page_content` passes"
            " each generated page's HTML through the nh3 sanitiser. The generator's work alone"
            " in a fresh process (load, compose, render, no MkDocs) took "
            + ", ".join(f"{_median(r['generator_runs']['now']):.2f} s at N={_n(r['n'])}"
                        for r in results) + ".", "",
            "Same pages: " + "; ".join(f"N={_n(r['n'])}: {r['same_site_detail']}"
                                       for r in results) + ".", ""]
    at = next((r for r in results if r["n"] == OVERHEAD_AT), None)
    if at:
        runs = at["build_runs"]
        build = _median(runs["plugin"])
        shares = {name: _hooks(at, hooks) / build for name, hooks in (
            ("generate", ("on_pre_build", "on_files")), ("sanitise", ("on_page_content",)))}
        fastest = min(r["wall"] for r in runs["plugin"]) - min(r["wall"] for r in runs["plain"])
        out += [f"**Why the overhead misses {OVERHEAD_TARGET:.0%}.** At N={_n(OVERHEAD_AT)}"
                f" loading, checking, composing and rendering take {shares['generate']:.1%} of"
                f" the plugin build; sanitising every generated page with nh3 takes another"
                f" {shares['sanitise']:.1%}. The sanitiser is the safety net behind the raw-HTML"
                " policy (what a line check cannot see, tests/unit/test_html_policy.py), so it"
                " stays."
                f" The fastest plugin build against the fastest plain build differs by"
                f" {fastest:.1f} s, about what the hooks take; single builds of the same pages"
                " varied by several seconds.", ""]
    default = [r for r in results if "default" in r["build_runs"]]
    for r in default:
        run, engine = r["build_runs"]["default"][0], r["index"]["default"]["engine"]
        out += [f"At N={_n(r['n'])} the plugin's default `search: auto` picks {engine}: that"
                f" build took {run['wall']:.0f} s ({run['hooks'].get('on_post_build', 0):.0f} s"
                f" of it in the plugin's Pagefind indexing), peak memory {run['rss_mb']:.0f}"
                " MB.", ""]

    # (c)
    out += ["## (c) Peak memory", "",
            "| N | read+parse | check | generator alone | plain build | plugin build |"
            " plugin build, Pagefind (default) |", "|---|---|---|---|---|---|---|"]
    for r in results:
        default = r["build_runs"].get("default")
        out.append(f"| {_n(r['n'])} | {_median(r['runs']['limit'], 'rss_mb'):.0f} MB |"
                   f" {_median(r['runs']['check'], 'rss_mb'):.0f} MB |"
                   f" {_median(r['generator_runs']['now'], 'rss_mb'):.0f} MB |"
                   f" {_median(r['build_runs']['plain'], 'rss_mb'):.0f} MB |"
                   f" {_median(r['build_runs']['plugin'], 'rss_mb'):.0f} MB |"
                   + (f" {_median(default, 'rss_mb'):.0f} MB ({_median(default):.0f} s) |"
                      if default else " not measured |"))
    out += ["", "Peak memory is the largest resident set of the command or any process it"
            " waited for (Pagefind runs as a separate binary).", ""]

    # (d)
    out += ["## (d) Search index per page", "",
            "| N | site pages | plain MkDocs: index | per page | plugin: index | per page | ratio |"
            " plugin, Pagefind (default): index | per page | ratio |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        p, q = r["index"]["plain"], r["index"]["plugin"]
        d = r["index"].get("default")
        tail = (f" {d['bytes'] / 1e6:.1f} MB ({d['engine']}) | {d['per_page'] / 1024:.1f} KiB |"
                f" {d['per_page'] / p['per_page']:.2f} |" if d else
                " not measured | | |")
        out.append(f"| {_n(r['n'])} | {_n(q['pages'])} | {p['bytes'] / 1e6:.1f} MB |"
                   f" {p['per_page'] / 1024:.1f} KiB | {q['bytes'] / 1e6:.1f} MB |"
                   f" {q['per_page'] / 1024:.1f} KiB | {q['per_page'] / p['per_page']:.2f} |"
                   + tail)
    last = results[-1]["index"]["plugin"]
    total = sum(last["groups"].values())
    out += ["", f"Where Material's index comes from at N={_n(results[-1]['n'])} (plugin build):",
            "", "| pages | share of the index |", "|---|---|"]
    for group, size in sorted(last["groups"].items(), key=lambda i: -i[1]):
        out.append(f"| {group} | {size / total:.0%} |")
    out += ["", "With the same search engine the plugin's site has exactly the index plain"
            " MkDocs makes of the same pages. Most of it is the pitch pages: each carries one"
            " full talk track per persona, and Material indexes every `###` step of every tab."
            f" Pagefind's index (the default from {PAGEFIND_FROM_PAGES} pages) is a folder of"
            " fragments; a browser fetches only those a query needs.", ""]
    speed = Path(__file__).with_name("search.json")
    if speed.is_file():
        out += _search_speed(json.loads(speed.read_text(encoding="utf-8")))

    # Linearity
    out += ["## Linearity", "", "| measure | " + " | ".join(
        f"N={_n(r['n'])}" for r in results) + " | cost per extra card, early -> late |",
        "|---|" + "---|" * len(results) + "---|"]
    for label, points in _linear_series(results):
        slopes = _slope_ratio(points)
        unit = "MB" if "memory" in label else "s"
        cells = " | ".join(f"{v:.2f} {unit}" for _, v in points)
        tail = (f"{slopes[0] * 1000:.3g} -> {slopes[1] * 1000:.3g} {unit} per 1,000 cards"
                f" ({slopes[2]:.2f}x)" if slopes else "")
        out.append(f"| {label} | {cells} | {tail} |")
    out.append("")

    # Before/after
    if data.get("before"):
        out += [f"## Before and after (the generator package at commit `{data['before']}`,"
                " before this work, against the working tree)",
                "", "| N | check before | check now | speed-up | generator before |"
                " generator now | speed-up |", "|---|---|---|---|---|---|---|"]
        for r in results:
            cb, cn = _median(r["runs"]["check_before"]), _median(r["runs"]["check"])
            gb, gn = _median(r["generator_runs"]["before"]), _median(r["generator_runs"]["now"])
            out.append(f"| {_n(r['n'])} | {cb:.2f} s | {cn:.2f} s | {cb / cn:.1f}x |"
                       f" {gb:.2f} s | {gn:.2f} s | {gb / gn:.1f}x |")
        out.append("")
    return "\n".join(out)


def _search_speed(rows: list[dict]) -> list[str]:
    """bench/search_speed.py's measurements (bench/search.json), when they have been made."""
    def cell(row: dict, key: str, scale: float, unit: str) -> str:
        value = row.get(key)
        return f"{value / scale:.1f} {unit}" if isinstance(value, int | float) else "-"

    out = ["### Time to the first search result (bench/search_speed.py, `bench/search.json`)",
           "", "| cards | engine | build | first result | downloaded | note |",
           "|---|---|---|---|---|---|"]
    for row in rows:
        for engine in ("material", "pagefind"):
            if not any(key.startswith(engine) for key in row):
                continue
            out.append(f"| {_n(row['cards'])} | {engine} |"
                       f" {cell(row, f'{engine}_build_s', 1, 's')} |"
                       f" {cell(row, f'{engine}_first_result_ms', 1000, 's')} |"
                       f" {cell(row, f'{engine}_bytes', 1e6, 'MB')} |"
                       f" {row.get(f'{engine}_note', '')} |")
    out += ["", "Measured with `python -m bench.search_speed --sizes 100 1000 10000` (Chromium,"
            " empty cache, from navigation start to the first result for a word in one card;"
            " bytes as Python's http.server sends them, uncompressed).", ""]
    large = max(rows, key=lambda r: r["cards"])
    first, got = large.get("pagefind_first_result_ms"), large.get("pagefind_bytes")
    index = large.get("pagefind_index_s")
    build = large.get("pagefind_build_s")
    if None not in (first, got, index, build):
        pages = build - index
        out += ["| target at 10,000 cards (Pagefind) | measured | met |", "|---|---|---|",
                f"| first result within 1.5 s of opening the site | {first / 1000:.2f} s |"
                f" {_yes(first <= 1500)} |",
                f"| under 1.5 MB downloaded | {got / 1e6:.2f} MB | {_yes(got < 1.5e6)} |",
                f"| index build adds less than the page build | {index:.0f} s against"
                f" {pages:.0f} s | {_yes(index < pages)} |", ""]
    out += [f"The plugin's `search: auto` (the default) uses Pagefind from {PAGEFIND_FROM_PAGES}"
            " generated pages (about 50 cards) and Material's search below that: Pagefind"
            " answered first and downloaded less at every size measured, 100 cards included;"
            " below that Material's whole index is small and its search has no index step to"
            " run after the build. Material's search grows with the site: its one JSON index is"
            " downloaded whole and indexed in the browser before the first result.", ""]
    return out


def _hooks(result: dict, names: tuple[str, ...]) -> float:
    return statistics.median(sum(run["hooks"].get(n, 0.0) for n in names)
                             for run in result["build_runs"]["plugin"])


def _linear_series(results: list[dict]) -> list[tuple[str, list[tuple[int, float]]]]:
    """CPU time rather than wall time: other work on a shared machine stretches wall time,
    not the work done (CPU includes every process the command waited for)."""
    return [
        ("`check` CPU time", [(r["n"], _median(r["runs"]["check"], "cpu")) for r in results]),
        ("`check` peak memory", [(r["n"], _median(r["runs"]["check"], "rss_mb"))
                                 for r in results]),
        ("plugin build CPU time", [(r["n"], _median(r["build_runs"]["plugin"], "cpu"))
                                   for r in results]),
        ("plugin build peak memory", [(r["n"], _median(r["build_runs"]["plugin"], "rss_mb"))
                                      for r in results]),
        ("generator CPU time", [(r["n"], _median(r["generator_runs"]["now"], "cpu"))
                               for r in results]),
        ("time in the plugin's hooks", [(r["n"], _median(r["build_runs"]["plugin"], "plugin"))
                                        for r in results]),
    ]
