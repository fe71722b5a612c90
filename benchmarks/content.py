"""The benchmark's Django side: which pages to load, and SQL queries per page as the content
grows (1x, 10x, 100x the guides and providers).

Run by benchmarks/load.py in a subprocess, with DJANGO_SETTINGS_MODULE=benchmarks.settings
and its throwaway database:

    python -m benchmarks.content pages          # the pages to load, as JSON
    python -m benchmarks.content queries 1 10 100

``queries`` adds guides and providers to the database, so it refuses to run unless
BENCH_THROWAWAY=1 says the database is the benchmark's own.
"""

import json
import os
import sys
from decimal import Decimal

import django

CHECKLIST = "/seguros/regular/requisitos/?tramite=inscripcion&familiar=conyuge&matrimonio=peru"
CALCULATOR = "/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000"
WIZARD = (
    "/que-seguro-me-corresponde/resultado/?situacion=dependiente&dependiente=otro&riesgo=no"
    "&bombero=no&familia=conyuge&familia=hijo-menor&monto=3000"
)
# 1x content: the starter guides (content/guides/) and this many verified providers.
BASE_PROVIDERS = 10


def measured_guide():
    from guides.models import Guide

    return Guide.objects.published().order_by("slug").first()


def pages() -> dict[str, str]:
    """The pages the load test measures, by name."""
    return {
        "home": "/",
        "plan": "/seguros/regular/",
        "guide": measured_guide().get_absolute_url(),
        "calculator result": CALCULATOR,
        "checklist result": CHECKLIST,
    }


def counted_pages() -> dict[str, str]:
    """The pages whose queries must not grow with the content."""
    guide = measured_guide().get_absolute_url()
    return {
        **pages(),
        "plans list": "/seguros/",
        "guides list": "/guias/",
        "guides list, page 2": "/guias/?pagina=2",
        "guides category": "/guias/?categoria=" + measured_guide().categories.first().slug,
        "guides search": "/guias/?q=essalud",
        "suggest a provider": guide + "sugerir-proveedor/",
        "wizard result": WIZARD,
        "sitemap.xml": "/sitemap.xml",
        "atom feed": "/guias/atom.xml",
    }


def grow(factor: int, originals: list, guide) -> dict[str, int]:
    """Copies of the starter guides and more verified providers, up to ``factor`` x."""
    from django.db import transaction

    from guides.models import Guide, Provider
    from guides.search import update_search_vector

    guide_target = len(originals) * factor
    provider_target = BASE_PROVIDERS * factor
    with transaction.atomic():
        existing = Guide.objects.count()
        copies, categories = [], []
        for number in range(existing, guide_target):
            source = originals[number % len(originals)]
            copy = Guide.objects.get(pk=source.pk)
            copy.pk = None
            copy._state.adding = True
            copy.slug = copy.translation_key = f"{source.slug}-copia-{number}"
            copy.title_es = f"{source.title_es} ({number})"
            copies.append(copy)
            categories.append(list(source.categories.all()))
        created = Guide.objects.bulk_create(copies, batch_size=200)
        through = Guide.categories.through
        through.objects.bulk_create(
            [
                through(guide_id=copy.pk, category_id=category.pk)
                for copy, kinds in zip(created, categories, strict=True)
                for category in kinds
            ],
            batch_size=500,
        )
        update_search_vector(Guide.objects.filter(slug__contains="-copia-"))

        all_guides = list(Guide.objects.values_list("pk", flat=True))
        start = Provider.objects.count()
        providers = Provider.objects.bulk_create(
            [
                Provider(
                    name=f"Proveedor {number:04d}",
                    website=f"https://proveedor-{number}.example.org/",
                    turnaround="3 a 5 días hábiles",
                    cost_soles=Decimal(40 + number % 60),
                    verified=True,
                )
                for number in range(start, provider_target)
            ],
            batch_size=500,
        )
        links = Provider.guides.through
        links.objects.bulk_create(
            [
                links(provider_id=provider.pk, guide_id=guide_id)
                for number, provider in enumerate(providers)
                # Every provider on the measured guide (its table grows with the content),
                # and on two other guides.
                for guide_id in {
                    guide.pk,
                    all_guides[number % len(all_guides)],
                    all_guides[(number * 7) % len(all_guides)],
                }
            ],  # fmt: skip
            batch_size=500,
        )
    return {"guides": Guide.objects.count(), "providers": Provider.objects.count()}


def queries(factors: list[int]) -> dict:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from guides.models import Guide

    guide = measured_guide()
    originals = list(Guide.objects.order_by("pk"))
    urls = counted_pages()
    client = Client(HTTP_HOST="127.0.0.1")
    result = {"pages": urls, "content": {}, "queries": {}}
    # The page cache would answer with no query at all: count what the views do.
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    with override_settings(CACHES={"default": dummy, "pages": dummy}):
        for factor in factors:
            result["content"][factor] = grow(factor, originals, guide)
            counts = {}
            for name, url in urls.items():
                client.get(url)  # warm the per-process caches, as a running server has them
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: status {response.status_code}")
                counts[name] = len(captured)
            result["queries"][factor] = counts
    return result


def main(argv: list[str]) -> None:
    django.setup()
    command, *args = argv or ["pages"]
    if command == "pages":
        print(json.dumps(pages()))
    elif command == "queries":
        if os.environ.get("BENCH_THROWAWAY") != "1":
            raise SystemExit("queries writes to the database: only benchmarks/load.py runs it")
        print(json.dumps(queries([int(a) for a in args] or [1, 10, 100])))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
