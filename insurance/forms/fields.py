"""Fields that read what a person typed in the query string and turn it into the value the
rules take: ``"1,025.50"`` -> ``Decimal("1025.50")``, ``"2024-05"`` -> ``date(2024, 5, 1)``,
``"35, 33, 4"`` -> ``(35, 33, 4)``. A bad value gets a Spanish message beside its field.

Shared by the calculator's forms (``calculator``, ``estimators``) and the wizard's; the
widgets show a hint under each option of a choice.
"""

import re
from datetime import date
from decimal import Decimal
from typing import NoReturn

from django import forms
from django.core.exceptions import ValidationError
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


class SharedChoicesMixin:
    """Choices declared once and never changed in place (a form may replace them whole).

    Django deep-copies every declared field for each form it builds, and a choice field's
    list with all its lazy labels with it: for a result page that builds several forms, a
    twentieth of its time (issue 15). These fields share the list instead.
    """

    def __deepcopy__(self, memo):
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result


class ChoiceField(SharedChoicesMixin, forms.ChoiceField):
    pass


class TypedChoiceField(SharedChoicesMixin, forms.TypedChoiceField):
    pass


class MultipleChoiceField(SharedChoicesMixin, forms.MultipleChoiceField):
    pass


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

    def in_range(self, year: str, month: str, day: str = "1") -> date:
        """The date of the digits typed, or the field's message. The year is checked before
        the date is built: ``date`` refuses year 0 with a ValueError, which is the user's
        typo and deserves the same message as any year before the rules."""
        first = rules.covered_from()
        if not 1 <= int(month) <= 12:
            self.fail("invalid")
        if int(year) > MAX_YEAR:
            self.fail("after", last=MAX_YEAR)
        if int(year) < first.year:
            self.fail("before", first=month_label(first))
        try:
            parsed = date(int(year), int(month), int(day))
        except ValueError:  # 31 February
            self.fail("invalid")
        if parsed < first:
            self.fail("before", first=month_label(first))
        return parsed


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
        return self.in_range(year, month)


def month_text(day: date) -> str:
    """A month as the query string writes it (``2024-05``), the form ``MonthField`` reads."""
    return f"{day:%Y-%m}"


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
        return self.in_range(year, month, day)


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


class RiskLevelField(ChoiceField):
    """SCTR risk level 1 to 4; the norm's roman numerals (``II``) are accepted too."""

    ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

    def to_python(self, value):
        text = super().to_python(value).strip()
        return self.ROMAN.get(text.upper(), text)
