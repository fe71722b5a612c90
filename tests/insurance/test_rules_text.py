"""Every sentence the rules say to people is a Text, shown in the active language (ADR 6).

The outputs are those a person can reach: every calculator regime on a grid of inputs and
months, the coverage-start, covered-or-not and latency estimators, every wizard persona,
every parameter of the table, and the errors of each. No database.
"""

import ast
import dataclasses
import re
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path

import pytest
import yaml
from django.utils import translation
from django.utils.formats import date_format

from insurance import rules
from insurance.figures import figure_for
from insurance.rules import text
from insurance.rules.money import COUNTS
from insurance.rules.parameters import DATA_FILE, load_table

from .personas import PERSONAS

D = Decimal
# 2023: the agrarian rates differ by size and there is no UIT of 2022; 2026: the RMV to
# confirm; 2028: the agrarian 9% whose start is to confirm.
DAYS = (date(2023, 6, 1), date(2024, 6, 1), date(2026, 11, 22), date(2028, 3, 1))
INPUTS = {
    rules.Input.MONTO: ("monto", (D(0), D(1500), D("3000.50"))),
    rules.Input.NIVEL_RIESGO: ("nivel_riesgo", ("1", "4")),
    rules.Input.EDADES: ("edades", ((34,), (5, 45, 70), (1, 30))),
}
# Employer sizes: large by workers, small, and near the threshold (size to confirm).
AGRARIAN_EMPLOYERS = ((100, D(0)), (10, D(0)), (10, D("9200000")), (10, D("8600000")))


def _calculator_inputs(regimen: rules.Regimen):
    combos = [{}]
    for needed in regimen.inputs:
        if needed in INPUTS:
            name, values = INPUTS[needed]
            combos = [{**c, name: v} for c in combos for v in values]
    if rules.Input.TRABAJADORES in regimen.inputs:
        combos = [
            {**c, "trabajadores": w, "ventas_netas": s}
            for c in combos
            for w, s in AGRARIAN_EMPLOYERS
        ]
    return combos


def _calculations():
    for slug, regimen in rules.REGIMENES.items():
        yield regimen
        for on in DAYS:
            for inputs in _calculator_inputs(regimen):
                yield rules.calculate(rules.CalculatorInput(regimen=slug, on=on, **inputs))


def _estimates():
    for on in DAYS:
        for plan in rules.Plan:
            for pensioner in (False, True):
                yield rules.coverage_start(plan=plan, first_contribution=on, pensioner=pensioner)
    paid = (
        (),
        (date(2026, 5, 1),),
        (date(2026, 1, 1), date(2026, 3, 1), date(2026, 5, 1)),
        (date(2026, 4, 1), date(2026, 5, 1), date(2026, 6, 1)),
        (date(2026, 1, 1), date(2026, 3, 1), date(2026, 5, 1), date(2026, 6, 1)),
    )
    for months in paid:
        for contingency in rules.Contingency:
            for pensioner in (False, True):
                yield rules.regular_covered(
                    contributed_months=months,
                    contingency_on=date(2026, 7, 15),
                    contingency=contingency,
                    pensioner=pensioner,
                )
    for count in (0, 1, 5, 36):
        yield rules.latency_months(contributions_last_3_years=count, on=DAYS[1])


S = rules.Situation
# Answers no persona gives, for the sentences only they reach.
PROFILES = (
    # An employee unsure of the risk; a firefighter within the age of +Vida's own route.
    rules.Profile(
        situation=S.EMPLOYEE,
        employee_kind=rules.EmployeeKind.OTHER,
        risk=rules.Risk.UNKNOWN,
        firefighter=True,
        age=30,
    ),
    # A foreign independent at risk; family chosen, their ages not given.
    rules.Profile(
        situation=S.INDEPENDENT,
        independent_kind=rules.IndependentKind.PROFESSIONAL,
        other_cover=rules.OtherCover.NONE,
        risk=rules.Risk.LEVEL_II,
        age=40,
        document=rules.Document.PTP,
        family=frozenset({rules.Relative.SPOUSE}),
    ),
    rules.Profile(
        situation=S.INDEPENDENT,
        independent_kind=rules.IndependentKind.PROFESSIONAL,
        other_cover=rules.OtherCover.NONE,
        risk=rules.Risk.LEVEL_I,
        age=40,
        document=rules.Document.CE,
        family=frozenset({rules.Relative.SPOUSE}),
    ),
    rules.Profile(situation=S.EMPLOYEE, employee_kind=rules.EmployeeKind.AGRARIAN),
    rules.Profile(
        situation=S.EMPLOYEE, employee_kind=rules.EmployeeKind.AGRARIAN, monthly_amount=D(2000)
    ),
)


