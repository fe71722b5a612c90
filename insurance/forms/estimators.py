"""The estimators' forms: when coverage starts (carencia) and coverage after the job ends
(latencia).
"""

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from insurance import rules

from .fields import (
    CountField,
    DayField,
    HintedCheckboxSelectMultiple,
    HintedRadioSelect,
    MonthField,
    MultipleChoiceField,
    TypedChoiceField,
    month_text,
)
from .query import QueryForm

# --- When coverage starts (carencia) ---------------------------------------------------

PLAN_LABELS = {
    rules.Plan.REGULAR: _("Seguro Regular (+SEGURO)"),
    rules.Plan.POTESTATIVO: _("Seguro Potestativo (+Salud)"),
    rules.Plan.AGRARIO: _("Seguro de Salud Agrario"),
}
PLAN_HINTS = {
    "regular": _("Trabajadores en planilla y pensionistas: aporta el empleador o la pensión."),
    "potestativo": _("Te aseguras por tu cuenta y pagas cada mes por adelantado."),
    "agrario": _("Trabajadores agrarios dependientes e independientes."),
}
CONTINGENCY_LABELS = {
    rules.Contingency.ILLNESS: _("Enfermedad u otra atención de salud"),
    rules.Contingency.ACCIDENT: _("Accidente"),
    rules.Contingency.PREGNANCY: _("Embarazo"),
}
CONTINGENCY_HINTS = {
    "accidente": _("En caso de accidente basta estar afiliado."),
    "gestacion": _("La asegurada o derechohabiente gestante tiene cobertura desde la afiliación."),
}


class WaitingPlanForm(QueryForm):
    """Step 1 of the waiting-period estimator: the plan."""

    plan = TypedChoiceField(
        label=_("¿Qué seguro tienes o vas a tener?"),
        choices=list(PLAN_LABELS.items()),
        coerce=rules.Plan,
        widget=HintedRadioSelect(hints=PLAN_HINTS),
        error_messages={
            "required": _("Elige el seguro."),
            "invalid_choice": _("No conocemos el seguro «%(value)s»: elige uno de la lista."),
        },
    )


