"""The calculator's forms: what people type becomes the rules' input, or a Spanish message.

No database: forms only parse. Each field has a table of accepted and refused inputs; a
hypothesis test throws arbitrary text at every field and allows only a value or a
ValidationError.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from insurance import rules
from insurance.forms.calculator import REGIMEN_HINTS, CalculatorForm, RegimenForm
from insurance.forms.estimators import LatencyForm, RegularForm, RegularMonthsForm
from insurance.forms.fields import (
    MAX_PEOPLE,
    AgesField,
    CountField,
    DayField,
    MoneyField,
    MonthField,
    RiskLevelField,
)

D = Decimal
TODAY = date(2025, 6, 15)


def clean(field, raw):
    return field.clean(raw)


def message(field, raw) -> str:
    with pytest.raises(ValidationError) as caught:
        field.clean(raw)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("raw", "amount"),
    [
        ("1025", D("1025")),
        ("1,025.50", D("1025.50")),  # the way Peruvians write it
        ("1,025", D("1025")),
        ("12,345,678.90", D("12345678.90")),
        ("S/ 1,025.50", D("1025.50")),
        ("s/.1025", D("1025")),
        (" 12.3 ", D("12.3")),
        ("1025.", D("1025")),
        ("0", D("0")),
        ("0.00", D("0")),
    ],
)
def test_money_accepts_peruvian_amounts(raw, amount):
    assert clean(MoneyField(), raw) == amount


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("abc", "solo con números"),
        ("12abc", "solo con números"),
        ("1e5", "solo con números"),
        ("NaN", "solo con números"),
        ("Infinity", "solo con números"),
        ("١٢٣", "solo con números"),  # digits of another script
        ("1,0250", "solo con números"),
        ("-5", "no puede ser negativo"),
        ("- 1,025.50", "no puede ser negativo"),
        ("1025,50", "Usa el punto para los decimales"),
        ("1.025,50", "Usa el punto para los decimales"),
        ("1,025.505", "dos decimales"),
        ("9" * 40, "demasiado grande"),
        ("1" * 300, "solo con números"),
        ("", "Este campo es obligatorio"),
    ],
)
def test_money_refuses_with_a_spanish_message(raw, words):
    assert words in message(MoneyField(), raw)


@pytest.mark.parametrize(
    ("raw", "month"),
    [
        ("2024-05", date(2024, 5, 1)),
        ("2024-5", date(2024, 5, 1)),
        ("2024/05", date(2024, 5, 1)),
        ("05/2024", date(2024, 5, 1)),
        ("5-2024", date(2024, 5, 1)),
        ("2023-01", date(2023, 1, 1)),  # the first month the rules cover
        ("2099-12", date(2099, 12, 1)),
    ],
)
def test_month_accepts_year_and_month(raw, month):
    assert clean(MonthField(), raw) == month


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("2024-13", "año-mes"),
        ("2024-00", "año-mes"),
        ("mayo de 2024", "año-mes"),
        ("2024-05-01", "año-mes"),
        ("24-05", "año-mes"),
        ("2022-12", "desde enero de 2023"),
        ("1999-01", "desde enero de 2023"),
        ("2100-01", "hasta diciembre de 2099"),
        # Year 0 is no date at all: it used to escape as a ValueError (a 500).
        ("0000-01", "desde enero de 2023"),
        ("01/0000", "desde enero de 2023"),
        ("0000-13", "año-mes"),
        ("0001-01", "desde enero de 2023"),
        ("9999-12", "hasta diciembre de 2099"),
    ],
)
def test_month_refuses_with_a_spanish_message(raw, words):
    assert words in message(MonthField(), raw)


@pytest.mark.parametrize(
    ("raw", "day"),
    [("15/03/2025", date(2025, 3, 15)), ("1/3/2025", date(2025, 3, 1)),
     ("2025-03-15", date(2025, 3, 15)), ("29/02/2024", date(2024, 2, 29))],
)  # fmt: skip
def test_day_accepts_peruvian_and_iso_dates(raw, day):
    assert clean(DayField(), raw) == day


@pytest.mark.parametrize(
    ("raw", "words"),
    [("31/02/2025", "día/mes/año"), ("29/02/2025", "día/mes/año"), ("15-03", "día/mes/año"),
     ("31/12/2022", "desde enero de 2023"), ("01/01/2100", "hasta el año 2099"),
     ("01/01/0000", "desde enero de 2023"), ("0000-01-01", "desde enero de 2023"),
     ("31/12/9999", "hasta el año 2099"), ("31/02/2023", "día/mes/año")],
)  # fmt: skip
def test_day_refuses_with_a_spanish_message(raw, words):
    assert words in message(DayField(), raw)


@pytest.mark.parametrize(
    ("raw", "ages"),
    [("35, 33, 4", (35, 33, 4)), ("35 33 4", (35, 33, 4)), ("35;33", (35, 33)),
     ("35 y 33", (35, 33)), ("0", (0,)), ("120", (120,)), (" 61 ,", (61,))],
)  # fmt: skip
def test_ages_accept_a_list(raw, ages):
    assert clean(AgesField(), raw) == ages


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (",,", "al menos una persona"),
        ("abc", "«abc» no es una edad"),
        ("35.5", "«35.5» no es una edad"),
        ("-1", "no pueden ser negativas"),
        ("121", "La edad 121 no es válida"),
        ("35, 200", "La edad 200 no es válida: debe estar entre 0 y 120 años"),
        (", ".join(["30"] * (MAX_PEOPLE + 1)), f"como máximo {MAX_PEOPLE} personas"),
    ],
)
def test_ages_refuse_with_a_spanish_message(raw, words):
    assert words in message(AgesField(), raw)


def test_count_accepts_thousands_and_refuses_the_rest():
    field = CountField(max_value=5000)
    assert clean(field, "1,200") == 1200
    assert clean(field, "0") == 0
    assert "negativo" in message(field, "-3")
    assert "número entero" in message(field, "3.5")
    assert "número entero" in message(field, "tres")
    assert "mayor que 5,000" in message(field, "5001")


@pytest.mark.parametrize(("raw", "level"), [("1", "1"), ("4", "4"), ("II", "2"), ("iv", "4")])
def test_risk_level_takes_numbers_and_roman_numerals(raw, level):
    field = RiskLevelField(choices=[(str(n), str(n)) for n in range(1, 5)])
    assert field.clean(raw) == level


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
FIELDS = [MoneyField(), MonthField(), DayField(), AgesField(), CountField()]


@settings(max_examples=300)
@given(raw=ANY_TEXT | st.integers().map(str) | st.decimals(allow_nan=True).map(str))
def test_every_field_answers_a_value_or_a_validation_error(raw):
    for field in FIELDS:
        try:
            field.clean(raw)
        except ValidationError:
            pass


# --- The forms -------------------------------------------------------------------------


def test_every_situation_has_a_one_line_hint():
    assert set(REGIMEN_HINTS) == set(rules.REGIMENES)
    form = RegimenForm()
    html = str(form["regimen"])
    for slug in rules.REGIMENES:
        assert f'value="{slug}"' in html
        assert f'aria-describedby="regimen_{list(rules.REGIMENES).index(slug)}_hint"' in html


@pytest.mark.parametrize("slug", list(rules.REGIMENES))
def test_calculator_form_asks_only_what_the_situation_needs(slug):
    regimen = rules.REGIMENES[slug]
    form = CalculatorForm(regimen=regimen, today=TODAY)
    assert set(form.fields) == {"regimen", "periodo", *(i.value for i in regimen.inputs)}
    assert form["periodo"].value() == "2025-06"  # the current month by default


def test_calculator_form_builds_the_rules_input():
    data = QueryDict(
        "regimen=agrario-dependiente&periodo=05/2024&monto=2,000.00&trabajadores=1,200"
        "&ventas_netas=S/ 0&nivel_riesgo=9&edades=x"  # the last two are not asked: ignored
    )
    form = CalculatorForm(data, regimen=rules.REGIMENES["agrario-dependiente"], today=TODAY)
    assert form.is_valid(), form.errors
    assert form.to_input() == rules.CalculatorInput(
        "agrario-dependiente", date(2024, 5, 1), monto=D("2000"), trabajadores=1200,
        ventas_netas=D("0"),
    )  # fmt: skip


def test_risk_levels_are_explained_by_the_sectors_of_the_source():
    form = CalculatorForm(regimen=rules.REGIMENES["sctr-dependiente"], today=TODAY)
    hints = {option.data["value"]: str(option.data["hint"]) for option in form["nivel_riesgo"]}
    assert hints["4"] == "Extracción de minas y canteras."
    assert hints["3"] == "Agricultura, ganadería, silvicultura y pesca; construcción."
    assert 'aria-describedby="nivel_riesgo_3_hint"' in str(form["nivel_riesgo"])


def test_agrarian_size_hint_comes_from_the_parameters():
    form = CalculatorForm(regimen=rules.REGIMENES["agrario-dependiente"], today=TODAY)
    assert "100 trabajadores" in form.fields["trabajadores"].help_text
    assert "1,700 UIT" in form.fields["trabajadores"].help_text
    # In soles too, with the UIT it uses (issue 13, point 5).
    assert "S/ 9,095,000.00 con la UIT de 2025" in form.fields["trabajadores"].help_text
    assert "la del mes del aporte" in form.fields["trabajadores"].help_text


def test_monto_is_named_for_the_situation():
    pension = CalculatorForm(regimen=rules.REGIMENES["pensionista"], today=TODAY)
    fisher = CalculatorForm(regimen=rules.REGIMENES["pescador-artesanal"], today=TODAY)
    assert pension.fields["monto"].label == "Pensión mensual"
    assert fisher.fields["monto"].label == "Valor del producto comercializado"
    assert 'inputmode="decimal"' in str(pension["monto"])


def test_error_links_point_at_each_field():
    data = QueryDict("regimen=sctr-dependiente&periodo=2024-05&monto=abc&nivel_riesgo=7")
    form = CalculatorForm(data, regimen=rules.REGIMENES["sctr-dependiente"], today=TODAY)
    assert not form.is_valid()
    anchors = [anchor for anchor, _ in form.error_links]
    assert anchors == ["monto", "nivel_riesgo_0"]


def test_query_string_keeps_what_was_typed():
    data = QueryDict("regimen=regular&periodo=2024-05&monto=1,025.50&otro=x")
    form = CalculatorForm(data, regimen=rules.REGIMENES["regular"], today=TODAY)
    assert form.query_string() == "regimen=regular&periodo=2024-05&monto=1%2C025.50"


def test_a_name_given_twice_counts_once_with_its_last_value():
    data = QueryDict("regimen=regular&regimen=vida&periodo=2024-05&monto=1&monto=2")
    form = CalculatorForm(data, regimen=rules.REGIMENES["regular"], today=TODAY)
    assert form.query_string() == "regimen=vida&periodo=2024-05&monto=2"
    prefilled = CalculatorForm(prefill=data, regimen=rules.REGIMENES["regular"], today=TODAY)
    assert 'value="2"' in str(prefilled["monto"]) and "[" not in str(prefilled["monto"])
    # A field of several values keeps them all.
    window = (date(2025, 1, 1), date(2025, 2, 1))
    months = RegularMonthsForm(QueryDict("aportes=2025-01&aportes=2025-02"), window=window)
    assert months.query_string() == "aportes=2025-01&aportes=2025-02"


def test_rules_errors_are_shown_beside_their_field():
    data = QueryDict("regimen=regular&periodo=2024-05&monto=1")
    form = CalculatorForm(data, regimen=rules.REGIMENES["regular"], today=TODAY)
    assert form.is_valid()
    form.add_rules_error(rules.InvalidInput("El monto debe ser un número.", field="monto"))
    form.add_rules_error(rules.PeriodNotCovered("Las reglas cubren periodos desde enero."))
    form.add_rules_error(rules.InvalidInput("Otra cosa.", field="tamano_empleador"))
    assert form.errors["monto"] == ["El monto debe ser un número."]
    assert form.errors["periodo"] == ["Las reglas cubren periodos desde enero."]
    assert form.non_field_errors() == ["Otra cosa."]


def test_regular_form_knows_when_the_months_matter():
    def form(query):
        bound = RegularForm(QueryDict(f"plan=regular&atencion=2025-06&{query}"), today=TODAY)
        assert bound.is_valid(), bound.errors
        return bound

    assert form("tipo=enfermedad").needs_months
    assert not form("tipo=accidente").needs_months
    assert not form("tipo=gestacion").needs_months
    assert not form("tipo=enfermedad&pensionista=si").needs_months


def test_months_form_offers_the_window_and_ticks_the_months_since_the_first():
    window = rules.regular_covered(contributed_months=(), contingency_on=date(2025, 6, 1)).window
    assert RegularMonthsForm.months_since(window, date(2025, 3, 1)) == [
        "2025-03",
        "2025-04",
        "2025-05",
    ]
    assert RegularMonthsForm.months_since(window, None) == []
    form = RegularMonthsForm(QueryDict("aportes=2025-04&aportes=2024-12"), window=window)
    assert form.is_valid()
    assert form.months == (date(2024, 12, 1), date(2025, 4, 1))
    outside = RegularMonthsForm(QueryDict("aportes=2025-06"), window=window)
    assert not outside.is_valid()
    assert "«2025-06» no es uno de los meses de la lista" in outside.errors["aportes"][0]


def test_latency_form_takes_its_limit_from_the_table():
    form = LatencyForm(QueryDict("aportes=37"), today=TODAY)
    assert not form.is_valid()
    assert "como máximo 36 aportes" in form.errors["aportes"][0]
    assert LatencyForm(QueryDict("aportes=36"), today=TODAY).is_valid()


SLUGS = st.sampled_from([*rules.REGIMENES, "", " regular", "REGULAR", "vida ", "no-existe"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SLUGS, st.text(max_size=12)), max_size=3))
def test_the_situation_chosen_is_the_forms_own_reading(values):
    """``RegimenForm.chosen`` skips the form on a result page: it must agree with it on any
    query string, a name given twice or not at all included."""
    query = QueryDict(mutable=True)
    query.setlist("regimen", values)
    form = RegimenForm(query)
    expected = form.cleaned_data["regimen"] if form.is_valid() else None
    assert RegimenForm.chosen(query) is expected
