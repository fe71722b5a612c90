"""+Vida Seguro de Accidentes: a fixed monthly premium per titular."""

from datetime import date

from .contributions import param_step
from .money import Rounding
from .parameters import parameters_on
from .results import Contribution, Payer
from .text import _


def vida_premium(*, on: date) -> Contribution:
    """+Vida: a fixed monthly premium per titular (por confirmar, see figures.md)."""
    premium = parameters_on(on).vida_premium
    return Contribution(
        regimen="vida",
        on=on,
        exact=premium.value,
        payable=premium.value,
        rounding=Rounding.NONE,
        paid_by=(Payer.TITULAR,),
        parameters=(premium,),
        steps=(param_step(_("Prima mensual por titular"), premium),),
        notes=(
            premium.note,
            _(
                "Trabajador dependiente: el empleador la descuenta de la remuneración con "
                "autorización escrita y la paga a través de SUNAT. Independiente: se afilia y "
                "paga en una OSPE (Formulario 6012)."
            ),
        ),
    )