def _matches():
    for persona in PERSONAS:
        yield from rules.eligible_plans(profile=persona.profile, on=persona.on)
    for profile in PROFILES:
        for on in DAYS:
            yield from rules.eligible_plans(profile=profile, on=on)


def _parameters():
    for name in rules.PARAMETER_NAMES:
        yield from rules.parameter_history(name)


def _tables():
    """The parameters that are tables, as the pages show them, row by row."""
    return [figure_for(value) for value in _parameters() if isinstance(value.value, tuple)]


ON = DAYS[1]
# Each input the calculator can miss (MISSING in the registry).
MISSING_INPUTS = [
    rules.CalculatorInput(regimen="regular", on=ON),
    rules.CalculatorInput(regimen="sctr-dependiente", on=ON, monto=D(1)),
    rules.CalculatorInput(regimen="potestativo", on=ON),
    rules.CalculatorInput(regimen="agrario-dependiente", on=ON, monto=D(1)),
    rules.CalculatorInput(regimen="agrario-dependiente", on=ON, monto=D(1), trabajadores=1),
]
FAILING = [
    lambda: rules.parameters_on(date(2022, 12, 31)),
    lambda: rules.calculate(rules.CalculatorInput(regimen="x", on=ON)),
    *(lambda request=request: rules.calculate(request) for request in MISSING_INPUTS),
    lambda: rules.regular_dependent(monthly_pay=D("-1"), on=ON),
    lambda: rules.regular_dependent(monthly_pay=D("NaN"), on=ON),
    lambda: rules.sctr_independent(risk_level="V", on=ON),
    lambda: rules.agrarian_dependent(monthly_pay=D(1), employer_size="huge", on=ON),
    lambda: rules.agrarian_employer_size(workers=-1, net_sales=D(0), on=ON),
    lambda: rules.agrarian_employer_size(workers="10", net_sales=D(0), on=ON),
    lambda: rules.potestativo(ages=[], on=ON),
    lambda: rules.potestativo(ages=["30"], on=ON),
    lambda: rules.potestativo(ages=[130], on=ON),
    lambda: rules.potestativo(ages=[17], on=ON),
    lambda: rules.latency_months(contributions_last_3_years=37, on=ON),
    lambda: rules.latency_months(contributions_last_3_years=-1, on=ON),
    lambda: rules.latency_months(contributions_last_3_years="5", on=ON),
    lambda: rules.coverage_start(plan="sctr", first_contribution=ON),
    lambda: rules.Profile(situation=rules.Situation.EMPLOYEE),
    lambda: rules.Profile(situation=rules.Situation.UNEMPLOYED, job_ended=ON),
    lambda: rules.Profile(situation=rules.Situation.NONE, firefighter=True),
    lambda: rules.Profile(situation=rules.Situation.NONE, age=130),
    lambda: rules.Profile(situation=rules.Situation.NONE, family_ages=tuple(range(21))),
    lambda: rules.Profile(situation=rules.Situation.NONE, monthly_amount=D(-1)),
    lambda: rules.Profile(
        situation=rules.Situation.PENSIONER,
        pension=rules.PensionKind.ONP_AFP,
        other_cover=rules.OtherCover.NONE,
    ),
]


def _errors():
    for fail in FAILING:
        with pytest.raises(rules.RulesError) as caught:
            fail()
        yield caught.value


def outputs():
    """Everything a person can be shown, once."""
    return [
        *_calculations(),
        *_estimates(),
        *_matches(),
        *_parameters(),
        *_tables(),
        *_errors(),
    ]


# Properties whose value is shown as a field is (a name: what it computes).
PROPERTIES = {
    rules.Step: ("formatted",),
    rules.Contribution: ("exact_formatted", "paid_by_label"),
    rules.ParameterValue: ("formatted", "cited"),
}


def leaves(value, where=""):
    """(where, value) for every text or string an output holds, through its dataclasses."""
    if isinstance(value, text.Translatable):
        yield where, value
    elif isinstance(value, Enum):
        if isinstance(getattr(type(value), "label", None), property):
            yield f"{type(value).__name__}.label", value.label
    elif isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            yield from leaves(item, where)
    elif isinstance(value, rules.RulesError):
        yield f"{type(value).__name__}.message", value.message
    elif dataclasses.is_dataclass(value):
        kind = type(value)
        for field in dataclasses.fields(value):
            if field.name != "compute":
                yield from leaves(getattr(value, field.name), f"{kind.__name__}.{field.name}")
        for name in PROPERTIES.get(kind, ()):
            if not (kind is rules.ParameterValue and isinstance(value.value, tuple)):
                yield from leaves(getattr(value, name), f"{kind.__name__}.{name}")


