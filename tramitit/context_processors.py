"""Which part of the site a page belongs to, so the header can mark it as current."""

SECTIONS = {
    "insurance": {
        "plan_list": "seguros",
        "plan_detail": "seguros",
        "checklist": "seguros",
        "calculator": "calculadora",
        "calculator_result": "calculadora",
        "waiting_period": "calculadora",
        "waiting_period_months": "calculadora",
        "waiting_period_result": "calculadora",
        "latency": "calculadora",
        "latency_result": "calculadora",
        "wizard": "asistente",
        "wizard_review": "asistente",
        "wizard_result": "asistente",
        "wizard_question": "asistente",
    },
}


def page_meta(request):
    """The head's Open Graph overrides, empty unless a view sets them: a template's lookup of
    a name missing from the context costs more than reading an empty one (issue 15)."""
    return {"og_type": "", "og_title": "", "og_description": ""}


def navigation(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return {"nav_current": ""}
    if match.app_name == "guides":
        return {"nav_current": "guias"}
    return {"nav_current": SECTIONS.get(match.app_name, {}).get(match.url_name, "")}
