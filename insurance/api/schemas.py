"""The shapes of the open-data API's answers (``/api/v1/``), from which django-ninja writes
the OpenAPI schema. Money and every other decimal travel as strings (``"1230.00"``), never
as JSON numbers: a float would round them. Texts are in the request's language.
"""

from datetime import date

from ninja import Field, Schema

# --- Errors --------------------------------------------------------------------------------


class Errors(Schema):
    """A 400: each bad field and the messages the HTML form shows beside it."""

    errors: dict[str, list[str]] = Field(
        description="Messages by query parameter; `__all__` for what no single field causes.",
        examples=[{"monto": ["Indica el monto, por ejemplo 1,025.50."]}],
    )
    question: "Question | None" = Field(
        None, description="Wizard and checklists: the question these answers stop at."
    )


class NotFound(Schema):
    detail: str


# --- Figures -------------------------------------------------------------------------------


class Band(Schema):
    """One row of a table: from ``low`` to ``high`` inclusive (``high`` null: no limit)."""

    low: int
    high: int | None
    value: str = Field(description='The row\'s value, e.g. "138.00" soles or "2" months.')
    label: str | None = Field(None, description='What it covers: "18 a 29 años".')


class Figure(Schema):
    """One value of a parameter, with its dates, legal source and confidence."""

    name: str = Field(description="Key in insurance/rules/parameters.yaml, e.g. `rmv`.")
    label: str
    unit: str = Field(description="soles, percent, uit, workers, months, contributions, years")
    value: str | list[Band] = Field(
        description='A decimal as a string ("1130.00", "9"), or a table of bands.'
    )
    formatted: str | None = Field(None, description='As the pages write it: "S/ 1,130.00".')
    since: date = Field(description="First day in force.")
    until: date | None = Field(description="Last day in force; null while no later value.")
    start_kind: str = Field(description="dated, before-coverage or undocumented")
    source: str = Field(description="The legal source, as cited.")
    confidence: str = Field(description="high, medium or to-confirm")
    confidence_label: str
    checked: date | None = Field(
        description="When a value still to confirm was last checked; null otherwise."
    )
    note: str | None = None


class FiguresOn(Schema):
    on: date = Field(description="The day asked for (`fecha`, today in Lima by default).")
    figures: list[Figure]


class FigureHistory(Schema):
    name: str
    label: str
    unit: str
    history: list[Figure] = Field(description="Every value it has had, oldest first.")


# --- Contributions -------------------------------------------------------------------------


class ExplanationStep(Schema):
    text: str
    value: str
    unit: str
    formatted: str
    reference: str = Field(description="The legal reference of the step, or our own rule.")
    to_confirm: bool
    checked: date | None


class PersonPremium(Schema):
    age: int
    premium: str
    band: Band


class Alternative(Schema):
    text: str
    payable: str


class Contribution(Schema):
    regimen: str
    regimen_label: str
    period: str = Field(description="The month, YYYY-MM.")
    amount_title: str
    payable: str = Field(description='What is paid, e.g. "101.70".', examples=["101.70"])
    exact: str = Field(description="The exact result before rounding, every decimal it has.")
    rounding: str = Field(description="cent-half-up, sol-half-up or none")
    rounding_label: str
    paid_by: list[str] = Field(description="Who pays: empleador, titular, pensionista...")
    paid_by_label: str
    withheld_by: str | None
    floor_applied: bool | None
    unconfirmed: bool = Field(description="The amount uses a value still to confirm.")
    checked: date | None
    steps: list[ExplanationStep]
    people: list[PersonPremium]
    alternatives: list[Alternative]
    notes: list[str]
    figures: list[Figure] = Field(description="Every value the explanation uses.")


# --- Estimators ----------------------------------------------------------------------------


class WaitingException(Schema):
    contingency: str
    covered_from: date
    condition: str
    reference: str


class CoverageStart(Schema):
    first_contribution: date
    starts_on: date
    conditions: list[str]
    exceptions: list[WaitingException]
    figures: list[Figure]


class RegularCoverage(Schema):
    covered: bool
    reason: str
    contingency: str
    pensioner: bool
    window: list[str] = Field(description="The months that count, YYYY-MM.")
    contributed_in_window: list[str]
    longest_run: int
    figures: list[Figure]


class WaitingPeriod(Schema):
    plan: str
    plan_label: str
    coverage: RegularCoverage | None = Field(
        description="Seguro Regular: whether the care of that month is covered."
    )
    start: CoverageStart | None = Field(description="When coverage starts, if it can be said.")


class Latency(Schema):
    contributions: int
    months: int
    band: Band
    table: Figure


# --- Wizard --------------------------------------------------------------------------------


class Option(Schema):
    value: str
    label: str


class Question(Schema):
    id: str
    label: str
    options: list[Option]


class Answer(Schema):
    question: str
    label: str
    answer: str


class PlanCost(Schema):
    rule: str
    minimum: bool
    payable: str | None
    exact: str | None
    paid_by: list[str]


class PlanCoverage(Schema):
    summary: str
    starts_on: date | None


class Link(Schema):
    label: str
    url: str


class PlanMatch(Schema):
    plan: str
    name: str
    code: str
    status: str = Field(description="obligatorio, te-corresponde, opcional, consultar, cerrado")
    status_label: str
    reason: str
    source: str
    enrolled_by: str | None
    cost: PlanCost | None
    coverage: PlanCoverage | None
    notes: list[str]
    family: list[str]
    plan_url: str | None
    calculator_url: str | None
    checklists: list[Link]


class WizardOutcome(Schema):
    on: date
    answers: list[Answer]
    nothing_open: bool
    plans: list[PlanMatch]


# --- Checklists ----------------------------------------------------------------------------


class FormRef(Schema):
    code: str
    name: str
    url: str


class Document(Schema):
    text: str
    form: FormRef | None
    sources: list[str] = Field(description="The sections of the source that ask for it.")
    foreign: bool


class ChecklistStep(Schema):
    number: str
    title: str
    body: str


class Note(Schema):
    kind: str
    text: str


class Checklist(Schema):
    kind: str = Field(
        description="checklist, question (the next one to answer), explanation (the source "
        "answers with an explanation) or not-described (a case the source does not describe)"
    )
    plan: str
    title: str | None
    answers: list[Answer]
    question: Question | None
    explanation: str | None = Field(description="The explanation's code.")
    documents: list[Document]
    forms: list[FormRef]
    steps: list[ChecklistStep]
    notes: list[Note]
    doer: str | None
    waiting_period: str | None
    sources: list[str]
    url: str = Field(description="The HTML page of this case.")


Errors.model_rebuild()
