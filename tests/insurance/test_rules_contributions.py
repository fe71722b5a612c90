"""Contributions: hand-computed tables, each row with its month, on both sides of every
change date. RMV: 1,025 to 2024-12, 1,130 from 2025-01, 1,230 from 2026-10 (to confirm).
UIT: 4,950 (2023), 5,150 (2024), 5,350 (2025), 5,500 (2026). figures.md is the source.
"""

from datetime import date
from decimal import Decimal

import pytest
import yaml

from insurance import rules
from insurance.rules import EmployerSize, Payer, RiskLevel
from insurance.rules import parameters as parameters_module
from insurance.rules.parameters import DATA_FILE, load_table

D = Decimal

# fmt: off
REGULAR = [
    # month,             pay,      contribution, floor   hand computation
    (date(2024, 12, 1), "800.00", "92.25", True),     # base RMV 1,025 × 9% = 92.25
    (date(2025, 1, 1), "800.00", "101.70", True),     # base RMV 1,130 × 9% = 101.70
    (date(2026, 9, 1), "1000.00", "101.70", True),    # base RMV 1,130 × 9% = 101.70
    (date(2026, 10, 1), "1000.00", "110.70", True),   # base RMV 1,230 × 9% = 110.70
    (date(2024, 12, 1), "1025.00", "92.25", False),   # pay equals the RMV: no floor
    (date(2025, 6, 15), "3000.00", "270.00", False),  # 3,000 × 9% = 270.00
    (date(2023, 1, 1), "1234.56", "111.11", False),   # 1,234.56 × 9% = 111.1104 -> 111.11
    (date(2025, 1, 1), "0", "101.70", True),          # no pay declared: base is the RMV
]
# fmt: on


@pytest.mark.parametrize(("on", "pay", "expected", "floor"), REGULAR)
def test_regular_dependent(on, pay, expected, floor):
    result = rules.regular_dependent(monthly_pay=D(pay), on=on)
    assert result.payable == D(expected)
    assert result.floor_applied is floor
    assert result.paid_by == (Payer.EMPLOYER,)
    assert result.rounding is rules.Rounding.CENT_HALF_UP
    assert all(step.reference for step in result.steps)


def test_regular_keeps_the_exact_amount_apart_from_the_rounded_one():
    result = rules.regular_dependent(monthly_pay=D("1234.56"), on=date(2023, 1, 1))
    assert result.exact == D("111.1104")  # 1,234.56 × 9 / 100
    # The exact product is shown as it is, then rounded: the rounding is evident.
    assert [(str(s.text), str(s.formatted)) for s in result.steps[-2:]] == [
        ("Aporte: 9% de S/ 1,234.56", "S/ 111.1104"),
        ("Aporte redondeado al céntimo", "S/ 111.11"),
    ]
    assert str(result.steps[-1].reference) == "Tramitit Salud muestra el monto al céntimo"


def test_no_rounding_step_where_the_exact_amount_has_cents_only():
    result = rules.regular_dependent(monthly_pay=D("3000"), on=date(2025, 6, 1))
    assert [s.formatted for s in result.steps[-1:]] == ["S/ 270.00"]
    assert "redondeado" not in str(result.steps[-1].text)


# fmt: off
FISHER = [
    # month,             sales,     contribution, floor
    (date(2024, 12, 1), "500.00", "92.25", True),    # 9% × 500 = 45.00 < 9% × 1,025 = 92.25
    (date(2025, 1, 1), "500.00", "101.70", True),    # 45.00 < 9% × 1,130 = 101.70
    (date(2025, 1, 1), "2000.00", "180.00", False),  # 9% × 2,000 = 180.00 > 101.70
    (date(2026, 9, 1), "1130.00", "101.70", False),  # equal to the minimum: not "below"
    (date(2026, 10, 1), "1000.00", "110.70", True),  # 90.00 < 9% × 1,230 = 110.70
]
EX_CBSSP = [
    # month,             pay,      contribution, floor
    (date(2024, 12, 1), "500.00", "45.10", True),    # 9% × 500 = 45.00 < 4.4% × 1,025 = 45.10
    (date(2025, 1, 1), "500.00", "49.72", True),     # 45.00 < 4.4% × 1,130 = 49.72
    (date(2025, 1, 1), "1000.00", "90.00", False),   # 9% × 1,000 = 90.00
    (date(2026, 9, 1), "600.00", "54.00", False),    # 9% × 600 = 54.00 > 49.72
    (date(2026, 10, 1), "600.00", "54.12", True),    # 54.00 < 4.4% × 1,230 = 54.12
]
PENSIONER = [
    # month,            pension,   contribution
    (date(2024, 6, 1), "1500.00", "60.00"),   # 4% × 1,500 = 60.00
    (date(2025, 3, 1), "333.33", "13.33"),    # 4% × 333.33 = 13.3332 -> 13.33
    (date(2025, 3, 1), "500.00", "20.00"),    # below the RMV and no floor: 20.00
    (date(2026, 10, 1), "0", "0.00"),         # no pension, nothing withheld
]
# fmt: on