class PotestativoStartForm(QueryForm):
    plan = forms.CharField(widget=forms.HiddenInput)
    primer_pago = DayField(
        label=_("Fecha de tu primer pago"),
        help_text=_("Día/mes/año, por ejemplo 15/03/2025."),
        error_messages={
            "required": _("Indica la fecha de tu primer pago, por ejemplo 15/03/2025.")
        },
    )

    def __init__(self, data=None, *, today: date, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["plan"].initial = rules.Plan.POTESTATIVO.value
        self.fields["primer_pago"].initial = f"{today:%d/%m/%Y}"


class AgrarioStartForm(QueryForm):
    plan = forms.CharField(widget=forms.HiddenInput)
    primer_aporte = MonthField(
        label=_("Mes de tu primer aporte"),
        help_text=_("Año y mes, por ejemplo 2025-03."),
        error_messages={"required": _("Indica el mes de tu primer aporte, por ejemplo 2025-03.")},
    )

    def __init__(self, data=None, *, today: date, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["plan"].initial = rules.Plan.AGRARIO.value
        self.fields["primer_aporte"].initial = month_text(today)


class RegularForm(QueryForm):
    """Seguro Regular, first question: which month, what happened, pensioner or not."""

    plan = forms.CharField(widget=forms.HiddenInput)
    atencion = MonthField(
        label=_("¿Para qué mes quieres saber si tienes cobertura?"),
        help_text=_("El mes en que necesitas la atención. Año y mes, por ejemplo 2025-06."),
        error_messages={"required": _("Indica el mes de la atención, por ejemplo 2025-06.")},
    )
    tipo = TypedChoiceField(
        label=_("¿Para qué es la atención?"),
        choices=list(CONTINGENCY_LABELS.items()),
        coerce=rules.Contingency,
        widget=HintedRadioSelect(hints=CONTINGENCY_HINTS),
        error_messages={
            "required": _("Elige para qué es la atención."),
            "invalid_choice": _("«%(value)s» no es una de las opciones: elige una de la lista."),
        },
    )
    pensionista = forms.BooleanField(
        label=_("Soy pensionista"),
        help_text=_("Los pensionistas no tienen periodo de carencia."),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "si"}),
    )
    primer_aporte = MonthField(
        label=_("Si empezaste a aportar hace poco: mes de tu primer aporte (opcional)"),
        help_text=_(
            "Año y mes, por ejemplo 2025-03. Sirve para marcar tus meses de aporte y decirte "
            "desde cuándo tienes cobertura."
        ),
        required=False,
        error_messages={
            "before": _(
                "Las reglas cubren periodos desde %(first)s. Si empezaste antes, deja este "
                "dato vacío."
            ),
        },
    )

    def __init__(self, data=None, *, today: date, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["plan"].initial = rules.Plan.REGULAR.value
        self.fields["atencion"].initial = month_text(today)
        self.fields["tipo"].initial = rules.Contingency.ILLNESS.value

    @property
    def needs_months(self) -> bool:
        """Only an illness of a non-pensioner depends on the months contributed."""
        data = self.cleaned_data
        return not data["pensionista"] and data["tipo"] is rules.Contingency.ILLNESS

    @property
    def window(self) -> tuple[date, ...]:
        """The calendar months whose contributions count for the care asked about (the rules
        return them with any answer, so ask with none)."""
        return rules.regular_covered(
            contributed_months=(), contingency_on=self.cleaned_data["atencion"]
        ).window

    def estimate(self, months: tuple[date, ...] = ()):
        """(coverage, start): whether the care is covered given the months contributed, and
        when coverage starts if a first contribution was given (else None). The page and the
        API both answer with this."""
        data = self.cleaned_data
        coverage = rules.regular_covered(
            contributed_months=months,
            contingency_on=data["atencion"],
            contingency=data["tipo"],
            pensioner=data["pensionista"],
        )
        start = None
        if data["primer_aporte"]:
            start = rules.coverage_start(
                plan=rules.Plan.REGULAR,
                first_contribution=data["primer_aporte"],
                pensioner=data["pensionista"],
            )
        return coverage, start


class RegularMonthsForm(QueryForm):
    """Seguro Regular, second question: which of the months before the care were paid."""

    aportes = MultipleChoiceField(
        label=_("¿En cuáles de estos meses se pagó tu aporte?"),
        help_text=_("Marca cada mes en que se hizo el aporte por ti."),
        required=False,
        widget=HintedCheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "«%(value)s» no es uno de los meses de la lista: marca solo meses de la lista."
            ),
        },
    )

    def __init__(self, data=None, *, window: tuple[date, ...], **kwargs):
        super().__init__(data, **kwargs)
        self.window = window
        self.fields["aportes"].choices = [
            (month_text(month), capfirst(date_format(month, "YEAR_MONTH_FORMAT")))
            for month in window
        ]

    @staticmethod
    def months_since(window: tuple[date, ...], first: date | None) -> list[str]:
        """The window's months from ``first`` on: ticked for someone who pays every month."""
        return [month_text(month) for month in window if first and month >= first]

    @property
    def months(self) -> tuple[date, ...]:
        ticked = set(self.cleaned_data["aportes"])
        return tuple(month for month in self.window if month_text(month) in ticked)


# --- Coverage after the job ends (latencia) --------------------------------------------


class LatencyForm(QueryForm):
    aportes = CountField(
        label=_("¿Cuántos aportes mensuales hizo tu empleador por ti en los últimos 3 años?"),
        error_messages={
            "required": _("Indica el número de aportes mensuales, de 0 a 36."),
            "negative": _("El número de aportes no puede ser negativo."),
        },
    )

    def __init__(self, data=None, *, today: date, **kwargs):
        super().__init__(data, **kwargs)
        table = rules.parameters_on(today).latency_months
        field = self.fields["aportes"]
        field.max_value = table.value[-1].high
        field.error_messages["too_big"] = _(
            "En 3 años hay como máximo %(max)s aportes mensuales: escribe un número de 0 a %(max)s."
        )
        field.help_text = _(
            "Cuenta los meses con aporte en los 3 años antes del fin del empleo (o de la "
            "suspensión perfecta de labores): un número de 0 a %(max)s."
        ) % {"max": field.max_value}