OUTPUTS = outputs()
LEAVES = [leaf for output in OUTPUTS for leaf in leaves(output)]
SOURCES = {value.source for value in _parameters()}
# Strings that are not sentences: identifiers, and the legal sources as cited (ADR 6).
IDENTIFIERS = {
    "ParameterValue.name",
    "Contribution.regimen",
    "Contribution.not_applied",
    "Regimen.slug",
    "Regimen.plan",
    "Match.plan",
    "Checklist.plan",
    "Checklist.person",
    "Checklist.procedure",
    "CalculatorInput.regimen",
    "CalculatorInput.nivel_riesgo",
}
CITED = {"ParameterValue.source", "Step.reference", "WaitingException.reference"}
# Money, rates and UIT read the same in every language (S/ 1,025.00, 9%, 0.5 UIT).
SAME_IN_EVERY_LANGUAGE = re.compile(r"-?S/ [\d,]+\.\d+|[\d.,]+%|[\d.,]+ UIT")
NUMBERS = {"Step.formatted", "Contribution.exact_formatted", "ParameterValue.formatted"}
NUMBERS |= {"ParameterValue.cited", "Figure.text", "Figure.bands"}


def test_the_grid_reaches_every_kind_of_output():
    kinds = {type(output) for output in OUTPUTS}
    assert {rules.Contribution, rules.CoverageStart, rules.RegularCoverage} <= kinds
    assert {rules.Latency, rules.Match, rules.ParameterValue, rules.Regimen} <= kinds
    assert {rules.InvalidInput, rules.PeriodNotCovered} <= kinds
    codes = {output.code for output in OUTPUTS if isinstance(output, rules.Match)}
    assert codes == set(rules.MatchCode)
    assert len(LEAVES) > 8_000


def test_no_sentence_for_people_is_a_bare_string():
    bare = {
        (where, value)
        for where, value in LEAVES
        if isinstance(value, str)
        and value  # nothing shown
        and where not in IDENTIFIERS
        and not (where in CITED and value in SOURCES)
        and not (where in NUMBERS and SAME_IN_EVERY_LANGUAGE.fullmatch(value))
    }
    assert bare == set()


def test_counts_are_words_to_translate():
    for output in OUTPUTS:
        if isinstance(output, rules.ParameterValue) and output.unit in COUNTS:
            if not isinstance(output.value, tuple):
                assert isinstance(output.formatted, rules.Text), output.name


def test_every_text_of_the_parameter_file_has_its_english():
    for value in _parameters():
        texts = [value.label, value.note, value.description]
        texts += [value.uncertain_end.note] if value.uncertain_end else []
        for given in filter(None, texts):
            english = dict(given.translations)["en"]
            assert english and english != given.msgid, value.name


# --- A fake translator changes every sentence and no number ----------------------------------

PLACEHOLDER = re.compile(r"(%\([a-z_0-9]+\)s)")


def shout(template: str) -> str:
    """Upper case but for the placeholders, so the values still fill them."""
    return "".join(
        part if PLACEHOLDER.fullmatch(part) else part.upper()
        for part in PLACEHOLDER.split(template)
    )


FAKE = text.Hooks(
    gettext=shout,
    ngettext=lambda singular, plural, number: shout(singular if number == 1 else plural),
    pgettext=lambda context, msgid: shout(msgid),
    language=lambda: "xx",  # no text of the parameter file has it: the catalogue's
    format_date=lambda day, name: shout(text.spanish_date(day, name)),
)


@pytest.fixture
def hooks():
    """Install hooks for one test, then put Django's back."""
    previous = text.current()
    yield text.install
    text.install(previous)


def _shown(hooks_, install):
    install(hooks_)
    return [str(value) for _, value in LEAVES if not isinstance(value, str)]


def test_a_fake_translator_changes_every_sentence_and_no_number(hooks):
    spanish = _shown(text.SPANISH, hooks)
    fake = _shown(FAKE, hooks)
    assert len(spanish) == len(fake) > 4_000
    for before, after in zip(spanish, fake, strict=True):
        assert after != before
        assert re.findall(r"\d+", after) == re.findall(r"\d+", before)


def test_a_fake_translator_changes_every_error_message(hooks):
    for error in _errors():
        hooks(FAKE)
        shown = str(error.message)
        hooks(text.SPANISH)
        assert shown != str(error.message), shown


