"""The eligibility wizard's forms: one form per question, one field named as the question.

Each form turns the raw query-string value into the value ``rules.Profile`` takes (an
enum, a bool, a number, a set of relatives) and carries the Spanish question, the options
and the messages shown beside the field. ``summary`` writes an answer back in words for
"Revisa tus respuestas".
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from insurance import rules
from insurance.rules import (
    Document,
    EmployeeKind,
    IndependentKind,
    OtherCover,
    PensionKind,
    Relative,
    Risk,
    Situation,
)
from insurance.rules.inputs import MAX_AGE

from .fields import MultipleChoiceField, TypedChoiceField

MAX_LENGTH = 100  # characters in a typed answer: a sanity bound, not a norm
MAX_MONEY = Decimal("999999999.99")
NOBODY = "nadie"


class QuestionForm(forms.Form):
    """A question of the wizard. ``answers`` are the earlier answers, already cleaned;
    ``on`` is today, for answers that cannot lie in the future."""

    kind = "radios"  # radios | checkboxes | text
    short_label = ""  # the question in "Revisa tus respuestas"
    hints: dict[str, str] = {}  # a hint under some options
    input_class = ""  # text inputs: how wide
    prefix_text = ""  # text inputs: shown before the box, e.g. "S/"
    suffix_text = ""  # text inputs: shown after the box, e.g. "años"
    # Why an answer that earlier answers gave was not asked; %(answer)s names the question
    # it comes from (the review shows it).
    implied_note = ""
    # Typed answers: values that tell the flow's conditions apart, for counting the
    # questions ahead (``wizard.most_questions``); empty where no condition reads them.
    samples: tuple = ()

    def __init__(self, *args, answers=None, on: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = answers or {}
        self.on = on

    @property
    def name(self) -> str:
        return next(iter(self.fields))

    @property
    def field(self) -> forms.BoundField:
        return self[self.name]

    @property
    def value(self):
        return self.cleaned_data[self.name]

    def summary_label(self) -> str:
        return self.short_label

    @classmethod
    def possible_values(cls) -> tuple:
        """Every cleaned answer, as far as the flow's conditions tell them apart."""
        (field,) = cls.base_fields.values()
        if isinstance(field, forms.TypedChoiceField):
            return tuple(field.coerce(value) for value, _ in field.choices)
        return cls.samples

    def summary(self, value) -> str:
        """The answer in words."""
        choices = dict(self.fields[self.name].choices)
        return str(choices.get(getattr(value, "value", value), value))

    def options(self) -> list[dict]:
        """The options with what a template needs: id, label, hint, checked."""
        raw = self.field.value()
        chosen = {str(v) for v in raw} if isinstance(raw, list | tuple) else {str(raw)}
        return [
            {
                "value": value,
                "label": label,
                "hint": self.hints.get(value, ""),
                "id": f"{self.name}-{index}",
                "checked": value in chosen,
            }
            for index, (value, label) in enumerate(self.fields[self.name].choices)
        ]


def choice(label, choices, required_message, *, coerce=str) -> TypedChoiceField:
    return TypedChoiceField(
        label=label,
        choices=choices,
        coerce=coerce,
        error_messages={
            "required": required_message,
            "invalid_choice": _("Elige una de las opciones."),
        },
    )


YES_NO = [("si", _("Sí")), ("no", _("No"))]


def yes(value: str) -> bool:
    return value == "si"