@pytest.mark.parametrize(("on", "sales", "expected", "floor"), FISHER)
def test_artisanal_fisher(on, sales, expected, floor):
    result = rules.artisanal_fisher(sales_value=D(sales), on=on)
    assert (result.payable, result.floor_applied) == (D(expected), floor)
    assert result.paid_by == (Payer.BUYER, Payer.BOAT_OWNER, Payer.FISHER)
    assert str(result.paid_by_label) == (
        "el comercializador, el armador y el pescador o procesador pesquero"
    )


@pytest.mark.parametrize(("on", "pay", "expected", "floor"), EX_CBSSP)
def test_ex_cbssp_worker(on, pay, expected, floor):
    result = rules.ex_cbssp_worker(monthly_pay=D(pay), on=on)
    assert (result.payable, result.floor_applied) == (D(expected), floor)
    assert "Esta no puede ser menor al 4.4%" in str(result.notes[0])  # the source's own words


@pytest.mark.parametrize(("on", "pension", "expected"), PENSIONER)
def test_pensioner(on, pension, expected):
    result = rules.pensioner(pension=D(pension), on=on)
    assert result.payable == D(expected)
    assert result.floor_applied is None
    assert result.paid_by == (Payer.PENSIONER,)
    assert str(result.withheld_by) == "la ONP o la AFP"


# fmt: off
AGRARIAN = [
    # month,             size,  pay,      contribution, floor
    (date(2023, 12, 1), "large", "2000", "160.00", False),  # 8% × 2,000 (Ley 31110, 2023)
    (date(2023, 12, 1), "small", "2000", "120.00", False),  # 6% × 2,000
    (date(2024, 1, 1), "large", "2000", "120.00", False),   # 6% × 2,000 (Ley 31969)
    (date(2024, 1, 1), "small", "2000", "120.00", False),   # 6% × 2,000
    (date(2027, 12, 1), "large", "1500", "90.00", False),   # 6% × 1,500
    (date(2028, 1, 1), "large", "1500", "135.00", False),   # 9% × 1,500 from 2028-01
    (date(2028, 1, 1), "small", "1500", "135.00", False),   # 9% for every employer
    (date(2023, 6, 1), "small", "900", "61.50", True),      # base RMV 1,025 × 6% = 61.50
    (date(2027, 12, 1), "small", "1000", "73.80", True),    # base RMV 1,230 × 6% = 73.80
]
# fmt: on


@pytest.mark.parametrize(("on", "size", "pay", "expected", "floor"), AGRARIAN)
def test_agrarian_dependent(on, size, pay, expected, floor):
    result = rules.agrarian_dependent(monthly_pay=D(pay), employer_size=size, on=on)
    assert (result.payable, result.floor_applied) == (D(expected), floor)


def test_agrarian_2024_rate_says_the_treasury_pays_the_difference():
    result = rules.agrarian_dependent(
        monthly_pay=D("2000"), employer_size=EmployerSize.LARGE, on=date(2025, 5, 1)
    )
    assert any("Tesoro Público" in str(note) for note in result.notes)


# fmt: off
AGRARIAN_BOUNDARY = [
    # month,            pay,    payable, alternative  the 6% may last through 2028
    (date(2027, 12, 1), "1500", "90.00", None),       # 6%: not in question
    (date(2028, 1, 1), "1500", "135.00", "90.00"),    # 9% × 1,500; or 6% = 90.00
    (date(2028, 12, 1), "2000", "180.00", "120.00"),  # 9% × 2,000; or 6% = 120.00
    (date(2029, 1, 1), "2000", "180.00", None),       # 9% on either reading
]
# fmt: on


