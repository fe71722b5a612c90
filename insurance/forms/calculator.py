"""The calculator's forms: monthly contribution, waiting period (carencia) and latency.

Every field reads the query string (results are GET URLs, so they can be bookmarked and
shared) and turns what a person typed into the value the rules take: ``"1,025.50"`` ->
``Decimal("1025.50")``, ``"2024-05"`` -> ``date(2024, 5, 1)``, ``"35, 33, 4"`` ->
``(35, 33, 4)``. A bad value gets a Spanish message beside its field. The rules check their
inputs again; ``add_rules_error`` shows what they say in the same place, never a 500.
"""

import re
from datetime import date
from decimal import Decimal
from typing import NoReturn

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from insurance import rules
from insurance.rules.dates import month_label
from insurance.rules.inputs import MAX_AGE

# Sanity bounds on input, not norms: they keep absurd URLs away from the rules.
MAX_YEAR = 2099
MAX_PEOPLE = 20  # people in one Potestativo family
MAX_MONEY = Decimal("999999999999.99")  # twelve digits of soles: any pay, pension or sales
MAX_WORKERS = 10_000_000
MAX_LENGTH = 200  # characters in one value


class HintedChoiceWidgetMixin:
    """A hint under each option, tied to its input by ``aria-describedby``."""

    def __init__(self, *args, hints=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hints = dict(hints or {})

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["hint"] = self.hints.get(str(value), "")
        if option["hint"] and option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_hint"
        return option


class HintedRadioSelect(HintedChoiceWidgetMixin, forms.RadioSelect):
    pass


class HintedCheckboxSelectMultiple(HintedChoiceWidgetMixin, forms.CheckboxSelectMultiple):
    pass


def text_input(**attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", **attrs})


class ParsedField(forms.CharField):
    """A text box whose text becomes a domain value; subclasses write ``parse``.

    The widget shows the raw text, so a bad value is re-shown exactly as typed.
    """

    default_error_messages = {"invalid": _("Revisa este dato.")}

    def __init__(self, *, widget=None, **kwargs):
        super().__init__(widget=widget or text_input(), **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        if len(text) > MAX_LENGTH:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return self.parse(text)

    def parse(self, text: str):
        raise NotImplementedError

    def fail(self, code: str, **params) -> NoReturn:
        raise ValidationError(self.error_messages[code], code=code, params=params or None)


_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"  # 1025 or 1,025 (comma for thousands)
_MONEY = re.compile(_DIGITS + r"(?:\.([0-9]*))?")
_COMMA_DECIMALS = re.compile(r"[0-9.]*[0-9],[0-9]{1,2}")  # 1025,50 or 1.025,50
_CURRENCY = re.compile(r"^s/\.?\s*", re.IGNORECASE)


class MoneyField(ParsedField):
    """Soles as Peruvians write them: ``1025.50``, ``1,025.50``, ``S/ 1,025.50``."""

    default_error_messages = {
        "invalid": _("Escribe el monto solo con números, por ejemplo 1,025.50."),
        "negative": _("El monto no puede ser negativo."),
        "comma_decimals": _(
            "Usa el punto para los decimales y la coma para los miles, por ejemplo 1,025.50."
        ),
        "decimals": _("Escribe como máximo dos decimales (céntimos), por ejemplo 1,025.50."),
        "too_big": _("El monto es demasiado grande: revisa las cifras."),
    }

    def __init__(self, **kwargs):
        super().__init__(
            widget=text_input(inputmode="decimal", **{"class": "input-money"}), **kwargs
        )

    def parse(self, text: str) -> Decimal:
        text = _CURRENCY.sub("", text).strip()
        if text[:1] in "-−" and _MONEY.fullmatch(text[1:].strip()):
            self.fail("negative")
        match = _MONEY.fullmatch(text)
        if not match:
            self.fail("comma_decimals" if _COMMA_DECIMALS.fullmatch(text) else "invalid")
        if len(match.group(1) or "") > 2:
            self.fail("decimals")
        amount = Decimal(text.replace(",", ""))
        if amount > MAX_MONEY:
            self.fail("too_big")
        return amount


class CountField(ParsedField):
    """A whole number from 0 to ``max_value``; ``1,200`` is accepted."""

    default_error_messages = {
        "invalid": _("Escribe un número entero, por ejemplo 120."),
        "negative": _("El número no puede ser negativo."),
        "too_big": _("El número no puede ser mayor que %(max)s."),
    }

    def __init__(self, *, max_value: int = MAX_WORKERS, **kwargs):
        self.max_value = max_value
        super().__init__(
            widget=text_input(inputmode="numeric", **{"class": "input-count"}), **kwargs
        )

    def parse(self, text: str) -> int:
        if text[:1] in "-−" and re.fullmatch(_DIGITS, text[1:].strip()):
            self.fail("negative")
        if not re.fullmatch(_DIGITS, text):
            self.fail("invalid")
        number = int(text.replace(",", ""))
        if number > self.max_value:
            self.fail("too_big", max=f"{self.max_value:,}")
        return number


class DateRangeMixin:
    """Dates the rules cover: from their first period to ``MAX_YEAR``."""

    def check_range(self, day: date) -> date:
        first = rules.covered_from()
        if day < first:
            self.fail("before", first=month_label(first))
        if day.year > MAX_YEAR:
            self.fail("after", last=MAX_YEAR)
        return day


_ISO_MONTH = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})")
_LOCAL_MONTH = re.compile(r"([0-9]{1,2})[-/]([0-9]{4})")


class MonthField(DateRangeMixin, ParsedField):
    """A contribution month: ``2024-05`` (what the URLs use), also ``05/2024``."""

    default_error_messages = {
        "invalid": _("Escribe el mes como año-mes, por ejemplo 2024-05."),
        "before": _("Las reglas cubren periodos desde %(first)s."),
        "after": _("Indica un mes hasta diciembre de %(last)s."),
    }

    def __init__(self, **kwargs):
        super().__init__(widget=text_input(**{"class": "input-month"}), **kwargs)

    def parse(self, text: str) -> date:
        if match := _ISO_MONTH.fullmatch(text):
            year, month = match.groups()
        elif match := _LOCAL_MONTH.fullmatch(text):
            month, year = match.groups()
        else:
            self.fail("invalid")
        if not 1 <= int(month) <= 12:
            self.fail("invalid")
        return self.check_range(date(int(year), int(month), 1))


_LOCAL_DAY = re.compile(r"([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


class DayField(DateRangeMixin, ParsedField):
    """A day written ``15/03/2025`` (as in Peru) or ``2025-03-15``."""

    default_error_messages = {
        "invalid": _("Escribe la fecha como día/mes/año, por ejemplo 15/03/2025."),
        "before": _("Las reglas cubren fechas desde %(first)s."),
        "after": _("Indica una fecha hasta el año %(last)s."),
    }

    def __init__(self, **kwargs):
        super().__init__(widget=text_input(**{"class": "input-day"}), **kwargs)

    def parse(self, text: str) -> date:
        if match := _LOCAL_DAY.fullmatch(text):
            day, month, year = match.groups()
        elif match := _ISO_DAY.fullmatch(text):
            year, month, day = match.groups()
        else:
            self.fail("invalid")
        try:
            parsed = date(int(year), int(month), int(day))
        except ValueError:
            self.fail("invalid")
        return self.check_range(parsed)


class AgesField(ParsedField):
    """The ages of the insured people: ``35, 33, 4`` (commas, spaces or "y" between)."""

    default_error_messages = {
        "invalid": _("«%(value)s» no es una edad: escribe años enteros, por ejemplo 35, 33, 4."),
        "negative": _("Las edades no pueden ser negativas."),
        "range": _("La edad %(value)s no es válida: debe estar entre 0 y %(max)s años."),
        "empty": _("Indica la edad de al menos una persona."),
        "too_many": _("Indica como máximo %(max)s personas."),
    }

    def parse(self, text: str) -> tuple[int, ...]:
        tokens = [token for token in re.split(r"[,;\s]+|\by\b", text) if token]
        if not tokens:
            self.fail("empty")
        if len(tokens) > MAX_PEOPLE:
            self.fail("too_many", max=MAX_PEOPLE)
        ages = []
        for token in tokens:
            if token[:1] in "-−" and token[1:].isascii() and token[1:].isdigit():
                self.fail("negative")
            if not (token.isascii() and token.isdigit()):
                self.fail("invalid", value=token)
            if int(token) > MAX_AGE:
                self.fail("range", value=int(token), max=MAX_AGE)
            ages.append(int(token))
        return tuple(ages)


class RiskLevelField(forms.ChoiceField):
    """SCTR risk level 1 to 4; the norm's roman numerals (``II``) are accepted too."""

    ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

    def to_python(self, value):
        text = super().to_python(value).strip()
        return self.ROMAN.get(text.upper(), text)


class QueryForm(forms.Form):
    """A form read from the query string.

    Ids are the field names, so the error summary links to ``#monto``; the browser's own
    validation is off (no ``required`` attributes) so that every message is ours.
    """

    use_required_attribute = False

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("auto_id", "%s")
        super().__init__(data, **kwargs)

    @property
    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary; radio groups link to their first option."""
        links = [("", message) for message in self.non_field_errors()]
        for field in self:
            if field.name in self.errors and field.name != NON_FIELD_ERRORS:
                anchor = "" if field.is_hidden else field.id_for_label or f"{field.auto_id}_0"
                links.extend((anchor, message) for message in field.errors)
        return links

    @property
    def query_items(self) -> list[tuple[str, str]]:
        """This form's fields as typed (name, value), to carry them to the next step."""
        items = []
        for name in self.fields:
            if hasattr(self.data, "getlist"):
                values = self.data.getlist(name)
            else:
                values = [self.data[name]] if name in self.data else []
            items.extend((name, value) for value in values if value != "")
        return items

    def query_string(self) -> str:
        """This form's fields as typed, for a "change" link that keeps the inputs."""
        query = QueryDict(mutable=True)
        for name, value in self.query_items:
            query.appendlist(name, value)
        return query.urlencode()

    def add_rules_error(self, error: rules.RulesError, *, period_field: str = "periodo") -> None:
        """Show what the rules refused beside the field they name."""
        if isinstance(error, rules.PeriodNotCovered):
            field = period_field
        else:
            field = getattr(error, "field", None)
        self.add_error(field if field in self.fields else None, error.message)


# --- The contribution calculator -------------------------------------------------------

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

    regimen = forms.TypedChoiceField(
        label=_("¿Cuál es tu situación?"),
        choices=[(slug, regimen.label) for slug, regimen in rules.REGIMENES.items()],
        coerce=rules.REGIMENES.__getitem__,
        widget=HintedRadioSelect(hints=REGIMEN_HINTS),
        error_messages={
            "required": _("Elige tu situación."),
            "invalid_choice": _("No conocemos la situación «%(value)s»: elige una de la lista."),
        },
    )


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
        choices=[("1", "Nivel I"), ("2", "Nivel II"), ("3", "Nivel III"), ("4", "Nivel IV")],
        widget=HintedRadioSelect,
        error_messages={
            "required": _("Elige el nivel de riesgo (I, II, III o IV)."),
            "invalid_choice": _("El nivel de riesgo «%(value)s» no existe: elige I, II, III o IV."),
        },
    )
    edades = AgesField(
        label=_("Edades de las personas que quieres asegurar"),
        help_text=_("Tú y tu familia, separadas por comas. Por ejemplo: 35, 33, 4."),
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
        super().__init__(data, **kwargs)
        self.regimen = regimen
        wanted = {"regimen", "periodo", *(needed.value for needed in regimen.inputs)}
        for name in [name for name in self.fields if name not in wanted]:
            del self.fields[name]
        self.fields["regimen"].initial = regimen.slug
        self.fields["periodo"].initial = f"{today:%Y-%m}"
        parameters = rules.parameters_on(today)
        if "monto" in self.fields:
            self.fields["monto"].label = regimen.amount_label
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
                "%(sales)s; si no, es pequeño."
            ) % {"workers": workers.formatted, "sales": sales.formatted}
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

    plan = forms.TypedChoiceField(
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
        self.fields["primer_aporte"].initial = f"{today:%Y-%m}"


class RegularForm(QueryForm):
    """Seguro Regular, first question: which month, what happened, pensioner or not."""

    plan = forms.CharField(widget=forms.HiddenInput)
    atencion = MonthField(
        label=_("¿Para qué mes quieres saber si tienes cobertura?"),
        help_text=_("El mes en que necesitas la atención. Año y mes, por ejemplo 2025-06."),
        error_messages={"required": _("Indica el mes de la atención, por ejemplo 2025-06.")},
    )
    tipo = forms.TypedChoiceField(
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
        self.fields["atencion"].initial = f"{today:%Y-%m}"
        self.fields["tipo"].initial = rules.Contingency.ILLNESS.value

    @property
    def needs_months(self) -> bool:
        """Only an illness of a non-pensioner depends on the months contributed."""
        data = self.cleaned_data
        return not data["pensionista"] and data["tipo"] is rules.Contingency.ILLNESS


class RegularMonthsForm(QueryForm):
    """Seguro Regular, second question: which of the months before the care were paid."""

    aportes = forms.MultipleChoiceField(
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
            (f"{month:%Y-%m}", capfirst(date_format(month, "YEAR_MONTH_FORMAT")))
            for month in window
        ]

    @staticmethod
    def months_since(window: tuple[date, ...], first: date | None) -> list[str]:
        """The window's months from ``first`` on: ticked for someone who pays every month."""
        return [f"{month:%Y-%m}" for month in window if first and month >= first]

    @property
    def months(self) -> tuple[date, ...]:
        ticked = set(self.cleaned_data["aportes"])
        return tuple(month for month in self.window if f"{month:%Y-%m}" in ticked)


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