def string_values(value):
    """The plain strings a Text is filled with, at any depth."""
    if isinstance(value, text.Text):
        for _, arg in value.args:
            if isinstance(arg, str):
                yield arg
            else:
                yield from string_values(arg)


# What a sentence may be filled with as it is, in any language: EsSalud's pages and the
# legal sources by their names, figures, risk levels.
NAMES = {
    rules.eligibility.match.REGULAR,
    rules.eligibility.match.POTESTATIVO,
    rules.eligibility.match.SCTR,
    rules.eligibility.match.AGRARIO,
    rules.eligibility.match.VIDA,
}
FIGURE = r"-?S/ [\d,]+\.\d+|[\d.,]+%|[\d.,]+ UIT|[\d,]+(?:\.\d+)?|I{1,3}|IV"
FIGURES = re.compile(rf"(?:{FIGURE})|(?:[IV]+: [\d.]+%)(?:, [IV]+: [\d.]+%)*")


def test_sentences_are_whole_no_spanish_words_fill_them():
    """A sentence is one msgid: what fills it is a figure, a name or another Text, never
    Spanish words put together in code."""
    filled = {
        (where, arg)
        for where, value in LEAVES
        if not where.endswith(".message")  # an error may quote what was typed
        for arg in string_values(value)
        if arg not in NAMES and arg not in SOURCES and not FIGURES.fullmatch(arg)
    }
    assert filled == set()


def marked_msgids() -> set[str]:
    """The msgids makemessages extracts from the rules: the literal first arguments (after
    the context) of ``_``, ``ngettext`` and ``pgettext``; a call with anything else fails."""
    found = set()
    for path in Path(rules.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            literals = {"_": 1, "ngettext": 2, "pgettext": 2}.get(node.func.id, 0)
            for arg in node.args[:literals]:
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                    f"{path.name}:{node.lineno}: xgettext extracts only a literal"
                )
            if literals:
                found.add(node.args[1 if node.func.id == "pgettext" else 0].value)
    return found


def reached_msgids(value):
    if isinstance(value, text.Text):
        if not value.translations:  # the parameter file's own texts are in no catalogue
            yield value.msgid
        for _, arg in value.args:
            yield from reached_msgids(arg)


# Marked, but no real input reaches them: the agrarian employer whose size to confirm turns
# on a rate that differs by size, or on a UIT that fell (the tests of the rules reach them
# with a made-up table), and words for counts no parameter has.
UNREACHED = {
    "Con estas ventas el tamaño del empleador está por confirmar: con la UIT de %(year)s "
    "sería pequeño.",
    "Con un empleador pequeño el aporte sería el mismo.",
    "Si el empleador es grande, serían %(amount)s.",
    "Si el empleador es pequeño, serían %(amount)s.",
    "%(count)s año",  # no parameter counts years but the tables' rows
    "%(low)s aporte a más",  # the latency table ends at 36
}


def test_every_sentence_shown_is_extracted_for_the_translators():
    reached = {msgid for _, value in LEAVES for msgid in reached_msgids(value)}
    side_by_side = re.compile(r"(?:%\(s\d+\)s ?)+")  # text.sentences: nothing to translate
    marked = marked_msgids()
    assert {m for m in reached - marked if not side_by_side.fullmatch(m)} == set()
    assert marked - reached == UNREACHED


# --- Django's hooks --------------------------------------------------------------------------


def test_django_installs_its_hooks_when_it_starts():
    hooks_ = text.current()
    assert hooks_.gettext is translation.gettext and hooks_.ngettext is translation.ngettext
    assert hooks_.language is translation.get_language and hooks_.format_date is date_format


def test_in_spanish_django_shows_exactly_what_the_rules_say_without_it(hooks):
    with translation.override("es"):
        through_django = [str(value) for _, value in LEAVES if not isinstance(value, str)]
    assert through_django == _shown(text.SPANISH, hooks)


DATES = [
    (rules.format_day(date(2026, 10, 1)), "DATE_FORMAT", "1 de octubre de 2026"),
    (rules.dates.month_label(date(2023, 1, 5)), "YEAR_MONTH_FORMAT", "enero de 2023"),
    (rules.dates.short_day(date(2024, 1, 1)), "SHORT_DATE_FORMAT", "01/01/2024"),
]


@pytest.mark.parametrize(("shown", "format_name", "spanish"), DATES)
def test_dates_follow_the_languages_formats(shown, format_name, spanish):
    assert text.spanish_date(shown.day, format_name) == spanish
    with translation.override("es"):
        assert str(shown) == spanish
    with translation.override("en"):
        assert str(shown) == date_format(shown.day, format_name)
        assert "de" not in str(shown).split()