@pytest.mark.parametrize(("on", "pay", "payable", "alternative"), AGRARIAN_BOUNDARY)
def test_agrarian_results_that_depend_on_the_end_of_the_6_percent(on, pay, payable, alternative):
    for size in EmployerSize:
        result = rules.agrarian_dependent(monthly_pay=D(pay), employer_size=size, on=on)
        assert result.payable == D(payable)
        assert result.unconfirmed is (alternative is not None)
        if alternative is None:
            assert result.alternatives == ()
        else:
            (other,) = result.alternatives
            assert other.payable == D(alternative)
            assert str(other.text).startswith("Si la tasa de 6% sigue vigente en ")
            assert str(other.text).endswith(f"serían S/ {alternative}.")
            assert [p.name for p in result.to_confirm] == [f"agrarian_rate_{size.value}"]


# fmt: off
EMPLOYER_SIZE = [
    # month,            workers, net sales,       size     hand computation
    (date(2024, 6, 1), 100, "0", "large"),             # 100 workers is enough
    (date(2024, 6, 1), 99, "8755000.00", "small"),     # 1,700 × 5,150 = 8,755,000: not above
    (date(2024, 6, 1), 99, "8755000.01", "large"),     # above 8,755,000
    (date(2023, 12, 1), 10, "8500000", "large"),       # > 1,700 × 4,950 = 8,415,000
    (date(2024, 1, 1), 10, "8500000", "small"),        # <= 8,755,000
    (date(2024, 12, 1), 10, "9000000", "large"),       # > 8,755,000
    (date(2025, 1, 1), 10, "9000000", "small"),        # <= 1,700 × 5,350 = 9,095,000
    (date(2025, 12, 1), 10, "9200000", "large"),       # > 9,095,000
    (date(2026, 1, 1), 10, "9200000", "small"),        # <= 1,700 × 5,500 = 9,350,000
]
# fmt: on


@pytest.mark.parametrize(("on", "workers", "sales", "size"), EMPLOYER_SIZE)
def test_agrarian_employer_size(on, workers, sales, size):
    result = rules.agrarian_employer_size(workers=workers, net_sales=D(sales), on=on)
    assert result.size is EmployerSize(size)


# The sources do not say which year's UIT turns 1,700 UIT into soles: the month's UIT is
# used, and the size is to confirm where the prior fiscal year's UIT gives the other size.
# fmt: off
SIZE_TO_CONFIRM = [
    # month,            workers, net sales,     size,    to confirm  thresholds
    (date(2024, 6, 1), 10, "8415000.00", "small", False),  # 1,700 × 4,950 (2023): not above
    (date(2024, 6, 1), 10, "8415000.01", "small", True),   # above 2023's, not 2024's 8,755,000
    (date(2024, 6, 1), 10, "8755000.00", "small", True),
    (date(2024, 6, 1), 10, "8755000.01", "large", False),  # above both
    (date(2024, 6, 1), 100, "8600000.00", "large", False),  # large by its workers anyway
    (date(2025, 3, 1), 10, "8755000.00", "small", False),  # 2024's 8,755,000: not above
    (date(2025, 3, 1), 10, "9000000.00", "small", True),   # 2025's threshold is 9,095,000
    (date(2025, 3, 1), 10, "9095000.01", "large", False),
    (date(2026, 1, 1), 10, "9200000.00", "small", True),   # 9,095,000 < 9.2 M <= 9,350,000
    (date(2023, 6, 1), 10, "8000000.00", "small", False),  # no UIT of 2022 to compare
    (date(2027, 6, 1), 10, "9200000.00", "small", False),  # 2026 and 2027: the same UIT
]
# fmt: on


@pytest.mark.parametrize(("on", "workers", "sales", "size", "to_confirm"), SIZE_TO_CONFIRM)
def test_agrarian_employer_size_near_the_threshold(on, workers, sales, size, to_confirm):
    result = rules.agrarian_employer_size(workers=workers, net_sales=D(sales), on=on)
    assert (result.size, result.size_to_confirm) == (EmployerSize(size), to_confirm)
    assert str(result.notes[0]).startswith("Las fuentes no dicen con qué UIT")
    assert any("por confirmar" in str(note) for note in result.notes) is to_confirm


