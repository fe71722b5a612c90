"""The questions one plan asks, given the answers so far, and where a request's answers lead.

The options come from the requirements' tags, so a question is asked only where the source
distinguishes cases. ``Flow.resolve`` walks the answers of a request to the next question
(``NextQuestion``), an explanation (``Explained``), a case the source does not describe
(``NotDescribed``) or a complete ``Case`` (``Complete``).
"""

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from tramitit.links import reverse_cached

from ..models import Plan, Requirement
from .questions import (
    FLAG_QUESTIONS,
    MARRIAGE_CIRCUMSTANCES,
    MOTIVE_OF,
    NO_ANSWERS,
    PLACED_MOTIVES,
    QUESTIONS,
    VOCABULARY,
    Answers,
    Case,
)
from .routes import ROUTES, Route

# --- Outcomes of a walk through the questions -------------------------------------------

# Why a question is shown again: the value is not an option, the person submitted the step
# without choosing, a later answer came without this one, or an answer elsewhere in the URL
# is not valid.
INVALID, REQUIRED, MISSING, UNUSED_INVALID = "invalid", "required", "missing", "unused-invalid"


@dataclass(frozen=True)
class NextQuestion:
    question: str
    options: tuple[str, ...]
    answers: Answers  # the answers before this question
    error: str = ""
    selected: str = ""


@dataclass(frozen=True)
class NotDescribed:
    """The answers are valid words, but the source describes no such case."""

    answers: Answers  # the answers that the source does describe
    question: str = ""  # the question whose answer is not among its options...
    value: str = ""
    options: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # ...or answers this case does not use


@dataclass(frozen=True)
class Explained:
    """The source answers the case with an explanation, not a list of papers."""

    answers: Answers
    code: str


@dataclass(frozen=True)
class Complete:
    case: Case

    @property
    def answers(self):
        return self.case.answers


# --- The flow of one plan ---------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A requirement, reduced to the tags the questions are built from."""

    procedure: str
    person: str  # "" = everyone
    circumstance: str
    anchor: str


def rows_of(requirements: Iterable[Requirement]) -> tuple[Row, ...]:
    return tuple(
        Row(
            r.procedure,
            r.person.slug if r.person_id else "",
            r.circumstance,
            r.section.anchor,
        )
        for r in requirements
    )


def _ordered(question, values) -> tuple[str, ...]:
    return tuple(value for value in VOCABULARY[question] if value in values)


