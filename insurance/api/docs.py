"""The API's human page, ``/api/v1/docs/``, its schema, ``/api/v1/openapi.json``, and its
JSON 404.

The page is ours rather than ninja's Swagger UI: a 1.5 MB script for a handful of GET
endpoints, and a page outside the site's template, language switch and accessibility
checks. It is drawn on the server from the same OpenAPI schema the programs read, with an
example request per endpoint that can be followed as a link; no JavaScript, no CDN.
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from tramitit.indexing import render_page

from .http import open_data
from .views import api

# Each endpoint, by operation id: what it answers, in the page's words, and an example.
ENDPOINTS = {
    "figures": (_("Todas las cifras vigentes en una fecha"), {}, "fecha=2025-06-15"),
    "figure": (_("La historia de una cifra"), {"parameter": "rmv"}, ""),
    "contribution": (
        _("El aporte de un mes, con cada paso del cálculo"),
        {},
        "regimen=regular&periodo=2025-01&monto=1000",
    ),
    "waiting_period": (
        _("Desde cuándo tienes cobertura (carencia)"),
        {},
        "plan=potestativo&primer_pago=15/03/2025",
    ),
    "latency": (_("Cobertura después del empleo (latencia)"), {}, "aportes=20"),
    "plans": (
        _("Qué seguro te corresponde"),
        {},
        "situacion=dependiente&dependiente=otro&riesgo=no&bombero=no&familia=conyuge&monto=3000",
    ),
    "checklist": (
        _("Los requisitos de tu caso"),
        {"plan": "regular"},
        "tramite=inscripcion&familiar=conyuge&matrimonio=peru&titular=trabajador",
    ),
}


def _schema():
    return api.get_openapi_schema(path_prefix=reverse("api:api-root"))


@open_data
def openapi_json(request):
    return JsonResponse(_schema(), json_dumps_params={"ensure_ascii": False})


@require_safe
def docs(request):
    endpoints = []
    for path, methods in _schema()["paths"].items():
        for method, operation in methods.items():
            title, kwargs, query = ENDPOINTS[operation["operationId"]]
            example = reverse(f"api:{operation['operationId']}", kwargs=kwargs)
            endpoints.append(
                {
                    "id": operation["operationId"],
                    "title": title,
                    "method": method.upper(),
                    "path": path,
                    "parameters": [p["name"] for p in operation.get("parameters", ())],
                    "responses": sorted(operation["responses"]),
                    "example": f"{example}?{query}" if query else example,
                }
            )
    context = {"endpoints": endpoints, "schema_url": reverse("api_openapi")}
    return render_page(request, "insurance/api/docs.html", context)


@open_data
def not_found(request, rest=""):
    """Any other path under the API: a JSON 404, never the site's HTML page (the path
    without its final slash goes to the one with it, as Django does for the pages)."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            return redirect(request.path + "/", permanent=True)
    return JsonResponse({"detail": str(_("No existe esta dirección de la API."))}, status=404)
