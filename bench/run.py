"""Pitchcraft's benchmark: RESULTS.md from the committed JSON, or measured again first.

    python bench/run.py                  # RESULTS.md again from the JSON (seconds)
    python bench/run.py --check          # only say whether RESULTS.md is up to date
    python bench/run.py --measure --sizes 100 1000 10000 --repeat 3 --before HEAD

(`python -m bench.run` is the same.) RESULTS.md is made whole by bench/results_md.py: tables
from the JSON files the bench scripts write, prose from bench/notes/. The other scripts
measure one thing each into their own JSON file (`python -m bench.NAME --help`); this one,
with `--measure`, measures `check` and the builds into bench/results.json:

For each size N it writes a synthetic content set (bench/corpus.py) and measures, each in a
fresh process:

(a) `pitchcraft check` against bench/limit.py, which only reads the same files and parses
    their YAML front matter with PyYAML's C loader;
(b) `mkdocs build` of the project with the plugin against a plain `mkdocs build` of the same
    pages already written as Markdown files (bench/plain.py), and the generator's work
    alone (load, compose and render every page) in a process of its own;
(c) peak memory (maximum resident set size) of each command;
(d) the size of the search index per page, with the plugin and without.

The compared builds both use Material's search (`PITCHCRAFT_SEARCH=material`), so they do the
same work but for the generator. From --large-from on, the plugin project is also built once
with its default `search: auto`, which there switches to Pagefind; its index is compared with
plain MkDocs' too.

Times are medians of the repetitions; every command is run `--repeat` times, except the
MkDocs builds and the generator at N >= --large-from, which run `--large-repeat` times.
Runs alternate their order so a slower machine minute does not always hit the same side.
`--before REF` also measures `check` and the generator with the code of git REF, for the
before/after table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.metadata
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

if __name__ == "__main__" and not __package__:  # `python bench/run.py`: run as `-m bench.run`
    os.execve(sys.executable, [sys.executable, "-m", "bench.run", *sys.argv[1:]],
              {**os.environ, "PYTHONPATH": os.pathsep.join(
                  [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])})

from bench import corpus, plain, results_md  # noqa: E402 - after the line above

EPOCH = int(dt.datetime(2026, 11, 24, tzinfo=dt.UTC).timestamp())
"""SOURCE_DATE_EPOCH for every build: byte-identical sites, and the plugin's 'today'."""

WRAPPER = r"""
import json, resource, subprocess, sys, time
cmd, keep = json.loads(sys.argv[1]), sys.argv[2] == "keep"
start = time.perf_counter()
done = subprocess.run(cmd, stdout=subprocess.PIPE if keep else subprocess.DEVNULL,
                      stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": use.ru_utime + use.ru_stime, "rss_mb": use.ru_maxrss
                  / 1024, "rc": done.returncode, "stderr": done.stderr[-3000:],
                  "out": done.stdout if keep else ""}))
"""
"""Runs one command as the only child of a fresh process, so the children's resource usage
is exactly that command's: CPU time and peak memory (ru_maxrss, KiB on Linux)."""


def measure(cmd: list[str], env: dict[str, str], keep: bool = False) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(cmd),
                          "keep" if keep else "drop"],
                         env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result['rc']}):\n{result['stderr']}")
    return result


def generator_alone(project: Path, env: dict[str, str]) -> dict:
    """The generator's own time, measured inside its process, plus that process's peak."""
    result = measure([sys.executable, "-m", "bench.plain", "generate",
                      str(project / "content")], env, keep=True)
    inner = json.loads(result["out"])
    return {"wall": inner["wall"], "cpu": inner["cpu"], "rss_mb": result["rss_mb"]}


