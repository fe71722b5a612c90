"""The checklist builder's form: the query string of ``/seguros/<slug>/requisitos/``.

Every question is a parameter (``tramite``, ``familiar``, ``motivo``...). The form checks
that each value is a word the builder knows, then lets the plan's ``Flow`` walk the answers
(``insurance.checklists``); what the walk finds wrong (a later answer without an earlier
one, a step sent without a choice) comes back as a Spanish message beside the field. A
value that is a known word but names a case the source does not describe is not an error:
the page explains it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from insurance import checklists
from insurance.checklists import INVALID, MISSING, QUESTIONS, REQUIRED, UNUSED_INVALID

from .fields import SharedChoicesMixin

MAX_QUOTED = 40  # characters of a bad answer quoted back in its error message

# The options, as a person answers them.
LABELS = {
    "tramite": {
        "inscripcion": _("Inscribir (afiliar) a una persona"),
        "baja": _("Dar de baja a un familiar"),
        "cambio-establecimiento": _("Cambiar de establecimiento de salud"),
        "consulta-establecimiento": _("Saber qué establecimiento de salud me corresponde"),
    },
    "familiar": {
        "titular": _("Yo, como titular del seguro"),
        "conyuge": _("Mi cónyuge (esposo o esposa)"),
        "concubino": _("Mi concubino(a)"),
        "hijo-menor": _("Mi hijo(a) menor de edad"),
        "hijo-mayor-incapacitado": _(
            "Mi hijo(a) mayor de edad incapacitado(a) en forma total y permanente para el trabajo"
        ),
        "gestante": _("La gestante de mi hijo(a) extramatrimonial"),
    },
    "trabajador": {
        "independiente": _("Soy trabajador(a) independiente"),
        "dependiente": _("Trabajo para un empleador (trabajador dependiente)"),
    },
    "motivo": {
        "fallecimiento": _("Fallecimiento"),
        "divorcio": _("Divorcio (disolución del vínculo matrimonial)"),
        "fin-concubinato": _("Fin de la relación de concubinato"),
        "otro": _("Otro motivo"),
    },
    "lugar": {"peru": _("En el Perú"), "extranjero": _("En el extranjero")},
    "matrimonio": {"peru": _("En el Perú"), "extranjero": _("En el extranjero")},
    "tercero": {
        "no": _("No, lo hace el titular (o su empleador)"),
        "si": _("Sí, otra persona, con una carta poder del titular"),
    },
    "laboral": {"no": _("No"), "si": _("Sí, por motivos laborales")},
    "nacionalidad": {"peruana": _("Peruana"), "extranjera": _("Extranjera")},
    "edad": {"menos-de-70": _("Menos de 70 años"), "70-o-mas": _("70 años o más")},
    "titular": {
        "trabajador": _(
            "Trabajo para un empleador (también como trabajador del hogar, de construcción "
            "civil o portuario)"
        ),
        "pensionista": _("Soy pensionista (me paga la ONP o una AFP)"),
        "pescador-artesanal": _(
            "Soy pescador(a) o procesador(a) pesquero(a) artesanal independiente"
        ),
        "otro": _("Otro caso (por ejemplo, socio(a) de una cooperativa de trabajadores)"),
    },
}

# The questions, short, for the summary of answers and the error summary.
SHORT_LABELS = {
    "tramite": _("Trámite"),
    "familiar": _("Persona"),
    "trabajador": _("Tipo de trabajador"),
    "motivo": _("Motivo de la baja"),
    "lugar": _("Lugar"),
    "matrimonio": _("Lugar del matrimonio"),
    "tercero": _("Lo hace otra persona"),
    "laboral": _("Por motivos laborales"),
    "nacionalidad": _("Nacionalidad"),
    "edad": _("Edad"),
    "titular": _("Tipo de titular"),
}

# Said when a step is sent without choosing.
REQUIRED_MESSAGES = {
    "tramite": _("Elige qué trámite quieres hacer."),
    "familiar": _("Elige a quién se refiere el trámite."),
    "trabajador": _("Elige si eres trabajador independiente o dependiente."),
    "motivo": _("Elige el motivo de la baja."),
    "lugar": _("Elige dónde ocurrió."),
    "matrimonio": _("Elige dónde se casaron."),
    "tercero": _("Indica si el trámite lo hace otra persona."),
    "laboral": _("Indica si el cambio es por motivos laborales."),
    "nacionalidad": _("Elige tu nacionalidad."),
    "edad": _("Elige tu rango de edad."),
    "titular": _("Elige cómo estás asegurado(a)."),
}
MISSING_MESSAGE = _(
    "Falta esta respuesta. La dirección traía respuestas a preguntas que vienen después: "
    "responde primero esta."
)
EMPTY_MESSAGE = _("La dirección trae esta respuesta vacía. Elige una de las opciones.")
INVALID_CHOICE = _("«%(value)s» no es una de las opciones. Elige una de la lista.")
UNUSED_INVALID_MESSAGE = _(
    "Tu dirección traía una respuesta no válida para «%(question)s», una pregunta que tu "
    "caso no usa. La dejamos de lado: responde esta pregunta para seguir."
)


class AnswerField(SharedChoicesMixin, forms.ChoiceField):
    """One question's answer; a bad value is quoted back, cut short."""

    def validate(self, value):
        try:
            super().validate(value)
        except forms.ValidationError as error:
            if len(value) > MAX_QUOTED:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value[:MAX_QUOTED] + "…"},
                ) from error
            raise


