"""Where a wizard outcome sends a person next, with what they already answered: the
calculator pre-filled, each checklist with the case, the latency estimator.

A checklist link carries every answer the wizard knows in the words of the checklist's own
questions (``insurance.checklists``: ``tramite``, ``familiar``, ``trabajador``,
``nacionalidad``, ``edad``, ``titular``...), and the plan's checklist flow keeps those it
asks, in its order, up to the first question the wizard cannot answer: the link opens the complete
checklist, or that question with the rest kept. The flows are the checklists' own
(``insurance.snapshot``).
"""

from collections.abc import Mapping

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import checklists, rules, wizard
from .rules import Document, IndependentKind, OtherCover, Situation

# The wizard's answers in the checklist's words (``checklists.VOCABULARY``; a test keeps
# them in step with it). Nationality: a DNI is for Peruvians; every other document is a
# foreigner's.
NATIONALITY = {
    Document.DNI: "peruana",
    Document.CE: "extranjera",
    Document.PTP: "extranjera",
    Document.OTHER: "extranjera",
}
DEPENDENT, INDEPENDENT = "dependiente", "independiente"  # checklist "trabajador"
# Who registers a relative depends on the kind of titular (checklist "titular", Regular 11).
TITULAR_WORKER, TITULAR_PENSIONER = "trabajador", "pensionista"
TITULAR_FISHER = "pescador-artesanal"
# Agrario asks whether the titular is 70 or older (a medical evaluation, sección 2).
AGE_BANDS = ((rules.eligibility.agrario.AGRARIO_EVALUATION_AGE, "70-o-mas"), (0, "menos-de-70"))

# The checklist link of each person, in the outcome's words.
CHECKLIST_LABELS = {
    "titular": _("Requisitos para afiliarte"),
    "conyuge": _("Requisitos para inscribir a tu cónyuge"),
    "concubino": _("Requisitos para inscribir a tu concubino(a)"),
    "hijo-menor": _("Requisitos para inscribir a tus hijos menores de edad"),
    "hijo-mayor-incapacitado": _("Requisitos para inscribir a tus hijos mayores incapacitados"),
    "gestante": _("Requisitos para inscribir a la gestante de tu hijo(a) extramatrimonial"),
}


def optional_reverse(name: str, **kwargs) -> str | None:
    """The URL of a page another area provides, or None while it does not exist yet."""
    try:
        return reverse(name, **kwargs)
    except NoReverseMatch:
        return None


# --- Checklists ---------------------------------------------------------------------------


def known_answers(checklist: rules.Checklist, profile: rules.Profile) -> dict[str, str]:
    """What the wizard's answers say to the checklist's questions. The titular's own
    nationality and age say nothing of a relative's case."""
    known = {"tramite": checklist.procedure, "familiar": checklist.person}
    s = profile.situation
    if s is Situation.EMPLOYEE or profile.other_cover is OtherCover.EMPLOYER:
        known["trabajador"] = DEPENDENT
    elif s is Situation.INDEPENDENT:
        known["trabajador"] = INDEPENDENT
    if s is Situation.EMPLOYEE or profile.other_cover is OtherCover.EMPLOYER:
        known["titular"] = TITULAR_WORKER
    elif s is Situation.PENSIONER:
        known["titular"] = TITULAR_PENSIONER
    elif profile.independent_kind is IndependentKind.ARTISANAL_FISHER:
        known["titular"] = TITULAR_FISHER
    if checklist.person == "titular":
        if profile.document in NATIONALITY:
            known["nacionalidad"] = NATIONALITY[profile.document]
        if profile.age is not None:
            known["edad"] = next(band for low, band in AGE_BANDS if profile.age >= low)
    return known


def case_answers(flow: checklists.Flow, known: Mapping[str, str]) -> checklists.Answers:
    """The known answers the flow asks for, in its order, up to the first question it asks
    that they do not answer; questions with a single option are filled in."""
    answers = checklists.Answers()
    for question in checklists.QUESTIONS:
        options = flow.options(question, answers)
        if not options:
            continue
        if known.get(question) in options:
            answers = answers.with_answer(question, known[question], len(options) == 1)
        elif len(options) == 1:
            answers = answers.with_answer(question, options[0], implied=True)
        else:
            break  # the checklist asks this next, keeping what came before
    return answers


def checklist_links(
    match: rules.Match, profile: rules.Profile, flows: Mapping[str, checklists.Flow]
) -> list[dict]:
    links = []
    for checklist in match.checklists:
        flow = flows.get(checklist.plan)
        if flow is None:
            continue
        procedure = checklists.Answers().with_answer("tramite", checklist.procedure)
        if checklist.person not in flow.options("familiar", procedure):
            continue  # no requirements for this person: no checklist to open
        answers = case_answers(flow, known_answers(checklist, profile))
        label = CHECKLIST_LABELS.get(checklist.person, checklist.person)
        links.append({"label": label, "url": flow.url(answers)})
    return links


# --- Calculator and latency ---------------------------------------------------------------


def calculator_url(calc: rules.CalculatorInput | None, on) -> str | None:
    """The calculator pre-filled for this person: its result when every input the regime
    needs is known, else its form with what is known (e.g. the pay, not the employer's
    sales)."""
    if calc is None:
        return None
    regimen = rules.REGIMENES[calc.regimen]
    params = {"regimen": calc.regimen, "periodo": f"{on:%Y-%m}"}
    for needed in regimen.inputs:
        value = getattr(calc, needed.value)
        if value not in (None, (), ""):
            params[needed.value] = (
                ",".join(str(v) for v in value) if isinstance(value, tuple) else str(value)
            )
    complete = all(needed.value in params for needed in regimen.inputs)
    base = optional_reverse("insurance:calculator_result" if complete else "insurance:calculator")
    return wizard.with_query(base, list(params.items())) if base else None


LATENCY_CODES = (
    rules.MatchCode.REGULAR_LATENCY,
    rules.MatchCode.REGULAR_LATENCY_ENDED,
    rules.MatchCode.REGULAR_NO_LATENCY,
)


def latency_url(match: rules.Match, profile: rules.Profile) -> str | None:
    """The latency estimator with the contributions, for a latency outcome."""
    if match.code not in LATENCY_CODES:
        return None
    base = optional_reverse("insurance:latency_result")
    contributions = [("aportes", str(profile.contributions_last_3_years))]
    return wizard.with_query(base, contributions) if base else None
