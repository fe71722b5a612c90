"""Answers nobody asked before: the URLs of load.py's cache-miss tier, and its profile.

Real people type their own pay, ages and dates, so almost every calculator result and wizard
outcome is a URL no cache has seen. This draws such URLs at random, valid and distinct (a
counter is folded into each free-form value), for three families of pages:

- ``calculator``: /calculadora/resultado/ for five regimes (dependent worker, SCTR dependent,
  Potestativo family, agrarian dependent, pensioner), any month the rules cover;
- ``wizard``: the wizard's outcome for four kinds of person (employee with family,
  independent, pensioner, unemployed), with their own pay, age or end-of-job date;
- ``checklist``: every complete checklist case of every plan, shuffled (there are a few
  hundred: each is a first visit only once per cache lifetime, see ADR 3).

Run by benchmarks/load.py with DJANGO_SETTINGS_MODULE=benchmarks.settings:

    python -m benchmarks.answers urls 20000      # JSON: {family: [url, ...]}
    python -m benchmarks.answers profile 600     # cProfile of 600 requests of the mix
    python -m benchmarks.answers time 600        # ms per request, by family, no profiler
"""

import cProfile
import io
import json
import pstats
import random
import sys
import time
from datetime import date, timedelta

import django

FAMILIES = ("calculator", "wizard", "checklist")


def _month(rng: random.Random) -> str:
    year = rng.randint(2023, 2026)
    return f"{year}-{rng.randint(1, 11 if year == 2026 else 12):02d}"


def _amount(rng: random.Random, n: int) -> str:
    # The counter makes every amount distinct; the random part spreads them over the floor.
    return f"{rng.randint(300, 15000) + n}.{n % 100:02d}"


def calculator_urls(count: int, rng: random.Random) -> list[str]:
    base = "/calculadora/resultado/?"
    kinds = [
        lambda n: f"regimen=regular&periodo={_month(rng)}&monto={_amount(rng, n)}",
        lambda n: (
            f"regimen=sctr-dependiente&periodo={_month(rng)}&monto={_amount(rng, n)}"
            f"&nivel_riesgo={rng.randint(1, 4)}"
        ),
        lambda n: (
            f"regimen=potestativo&periodo={_month(rng)}&edades="
            + ",".join(str(a) for a in [18 + n % 80, *rng.sample(range(0, 90), rng.randint(0, 3))])
        ),
        lambda n: (
            f"regimen=agrario-dependiente&periodo={_month(rng)}&monto={_amount(rng, n)}"
            f"&trabajadores={rng.randint(1, 400)}&ventas_netas={rng.randint(1000, 40_000_000) + n}"
        ),
        lambda n: f"regimen=pensionista&periodo={_month(rng)}&monto={_amount(rng, n)}",
    ]
    return [base + kinds[n % len(kinds)](n) for n in range(count)]


def wizard_urls(count: int, rng: random.Random, today: date) -> list[str]:
    from django.urls import reverse

    base = reverse("insurance:wizard_result") + "?"
    families = [["nadie"], ["conyuge"], ["conyuge", "hijo-menor"], ["concubino", "gestante"]]

    def family(n):
        return "".join(f"&familia={f}" for f in families[n % len(families)])

    kinds = [
        lambda n: (
            "situacion=dependiente&dependiente=otro&riesgo=no&bombero=no"
            f"{family(n)}&monto={_amount(rng, n)}"
        ),
        lambda n: (
            "situacion=independiente&independiente=profesional&asegurado=no&riesgo=no"
            f"&bombero=no&edad={18 + n % 80}&documento={rng.choice(['dni', 'ce', 'ptp'])}"
            + rng.choice(["&familia=nadie", f"&familia=conyuge&edades={n % 90}"])
        ),
        lambda n: (
            f"situacion=pensionista&pension=onp-afp&bombero=no{family(n)}&monto={_amount(rng, n)}"
        ),
        lambda n: (
            "situacion=desempleado"
            f"&cese={today - timedelta(days=1 + n % 700):%d/%m/%Y}&aportes={rng.randint(0, 36)}"
            f"&bombero=no&edad={18 + n % 60}&documento=dni&familia=nadie"
        ),
    ]
    return [base + kinds[n % len(kinds)](n) for n in range(count)]


def checklist_urls(rng: random.Random) -> list[str]:
    from insurance import checklists
    from insurance.models import Plan

    urls = []
    for plan in Plan.objects.order_by("slug"):
        flow = checklists.load_flow(plan)
        if not flow.rows:
            continue  # +Vida has no papers to bring
        urls += [flow.url(outcome.answers) for outcome in flow.outcomes()]
    rng.shuffle(urls)
    return urls


def urls(count: int, seed: int = 2026) -> dict[str, list[str]]:
    from insurance.clock import rules_today

    rng = random.Random(seed)
    return {
        "calculator": calculator_urls(count, rng),
        "wizard": wizard_urls(count, rng, rules_today()),
        "checklist": checklist_urls(rng),
    }


def mix(by_family: dict[str, list[str]], count: int | None = None) -> list[str]:
    """The families in turn (as the soak and the profile load them), ``count`` URLs; by
    default until the longest family is used up."""
    if count is None:
        count = len(by_family) * max(len(paths) for paths in by_family.values())
    names = list(by_family)
    return [
        by_family[names[n % len(names)]][n // len(names) % len(by_family[names[n % len(names)]])]
        for n in range(count)
    ]


def profile(count: int, top: int = 30) -> str:
    """cProfile of ``count`` requests of the mix through Django's test client, in-process."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    paths = mix(urls(count + 60, seed=7), count + 60)
    for path in paths[:60]:  # warm the per-process caches, as a running server has them
        client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    statuses = [client.get(path).status_code for path in paths[60:]]
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    bad = len([s for s in statuses if s != 200])
    return f"{count} requests, {bad} not 200\n" + out.getvalue()


def timing(count: int, rounds: int = 3) -> str:
    """In-process milliseconds per request of each family (``count`` distinct URLs, best of
    ``rounds``), through Django's test client: the server's cost without HTTP or the
    profiler's overhead, for comparing two versions of the code on one machine."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    lines = []
    for family, paths in urls(count * rounds, seed=11).items():
        for path in paths[:30]:  # warm the per-process caches, as a running server has them
            client.get(path)
        best = float("inf")
        for round_ in range(rounds):
            # Checklists have a few hundred cases: later rounds go round them again.
            batch = [paths[(round_ * count + n) % len(paths)] for n in range(count)]
            start = time.process_time()
            bad = sum(client.get(path).status_code != 200 for path in batch)
            best = min(best, (time.process_time() - start) * 1000 / len(batch))
            if bad:
                raise SystemExit(f"{family}: {bad} of {len(batch)} answers were not 200")
        lines.append(f"{family:<11} {best:6.2f} ms per request (best of {rounds} x {len(batch)})")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    django.setup()
    command, *args = argv or ["urls"]
    if command == "urls":
        print(json.dumps(urls(int(args[0]) if args else 20000)))
    elif command == "profile":
        print(profile(int(args[0]) if args else 600))
    elif command == "time":
        print(timing(int(args[0]) if args else 600))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