def test_the_size_note_names_the_uits_and_both_thresholds():
    result = rules.agrarian_employer_size(workers=10, net_sales=D("8600000"), on=date(2024, 6, 1))
    assert tuple(map(str, result.notes)) == (
        "Las fuentes no dicen con qué UIT se pasan las 1,700 UIT a soles: usamos la del mes "
        "del aporte (S/ 5,150.00), que da S/ 8,755,000.00.",
        "Con la UIT de 2023, el año fiscal de las ventas (S/ 4,950.00), serían S/ 8,415,000.00.",
        "Con estas ventas el tamaño del empleador está por confirmar: con la UIT de 2023 "
        "sería grande.",
    )
    unknown = rules.agrarian_employer_size(workers=10, net_sales=D("1"), on=date(2023, 6, 1))
    assert "No tenemos la UIT de 2022" in str(unknown.notes[-1])
    assert rules.agrarian_sales_threshold(on=date(2026, 1, 1)) == D("9350000")


def _agrarian_input(on, sales):
    return rules.CalculatorInput(
        regimen="agrario-dependiente", on=on, monto=D("2000"), trabajadores=10,
        ventas_netas=D(sales),
    )  # fmt: skip


def test_a_size_to_confirm_that_does_not_change_the_amount_says_so():
    result = rules.calculate(_agrarian_input(date(2024, 6, 1), "8600000"))
    assert result.payable == D("120.00") and result.alternatives == ()
    assert "Con un empleador grande el aporte sería el mismo." in map(str, result.notes)


def test_a_size_to_confirm_that_changes_the_rate_gives_the_other_amount(monkeypatch):
    # A made-up table where 2024's rates differ by size, only to reach that path.
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    history = data["parameters"]["agrarian_rate_large"]["history"]
    history[2] = {**history[2], "value": "8"}
    table = load_table(yaml.safe_dump(data, allow_unicode=True))
    monkeypatch.setattr(parameters_module, "_table", lambda: table)
    result = rules.calculate(_agrarian_input(date(2024, 6, 1), "8600000"))
    assert result.payable == D("120.00")  # small: 6% × 2,000
    assert [str(a.text) for a in result.alternatives] == [
        "Si el empleador es grande, serían S/ 160.00."
    ]
    assert result.unconfirmed and result.to_confirm == ()


# fmt: off
POTESTATIVO = [
    # month,             ages,                      total   hand computation
    (date(2025, 1, 1), (35, 33, 5), "413.00"),          # 138 + 138 + 137
    (date(2025, 1, 1), (17, 18, 29, 30, 59, 60), "892.00"),  # 137+132+132+138+138+215
    (date(2024, 12, 1), (18, 0), "269.00"),              # 132 + 137; 18: of age, the titular
    (date(2026, 10, 1), (120,), "215.00"),
    (date(2025, 1, 1), (40,), "138.00"),                # the 30-59 band, not "30 a 39"
    (date(2023, 1, 1), (60, 61), "430.00"),             # 215 + 215
]
# fmt: on


@pytest.mark.parametrize(("on", "ages", "total"), POTESTATIVO)
def test_potestativo(on, ages, total):
    result = rules.potestativo(ages=ages, on=on)
    assert result.payable == D(total)
    assert tuple(person.age for person in result.people) == ages
    assert result.rounding is rules.Rounding.NONE
    assert result.paid_by == (Payer.TITULAR,)


def test_potestativo_names_each_band():
    steps = rules.potestativo(ages=[5, 45, 70, 1], on=date(2025, 1, 1)).steps
    assert [str(s.text) for s in steps] == [
        "Persona de 5 años (de 0 a 17 años)",
        "Persona de 45 años (de 30 a 59 años)",
        "Persona de 70 años (de 60 años a más)",
        "Persona de 1 año (de 0 a 17 años)",  # one year: singular
        "Total mensual (4 personas)",
    ]
    one = rules.potestativo(ages=[30], on=date(2025, 1, 1)).steps
    assert str(one[-1].text) == "Total mensual (1 persona)"


