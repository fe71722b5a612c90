#!/usr/bin/env python
"""Lighthouse on every main page type, with the site as production runs it.

    .venv/bin/python benchmarks/lighthouse.py                 # every page, about 15 minutes
    .venv/bin/python benchmarks/lighthouse.py home "guide"    # only these pages, by name
    .venv/bin/python benchmarks/lighthouse.py --list          # the page names

The site starts as production runs it, the way benchmarks/load.py starts it
(benchmarks/server.py, on 127.0.0.1, in a temp dir removed at the end): a throwaway
database, loaded; collectstatic; gunicorn with 2 sync workers, DEBUG off and minified HTML,
behind nginx with deploy/nginx.conf (gzip, the page cache, static files).

Lighthouse runs each page in Chromium (CHROME_PATH, else /usr/bin/chromium) with its
default mobile form factor and throttling. It is benchmarks/package.json's, installed with
`npm ci --prefix benchmarks` when missing: 12.8.2, the last line that runs on Debian's
Node.js 20 (13.x wants 22.19); the overrides pin two dependencies that Lighthouse's trace
engine asks for as "latest", which `npm ci` refuses.

Prints a markdown table of the four scores, then each score under 100 with its failing
audits, and exits 1 when a score is under 100 for a reason not listed in EXPECTED.
Run by hand, not by CI: the performance score moves with the machine's load.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.content import CALCULATOR, CHECKLIST, WIZARD  # noqa: E402
from benchmarks.server import (  # noqa: E402
    HOST,
    PYTHON,
    ROOT,
    exit_with,
    free_port,
    get,
    production_site,
    run,
    start_gunicorn,
    start_nginx,
    wait_until_up,
)

HERE = ROOT / "benchmarks"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync --no-first-run"
)
GUIDE = "{guide}"  # filled with benchmarks.content's measured guide once the content is loaded

# (name, path, status): one page of each type.
PAGES = [
    ("home", "/", 200),
    ("plans list", "/seguros/", 200),
    *[(f"plan {slug}", f"/seguros/{slug}/", 200)
      for slug in ("regular", "potestativo", "sctr", "agrario", "vida")],
    ("checklist builder", "/seguros/regular/requisitos/", 200),
    ("checklist result", CHECKLIST, 200),
    ("calculator start", "/calculadora/", 200),
    ("calculator form", "/calculadora/?regimen=regular", 200),
    ("calculator result", CALCULATOR, 200),
    ("waiting-period form", "/calculadora/carencia/?plan=regular", 200),
    ("waiting-period result",
     "/calculadora/carencia/resultado/?plan=regular&atencion=2025-06&tipo=accidente", 200),
    ("latency form", "/calculadora/latencia/", 200),
    ("latency result", "/calculadora/latencia/resultado/?aportes=12", 200),
    ("wizard start", "/que-seguro-me-corresponde/", 200),
    ("wizard question", "/que-seguro-me-corresponde/situacion/", 200),
    ("wizard review", WIZARD.replace("/resultado/", "/revisar/"), 200),
    ("wizard outcome", WIZARD, 200),
    ("guides list", "/guias/", 200),
    ("guides search", "/guias/?q=essalud", 200),
    ("guide", GUIDE, 200),
    ("suggest a provider", GUIDE + "sugerir-proveedor/", 200),
    ("figures", "/cifras/", 200),
    ("figure rmv", "/cifras/rmv/", 200),
    ("figure potestativo premiums", "/cifras/potestativo_premiums/", 200),
    ("api docs", "/api/v1/docs/", 200),
    ("not found", "/no-existe/", 404),
    # The English edition (issue 11): its home, a plan, a calculator result and a checklist.
    ("en home", "/en/", 200),
    ("en plan potestativo", "/en/seguros/potestativo/", 200),
    ("en plan regular", "/en/seguros/regular/", 200),
    ("en calculator result", "/en" + CALCULATOR, 200),
    ("en checklist result", "/en" + CHECKLIST, 200),
    ("en wizard outcome", "/en" + WIZARD, 200),
    ("en figures", "/en/cifras/", 200),
]  # fmt: skip

# Audits that fail by design, by page: a 404 page answers 404 (SEO's http-status-code, and
# the browser logs the failed document load to the console) and is noindex (ADR 4).
# Anything else under 100 fails the run.
EXPECTED = {"not found": {"http-status-code", "is-crawlable", "errors-in-console"}}


def install_lighthouse() -> None:
    wanted = json.loads((HERE / "package.json").read_text())["dependencies"]["lighthouse"]
    if LIGHTHOUSE.exists():
        done = subprocess.run([LIGHTHOUSE, "--version"], capture_output=True, text=True)
        if done.stdout.strip() == wanted:
            return
    if not shutil.which("npm"):
        raise SystemExit("npm is missing: install Node.js (20 or later) and npm")
    print(f"installing lighthouse {wanted} into {LIGHTHOUSE.parent.parent}")
    subprocess.run(["npm", "ci", "--prefix", str(HERE), "--no-audit", "--no-fund"], check=True)


def lighthouse(url: str, out: Path, chrome: str, *, error_page: bool, attempts: int = 3) -> dict:
    """One Lighthouse run; its report (JSON and HTML) is written next to ``out``.

    Lighthouse refuses to audit a 4xx page unless told to; and Chromium now and then loses
    the trace of a load (NO_NAVSTART, "please run Lighthouse again"), so a failed run is
    tried again."""
    args = [
        LIGHTHOUSE,
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        "--output=html",
        f"--output-path={out}",
        "--quiet",
        *(["--ignore-status-code"] if error_page else []),
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    report = out.with_name(out.name + ".report.json")
    for _ in range(attempts):
        report.unlink(missing_ok=True)
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        if not done.returncode and report.exists():
            lhr = json.loads(report.read_text())
            if not lhr.get("runtimeError"):
                return lhr
    raise SystemExit(f"lighthouse failed {attempts} times on {url}:\n{done.stdout}\n{done.stderr}")


def scores(lhr: dict) -> dict[str, int | None]:
    return {
        key: None if lhr["categories"][key]["score"] is None
        else round(lhr["categories"][key]["score"] * 100)
        for key in CATEGORIES
    }  # fmt: skip


def failing_audits(lhr: dict, category: str) -> list[dict]:
    """The category's scored audits that did not pass, heaviest first."""
    found = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if audit["scoreDisplayMode"] in ("manual", "notApplicable", "informative"):
            continue
        if audit["score"] is not None and audit["score"] < 1 and ref.get("weight", 0) > 0:
            found.append({**audit, "weight": ref["weight"]})
    return sorted(found, key=lambda a: -a["weight"])