def test_in_english_the_parameter_file_speaks_english():
    rmv = rules.parameters_on(date(2026, 10, 1)).rmv
    with translation.override("en"):
        assert str(rmv.label) == "RMV (Peru's minimum monthly wage)"
        assert str(rmv.note).startswith("Several secondary sources")
    with translation.override("es"):
        assert str(rmv.label) == "Remuneración Mínima Vital (RMV)"


# --- The Text itself --------------------------------------------------------------------------


def test_a_text_fills_its_placeholders_when_shown(hooks):
    count = text.ngettext("%(n)s aporte", "%(n)s aportes", 3, n=3)
    month = rules.dates.month_label(date(2026, 5, 1))
    sentence = text._("Hay %(count)s en %(month)s.", count=count, month=month)
    hooks(text.SPANISH)
    assert str(sentence) == "Hay 3 aportes en mayo de 2026."
    hooks(FAKE)
    assert str(sentence) == "HAY 3 APORTES EN MAYO DE 2026."


@pytest.mark.parametrize(("count", "shown"), [(0, "0 meses"), (1, "1 mes"), (2, "2 meses")])
def test_counts_take_the_plural_form_of_their_number(count, shown):
    assert str(rules.format_value(D(count), rules.Unit.MONTHS)) == shown


def test_lists_join_their_pieces_in_one_sentence():
    a, b, c = (text._(word) for word in ("uno", "dos", "tres"))
    assert str(text.join_and([a])) == "uno"
    assert str(text.join_and([a, b])) == "uno y dos"
    assert str(text.join_and([a, b, c])) == "uno, dos y tres"
    assert str(text.join_commas([a, b, c])) == "uno, dos, tres"
    assert str(text.sentences(a, b)) == "uno dos"


def test_a_text_is_a_value():
    """Equal texts are one note (the calculator shows a parameter's note once) and can key
    a cache."""
    assert text._("Nota %(n)s.", n=1) == text._("Nota %(n)s.", n=1)
    assert hash(rules.parameters_on(ON).rmv) == hash(rules.parameters_on(ON).rmv)


def test_a_sentence_is_kept_by_its_hooks_and_language(hooks):
    looked_up = []

    def gettext(msgid):
        looked_up.append(msgid)
        return shout(msgid)

    counted = text.Hooks(gettext, FAKE.ngettext, FAKE.pgettext, lambda: "en", FAKE.format_date)
    hooks(counted)
    sentence = text._("Aporte de %(month)s.", month="mayo")
    assert str(sentence) == str(text._("Aporte de %(month)s.", month="mayo")) == "APORTE DE mayo."
    assert looked_up == ["Aporte de %(month)s."]  # an equal text is the same sentence
    assert str(text._("Aporte de %(month)s.", month="junio")) == "APORTE DE junio."
    hooks(text.SPANISH)
    assert str(sentence) == "Aporte de mayo."
    # A value that cannot be a key is shown each time, never kept.
    hooks(counted)
    assert str(text._("Edades: %(ages)s.", ages=[35, 4])) == "EDADES: [35, 4]."
    assert str(text._("Edades: %(ages)s.", ages=[35, 4])) == "EDADES: [35, 4]."
    assert looked_up.count("Edades: %(ages)s.") == 2


def _broken(edit):
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    edit(data["parameters"])
    return yaml.safe_dump(data, allow_unicode=True)


BROKEN = [
    ("label without English", lambda p: p["rmv"].pop("label_en")),
    ("English label alone", lambda p: p["rmv"].pop("label")),
    ("empty English label", lambda p: p["rmv"].update({"label_en": " "})),
    ("note without English", lambda p: p["rmv"]["history"][2].pop("note_en")),
    ("English note alone", lambda p: p["rmv"]["history"][0].update({"note_en": "A note."})),
    ("description without English", lambda p: p["sctr_rate_iv"].pop("description_en")),
    ("end to confirm without English", lambda p: p["agrarian_rate_large"]["history"][2][
        "end_to_confirm"].pop("note_en")),
    ("a count with decimals", lambda p: p["regular_waiting_window"]["history"][0].update(
        {"value": "6.5"})),
    ("a band of months with decimals", lambda p: p["latency_months"]["history"][0]["bands"][
        1].update({"value": "2.5"})),
]  # fmt: skip


@pytest.mark.parametrize(("why", "edit"), BROKEN, ids=[row[0] for row in BROKEN])
def test_the_parameter_file_refuses_a_text_without_its_english(why, edit):
    with pytest.raises(rules.ParameterDataError):
        load_table(_broken(edit), origin="parameters.yaml")