class SituationForm(QuestionForm):
    short_label = _("Tu situación")
    situacion = choice(
        _("¿Cuál es tu situación?"),
        [
            (Situation.EMPLOYEE.value, _("Trabajo para un empleador en el Perú (en planilla)")),
            (Situation.INDEPENDENT.value, _("Trabajo por mi cuenta (independiente)")),
            (Situation.PENSIONER.value, _("Soy pensionista")),
            (Situation.COOPERATIVE.value, _("Soy socio(a) de una cooperativa")),
            (Situation.STUDENT.value, _("Estudio o hago prácticas")),
            (Situation.UNEMPLOYED.value, _("Me quedé sin trabajo hace poco")),
            (Situation.NONE.value, _("Ninguna de estas: no trabajo")),
        ],
        _("Elige tu situación."),
        coerce=Situation,
    )
    hints = {
        Situation.COOPERATIVE.value: _("Cooperativa de trabajadores o cooperativa agraria."),
        Situation.UNEMPLOYED.value: _(
            "Tenías EsSalud por tu empleador y terminó tu trabajo, o estás en suspensión "
            "perfecta de labores."
        ),
    }


class EmployeeKindForm(QuestionForm):
    short_label = _("Tu trabajo")
    dependiente = choice(
        _("¿Qué tipo de trabajo haces para tu empleador?"),
        [
            (EmployeeKind.HOUSEHOLD.value, _("Trabajador(a) del hogar")),
            (EmployeeKind.CONSTRUCTION.value, _("Construcción civil")),
            (EmployeeKind.PORT.value, _("Trabajador(a) portuario(a)")),
            (EmployeeKind.AGRARIAN.value, _("Trabajo agrario")),
            (EmployeeKind.EX_CBSSP_FISHER.value, _("Pesquero(a) de la ex CBSSP")),
            (EmployeeKind.OTHER.value, _("Otro trabajo")),
        ],
        _("Elige qué tipo de trabajo haces."),
        coerce=EmployeeKind,
    )
    hints = {
        EmployeeKind.AGRARIAN.value: _("Cultivo o crianza para un empleador agrario."),
        EmployeeKind.EX_CBSSP_FISHER.value: _(
            "Trabajador pesquero afiliado a la ex Caja de Beneficios y Seguridad Social del "
            "Pescador."
        ),
        EmployeeKind.OTHER.value: _("Oficina, comercio, industria, minería, transporte…"),
    }


class IndependentKindForm(QuestionForm):
    short_label = _("Tu trabajo independiente")
    independiente = choice(
        _("¿Qué trabajo independiente haces?"),
        [
            (
                IndependentKind.PROFESSIONAL.value,
                _("Profesional, técnico(a), artesano(a), comerciante, transportista o artista"),
            ),
            (IndependentKind.ARTISANAL_FISHER.value, _("Pescador(a) o procesador(a) artesanal")),
            (IndependentKind.FARMER.value, _("Cultivo o crío animales por mi cuenta")),
            (IndependentKind.OTHER.value, _("Otro trabajo independiente")),
        ],
        _("Elige qué trabajo independiente haces."),
        coerce=IndependentKind,
    )
    hints = {
        IndependentKind.FARMER.value: _(
            "En terreno propio o de otros, sin trabajadores pagados a tu cargo."
        ),
    }


class AgrarianEnrolledForm(QuestionForm):
    short_label = _("Seguro Agrario independiente")
    agrario = choice(
        _("¿Ya estás inscrito(a) en el Seguro Agrario como independiente?"),
        YES_NO,
        _("Responde sí o no."),
        coerce=yes,
    )

    def summary(self, value) -> str:
        return str(_("Ya inscrito(a)") if value else _("No inscrito(a)"))


class PensionForm(QuestionForm):
    short_label = _("Tu pensión")
    pension = choice(
        _("¿De quién es tu pensión?"),
        [
            (PensionKind.ONP_AFP.value, _("La ONP o una AFP")),
            (PensionKind.EX_CBSSP.value, _("La ex Caja del Pescador (CBSSP)")),
        ],
        _("Elige quién te paga la pensión."),
        coerce=PensionKind,
    )


