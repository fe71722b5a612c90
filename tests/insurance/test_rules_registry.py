"""The calculator registry: every regime slug maps to its rule, label and inputs."""

from datetime import date
from decimal import Decimal

import pytest

from insurance import rules
from insurance.rules import CalculatorInput

D = Decimal


def test_registry_has_every_calculator_regime():
    assert set(rules.REGIMENES) == {
        "regular", "agrario-dependiente", "pescador-artesanal", "ex-cbssp", "pensionista",
        "potestativo", "sctr-dependiente", "sctr-independiente", "agrario-independiente",
        "vida",
    }  # fmt: skip
    assert all(r.label and r.plan in {"regular", "potestativo", "sctr", "agrario", "vida"}
               for r in rules.REGIMENES.values())  # fmt: skip


ON = date(2024, 6, 1)
# fmt: off
CALCULATIONS = [
    (CalculatorInput("regular", ON, monto=D("800")), "92.25"),
    (CalculatorInput("agrario-dependiente", ON, monto=D("2000"), trabajadores=120,
                     ventas_netas=D("0")), "120.00"),  # large in 2024: 6% × 2,000
    (CalculatorInput("pescador-artesanal", ON, monto=D("500")), "92.25"),
    (CalculatorInput("ex-cbssp", ON, monto=D("500")), "45.10"),
    (CalculatorInput("pensionista", ON, monto=D("1500")), "60.00"),
    (CalculatorInput("potestativo", ON, edades=(35, 5)), "275.00"),  # 138 + 137
    (CalculatorInput("sctr-dependiente", ON, monto=D("1000"), nivel_riesgo="II"), "12.00"),
    (CalculatorInput("sctr-independiente", ON, nivel_riesgo="II"), "32.00"),
    (CalculatorInput("agrario-independiente", ON), "61.50"),
    (CalculatorInput("vida", ON), "5.00"),
]
# fmt: on


@pytest.mark.parametrize(
    ("request_", "payable"), CALCULATIONS, ids=[c[0].regimen for c in CALCULATIONS]
)
def test_calculate_dispatches_each_regime(request_, payable):
    result = rules.calculate(request_)
    assert result.payable == D(payable)
    assert result.regimen == request_.regimen


def test_calculate_explains_the_agrarian_employer_size():
    result = rules.calculate(CalculatorInput("agrario-dependiente", date(2023, 12, 1),
                                             monto=D("2000"), trabajadores=10,
                                             ventas_netas=D("8500000")))  # fmt: skip
    assert result.payable == D("160.00")  # large by sales (> 8,415,000) in 2023: 8%
    assert "agrarian_large_sales_uit" in [p.name for p in result.parameters]


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (CalculatorInput("regular", ON), "monto"),
        (CalculatorInput("sctr-independiente", ON), "nivel_riesgo"),
        (CalculatorInput("potestativo", ON), "edades"),
        (CalculatorInput("agrario-dependiente", ON, monto=D("1")), "trabajadores"),
        (CalculatorInput("seguro-privado", ON), "regimen"),
    ],
)
def test_calculate_names_the_missing_field(request_, field):
    with pytest.raises(rules.InvalidInput) as caught:
        rules.calculate(request_)
    assert caught.value.field == field