def timed_build(project: Path, site: Path, env: dict[str, str]) -> dict:
    """`mkdocs build` of `project` (bench/timed_build.py), with the plugin's hook times."""
    result = measure([sys.executable, "-m", "bench.timed_build",
                      str(project / "mkdocs.yml"), str(site)], env, keep=True)
    inner = json.loads(result["out"].strip().splitlines()[-1])
    return {**result, "out": "", "plugin": inner["plugin"], "hooks": inner["hooks"]}


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def search_index(site: Path) -> dict:
    """Bytes of the search index the site ships, per HTML page of the site.

    Material's search is one JSON file; Pagefind's index is the `pagefind/` folder of
    fragments (of which a browser fetches only what a query needs).
    """
    pages = sum(1 for p in site.rglob("*.html") if p.name != "404.html")
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        size = sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())
        return {"engine": "pagefind", "bytes": size, "pages": pages, "per_page": size / pages,
                "entries": 0, "groups": {}}
    raw = (site / "search" / "search_index.json").read_bytes()
    docs = json.loads(raw)["docs"]
    groups: dict[str, int] = {}
    for d in docs:
        page = d["location"].split("#")[0]
        group = page.split("/")[0] if "/" in page.strip("/") else (page.strip("/") or "home")
        groups[group] = groups.get(group, 0) + len(json.dumps(d, ensure_ascii=False).encode())
    return {"engine": "material", "bytes": len(raw), "entries": len(docs), "pages": pages,
            "per_page": len(raw) / pages, "groups": groups}


def same_site(a: Path, b: Path) -> tuple[bool, str]:
    """The two builds serve the same pages: the same HTML files, equal once the plugin's
    sanitiser's re-serialisation (`¶` for `&para;`, `hidden=""`, `<input>` for `<input />`)
    is undone."""
    def pages(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
                for p in root.rglob("*.html")}

    def normal(page: str) -> str:
        return re.sub(r'=""|\s*/(?=>)', "", html.unescape(page))

    pa, pb = pages(a), pages(b)
    if pa.keys() != pb.keys():
        return False, f"{len(pa)} vs {len(pb)} HTML files"
    raw = sum(pa[k] == pb[k] for k in pa)
    differ = [k for k in pa if pa[k] != pb[k] and normal(pa[k]) != normal(pb[k])]
    if differ:
        return False, f"{len(differ)} of {len(pa)} HTML files differ, e.g. {differ[:2]}"
    return True, (f"same {len(pa)} HTML files ({raw} byte-identical, the rest equal up to"
                  " the sanitiser's re-serialisation)")


def run_size(n: int, args: argparse.Namespace, work: Path, env: dict[str, str],
             before_env: dict[str, str] | None) -> dict:
    root = work / f"n{n}"
    started = time.perf_counter()
    content = corpus.make_corpus(n, root / "content", args.seed)
    plugin_project, plain_project = root / "plugin", root / "plain"
    plain.write_project(REPO, content, plugin_project, plugin=True)
    pages = plain.write_project(REPO, content, plain_project, plugin=False)
    setup = time.perf_counter() - started
    large = n >= args.large_from
    builds = args.large_repeat if large else args.repeat
    pitchcraft = str(Path(sys.executable).parent / "pitchcraft")
    check_cmd = [pitchcraft, "check", str(content)]
    limit_cmd = [sys.executable, "-m", "bench.limit", str(content)]
    result: dict = {"n": n, "pages": pages, "setup_s": setup, "builds": builds,
                    "repeat": args.repeat, "content_bytes": sum(
                        p.stat().st_size for p in content.rglob("*") if p.is_file()),
                    "sizes": vars(corpus.sizes(n))}
    log(f"N={n}: content and projects ready in {setup:.1f} s ({pages} pages)")

    if args.warm_up:
        # One unrecorded run of each command: compiled bytecode, the disk cache.
        args.warm_up = False
        for cmd in (limit_cmd, check_cmd):
            measure(cmd, env)
        for project, site in ((plugin_project, root / "plugin-site"),
                              (plain_project, root / "plain-site")):
            timed_build(project, site, env)

    runs: dict[str, list[dict]] = {"check": [], "limit": [], "check_before": []}
    for rep in range(args.repeat):
        order = [("limit", limit_cmd, env), ("check", check_cmd, env)]
        if before_env is not None:
            order.append(("check_before", check_cmd, before_env))
        for name, cmd, environment in order if rep % 2 == 0 else reversed(order):
            runs[name].append(measure(cmd, environment))
    log(f"N={n}: check {median(runs['check'], 'wall'):.2f} s,"
        f" limit {median(runs['limit'], 'wall'):.2f} s")

    result["stages"] = json.loads(measure(
        [sys.executable, "-m", "bench.stages", str(content)], env, keep=True)["out"])

    sites = {"plugin": root / "plugin-site", "plain": root / "plain-site"}
    build_runs: dict[str, list[dict]] = {"plugin": [], "plain": []}
    generator_runs: dict[str, list[dict]] = {"now": [], "before": []}
    for rep in range(builds):
        order = ["plugin", "plain"] if rep % 2 == 0 else ["plain", "plugin"]
        for name in order:
            project = plugin_project if name == "plugin" else plain_project
            build_runs[name].append(timed_build(project, sites[name], env))
            log(f"N={n}: {name} build {build_runs[name][-1]['wall']:.1f} s")
        generator_runs["now"].append(generator_alone(plugin_project, env))
        if before_env is not None:
            generator_runs["before"].append(generator_alone(plugin_project, before_env))
    identical, how = same_site(sites["plugin"], sites["plain"])
    if large:
        # What a user gets by default: `search: auto` switches large sites to Pagefind.
        sites["default"] = root / "default-site"
        default_env = {k: v for k, v in env.items() if k != "PITCHCRAFT_SEARCH"}
        build_runs["default"] = [timed_build(plugin_project, sites["default"], default_env)]
        log(f"N={n}: plugin build with default search {build_runs['default'][-1]['wall']:.1f} s")
    result.update(
        runs=runs, build_runs=build_runs, generator_runs=generator_runs,
        same_site=identical, same_site_detail=how,
        index={name: search_index(site) for name, site in sites.items()},
        site_bytes={name: sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
                    for name, site in sites.items()},
    )
    if not args.keep:
        shutil.rmtree(root)
    return result


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory = next((line.split(":", 1)[1].strip() for line in
                   Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "?")
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(), "cpu": cpu, "memory": memory,
        "python": platform.python_version(), "platform": platform.platform(),
        "versions": {name: importlib.metadata.version(name) for name in
                     ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pyyaml",
                      "fastjsonschema", "jsonschema", "jinja2")},
        "cyaml": _has_cyaml(), "loadavg": os.getloadavg(),
    }