_DAY = re.compile(r"([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
MIN_YEAR = 1900  # a sanity bound on input, not a norm


class JobEndForm(QuestionForm):
    """The last day of the job (or the start of a suspensión perfecta de labores): latency
    is dated from it."""

    kind = "text"
    short_label = _("Fin de tu trabajo")
    input_class = "wz-input-medium"
    cese = forms.CharField(
        label=_("¿Qué día terminó tu trabajo?"),
        max_length=MAX_LENGTH,
        error_messages={
            "required": _("Escribe el día en que terminó tu trabajo, por ejemplo 15/03/2026."),
            "max_length": _("Escribe solo la fecha, por ejemplo 15/03/2026."),
        },
    )

    def clean_cese(self) -> date:
        text = self.cleaned_data["cese"].strip()
        if match := _DAY.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
        elif match := _ISO_DAY.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        else:
            raise forms.ValidationError(
                _("Escribe la fecha como día/mes/año, por ejemplo 15/03/2026.")
            )
        if year < MIN_YEAR:
            raise forms.ValidationError(_("Revisa el año, por ejemplo 15/03/2026."))
        try:
            ended = date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                _("Esa fecha no existe: revisa el día y el mes, por ejemplo 15/03/2026.")
            ) from None
        if self.on is not None and ended > self.on:
            raise forms.ValidationError(
                _("La fecha no puede ser posterior a hoy, %(today)s.")
                % {"today": self.on.strftime("%d/%m/%Y")}
            )
        return ended

    def summary(self, value) -> str:
        return value.strftime("%d/%m/%Y")