class Flow:
    """The questions of one plan, with options taken from its requirements' tags."""

    def __init__(self, plan: str, rows: Iterable[Row]):
        self.plan = plan
        self.rows = tuple(rows)
        self.routes = tuple(route for route in ROUTES if route.plan == plan)

    def route(self, answers: Answers) -> Route | None:
        procedure, person = answers.get("tramite"), answers.get("familiar")
        track = answers.get("trabajador", "")
        for route in self.routes:
            if route.matches(procedure, person, track):
                return route
        return None

    def relevant_rows(self, route: Route | None, answers: Answers) -> tuple[Row, ...]:
        procedure, person = answers.get("tramite"), answers.get("familiar") or ""
        return tuple(
            row
            for row in self.rows
            if row.procedure == procedure
            and row.person in ("", person)
            and (route is None or route.includes(row.anchor))
        )

    def options(self, question: str, answers: Answers) -> tuple[str, ...]:
        """The answers the source describes for ``question``; empty = not asked."""
        if question == "tramite":
            return _ordered(question, {row.procedure for row in self.rows})
        procedure = answers.get("tramite")
        if procedure is None:
            return ()
        if question == "familiar":
            persons = {row.person for row in self.rows if row.procedure == procedure}
            return _ordered(question, persons - {""})
        person = answers.get("familiar")
        if question == "trabajador":
            tracks = {r.track for r in self.routes if r.matches(procedure, person) and r.track}
            return _ordered(question, tracks)
        route = self.route(answers)
        if route is None or question in route.skip:
            return ()
        if question == "titular":
            return _ordered(question, route.doer_by_titular)
        circumstances = {row.circumstance for row in self.relevant_rows(route, answers)}
        if question == "motivo":
            return _ordered(question, {MOTIVE_OF[c] for c in circumstances if c in MOTIVE_OF})
        if question == "lugar":
            motive = answers.get("motivo")
            placed = {f"{motive}-peru", f"{motive}-extranjero"}
            if motive in PLACED_MOTIVES and circumstances & placed:
                return VOCABULARY["lugar"]
            return ()
        if question == "matrimonio":
            if circumstances & set(MARRIAGE_CIRCUMSTANCES.values()):
                return VOCABULARY["matrimonio"]
            return ()
        circumstance, _yes = FLAG_QUESTIONS[question]
        return VOCABULARY[question] if circumstance in circumstances else ()

    def first_question(self, answers: Answers = NO_ANSWERS) -> NextQuestion:
        """The first question to ask after ``answers``, filling in the implied ones."""
        for question in QUESTIONS:
            if question in answers:
                continue
            options = self.options(question, answers)
            if len(options) == 1:
                answers = answers.with_answer(question, options[0], implied=True)
            elif options:
                return NextQuestion(question, options, answers)
        raise ValueError(f"{self.plan}: no question left to ask")  # pragma: no cover

    def resolve(
        self,
        given: Mapping[str, str],
        invalid: Collection[str] = (),
        submitted: str = "",
    ):
        """Walk the questions with the answers of a request.

        ``given`` holds the valid answers, ``invalid`` the names of parameters whose value
        is not a word of ``VOCABULARY`` (or is empty), ``submitted`` the question whose
        step was just submitted. Returns a ``NextQuestion`` (with an error when the request
        was wrong), a ``NotDescribed``, an ``Explained`` or a ``Complete``.
        """
        invalid = set(invalid)
        provided = set(given) | invalid
        answers = Answers()
        outcome = None
        for index, question in enumerate(QUESTIONS):
            options = self.options(question, answers)
            if not options:
                continue
            if question in invalid:
                if len(options) > 1:
                    return NextQuestion(question, options, answers, error=INVALID)
                given = {**given, question: options[0]}  # not shown: reported at the end
            value = given.get(question)
            if value is None:
                if len(options) == 1:
                    answers = answers.with_answer(question, options[0], implied=True)
                    continue
                if provided & set(QUESTIONS[index + 1 :]):
                    error = MISSING
                elif submitted == question:
                    error = REQUIRED
                elif invalid:
                    error = UNUSED_INVALID
                elif unused := _unused(given, answers, QUESTIONS[:index]):
                    # Say so before asking on: the answers to come would not use them either.
                    return NotDescribed(answers, extra=unused)
                else:
                    error = ""
                return NextQuestion(question, options, answers, error=error)
            if value not in options:
                outcome = NotDescribed(answers, question, value, options)
                break
            answers = answers.with_answer(question, value, implied=len(options) == 1)
            route = self.route(answers)
            explanation = route.explain.get((question, value)) if route else None
            if explanation:
                outcome = Explained(answers, explanation)
                break
        else:
            extra = _unused(given, answers, QUESTIONS)
            if extra:
                outcome = NotDescribed(answers, extra=extra)
            else:
                outcome = Complete(Case(self.plan, answers))
        if invalid:
            return self._reshow_last(answers)
        return outcome

    def _reshow_last(self, answers: Answers) -> NextQuestion:
        """The last question answered by hand, shown again; the URL had a bad value."""
        if not answers.asked:
            return replace(self.first_question(), error=UNUSED_INVALID)
        question, value = answers.asked[-1]
        before = answers.before(question)
        return NextQuestion(
            question,
            self.options(question, before),
            before,
            error=UNUSED_INVALID,
            selected=value,
        )

    def complete_cases(self) -> Iterator[Case]:
        """Every complete case of the plan."""
        yield from (o.case for o in self.outcomes() if isinstance(o, Complete))

    def outcomes(self, answers: Answers = NO_ANSWERS) -> Iterator:
        """Every outcome reachable by choosing offered options."""
        try:
            step = self.first_question(answers)
        except ValueError:
            yield Complete(Case(self.plan, answers))
            return
        for value in step.options:
            given = dict(step.answers.pairs) | {step.question: value}
            outcome = self.resolve(given)
            if isinstance(outcome, NextQuestion):
                yield from self.outcomes(outcome.answers)
            else:
                yield outcome

    def url(self, answers: Answers) -> str:
        path = reverse_cached("insurance:checklist", self.plan)
        query = answers.query
        return f"{path}?{query}" if query else path

    def answers_for(self, **given) -> Answers:
        """The answers of a partial case, with implied ones filled in (for links)."""
        answers = Answers()
        for question in QUESTIONS:
            options = self.options(question, answers)
            if question in given:
                answers = answers.with_answer(question, given[question], len(options) == 1)
            elif len(options) == 1:
                answers = answers.with_answer(question, options[0], implied=True)
        return answers


def _unused(given, answers: Answers, questions) -> tuple[tuple[str, str], ...]:
    """The answers given to these questions that the case does not ask."""
    return tuple((q, given[q]) for q in questions if q in given and q not in answers)


def load_flow(plan: Plan) -> Flow:
    """The plan's questions, from its requirements' tags: one query."""
    rows = (
        Requirement.objects.filter(section__plan=plan)
        .order_by("section__order", "order")
        .values_list("procedure", "person__slug", "circumstance", "section__anchor")
    )
    return Flow(plan.slug, (Row(p, person or "", c, a) for p, person, c, a in rows))