# fmt: off
SCTR_DEPENDENT = [
    # month,            level, pay,     shown exact, payable  hand computation
    (date(2024, 6, 1), "II", "1000.00", "12.30", "12.00"),   # the source: 1,000 × 1.23%
    # 1,016 × 1.23% = 12.4968: rounded once to 12; two decimals (12.50) would say 13.
    (date(2024, 6, 1), "II", "1016.00", "12.4968", "12.00"),
    (date(2024, 6, 1), "II", "1016.27", "12.50", "13.00"),   # 12.500121: above the half
    (date(2024, 6, 1), "I", "2500.00", "15.75", "16.00"),    # 2,500 × 0.63% = 15.75
    (date(2024, 6, 1), "III", "1000.00", "15.30", "15.00"),  # 1,000 × 1.53% = 15.30
    (date(2025, 1, 1), "IV", "3000.00", "54.90", "55.00"),   # 3,000 × 1.83% = 54.90
    (date(2025, 1, 1), "III", "5000.00", "76.50", "77.00"),  # exactly the half: up, to 77
    (date(2025, 1, 1), "IV", "2650.00", "48.495", "48.00"),  # 48.495: below the half
    (date(2025, 1, 1), "II", "1626.02", "20.00", "20.00"),   # 20.000046: 20, no 19.99...
]
SCTR_INDEPENDENT = [
    # month,             level, shown exact, payable  hand computation (½ UIT × rate)
    (date(2023, 12, 1), "II", "30.44", "30.00"),   # 2,475 × 1.23% = 30.4425
    (date(2024, 1, 1), "II", "31.67", "32.00"),    # the source: 2,575 × 1.23% = 31.6725
    (date(2024, 12, 1), "II", "31.67", "32.00"),
    (date(2025, 1, 1), "I", "16.85", "17.00"),     # 2,675 × 0.63% = 16.8525
    (date(2025, 1, 1), "II", "32.90", "33.00"),    # 2,675 × 1.23% = 32.9025
    (date(2025, 1, 1), "III", "40.93", "41.00"),   # 2,675 × 1.53% = 40.9275
    (date(2025, 1, 1), "IV", "48.95", "49.00"),    # 2,675 × 1.83% = 48.9525
    (date(2025, 12, 1), "IV", "48.95", "49.00"),
    (date(2026, 1, 1), "I", "17.33", "17.00"),     # 2,750 × 0.63% = 17.325
    (date(2026, 1, 1), "II", "33.83", "34.00"),    # 2,750 × 1.23% = 33.825
    (date(2026, 1, 1), "III", "42.08", "42.00"),   # 2,750 × 1.53% = 42.075
    (date(2026, 1, 1), "IV", "50.33", "50.00"),    # 2,750 × 1.83% = 50.325
]
# fmt: on


@pytest.mark.parametrize(("on", "level", "pay", "shown", "payable"), SCTR_DEPENDENT)
def test_sctr_dependent(on, level, pay, shown, payable):
    result = rules.sctr_dependent(monthly_pay=D(pay), risk_level=level, on=on)
    assert (result.exact_formatted, result.payable) == (f"S/ {shown}", D(payable))
    assert result.rounding is rules.Rounding.SOL_HALF_UP
    assert result.paid_by == (Payer.EMPLOYER,)
    assert result.steps[-2].formatted == f"S/ {shown}"  # the exact product, then its rounding
    if result.exact != result.payable:
        assert result.steps[-1].formatted == rules.format_soles(D(payable))


@pytest.mark.parametrize(("on", "level", "shown", "payable"), SCTR_INDEPENDENT)
def test_sctr_independent(on, level, shown, payable):
    result = rules.sctr_independent(risk_level=level, on=on)
    assert (result.exact_formatted, result.payable) == (f"S/ {shown}", D(payable))
    assert result.paid_by == (Payer.WORKER,)


def test_the_sources_worked_examples_exactly():
    dependent = rules.sctr_dependent(
        monthly_pay=D("1000.00"), risk_level=RiskLevel.II, on=date(2024, 5, 1)
    )
    independent = rules.sctr_independent(risk_level=RiskLevel.II, on=date(2024, 5, 1))
    shown = [(r.exact_formatted, rules.format_soles(r.payable))
             for r in (dependent, independent)]  # fmt: skip
    assert shown == [("S/ 12.30", "S/ 12.00"), ("S/ 31.67", "S/ 32.00")]
    assert independent.exact == D("31.67250")  # 0.5 × 5,150 × 1.23 / 100


