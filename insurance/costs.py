"""What each plan costs a month, as its page and its card say it up front.

Every figure is computed by the rules for the day asked (``insurance.rules``), never
written in a fixture or a template, so the cards, the plan pages and the calculator agree;
each line keeps the parameters it used, so the page can mark a figure "por confirmar".
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from . import rules


@dataclass(frozen=True)
class CostLine:
    """``before`` + ``amount`` + ``after``: the amount is what the page emphasises."""

    before: str
    amount: str
    after: str
    values: tuple[rules.ParameterValue, ...] = ()

    @property
    def unconfirmed(self) -> rules.ParameterValue | None:
        """The first value behind the amount that is still to confirm, for the mark."""
        return next((value for value in self.values if value.to_confirm), None)


AMOUNT = "\x00"  # where the amount goes in a sentence, so each sentence is one msgid


def _line(sentence: str, amount: str, values, **words) -> CostLine:
    """``sentence`` has an ``%(amount)s``; the page puts the mark right after it."""
    before, after = (sentence % {**words, "amount": AMOUNT}).split(AMOUNT)
    return CostLine(before, amount, after, tuple(values))


def _agrarian_rate(p: rules.Parameters) -> str:
    """The agrarian employer's rate (Regular 3.2, Agrario 3): one, or one per size."""
    large, small = p.agrarian_rate_large, p.agrarian_rate_small
    if large.value == small.value:
        return large.formatted
    return _("%(large)s (empleador grande) o %(small)s (pequeño)") % {
        "large": large.formatted,
        "small": small.formatted,
    }


def _regular(on: date) -> list[CostLine]:
    # Agrarian dependants are in the Regular plan too (section 1), at their own rates (3.2):
    # "9%" alone would be wrong for them.
    p = rules.parameters_on(on)
    return [
        _line(
            _("Si trabajas para un empleador, lo paga él: %(amount)s; tú no pagas nada."),
            _("%(rate)s de tu remuneración (si eres trabajador agrario: %(agrarian)s)")
            % {"rate": p.regular_rate.formatted, "agrarian": _agrarian_rate(p)},
            [p.regular_rate, p.agrarian_rate_large, p.agrarian_rate_small],
        ),
        _line(
            _("Si eres pensionista: %(amount)s, que la ONP o tu AFP descuenta."),
            _("%(rate)s de tu pensión") % {"rate": p.pensioner_rate.formatted},
            [p.pensioner_rate],
        ),
    ]


def _potestativo(on: date) -> list[CostLine]:
    table = rules.parameters_on(on).potestativo_premiums
    premiums = [band.value for band in table.value]
    return [
        _line(
            _("Desde %(amount)s al mes por persona, según su edad (hasta %(most)s)."),
            rules.format_soles(min(premiums)),
            [table],
            most=rules.format_soles(max(premiums)),
        )
    ]


def _sctr(on: date) -> list[CostLine]:
    p = rules.parameters_on(on)
    lowest, highest = rules.RiskLevel.I, rules.RiskLevel.IV
    low = rules.sctr_independent(risk_level=lowest, on=on)
    high = rules.sctr_independent(risk_level=highest, on=on)
    low_rate, high_rate = lowest.rate(p), highest.rate(p)
    return [
        _line(
            _("Si eres dependiente, lo paga tu empleador: %(amount)s, según el nivel de riesgo."),
            _("de %(low)s a %(high)s de tu remuneración")
            % {"low": low_rate.formatted, "high": high_rate.formatted},
            [low_rate, high_rate],
        ),
        _line(
            _("Si eres independiente, lo pagas tú: %(amount)s, según el nivel de riesgo."),
            _("de %(low)s a %(high)s al mes")
            % {"low": rules.format_soles(low.payable), "high": rules.format_soles(high.payable)},
            low.parameters + high.parameters,
        ),
    ]


def _agrario(on: date) -> list[CostLine]:
    p = rules.parameters_on(on)
    rate = _("%(rate)s de tu remuneración") % {"rate": _agrarian_rate(p)}
    independent = rules.agrarian_independent(on=on)
    return [
        _line(
            _("Si eres dependiente, lo paga tu empleador: %(amount)s."),
            rate,
            [p.agrarian_rate_large, p.agrarian_rate_small],
        ),
        _line(
            _("Si te inscribiste como independiente antes: %(amount)s (%(rate)s de la RMV)."),
            _("%(amount)s al mes") % {"amount": rules.format_soles(independent.payable)},
            independent.parameters,
            rate=p.agrarian_independent_rate.formatted,
        ),
    ]


def _vida(on: date) -> list[CostLine]:
    premium = rules.parameters_on(on).vida_premium
    return [
        _line(
            _("%(amount)s por titular; cubre también a tu cónyuge o concubino(a) declarado(a)."),
            _("%(amount)s al mes") % {"amount": premium.formatted},
            [premium],
        )
    ]


COSTS: dict[str, Callable[[date], list[CostLine]]] = {
    "regular": _regular,
    "potestativo": _potestativo,
    "sctr": _sctr,
    "agrario": _agrario,
    "vida": _vida,
}


def monthly_cost(slug: str, on: date) -> list[CostLine]:
    """The plan's monthly cost on ``on``, one line per kind of holder; [] if unknown."""
    compute = COSTS.get(slug)
    return compute(on) if compute else []
