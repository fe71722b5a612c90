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


def navigation(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return {"nav_current": ""}
    if match.app_name == "guides":
        return {"nav_current": "guias"}
    return {"nav_current": SECTIONS.get(match.app_name, {}).get(match.url_name, "")}