def measure(name: str, url: str, status: int, runs: int, tmp: Path, chrome: str) -> dict:
    """``runs`` Lighthouse runs of a page; the one with the median performance score."""
    reports = []
    for number in range(runs):
        out = tmp / "reports" / f"{name.replace(' ', '-')}-{number + 1}"
        reports.append(lighthouse(url, out, chrome, error_page=status >= 400))
    reports.sort(key=lambda lhr: lhr["categories"]["performance"]["score"] or 0)
    lhr = reports[len(reports) // 2]
    performance = [scores(r)["performance"] for r in reports]
    return {"lhr": lhr, "scores": scores(lhr), "performance runs": performance}


def is_expected(name: str, audit: dict, lhr: dict) -> bool:
    if audit["id"] not in EXPECTED.get(name, ()):
        return False
    if audit["id"] == "errors-in-console":  # only the document's own status, nothing else
        url = lhr["finalDisplayedUrl"]
        items = audit["details"]["items"]
        return all(item.get("sourceLocation", {}).get("url") == url for item in items)
    return True


def report(results: dict[str, dict], paths: dict[str, str]) -> bool:
    """Prints the tables; True when every score is 100 or fails only as EXPECTED says."""
    print("\n## Lighthouse, mobile\n")
    print("| page | URL | performance | accessibility | best practices | SEO |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, result in results.items():
        cells = " | ".join(str(result["scores"][key]) for key in CATEGORIES)
        print(f"| {name} | `{paths[name]}` | {cells} |")

    ok, details, warnings = True, [], []
    for name, result in results.items():
        for key in CATEGORIES:
            if result["scores"][key] == 100:
                continue
            audits = failing_audits(result["lhr"], key)
            unexpected = not audits or not all(is_expected(name, a, result["lhr"]) for a in audits)
            ok &= not unexpected
            note = "" if unexpected else " (expected)"
            runs = result["performance runs"]
            if key == "performance" and len(runs) > 1:
                note += f" (runs: {', '.join(map(str, runs))})"
            details.append(f"\n**{name}, {key}: {result['scores'][key]}**{note}\n")
            for audit in audits:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                details.append(f"- `{audit['id']}`: {audit['title']}{value}")
        # Lighthouse's own doubts about the run, e.g. a host too slow for its throttling.
        warnings += [f"- {name}: {warning}" for warning in result["lhr"].get("runWarnings", [])]
    if details:
        print("\n### Under 100\n" + "\n".join(details))
    if warnings:
        print("\n### Lighthouse's warnings\n\n" + "\n".join(warnings))
    if not ok:
        print("\nSome scores are under 100 (see above).")
    else:
        print(f"\nEvery score is 100{' but the expected ones' if details else ''}.")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="page names (default: every page)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page, median (1)")
    parser.add_argument("--list", action="store_true", help="print the page names and stop")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (reports, log)")
    args = parser.parse_args()
    if args.list:
        print("\n".join(name for name, _, _ in PAGES))
        return 0
    unknown = set(args.pages) - {name for name, _, _ in PAGES}
    if unknown:
        raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))} (see --list)")
    chrome = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
    if not Path(chrome).exists():
        raise SystemExit(f"no Chromium at {chrome}: set CHROME_PATH")
    install_lighthouse()

    with production_site("tramitit-lighthouse-", keep=args.keep) as site:
        processes, tmp, env = site.processes, site.tmp, site.env
        app, edge = free_port(), free_port()
        wait_until_up(f"http://{HOST}:{app}/healthz", start_gunicorn(processes, env, tmp, app))
        # Through nginx, as visitors reach the site: it gzips the HTML and keeps the pages.
        base = f"http://{HOST}:{edge}"
        wait_until_up(base + "/healthz", start_nginx(processes, tmp, edge, app))
        guide = json.loads(run([PYTHON, "-m", "benchmarks.content", "pages"], env))["guide"]
        chosen = [page for page in PAGES if not args.pages or page[0] in args.pages]
        paths = {name: path.replace(GUIDE, guide) for name, path, _ in chosen}
        for name, _, status in chosen:
            answered = get(base + paths[name])[0]
            if answered != status:
                raise SystemExit(f"{name} ({paths[name]}): status {answered}, not {status}")
        (tmp / "reports").mkdir()
        print(f"lighthouse on {len(chosen)} pages, {args.runs} run(s) each; "
              f"load average {Path('/proc/loadavg').read_text().split()[:3]}")  # fmt: skip
        results = {}
        for name, _, status in chosen:
            results[name] = measure(name, base + paths[name], status, args.runs, tmp, chrome)
            print(f"  {name}: {results[name]['scores']}", flush=True)
        ok = report(results, paths)
        print(f"load average after: {Path('/proc/loadavg').read_text().split()[:3]}")
        return 0 if ok else 1


if __name__ == "__main__":
    exit_with(main)
