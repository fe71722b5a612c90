"""The contribution calculator's forms: step 1 the situation, step 2 only its inputs."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from insurance import rules

from .fields import (
    MAX_WORKERS,
    AgesField,
    CountField,
    HintedRadioSelect,
    MoneyField,
    MonthField,
    RiskLevelField,
    TypedChoiceField,
    month_text,
)
from .query import QueryForm

# Who each situation is for, in one plain line (the labels come from the rules' registry).
REGIMEN_HINTS = {
    "regular": _(
        "Trabajas en planilla, también como trabajador del hogar, de construcción civil o "
        "portuario. Aporta tu empleador."
    ),
    "agrario-dependiente": _(
        "Trabajas en planilla para un empleador agrario. Aporta el empleador, con una tasa "
        "según su tamaño."
    ),
    "pescador-artesanal": _(
        "Pescas o procesas productos pesqueros de forma artesanal, por tu cuenta. Se aporta "
        "sobre el valor de lo que se vende."
    ),
    "ex-cbssp": _(
        "Eres trabajador pesquero afiliado a la ex Caja de Beneficios y Seguridad Social del "
        "Pescador (CBSSP)."
    ),
    "pensionista": _(
        "Recibes una pensión, también de la ex CBSSP. La ONP o la AFP descuenta el aporte."
    ),
    "potestativo": _(
        "Te aseguras por tu cuenta, sin empleador, tú y tu familia. Se paga un monto fijo por "
        "persona según su edad."
    ),
    "sctr-dependiente": _(
        "Tu empleador realiza actividades de alto riesgo y te asegura contra accidentes de "
        "trabajo y enfermedades profesionales."
    ),
    "sctr-independiente": _(
        "Trabajas por tu cuenta en una actividad de alto riesgo, sin vínculo laboral con un "
        "empleador."
    ),
    "agrario-independiente": _(
        "Cultivas o crías por cuenta propia y te inscribiste antes de que se suspendieran las "
        "inscripciones nuevas."
    ),
    "vida": _("Seguro de accidentes voluntario, complementario a tu seguro de EsSalud."),
}

# What to write in ``monto``, by situation.
AMOUNT_HINTS = {
    "pescador-artesanal": _("Valor del producto comercializado, en soles. Por ejemplo 1,025.50."),
    "pensionista": _("Tu pensión mensual, en soles. Por ejemplo 1,025.50."),
}
PAY_HINT = _("Remuneración o ingreso mensual, en soles. Por ejemplo 1,025.50.")


class RegimenForm(QueryForm):
    """Step 1: the situation. ``cleaned_data["regimen"]`` is the registry's Regimen."""

    regimen = TypedChoiceField(
        label=_("¿Cuál es tu situación?"),
        choices=[(slug, regimen.label) for slug, regimen in rules.REGIMENES.items()],
        coerce=rules.REGIMENES.__getitem__,
        widget=HintedRadioSelect(hints=REGIMEN_HINTS),
        error_messages={
            "required": _("Elige tu situación."),
            "invalid_choice": _("No conocemos la situación «%(value)s»: elige una de la lista."),
        },
    )

    @staticmethod
    def chosen(query) -> rules.Regimen | None:
        """What ``cleaned_data["regimen"]`` is when ``query`` is valid, else None, without
        building the form: a result asks it first, on every request, and a form costs a
        fortieth of the page (issue 15). The choices are the registry's keys."""
        slug = query.get("regimen")
        return rules.REGIMENES.get(slug) if isinstance(slug, str) else None