@pytest.mark.parametrize("level", ["2", "ii", " II ", RiskLevel.II])
def test_risk_level_spellings(level):
    assert rules.sctr_independent(risk_level=level, on=date(2024, 5, 1)).payable == D("32.00")


# fmt: off
AGRARIAN_INDEPENDENT = [
    (date(2023, 1, 1), "61.50"),    # 6% × 1,025
    (date(2024, 12, 1), "61.50"),
    (date(2025, 1, 1), "67.80"),    # 6% × 1,130
    (date(2026, 9, 1), "67.80"),
    (date(2026, 10, 1), "73.80"),   # 6% × 1,230 (RMV to confirm)
]
# fmt: on


@pytest.mark.parametrize(("on", "expected"), AGRARIAN_INDEPENDENT)
def test_agrarian_independent(on, expected):
    result = rules.agrarian_independent(on=on)
    assert result.payable == D(expected)
    assert "suspendidas" in str(result.notes[0]) and "31087" in str(result.notes[0])
    assert bool(result.to_confirm) == (on >= date(2026, 10, 1))


def test_vida_premium_is_to_confirm():
    result = rules.vida_premium(on=date(2025, 7, 1))
    assert result.payable == D("5.00")
    assert [p.name for p in result.to_confirm] == ["vida_premium"]
    assert result.to_confirm[0].checked == date(2026, 11, 22)


# --- Validation -----------------------------------------------------------------------

ON = date(2025, 1, 1)
NEGATIVE = [
    lambda: rules.regular_dependent(monthly_pay=D("-1"), on=ON),
    lambda: rules.artisanal_fisher(sales_value=D("-0.01"), on=ON),
    lambda: rules.ex_cbssp_worker(monthly_pay=D("-5"), on=ON),
    lambda: rules.pensioner(pension=D("-100"), on=ON),
    lambda: rules.sctr_dependent(monthly_pay=D("-1"), risk_level="I", on=ON),
    lambda: rules.agrarian_dependent(monthly_pay=D("-1"), employer_size="small", on=ON),
]


@pytest.mark.parametrize("compute", NEGATIVE)
def test_negative_money_is_refused_in_spanish(compute):
    with pytest.raises(rules.InvalidInput, match="no puede ser negativo") as caught:
        compute()
    assert caught.value.field == "monto"


@pytest.mark.parametrize("level", ["V", "0", "", "alto", None])
def test_unknown_risk_level(level):
    with pytest.raises(rules.InvalidInput, match="Nivel de riesgo desconocido") as caught:
        rules.sctr_independent(risk_level=level, on=ON)
    assert caught.value.field == "nivel_riesgo"


@pytest.mark.parametrize(
    ("ages", "message"),
    [
        ([], "al menos una persona"),
        ([30, -1], "La edad -1 no es válida"),
        ([121], "La edad 121 no es válida"),
        (["30"], "no es una edad"),
        ([True], "no es una edad"),
        ([30.5], "no es una edad"),
        # The titular is of age (Potestativo, sección 2.1): someone of 18 or more.
        ([5], "El titular del Seguro Potestativo es mayor de edad"),
        ([17], "de 18 años o más"),
        ([17, 16, 0], "mayor de edad"),
    ],
)
def test_invalid_ages(ages, message):
    with pytest.raises(rules.InvalidInput, match=message) as caught:
        rules.potestativo(ages=ages, on=ON)
    assert caught.value.field == "edades"


def test_other_invalid_inputs():
    with pytest.raises(rules.InvalidInput):
        rules.regular_dependent(monthly_pay=D("NaN"), on=ON)
    with pytest.raises(rules.InvalidInput):
        rules.agrarian_dependent(monthly_pay=D("1"), employer_size="huge", on=ON)
    with pytest.raises(rules.InvalidInput, match="trabajadores"):
        rules.agrarian_employer_size(workers=-1, net_sales=D("0"), on=ON)
    with pytest.raises(rules.InvalidInput):
        rules.agrarian_employer_size(workers=10, net_sales=D("-1"), on=ON)
    with pytest.raises(TypeError):  # a float has already lost cents: a programming error
        rules.regular_dependent(monthly_pay=1000.0, on=ON)


