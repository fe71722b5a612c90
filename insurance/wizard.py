"""The eligibility wizard, "¿Qué seguro de EsSalud me corresponde?", as data.

``QUESTIONS`` is the flow: questions in order, each with its form, the ``Profile`` field
its answer fills and ``ask_if``, which reads only earlier answers. A question's next node
is the next question whose ``ask_if`` holds, and after the last one the review page
(``next_node``). Where earlier answers already tell a question's answer (``implied``: a
construction worker's risk level), it is filled in, not asked, and the review shows it with
a link to the answer it comes from. The answers travel in the query string keyed by
question id, so every step, the review and the outcome are bookmarkable GET URLs; nothing
is stored.

``walk`` replays the answers in a query string along the flow and stops at the first
question on the path whose answer is missing or invalid: that is where a tampered or
incomplete URL is sent back to. The policy itself (which plans apply) lives in
``insurance.rules.eligibility``; this module only decides what to ask.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from . import rules
from .forms import wizard as forms
from .rules import EmployeeKind, IndependentKind, OtherCover, Situation
from .rules.memo import memo

SUBMIT = "enviar"  # marks a question's own form submission in the query string
REVIEW = "revisar"
RESULT = "resultado"
MAX_VALUES = 10  # values kept per question: a sanity bound on tampered URLs
MAX_VALUE_LENGTH = 100

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Question:
    id: str  # query-string key and URL segment
    form: type[forms.QuestionForm]
    profile_field: str
    ask_if: Callable[[Answers], bool] = lambda answers: True
    # The answer earlier answers already give (read only where ``ask_if`` holds), or None;
    # ``implied_by`` names those earlier questions, for the review's "Cambiar" link.
    implied: Callable[[Answers], Any] = lambda answers: None
    implied_by: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        return f"insurance/wizard/{self.id}.html"

    def bind(
        self, values: list[str] | None = None, *, answers: Answers, on: date
    ) -> forms.QuestionForm:
        """The form bound to raw values (a submission or a stored answer)."""
        return self.form(MultiValueDict({self.id: values or []}), answers=answers, on=on)


# --- When each question is asked (only earlier answers are read) --------------------------

POTESTATIVO_SITUATIONS = {
    Situation.INDEPENDENT,
    Situation.STUDENT,
    Situation.NONE,
    Situation.UNEMPLOYED,
}


def _situation(*situations: Situation) -> Callable[[Answers], bool]:
    return lambda a: a.get("situacion") in situations


def _potestativo(a: Answers) -> bool:
    return rules.potestativo_candidate(
        situation=a["situacion"],
        independent_kind=a.get("independiente"),
        agrarian_enrolled=a.get("agrario"),
        other_cover=a.get("asegurado"),
        age=a.get("edad"),
    )


def _ask_risk(a: Answers) -> bool:
    s = a["situacion"]
    if s in (Situation.EMPLOYEE, Situation.COOPERATIVE):
        return True
    return s is Situation.INDEPENDENT and a.get("asegurado") is not OtherCover.EMPLOYER


def _risk_of_the_work(a: Answers) -> rules.Risk | None:
    return rules.eligibility.implied_risk(
        situation=a["situacion"],
        employee_kind=a.get("dependiente"),
        independent_kind=a.get("independiente"),
        other_cover=a.get("asegurado"),
    )


def _ask_age(a: Answers) -> bool:
    return (
        a["situacion"] in POTESTATIVO_SITUATIONS
        or a.get("dependiente") is EmployeeKind.AGRARIAN
        or a.get("bombero") is True
    )


def _ask_family(a: Answers) -> bool:
    # A minor who neither works nor has a pension cannot be a titular: nobody to cover.
    minor = a.get("edad") is not None and a["edad"] < rules.eligibility.ADULT_AGE
    return not (minor and a["situacion"] in (Situation.STUDENT, Situation.NONE))


def _ask_family_ages(a: Answers) -> bool:
    family = a.get("familia") or frozenset()
    return _potestativo(a) and any(r in family for r in rules.eligibility.POTESTATIVO_RELATIVES)


def _ask_amount(a: Answers) -> bool:
    return (
        a["situacion"] in (Situation.EMPLOYEE, Situation.PENSIONER)
        or a.get("independiente") is IndependentKind.ARTISANAL_FISHER
    )


QUESTIONS: tuple[Question, ...] = (
    Question("situacion", forms.SituationForm, "situation"),
    Question(
        "dependiente", forms.EmployeeKindForm, "employee_kind", _situation(Situation.EMPLOYEE)
    ),
    Question(
        "independiente",
        forms.IndependentKindForm,
        "independent_kind",
        _situation(Situation.INDEPENDENT),
    ),
    Question(
        "agrario",
        forms.AgrarianEnrolledForm,
        "agrarian_enrolled",
        lambda a: a.get("independiente") is IndependentKind.FARMER,
    ),
    Question("pension", forms.PensionForm, "pension", _situation(Situation.PENSIONER)),
    Question("cese", forms.JobEndForm, "job_ended", _situation(Situation.UNEMPLOYED)),
    Question(
        "aportes",
        forms.ContributionsForm,
        "contributions_last_3_years",
        _situation(Situation.UNEMPLOYED),
    ),
    Question(
        "asegurado",
        forms.OtherCoverForm,
        "other_cover",
        _situation(Situation.INDEPENDENT, Situation.STUDENT, Situation.NONE),
    ),
    Question(
        "riesgo",
        forms.RiskForm,
        "risk",
        _ask_risk,
        implied=_risk_of_the_work,
        implied_by=("dependiente", "independiente"),
    ),
    Question("bombero", forms.FirefighterForm, "firefighter"),
    Question("edad", forms.AgeForm, "age", _ask_age),
    Question("documento", forms.DocumentForm, "document", _potestativo),
    Question("familia", forms.FamilyForm, "family", _ask_family),
    Question("edades", forms.FamilyAgesForm, "family_ages", _ask_family_ages),
    Question("monto", forms.AmountForm, "monthly_amount", _ask_amount),
)
BY_ID: Mapping[str, Question] = {q.id: q for q in QUESTIONS}
FIRST = QUESTIONS[0]


def next_node(question: Question, answers: Answers) -> Question | None:
    """The question after ``question`` for these answers; ``None`` means the review."""
    later = QUESTIONS[QUESTIONS.index(question) + 1 :]
    return next((q for q in later if q.ask_if(answers)), None)


# --- How many questions a person is asked -------------------------------------------------


class _NotAnsweredYet(Exception):
    """A condition read the answer to a question still ahead."""

    def __init__(self, question_id: str):
        super().__init__(question_id)
        self.question_id = question_id


class _AnswersSoFar(Mapping):
    """Answers in which those of the questions still ahead cannot be read yet."""

    def __init__(self, known: Answers, ahead: frozenset[str]):
        self._known, self._ahead = known, ahead

    def __getitem__(self, key):
        if key in self._ahead:
            raise _NotAnsweredYet(key)
        return self._known[key]

    def __iter__(self):
        return iter(self._known)

    def __len__(self):
        return len(self._known)


def most_questions(answers: Answers, start: Question) -> int:
    """The most questions, from ``start`` on, that these earlier answers can still lead to.

    Each question ahead counts as asked; a later condition that reads its answer is tried
    with every answer it can have (``possible_values``) and the longest path wins. Answers
    no condition reads are never tried: any of them leads to the same questions.
    """
    return _most_cached(QUESTIONS.index(start), tuple(sorted(answers.items())))


@lru_cache(maxsize=1024)  # a few ms for the first questions; the same for everyone
def _most_cached(start: int, answers: tuple[tuple[str, Any], ...]) -> int:
    return _most(start, dict(answers), frozenset())


def _most(start: int, known: dict[str, Any], ahead: frozenset[str]) -> int:
    for index in range(start, len(QUESTIONS)):
        question = QUESTIONS[index]
        answers = _AnswersSoFar(known, ahead)
        if not question.ask_if(answers):
            continue
        implied = question.implied(answers)
        if implied is not None:
            known = {**known, question.id: implied}
            continue
        try:
            return 1 + _most(index + 1, known, ahead | {question.id})
        except _NotAnsweredYet as read:
            if read.question_id != question.id:
                raise  # an earlier question's answer: its own frame tries them
        values = question.form.possible_values()
        if not values:
            raise LookupError(f"A condition reads «{question.id}»: give its form samples.")
        return 1 + max(_most(index + 1, {**known, question.id: v}, ahead) for v in values)
    return 0


# --- Replaying a query string along the flow ----------------------------------------------


@dataclass(frozen=True)
class Step:
    """An answered question on the path: the form that validated it, its value, raw text.
    An ``implied`` step was answered by earlier answers (its form is unbound, ``raw``
    empty): it is not asked, and not in the query string."""

    question: Question
    form: forms.QuestionForm
    value: Any
    raw: tuple[str, ...]
    implied: bool = False

    @property
    def summary(self) -> str:
        return self.form.summary(self.value)

    @property
    def label(self) -> str:
        return self.form.summary_label()


@dataclass(frozen=True)
class Walk:
    """Where a query string stands in the flow."""

    steps: tuple[Step, ...]
    pending: Question | None  # first question on the path without a valid answer
    raw: Mapping[str, tuple[str, ...]]  # the raw answers, by question id
    answers: Mapping[str, Any]  # the valid ones, cleaned, up to the pending question
    on: date  # the day the answers were checked on

    @property
    def complete(self) -> bool:
        return self.pending is None

    @property
    def path(self) -> tuple[Question, ...]:
        """The questions known to be asked: answered ones, then the pending one."""
        asked = tuple(s.question for s in self.steps if not s.implied)
        return asked + ((self.pending,) if self.pending else ())

    @property
    def total(self) -> int:
        """The questions this person is asked: those answered, and the most the pending
        one and the ones after it can still come to ("Pregunta 3 de 7")."""
        asked = sum(not s.implied for s in self.steps)
        if self.pending is None:
            return asked
        return asked + most_questions(self.answers, self.pending)

    def implied_by(self, step: Step) -> Step | None:
        """The answered question an implied step comes from."""
        return next((s for s in self.steps if s.question.id in step.question.implied_by), None)

    def step(self, question: Question) -> Step | None:
        return next((s for s in self.steps if s.question is question), None)

    def answers_before(self, question: Question) -> dict[str, Any]:
        before = QUESTIONS[: QUESTIONS.index(question)]
        return {q.id: self.answers[q.id] for q in before if q.id in self.answers}

    def previous(self, question: Question) -> Question | None:
        path = self.path
        index = path.index(question) if question in path else len(path)
        return path[index - 1] if index > 0 else None

    def items(self, *, without: str = "") -> list[tuple[str, str]]:
        """The canonical query: answers on the path, and answers to questions after the
        pending one (they may still be asked); never the pending one's invalid value nor
        answers to questions the path skipped."""
        keep = {q.id for q in self.path if q is not self.pending}
        if self.pending:
            after = QUESTIONS[QUESTIONS.index(self.pending) + 1 :]
            keep |= {q.id for q in after}
        return [
            (q.id, value)
            for q in QUESTIONS
            if q.id in keep and q.id != without
            for value in self.raw.get(q.id, ())
        ]

    def profile(self) -> rules.Profile:
        return rules.Profile(**{s.question.profile_field: s.value for s in self.steps})


def raw_answers(data: MultiValueDict) -> dict[str, tuple[str, ...]]:
    """The values of known question ids, bounded; unknown keys are dropped."""
    raw = {}
    for q in QUESTIONS:
        if q.id in data:
            values = [v[:MAX_VALUE_LENGTH] for v in data.getlist(q.id)[:MAX_VALUES]]
            raw[q.id] = tuple(values)
    return raw


def answered(
    question: Question, values: tuple[str, ...], answers: Answers, on: date
) -> forms.QuestionForm | None:
    """The form bound to ``values``, if they are a valid answer after ``answers``; else None.

    A worker keeps the valid forms it has bound, by answer, earlier answers and day (issue
    15): an outcome replays six or seven questions, and most are the same few choices for
    everyone. Each form gets its own copy of the earlier answers, so a kept one can never
    read a later answer of whoever asked first."""
    return _kept(question, values, tuple(answers.items()), on)


@memo(maxsize=1024)  # about 3.5 MB a worker when full
def _kept(question, values, earlier, on):
    form = question.bind(list(values), answers=dict(earlier), on=on)
    return form if form.is_valid() else None


def walk(data: MultiValueDict, *, on: date) -> Walk:
    """Replay ``data`` along the flow; ``on`` is today (no answer may be later)."""
    raw = raw_answers(data)
    answers: dict[str, Any] = {}
    steps = []
    question: Question | None = FIRST
    while question is not None:
        implied = question.implied(answers)
        if implied is not None:
            answers[question.id] = implied
            form = question.form(answers=answers, on=on)
            steps.append(Step(question, form, implied, (), True))
        elif question.id not in raw:
            return Walk(tuple(steps), question, raw, answers, on)
        else:
            form = answered(question, raw[question.id], answers, on)
            if form is None:
                return Walk(tuple(steps), question, raw, answers, on)
            answers[question.id] = form.value
            steps.append(Step(question, form, form.value, raw[question.id]))
        question = next_node(question, answers)
    return Walk(tuple(steps), None, raw, answers, on)


# --- URLs ---------------------------------------------------------------------------------


def with_query(url: str, items: list[tuple[str, str]]) -> str:
    return f"{url}?{urlencode(items)}" if items else url


def question_url(question: Question, items: list[tuple[str, str]]) -> str:
    return with_query(reverse("insurance:wizard_question", args=[question.id]), items)


def review_url(items: list[tuple[str, str]]) -> str:
    return with_query(reverse("insurance:wizard_review"), items)


def result_url(items: list[tuple[str, str]]) -> str:
    return with_query(reverse("insurance:wizard_result"), items)


def next_url(state: Walk) -> str:
    """Where this query string should go: its first unanswered question, else the review."""
    items = state.items()
    return question_url(state.pending, items) if state.pending else review_url(items)
