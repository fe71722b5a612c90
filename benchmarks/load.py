#!/usr/bin/env python
"""Load benchmark: the site under gunicorn with production settings, then behind nginx's cache.

    .venv/bin/python benchmarks/load.py           # full run, about 15 minutes
    .venv/bin/python benchmarks/load.py --quick   # smoke run, about 2 minutes

Everything happens on 127.0.0.1, in a temp dir removed at the end:

1. the site as production runs it (benchmarks/server.py): a throwaway database, loaded;
   collectstatic into the temp dir; gunicorn with 2 sync workers and DEBUG off;
2. each page's bytes are saved as a static file, its twin;
3. wrk, a second process, loads each page and its static twin from the same server (the
   physical-limit anchor): requests/s, p50 and p99 latency, errors, ratio;
4. the same through nginx (deploy/nginx.conf filled in for loopback) with proxy_cache,
   against nginx serving the same bytes as a static file;
5. answers nobody asked before (benchmarks.answers): distinct, valid calculator results of
   five regimes, wizard outcomes and checklist cases, against the same gunicorn and the
   calculator result's static twin, so every request is a cache miss, and the same
   calculations through the JSON API (/api/v1/aportes/); ``--profile`` adds an in-process
   cProfile of them, to show where the time goes;
6. a soak at 128 connections on a mix of the pages, on the answers nobody asked before, and
   through nginx: errors;
7. SQL queries per page with 1x, 10x and 100x the guides and providers (benchmarks.content).

It stops every process it started, on success, on error and on Ctrl-C.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.answers import mix as answers_mix  # noqa: E402
from benchmarks.server import (  # noqa: E402
    HOST,
    PYTHON,
    exit_with,
    free_port,
    get,
    production_site,
    run,
    start_gunicorn,
    start_nginx,
    wait_until_up,
)

TARGETS = {
    "app_ratio": 0.7,
    "p99_ms": 50.0,
    "edge_ratio": 0.8,
    # Issue 15: a result nobody asked before, at least 0.35x the static twin, and at most
    # three times slower than the same page answered from the page cache.
    "miss_ratio": 0.35,
    "miss_vs_hit": 3.0,
    # Issue 12: the JSON API answers a calculation at least as fast as its HTML page.
    "api_vs_page": 1.0,
}
CALCULATOR_PAGE, CALCULATOR_API = "/calculadora/resultado/", "/api/v1/aportes/"
# Pages the server's page cache does not keep (free-form answers, ADR 3).
NOT_KEPT = {"calculator result"}
# Distinct URLs drawn per family: more than a 10 s run at 32 connections asks for.
MISS_URLS = 20000


# --- wrk -----------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Client:
    """How wrk runs: its threads, and the CPU it is held to (None: any, shared with the
    server)."""

    threads: int = 2
    cpu: int | None = None

    def command(self) -> list[str]:
        pinned = ["taskset", "-c", str(self.cpu)] if self.cpu is not None else []
        return [*pinned, "wrk", f"-t{self.threads}"]

    def describe(self) -> str:
        return f"wrk -t{self.threads}" + (f" on CPU {self.cpu}" if self.cpu is not None else "")


SHARED = Client()


def wrk(
    url: str, *, connections: int, seconds: int, script: Path | None = None, client=SHARED
) -> dict:
    args = [*client.command(), f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "2s"]
    if script:
        args += ["-s", str(script)]
    done = subprocess.run(
        [*args, url], capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    out = done.stdout

    def latency(percentile):
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        return float(match.group(1)) * UNITS[match.group(2)]

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def measure(
    static_url: str, app_url: str, args, client, script: Path | None = None
) -> tuple[dict, dict, list[float]]:
    """The static twin and the page, alternately, ``args.runs`` times. Returns the median run
    of each (by requests/s, errors summed) and the runs' ratios, whose median is the figure:
    load from other processes on the machine then weighs on both sides alike."""
    runs = []
    for _ in range(args.runs):
        load = {"connections": args.connections, "seconds": args.seconds, "client": client}
        runs.append((wrk(static_url, **load), wrk(app_url, script=script, **load)))

    def median_of(results):
        median = sorted(results, key=lambda r: r["rps"])[len(results) // 2]
        return {**median, "errors": sum(r["errors"] for r in results)}

    return (
        median_of([static for static, _ in runs]),
        median_of([app for _, app in runs]),
        [app["rps"] / static["rps"] for static, app in runs],
    )


def bench_tier(name, base, twins, pages, args, client=SHARED) -> list:
    """Each page and its static twin, alternately, after a warm-up that fills the caches."""
    print(
        f"\n{name}: {client.describe()} -c{args.connections} -d{args.seconds}s, "
        f"{args.runs} runs each"
    )
    print(f"  load average before: {Path('/proc/loadavg').read_text().split()[:3]}")
    rows = []
    for page, path in pages.items():
        for url in (base + twins[page], base + path):
            wrk(url, connections=args.connections, seconds=1, client=client)  # warm-up
        status, headers, _ = get(base + path)
        cache = headers.get("X-Cache-Status", "-")
        static, dynamic, ratios = measure(base + twins[page], base + path, args, client)
        rows.append(
            {
                "page": page,
                "path": path,
                "status": status,
                "cache": cache,
                "static": static,
                "app": dynamic,
                "ratio": statistics.median(ratios),
                "ratios": ratios,
            }
        )
        print(f"  {page}: {dynamic['rps']:.0f} req/s vs {static['rps']:.0f} static ({cache})")
    return rows


def print_table(title: str, rows: list, sizes: dict[str, int], target: float) -> None:
    print(f"\n### {title}\n")
    print(
        "| page | bytes | req/s | p50 ms | p99 ms | errors | static twin req/s | ratio* "
        "| runs' ratios |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        app, static = row["app"], row["static"]
        ok = "" if row["ratio"] >= target else " (below)"
        print(
            f"| {row['page']} | {sizes[row['page']]:,} | {app['rps']:,.0f} | {app['p50']:.1f} "
            f"| {app['p99']:.1f} | {app['errors']} | {static['rps']:,.0f} "
            f"| {row['ratio']:.2f}{ok} | {min(row['ratios']):.2f}–{max(row['ratios']):.2f} |"
        )
    anchor = statistics.median(row["static"]["rps"] for row in rows)
    p50 = statistics.median(row["static"]["p50"] for row in rows)
    p99 = max(row["static"]["p99"] for row in rows)
    print(f"| static twins (median) | | {anchor:,.0f} | {p50:.1f} | {p99:.1f} (max) | | | 1.00 | |")
    print("\n*ratio: median of the runs' page/twin ratios; req/s and latencies: median runs.")


# --- setup ---------------------------------------------------------------------------------


def pinning_cpus(args) -> tuple[int, int] | None:
    """Two CPUs this process may use, one for the server and one for wrk, or None."""
    cpus = sorted(os.sched_getaffinity(0))
    if args.no_pin or len(cpus) < 2 or not shutil.which("taskset"):
        return None
    return cpus[0], cpus[1]


def list_script(tmp: Path, name: str, paths: list[str]) -> Path:
    """A wrk script that asks for ``paths`` in turn, each thread from its own starting point
    (so two threads do not ask for the same URL at once). The paths are read from a file:
    tens of thousands of them would overflow a Lua function's constants."""
    listing = tmp / f"{name}.txt"
    listing.write_text("\n".join(paths) + "\n")
    script = tmp / f"{name}.lua"
    script.write_text(
        "local paths = {}\n"
        f"for line in io.lines({json.dumps(str(listing))}) do paths[#paths + 1] = line end\n"
        "local threads = 0\n"
        "function setup(thread) thread:set('offset', threads); threads = threads + 1 end\n"
        "local i = 0\n"
        "function init(args) i = (offset or 0) * 7919 % #paths end\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return script


def bench_misses(app, twin, families, args, extra) -> list:
    """Each family of answers nobody asked before against the calculator result's static
    twin, in the same gunicorn, then the three in turn; then the ``extra`` families (the
    API's twin of the calculator family), which are not part of the mix."""
    print(
        f"\nanswers nobody asked before: wrk -c{args.connections} -d{args.seconds}s, "
        f"{args.runs} runs each"
    )
    print(f"  load average before: {Path('/proc/loadavg').read_text().split()[:3]}")
    rows = []
    for family, paths in {**families, "mix": answers_mix(families), **extra}.items():
        script = list_script(args.tmp, f"miss-{family}", paths)
        wrk(app + paths[0], connections=args.connections, seconds=1, script=script)  # warm-up
        static, dynamic, ratios = measure(app + twin, app + paths[0], args, SHARED, script)
        rows.append(
            {
                "page": family,
                "static": static,
                "app": dynamic,
                "ratio": statistics.median(ratios),
                "ratios": ratios,
            }
        )
        print(f"  {family}: {dynamic['rps']:.0f} req/s vs {static['rps']:.0f} static")
    return rows


def soak_run(base: str, script: Path, args, client=SHARED) -> dict:
    return wrk(
        base + "/",
        connections=args.soak_connections,
        seconds=args.soak_seconds,
        script=script,
        client=client,
    )


def mean_size(app: str, paths: list[str]) -> int:
    bodies = [get(app + path)[2] for path in paths[:20]]
    return sum(map(len, bodies)) // len(bodies)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short runs: a smoke test")
    parser.add_argument("--seconds", type=int, help="seconds per wrk run (10; quick 2)")
    parser.add_argument("--runs", type=int, help="runs per measurement, median (3; quick 1)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--soak-seconds", type=int, help="the soak at 128 (60; quick 5)")
    parser.add_argument("--soak-connections", type=int, default=128)
    parser.add_argument("--no-nginx", action="store_true", help="skip the edge tier")
    parser.add_argument(
        "--no-pin", action="store_true", help="edge tier: let nginx and wrk share every CPU"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs)")
    parser.add_argument(
        "--profile", action="store_true", help="print where answers nobody asked before spend time"
    )
    args = parser.parse_args()
    args.seconds = args.seconds or (2 if args.quick else 10)
    args.runs = args.runs or (1 if args.quick else 3)
    args.soak_seconds = args.soak_seconds or (5 if args.quick else 60)
    for tool in ["wrk"] + ([] if args.no_nginx else ["nginx"]):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: apt-get install -y {tool}")

    with production_site("tramitit-bench-", keep=args.keep) as site:
        processes, tmp, env = site.processes, site.tmp, site.env
        static_root = Path(env["BENCH_STATIC_ROOT"])
        pages = json.loads(run([PYTHON, "-m", "benchmarks.content", "pages"], env))

        app_port = free_port()
        app = f"http://{HOST}:{app_port}"
        server = start_gunicorn(processes, env, tmp, app_port)
        wait_until_up(app + "/healthz", server)

        # Each page's exact bytes, as a static file: whitenoise serves only the files it
        # found at start-up, so gunicorn restarts once they are written.
        twins, sizes = {}, {}
        (static_root / "bench").mkdir()
        for page, path in pages.items():
            status, _, body = get(app + path)
            if status != 200:
                raise SystemExit(f"{path}: status {status}")
            name = re.sub(r"\W+", "-", page)
            (static_root / "bench" / f"{name}.html").write_bytes(body)
            twins[page], sizes[page] = f"/static/bench/{name}.html", len(body)
        processes.stop(server)
        server = start_gunicorn(processes, env, tmp, app_port)
        wait_until_up(app + twins["home"], server)

        # A calculator result is not kept by the server's page cache (ADR 3): it is measured
        # with the answers nobody asked before, and through nginx, which keeps it.
        kept = {page: path for page, path in pages.items() if page not in NOT_KEPT}
        results = {"gunicorn": bench_tier("gunicorn", app, twins, kept, args)}
        mix = list_script(tmp, "mix", list(pages.values()))
        print(f"\nsoak: {args.soak_connections} connections, {args.soak_seconds} s, mixed pages")
        soak = {"gunicorn": soak_run(app, mix, args)}

        if not args.no_nginx:
            edge_port = free_port()
            edge = f"http://{HOST}:{edge_port}"
            # Pinned: one nginx worker on one CPU, wrk on the other. At tens of thousands of
            # requests a second, two nginx workers and two wrk threads scheduled over two
            # CPUs measure the scheduler more than nginx (ratios from 0.6 to 0.9 between runs).
            cpus = pinning_cpus(args)
            proxy = start_nginx(processes, tmp, edge_port, app_port, cpu=cpus[0] if cpus else None)
            wait_until_up(edge + "/healthz", proxy)
            client = Client(threads=1, cpu=cpus[1]) if cpus else SHARED
            results["nginx"] = bench_tier("nginx proxy_cache", edge, twins, pages, args, client)
            soak["nginx"] = soak_run(edge, mix, args, client)
            processes.stop(proxy)
        processes.stop(server)

        # Answers nobody asked before, on a gunicorn whose page cache keeps nothing: the
        # calculator and wizard pages are never kept anyway (ADR 3), but the checklist cases
        # are finite and would turn into hits within a run.
        args.tmp = tmp
        families = json.loads(
            run([PYTHON, "-m", "benchmarks.answers", "urls", str(MISS_URLS)], env)
        )
        server = start_gunicorn(processes, {**env, "PAGE_CACHE_SECONDS": "0"}, tmp, app_port)
        wait_until_up(app + twins["home"], server)
        # The same calculations through the JSON API: same inputs, same form, same rules.
        api = {"api calculator": [p.replace(CALCULATOR_PAGE, CALCULATOR_API) for p in
                                  families["calculator"]]}  # fmt: skip
        for family, paths in {**families, **api}.items():
            if get(app + paths[0])[0] != 200:
                raise SystemExit(f"{paths[0]}: not 200")
            sizes[family] = mean_size(app, paths)
        sizes["mix"] = round(statistics.mean(sizes[f] for f in families))
        results["misses"] = bench_misses(app, twins["calculator result"], families, args, api)
        misses = list_script(tmp, "misses", answers_mix(families))
        soak["gunicorn, answers nobody asked before"] = soak_run(app, misses, args)
        processes.stop(server)

        print("\nqueries: seeding 1x, 10x, 100x the guides and providers")
        counted = json.loads(
            run([PYTHON, "-m", "benchmarks.content", "queries", "1", "10", "100"], env)
        )

        profile = (
            run([PYTHON, "-m", "benchmarks.answers", "profile", "600"], env) if args.profile else ""
        )
        report(results, soak, counted, sizes, args)
        if profile:
            print("\n### Where answers nobody asked before spend their time (cProfile)\n")
            print(profile)
        return 0


def report(results, soak, counted, sizes, args) -> None:
    print("\n## Results")
    print_table(
        "gunicorn, 2 sync workers (page cache in each worker's memory)",
        results["gunicorn"],
        sizes,
        TARGETS["app_ratio"],
    )
    print_table(
        "answers nobody asked before: gunicorn with its page cache off (every request a "
        "miss), against the calculator result's static twin in the same gunicorn",
        results["misses"],
        sizes,
        TARGETS["miss_ratio"],
    )
    if "nginx" in results:
        print_table(
            "nginx proxy_cache in front of the same gunicorn",
            results["nginx"],
            sizes,
            TARGETS["edge_ratio"],
        )

    print(f"\n### Soak: {args.soak_connections} connections, {args.soak_seconds} s\n")
    print("| tier | requests | req/s | p99 ms | errors |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for tier, result in soak.items():
        print(
            f"| {tier} | {result['requests']:,} | {result['rps']:,.0f} | {result['p99']:.1f} "
            f"| {result['errors']} |"
        )

    factors = list(counted["queries"])
    print("\n### SQL queries per page\n")
    content = ", ".join(
        f"{f}x = {c['guides']} guides, {c['providers']} providers"
        for f, c in counted["content"].items()
    )
    print(content + "\n")
    print("| page | " + " | ".join(f"{f}x" for f in factors) + " |")
    print("| --- | " + " | ".join("---:" for _ in factors) + " |")
    constant = True
    for page in counted["pages"]:
        counts = [counted["queries"][f][page] for f in factors]
        constant &= len(set(counts)) == 1
        print(f"| {page} | " + " | ".join(map(str, counts)) + " |")

    app_pages = [r for r in results["gunicorn"] if r["page"] != "home"]
    checks = [
        (
            f"app pages >= {TARGETS['app_ratio']}x gunicorn's static twin",
            all(r["ratio"] >= TARGETS["app_ratio"] for r in app_pages),
        ),
        (
            f"p99 < {TARGETS['p99_ms']:.0f} ms at {args.connections} connections (gunicorn)",
            all(r["app"]["p99"] < TARGETS["p99_ms"] for r in results["gunicorn"]),
        ),
        (
            f"zero errors at {args.soak_connections} connections",
            all(r["errors"] == 0 for r in soak.values()),
        ),
        ("queries constant at 1x, 10x, 100x", constant),
        (
            f"answers nobody asked before >= {TARGETS['miss_ratio']}x the static twin",
            all(r["ratio"] >= TARGETS["miss_ratio"] for r in results["misses"]),
        ),
        (
            f"p99 < {TARGETS['p99_ms']:.0f} ms at {args.connections} connections "
            "(answers nobody asked before)",
            all(r["app"]["p99"] < TARGETS["p99_ms"] for r in results["misses"]),
        ),
    ]
    page = next(r for r in results["misses"] if r["page"] == "calculator")
    api = next(r for r in results["misses"] if r["page"] == "api calculator")
    api_factor = api["app"]["rps"] / page["app"]["rps"]
    print(
        f"\nThe JSON API's calculation: {api['app']['rps']:,.0f} req/s, against "
        f"{page['app']['rps']:,.0f} for the HTML result page: {api_factor:.2f}x "
        f"(target: at least {TARGETS['api_vs_page']:.1f}x)."
    )
    checks.append(
        (
            f"API calculation >= {TARGETS['api_vs_page']:.1f}x its HTML page",
            api_factor >= TARGETS["api_vs_page"],
        )
    )
    # "As fast as a cached page is today": the median of the pages the page cache answered.
    hit = statistics.median(r["app"]["rps"] for r in results["gunicorn"])
    miss = next(r for r in results["misses"] if r["page"] == "calculator")
    factor = hit / miss["app"]["rps"]
    print(
        f"\nA person's own calculation: {miss['app']['rps']:,.0f} req/s, against "
        f"{hit:,.0f} for a page answered from the page cache (median): "
        f"{factor:.2f}x slower (target: at most {TARGETS['miss_vs_hit']:.0f}x)."
    )
    checks.append(
        (
            f"own calculation within {TARGETS['miss_vs_hit']:.0f}x of a cached page",
            factor <= TARGETS["miss_vs_hit"],
        )
    )
    if "nginx" in results:
        checks.append(
            (
                f"pages through the cache >= {TARGETS['edge_ratio']}x nginx static",
                all(r["ratio"] >= TARGETS["edge_ratio"] for r in results["nginx"]),
            )
        )
    print("\n### Targets\n")
    for label, ok in checks:
        print(f"- {'met' if ok else 'NOT met'}: {label}")


if __name__ == "__main__":
    exit_with(main)