def test_every_result_cites_its_parameters():
    result = rules.ex_cbssp_worker(monthly_pay=D("500"), on=ON)
    assert [p.name for p in result.parameters] == ["ex_cbssp_rate", "ex_cbssp_floor_rate", "rmv"]
    assert all(p.source and p.confidence for p in result.parameters)
    assert [s.formatted for s in result.steps][-1] == "S/ 49.72"


def test_the_wizard_gets_the_sctr_amount_rounded_once():
    """The wizard's cost comes from the same rule: 1,016 × 1.23% = 12.4968 pays S/ 12."""
    profile = rules.Profile(
        situation=rules.Situation.EMPLOYEE,
        employee_kind=rules.EmployeeKind.OTHER,
        risk=rules.Risk.LEVEL_II,
        monthly_amount=D("1016"),
    )
    matches = rules.eligible_plans(profile=profile, on=date(2024, 5, 1))
    sctr = next(m for m in matches if m.plan == "sctr")
    assert sctr.cost.contribution.payable == D("12.00")
    assert sctr.cost.contribution.exact_formatted == "S/ 12.4968"


# The RMV of 2026-10 (1,230) is to confirm: a result is "por confirmar" only where the RMV
# changed it, i.e. where its floor applied (issue 14, point 5).
# fmt: off
RMV_TO_CONFIRM = [
    # compute,                                                          to confirm
    (lambda on: rules.regular_dependent(monthly_pay=D("800"), on=on), ["rmv"]),
    (lambda on: rules.regular_dependent(monthly_pay=D("1230"), on=on), []),   # equal: no floor
    (lambda on: rules.regular_dependent(monthly_pay=D("3000"), on=on), []),
    (lambda on: rules.ex_cbssp_worker(monthly_pay=D("600"), on=on), ["rmv"]),  # 54.00 < 54.12
    (lambda on: rules.ex_cbssp_worker(monthly_pay=D("602"), on=on), []),   # 54.18 > 54.12
    (lambda on: rules.artisanal_fisher(sales_value=D("1000"), on=on), ["rmv"]),
    (lambda on: rules.artisanal_fisher(sales_value=D("1230"), on=on), []),
    (lambda on: rules.agrarian_independent(on=on), ["rmv"]),               # 6% of the RMV
    (lambda on: rules.agrarian_dependent(monthly_pay=D("2000"), employer_size="small", on=on), []),
]
# fmt: on


@pytest.mark.parametrize(("compute", "names"), RMV_TO_CONFIRM)
def test_a_to_confirm_rmv_marks_the_result_only_where_it_applied(compute, names):
    result = compute(date(2026, 10, 1))
    assert [p.name for p in result.to_confirm] == names
    assert result.unconfirmed is bool(names)
    assert result.checked == (date(2026, 11, 22) if names else None)
    assert "rmv" in [p.name for p in result.parameters]  # still shown among the values
    assert compute(date(2026, 9, 1)).to_confirm == ()  # RMV 1,130: high confidence


def test_steps_from_a_value_to_confirm_carry_the_mark():
    floor = rules.regular_dependent(monthly_pay=D("800"), on=date(2026, 10, 1))
    marked = [str(s.text) for s in floor.steps if s.to_confirm]
    assert marked == [
        "RMV vigente",
        "Base de cálculo: la remuneración, nunca menor que la RMV (se aplica la RMV)",
        "Aporte: 9% de S/ 1,230.00",
    ]
    assert {s.checked for s in floor.steps if s.to_confirm} == {date(2026, 11, 22)}
    above = rules.regular_dependent(monthly_pay=D("3000"), on=date(2026, 10, 1))
    assert [str(s.text) for s in above.steps if s.to_confirm] == ["RMV vigente"]  # not used
    assert not any(s.to_confirm for s in rules.regular_dependent(
        monthly_pay=D("800"), on=date(2026, 9, 1)).steps)  # fmt: skip


def test_a_value_to_confirm_is_cited_with_its_mark():
    assert str(rules.parameters_on(date(2026, 10, 1)).rmv.cited) == "S/ 1,230.00 (por confirmar)"
    assert str(rules.parameters_on(date(2026, 9, 1)).rmv.cited) == "S/ 1,130.00"
    cited = rules.parameters_on(date(2028, 3, 1)).agrarian_rate_large.cited
    assert str(cited) == "9% (por confirmar)"
