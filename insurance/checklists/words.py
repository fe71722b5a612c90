"""The case in words: "Dar de baja a tu cónyuge por divorcio en el extranjero — ..."."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Plan
from .questions import PLACED_MOTIVES, Answers

PERSON_OBJECT = {
    "conyuge": _("a tu cónyuge"),
    "concubino": _("a tu concubino(a)"),
    "hijo-menor": _("a tu hijo(a) menor de edad"),
    "hijo-mayor-incapacitado": _("a tu hijo(a) mayor de edad incapacitado(a)"),
    "gestante": _("a la gestante de tu hijo(a) extramatrimonial"),
}
MOTIVE_WORDS = {
    ("fallecimiento", None): _("por fallecimiento"),
    ("fallecimiento", "peru"): _("por fallecimiento en el Perú"),
    ("fallecimiento", "extranjero"): _("por fallecimiento en el extranjero"),
    ("divorcio", None): _("por divorcio"),
    ("divorcio", "peru"): _("por divorcio en el Perú"),
    ("divorcio", "extranjero"): _("por divorcio en el extranjero"),
    ("fin-concubinato", None): _("por fin del concubinato"),
    ("otro", None): _("por otro motivo"),
}
DETAIL_WORDS = {
    ("matrimonio", "peru"): _("casados en el Perú"),
    ("matrimonio", "extranjero"): _("casados en el extranjero"),
    ("tercero", "si"): _("trámite hecho por un tercero"),
    ("nacionalidad", "extranjera"): _("persona extranjera"),
    ("edad", "menos-de-70"): _("menos de 70 años"),
    ("edad", "70-o-mas"): _("70 años o más"),
    ("titular", "trabajador"): _("titular con empleador"),
    ("titular", "pensionista"): _("titular pensionista"),
    ("titular", "pescador-artesanal"): _("titular pescador(a) artesanal"),
    ("titular", "otro"): _("otro tipo de titular"),
}


def _action(answers: Answers) -> str:
    procedure, person = answers.get("tramite"), answers.get("familiar")
    if procedure == "cambio-establecimiento":
        if answers.get("laboral") == "si":
            return gettext("Cambiar tu establecimiento de salud por motivos laborales")
        return gettext("Cambiar tu establecimiento de salud")
    if procedure == "consulta-establecimiento":
        return gettext("Consultar tu establecimiento de salud asignado")
    if procedure == "baja":
        if person in PERSON_OBJECT:
            return gettext("Dar de baja %(person)s") % {"person": PERSON_OBJECT[person]}
        return gettext("Dar de baja a un familiar")
    if procedure == "inscripcion":
        if person in PERSON_OBJECT:
            return gettext("Inscribir %(person)s") % {"person": PERSON_OBJECT[person]}
        if person == "titular":
            track = answers.get("trabajador")
            if track == "independiente":
                return gettext("Afiliarte como trabajador independiente")
            if track == "dependiente":
                return gettext("Afiliar a los trabajadores dependientes (lo hace el empleador)")
            return gettext("Afiliarte como titular")
        return gettext("Inscribir a una persona")
    return gettext("Tu trámite")


def describe(plan: Plan, answers: Answers, with_plan: bool = True) -> str:
    """The case in words: "Dar de baja a tu cónyuge por divorcio en el extranjero — ..."."""
    words = _action(answers)
    motive = answers.get("motivo")
    if motive:
        place = answers.get("lugar") if motive in PLACED_MOTIVES else None
        words += " " + str(MOTIVE_WORDS.get((motive, place), MOTIVE_WORDS[(motive, None)]))
    details = [str(DETAIL_WORDS[pair]) for pair in answers.pairs if pair in DETAIL_WORDS]
    if details:
        words += f" ({', '.join(details)})"
    if with_plan:
        words += f" — {plan.name}"
    return words