class ChecklistForm(forms.Form):
    """The answers of one request. Bind with ``request.GET`` and the plan's ``Flow``."""

    # The step whose form was sent: tells "sent without choosing" from "not yet asked".
    paso = forms.CharField(required=False)

    def __init__(self, data, *, flow: checklists.Flow):
        super().__init__(data)
        self.flow = flow
        self.outcome = None

    def clean(self):
        cleaned = super().clean()
        for question in QUESTIONS:
            raw = self.data.get(question)
            if raw is not None and not raw.strip() and question not in self.errors:
                self.add_error(question, EMPTY_MESSAGE)
        given = {q: cleaned[q] for q in QUESTIONS if q not in self.errors and cleaned.get(q)}
        invalid = [q for q in QUESTIONS if q in self.errors]
        self.outcome = self.flow.resolve(given, invalid, submitted=cleaned.get("paso") or "")
        if isinstance(self.outcome, checklists.NextQuestion):
            question, error = self.outcome.question, self.outcome.error
            if error == REQUIRED:
                self.add_error(question, REQUIRED_MESSAGES[question])
            elif error == MISSING:
                self.add_error(question, MISSING_MESSAGE)
            elif error == UNUSED_INVALID:
                names = ", ".join(str(SHORT_LABELS[q]) for q in invalid)
                self.add_error(question, UNUSED_INVALID_MESSAGE % {"question": names})
            elif error == INVALID and question not in self.errors:  # pragma: no cover
                self.add_error(question, EMPTY_MESSAGE)
        return cleaned

    @property
    def was_step_submission(self) -> bool:
        return bool(self.data.get("paso"))

    # -- presentation helpers, used by the view to build the template context -----------

    @staticmethod
    def label(question, value) -> str:
        return LABELS[question].get(value, value)

    @staticmethod
    def short_label(question) -> str:
        return SHORT_LABELS[question]

    def error_list(self) -> list[dict]:
        """The error summary: one line per bad answer, each pointing at a field."""
        shown = getattr(self.outcome, "question", "")
        items = []
        for question in QUESTIONS:
            for message in self.errors.get(question, []):
                target = f"{question}-0" if question == shown else "pregunta"
                items.append(
                    {"label": SHORT_LABELS[question], "message": message, "target": target}
                )
        return items

    def summary(self, answers: checklists.Answers) -> list[dict]:
        """The answers given so far, each with a link to change it. The labels are strings
        in the request's language: a template reads each lazy label three times."""
        return [
            {
                "question": question,
                "label": str(SHORT_LABELS[question]),
                "answer": str(self.label(question, value)),
                "change_url": self.flow.url(answers.before(question)),
            }
            for question, value in answers.asked
        ]

    def question(self, outcome: checklists.NextQuestion) -> dict:
        """What the template needs to draw one question."""
        errors = self.errors.get(outcome.question, [])
        selected = outcome.selected or (
            self.cleaned_data.get(outcome.question, "") if hasattr(self, "cleaned_data") else ""
        )
        return {
            "name": outcome.question,
            "template": f"insurance/checklists/questions/_{outcome.question}.html",
            "options": [
                {
                    "value": value,
                    "label": self.label(outcome.question, value),
                    "id": f"{outcome.question}-{index}",
                    "checked": value == selected,
                }
                for index, value in enumerate(outcome.options)
            ],
            "errors": errors,
            "hidden": outcome.answers.asked,
            "given": dict(outcome.answers.pairs),
        }


# One field per question, after "paso", declared once: building eleven choice fields for
# every request was a tenth of a checklist case's time (issue 15); each form copies them.
ChecklistForm.base_fields.update(
    {
        question: AnswerField(
            required=False,
            choices=[("", "")] + list(LABELS[question].items()),
            error_messages={"invalid_choice": INVALID_CHOICE},
        )
        for question in QUESTIONS
    }
)