def _has_cyaml() -> bool:
    import yaml

    return hasattr(yaml, "CSafeLoader")


def before_tree(ref: str, work: Path) -> Path:
    """The generator package and its templates as they were at git `ref`, for the
    before/after comparison."""
    target = work / "before"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "generator", "theme"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    # An installed Pitchcraft finds its theme as `pitchcraft.theme`, which an editable install
    # maps to the working tree's theme/ ahead of PYTHONPATH: that mapping is dropped, so the
    # code of `ref` renders with the templates of `ref`.
    shutil.move(target / "theme", target / "generator" / "pitchcraft" / "theme")
    (target / "generator" / "sitecustomize.py").write_text(
        "import sys\n"
        "sys.meta_path[:] = [f for f in sys.meta_path\n"
        "                    if not getattr(f, '__module__', '').startswith('__editable__')]\n")
    return target / "generator"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true",
                        help="measure `check` and the builds into results.json first (an hour"
                        " or more at 10,000 cards); without it, only render RESULTS.md")
    parser.add_argument("--check", action="store_true",
                        help="render nothing; exit 1 if RESULTS.md differs from the JSON")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large-repeat", type=int, default=1,
                        help="repetitions of builds and generator at N >= --large-from")
    parser.add_argument("--large-from", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before", metavar="REF", help="also measure the code of git REF")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    text = results_md.render(BENCH)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: " + ("up to date" if same else "out of date: python bench/run.py"))
        raise SystemExit(0 if same else 1)
    if args.measure:
        measure_all(args)
        text = results_md.render(BENCH)
    args.out.write_text(text, encoding="utf-8")
    log(f"wrote {args.out}")


def measure_all(args: argparse.Namespace) -> None:
    """`check` and the builds at every size, into bench/results.json."""
    args.warm_up = True
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(EPOCH),
           "PITCHCRAFT_SEARCH": "material", "PYTHONPATH": os.pathsep.join(
               [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
    facts = machine()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="pitchcraft-bench-"))
    try:
        before_env = None
        if args.before:
            old = before_tree(args.before, work)
            before_env = {**env, "PITCHCRAFT_BENCH_TEMPLATES": str(old.parent / "theme/templates"),
                          "PYTHONPATH": os.pathsep.join([str(old), env["PYTHONPATH"]])}
        results = [run_size(n, args, work, env, before_env) for n in sorted(args.sizes)]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    facts["loadavg_end"] = os.getloadavg()
    facts["total_s"] = time.perf_counter() - started
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    data = {"command": command, "machine": facts, "results": results,
            "before": args.before and subprocess.run(
                ["git", "-C", str(REPO), "rev-parse", "--short", args.before],
                capture_output=True, text=True, check=True).stdout.strip()}
    (BENCH / "results.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