class ContributionsForm(QuestionForm):
    kind = "text"
    short_label = _("Aportes en los últimos 3 años")
    input_class = "wz-input-short"
    suffix_text = _("meses")
    aportes = forms.IntegerField(
        label=_("¿Cuántos meses aportó tu empleador a EsSalud por ti en los últimos 3 años?"),
        min_value=0,
        max_value=36,
        error_messages={
            "required": _("Escribe cuántos meses aportó tu empleador, de 0 a 36."),
            "invalid": _("Escribe un número entero de meses, de 0 a 36."),
            "min_value": _("El número de meses no puede ser negativo."),
            "max_value": _("En 3 años hay como máximo 36 meses: escribe un número de 0 a 36."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if ended := self.answers.get("cese"):
            self.fields["aportes"].label = _(
                "¿Cuántos meses aportó tu empleador a EsSalud por ti en los 3 años antes del "
                "%(day)s?"
            ) % {"day": ended.strftime("%d/%m/%Y")}

    def summary(self, value) -> str:
        return ngettext("%(n)s mes", "%(n)s meses", value) % {"n": value}


class OtherCoverForm(QuestionForm):
    short_label = _("Otro seguro de EsSalud")
    asegurado = choice(
        _("¿Ya tienes EsSalud por otra vía?"),
        [
            (OtherCover.NONE.value, _("No")),
            (OtherCover.EMPLOYER.value, _("Sí, también trabajo para un empleador que me asegura")),
            (OtherCover.DEPENDANT.value, _("Sí, como familiar de un asegurado")),
        ],
        _("Elige una respuesta."),
        coerce=OtherCover,
    )
    hints = {
        OtherCover.DEPENDANT.value: _(
            "Eres cónyuge o concubino(a), hijo(a) menor de edad o mayor incapacitado(a) de un "
            "asegurado (derechohabiente)."
        ),
    }


class RiskForm(QuestionForm):
    short_label = _("Actividad de alto riesgo")
    implied_note = _(
        "No te lo preguntamos: sale de tu respuesta a «%(answer)s», por los sectores de cada "
        "nivel de riesgo (EsSalud, +Protección SCTR, sección 5)."
    )
    riesgo = choice(
        _("¿Haces un trabajo de alto riesgo?"),
        [
            (Risk.NONE.value, _("No")),
            (Risk.LEVEL_IV.value, _("Sí: minas y canteras")),
            (
                Risk.LEVEL_III.value,
                _("Sí: agricultura, ganadería, silvicultura, pesca o construcción"),
            ),
            (
                Risk.LEVEL_II.value,
                _("Sí: industria, electricidad, gas, agua, desechos, transporte o comunicaciones"),
            ),
            (Risk.LEVEL_I.value, _("Sí: comercio, servicios, salud u otra actividad")),
            (Risk.UNKNOWN.value, _("No lo sé")),
        ],
        _("Elige una respuesta."),
        coerce=Risk,
    )
    hints = {
        Risk.LEVEL_IV.value: _("Nivel de riesgo IV."),
        Risk.LEVEL_III.value: _("Nivel de riesgo III."),
        Risk.LEVEL_II.value: _("Nivel de riesgo II."),
        Risk.LEVEL_I.value: _(
            "Nivel de riesgo I: también reparación de vehículos, alojamiento y comidas, "
            "servicios profesionales o administrativos y administración pública."
        ),
    }

    def summary(self, value) -> str:
        words = super().summary(value)
        if value.level is None:
            return words
        return _("%(words)s (nivel de riesgo %(level)s)") % {"words": words, "level": value.level}


class FirefighterForm(QuestionForm):
    short_label = _("Bombero(a) voluntario(a)")
    bombero = choice(
        _("¿Eres bombero(a) voluntario(a) activo(a)?"), YES_NO, _("Responde sí o no."), coerce=yes
    )

    def summary(self, value) -> str:
        return str(_("Sí") if value else _("No"))


class AgeForm(QuestionForm):
    kind = "text"
    short_label = _("Tu edad")
    input_class = "wz-input-short"
    suffix_text = _("años")
    # A minor and an adult: the only ages the flow's conditions tell apart (the Potestativo
    # titular is of age, and a minor who neither works nor has a pension covers nobody).
    samples = (rules.eligibility.ADULT_AGE - 1, rules.eligibility.ADULT_AGE)
    edad = forms.IntegerField(
        label=_("¿Cuántos años tienes?"),
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "required": _("Escribe tu edad en años."),
            "invalid": _("Escribe tu edad en años, solo con números, por ejemplo 34."),
            "min_value": _("La edad no puede ser negativa."),
            "max_value": _("Escribe una edad de 0 a %(limit_value)s años."),
        },
    )

    def summary(self, value) -> str:
        return ngettext("%(n)s año", "%(n)s años", value) % {"n": value}


class DocumentForm(QuestionForm):
    short_label = _("Tu documento")
    documento = choice(
        _("¿Con qué documento vives en el Perú?"),
        [
            (Document.DNI.value, _("DNI (soy peruano o peruana)")),
            (Document.CE.value, _("Carné de extranjería")),
            (Document.PTP.value, _("Permiso Temporal de Permanencia (PTP)")),
            (Document.OTHER.value, _("Otro: pasaporte, visa de turista u otro")),
        ],
        _("Elige tu documento."),
        coerce=Document,
    )


class FamilyForm(QuestionForm):
    kind = "checkboxes"
    short_label = _("Familiares a cubrir")
    familia = MultipleChoiceField(
        label=_("¿A quién más quieres cubrir?"),
        choices=[
            (Relative.SPOUSE.value, _("Mi cónyuge")),
            (Relative.PARTNER.value, _("Mi concubino(a)")),
            (Relative.MINOR_CHILD.value, _("Hijos o hijas menores de edad")),
            (Relative.INCAPACITATED_CHILD.value, _("Hijos o hijas mayores incapacitados")),
            (Relative.PREGNANT_PARTNER.value, _("La gestante de mi hijo(a) extramatrimonial")),
            (NOBODY, _("Nadie más: solo yo")),
        ],
        error_messages={
            "required": _("Elige a quién quieres cubrir, o «Nadie más: solo yo»."),
            "invalid_choice": _("Elige entre las opciones."),
        },
    )
    hints = {
        Relative.PARTNER.value: _("Con unión de hecho reconocida por un juez o ante notario."),
        Relative.INCAPACITATED_CHILD.value: _(
            "Incapacitados en forma total y permanente para el trabajo, según EsSalud."
        ),
    }

    @classmethod
    def possible_values(cls) -> tuple:
        """Nobody, or one relative of each kind."""
        return (frozenset(), *(frozenset({relative}) for relative in Relative))

    def clean_familia(self):
        chosen = self.cleaned_data["familia"]
        if NOBODY in chosen and len(set(chosen)) > 1:
            raise forms.ValidationError(
                _("Elige «Nadie más: solo yo» o a tus familiares, no las dos cosas.")
            )
        return frozenset(Relative(value) for value in chosen if value != NOBODY)

    def summary(self, value) -> str:
        if not value:
            return str(_("Nadie más: solo yo"))
        labels = dict(self.fields["familia"].choices)
        return ", ".join(str(labels[r.value]) for r in Relative if r in value)


_AGES = re.compile(r"[0-9]+(?:\s*(?:,|;|\sy\s|\s)\s*[0-9]+)*")


class FamilyAgesForm(QuestionForm):
    kind = "text"
    short_label = _("Edades de tus familiares")
    input_class = "wz-input-medium"
    edades = forms.CharField(
        label=_("¿Qué edad tiene cada familiar que quieres afiliar?"),
        required=False,
        max_length=MAX_LENGTH,
        error_messages={"max_length": _("Escribe solo las edades, separadas por comas.")},
    )

    def clean_edades(self) -> tuple[int, ...]:
        text = self.cleaned_data["edades"].strip()
        if not text:
            return ()
        if not _AGES.fullmatch(text):
            raise forms.ValidationError(
                _("Escribe solo las edades en años, separadas por comas, por ejemplo 35, 8, 3.")
            )
        ages = tuple(int(age) for age in re.findall(r"[0-9]+", text))
        if len(ages) > rules.eligibility.MAX_FAMILY:
            raise forms.ValidationError(_("Escribe como máximo 20 edades."))
        if any(age > MAX_AGE for age in ages):
            raise forms.ValidationError(
                _("Cada edad debe estar entre 0 y %(max)s años.") % {"max": MAX_AGE}
            )
        return ages

    def summary(self, value) -> str:
        if not value:
            return str(_("No las indicaste"))
        return ", ".join(str(age) for age in value)


class AmountForm(QuestionForm):
    """Pay, pension or value of product sold: what the cost is computed on. Optional."""

    kind = "text"
    input_class = "wz-input-money"
    prefix_text = "S/"
    monto = forms.CharField(required=False, max_length=MAX_LENGTH)

    LABELS = {
        "pay": (_("¿Cuánto ganas al mes?"), _("Remuneración mensual")),
        "pension": (_("¿Cuánto es tu pensión mensual?"), _("Pensión mensual")),
        "sales": (
            _("¿Cuánto vale lo que vendes en un mes?"),
            _("Valor del producto vendido al mes"),
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["monto"].label = self.LABELS[self.amount_kind][0]

    @property
    def amount_kind(self) -> str:
        if self.answers.get("situacion") is Situation.PENSIONER:
            return "pension"
        if self.answers.get("independiente") is IndependentKind.ARTISANAL_FISHER:
            return "sales"
        return "pay"

    def summary_label(self) -> str:
        return self.LABELS[self.amount_kind][1]

    def clean_monto(self) -> Decimal | None:
        text = re.sub(r"^s/\.?\s*", "", self.cleaned_data["monto"].strip(), flags=re.IGNORECASE)
        if not text:
            return None
        if not re.fullmatch(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,2})?", text):
            raise forms.ValidationError(
                _(
                    "Escribe el monto solo con números, con punto para los céntimos, por ejemplo "
                    "1,500.00."
                )
            )
        try:
            amount = Decimal(text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
            raise forms.ValidationError(_("Escribe el monto solo con números.")) from None
        if amount > MAX_MONEY:
            raise forms.ValidationError(_("El monto es demasiado grande: revisa las cifras."))
        return amount

    def summary(self, value) -> str:
        if value is None:
            return str(_("No lo indicaste"))
        return rules.format_soles(value)