class CalculatorForm(QueryForm):
    """Step 2: the month and only the inputs the chosen situation needs."""

    regimen = forms.CharField(widget=forms.HiddenInput)
    periodo = MonthField(
        label=_("Mes del aporte"),
        help_text=_("Año y mes, por ejemplo 2024-05. También vale 05/2024."),
        error_messages={"required": _("Indica el mes del aporte, por ejemplo 2024-05.")},
    )
    monto = MoneyField(
        label=_("Monto"),
        error_messages={"required": _("Indica el monto, por ejemplo 1,025.50.")},
    )
    nivel_riesgo = RiskLevelField(
        label=_("Nivel de riesgo de la actividad"),
        help_text=_("Busca el sector de la actividad; la tasa de cada nivel incluye IGV."),
        choices=[
            ("1", _("Nivel I")),
            ("2", _("Nivel II")),
            ("3", _("Nivel III")),
            ("4", _("Nivel IV")),
        ],
        widget=HintedRadioSelect,
        error_messages={
            "required": _("Elige el nivel de riesgo (I, II, III o IV)."),
            "invalid_choice": _("El nivel de riesgo «%(value)s» no existe: elige I, II, III o IV."),
        },
    )
    edades = AgesField(
        label=_("Edades de las personas que quieres asegurar"),
        help_text=_(
            "Tú, el titular (mayor de edad), y tu familia, separadas por comas. Por ejemplo: "
            "35, 33, 4."
        ),
        error_messages={"required": _("Indica la edad de al menos una persona.")},
    )
    trabajadores = CountField(
        label=_("Trabajadores del empleador en el año fiscal anterior"),
        max_value=MAX_WORKERS,
        error_messages={
            "required": _("Indica el número de trabajadores del año fiscal anterior."),
            "negative": _("El número de trabajadores no puede ser negativo."),
        },
    )
    ventas_netas = MoneyField(
        label=_("Ventas netas del empleador en el año fiscal anterior"),
        error_messages={
            "required": _("Indica las ventas netas del año fiscal anterior (o 0 si no las sabes)."),
            "negative": _("Las ventas netas no pueden ser negativas."),
        },
    )

    def __init__(self, data=None, *, regimen: rules.Regimen, today: date, **kwargs):
        wanted = {"regimen", "periodo", *(needed.value for needed in regimen.inputs)}
        super().__init__(data, only=wanted, **kwargs)
        self.regimen = regimen
        self.fields["regimen"].initial = regimen.slug
        self.fields["periodo"].initial = month_text(today)
        parameters = rules.parameters_on(today)
        if "monto" in self.fields:
            self.fields["monto"].label = str(regimen.amount_label)  # the request's language
            self.fields["monto"].help_text = AMOUNT_HINTS.get(regimen.slug, PAY_HINT)
        if "nivel_riesgo" in self.fields:
            self.fields["nivel_riesgo"].widget.hints = {
                str(number): level.rate(parameters).description
                for number, level in enumerate(rules.RiskLevel, start=1)
            }
        if "trabajadores" in self.fields:
            workers = parameters.agrarian_large_min_workers
            sales = parameters.agrarian_large_sales_uit
            self.fields["trabajadores"].help_text = _(
                "El empleador es grande con %(workers)s o más, o con ventas netas de más de "
                "%(sales)s (%(soles)s con la UIT de %(year)s; se usa la del mes del aporte); "
                "si no, es pequeño."
            ) % {
                "workers": workers.formatted,
                "sales": sales.formatted,
                "soles": rules.format_soles(rules.agrarian_sales_threshold(on=today)),
                "year": today.year,
            }
            self.fields["ventas_netas"].help_text = _(
                "En soles. Si no las sabes y el empleador tiene %(workers)s o más, escribe 0: "
                "ya es grande."
            ) % {"workers": workers.formatted}

    def to_input(self) -> rules.CalculatorInput:
        data = self.cleaned_data
        return rules.CalculatorInput(
            regimen=self.regimen.slug,
            on=data["periodo"],
            monto=data.get("monto"),
            nivel_riesgo=data.get("nivel_riesgo") or None,
            edades=data.get("edades") or (),
            trabajadores=data.get("trabajadores"),
            ventas_netas=data.get("ventas_netas"),
        )
