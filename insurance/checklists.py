"""Requirement checklists: the exact papers for one case of one plan.

The source (``shared/seeds/003``) scatters the papers of one case over several sections:
removing a spouse divorced abroad takes the general removal papers of Seguro Regular 5.1,
the spouse's papers of 5.1.1, the spouse's own 6.1.2, its divorce case 6.1.2.2 and, if they
married abroad, one of the alternatives of 6.1.2.3. The fixtures tag every requirement with
its procedure, person (empty = everyone) and circumstance (empty = always); this module
turns a case, the answers to a few questions, into the circumstances that hold, and picks
the requirements, steps and notes that apply.

- ``load_flow`` (one query) and ``load_plan_content`` (four more): what the questions and
  the checklists of one plan are built from.
- ``Flow``: which questions a plan asks, with which options, given the answers so far. The
  options come from the requirements' tags, so a question is asked only where the source
  distinguishes cases. ``Flow.resolve`` walks the answers of a request to the next
  question, an explanation, or a complete ``Case``.
- ``build_checklist``: the ``Checklist`` of a complete case.

What the tags cannot say (who carries out the procedure, which steps and notes go with
which case, SCTR's two routes) the ``ROUTES`` table says, citing the source section.
"""

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import ContributionRule, Form, Note, Plan, Requirement, Section, Step

# The questions, in the order they are asked; each is a query-string parameter.
QUESTIONS = (
    "tramite",
    "familiar",
    "trabajador",
    "motivo",
    "lugar",
    "matrimonio",
    "tercero",
    "laboral",
    "nacionalidad",
    "edad",
)

# Every value a parameter can take on any plan. A value outside these is an error (400); a
# value inside them that a plan or case does not use is a case the source does not describe.
VOCABULARY = {
    "tramite": tuple(Requirement.Procedure.values),
    "familiar": (
        "titular",
        "conyuge",
        "concubino",
        "hijo-menor",
        "hijo-mayor-incapacitado",
        "gestante",
    ),
    "trabajador": ("independiente", "dependiente"),
    "motivo": ("fallecimiento", "divorcio", "fin-concubinato", "otro"),
    "lugar": ("peru", "extranjero"),
    "matrimonio": ("peru", "extranjero"),
    "tercero": ("no", "si"),
    "laboral": ("no", "si"),
    "nacionalidad": ("peruana", "extranjera"),
    "edad": ("menos-de-70", "70-o-mas"),
}

C = Requirement.Circumstance
# The circumstance each motive brings, and the motive each circumstance belongs to.
MOTIVE_CIRCUMSTANCE = {
    "fallecimiento": C.DEATH,
    "divorcio": C.DIVORCE,
    "fin-concubinato": C.END_COHABITATION,
    "otro": C.OTHER_REASON,
}
MOTIVE_OF = {
    C.DEATH: "fallecimiento",
    C.DEATH_PERU: "fallecimiento",
    C.DEATH_ABROAD: "fallecimiento",
    C.DIVORCE: "divorcio",
    C.DIVORCE_PERU: "divorcio",
    C.DIVORCE_ABROAD: "divorcio",
    C.END_COHABITATION: "fin-concubinato",
    C.OTHER_REASON: "otro",
}
# Motives the source splits by place ("si falleció en el Perú / en el extranjero").
PLACED_MOTIVES = ("fallecimiento", "divorcio")
# Questions asked only when a requirement carries their circumstance: (circumstance, the
# answer that brings it).
FLAG_QUESTIONS = {
    "tercero": (C.THIRD_PARTY, "si"),
    "laboral": (C.WORK_REASONS, "si"),
    "nacionalidad": (C.FOREIGNER, "extranjera"),
    "edad": (C.AGED_70_PLUS, "70-o-mas"),
}
MARRIAGE_CIRCUMSTANCES = {"peru": C.MARRIED_PERU, "extranjero": C.MARRIED_ABROAD}
# Papers issued abroad: legalised by a Peruvian consulate or apostilled, and translated.
FOREIGN_CIRCUMSTANCES = frozenset({C.DEATH_ABROAD, C.DIVORCE_ABROAD, C.MARRIED_ABROAD})
# "con una antigüedad no mayor de seis meses", "no mayor a 6 meses", "no mayor de 6 meses"
RECENT_DOCUMENT = re.compile(r"no mayor (?:de|a) (?:6|seis) meses", re.IGNORECASE)
# Notes that apply to every paper issued abroad, wherever the source happens to state them:
# Regular 10.1.2 ends with "Importante: se requiere traducción de los documentos redactados
# en idioma distinto al español".
FOREIGN_NOTE_SECTIONS = {"regular": ("gestante-baja-fallecimiento",)}
SHOWN_NOTE_KINDS = (Note.Kind.IMPORTANT, Note.Kind.EDITORIAL)

# Who carries out the procedure; the template words each one (checklists/_doer.html).
EMPLOYER_PAYROLL = "empleador-planilla"
TITULAR_IN_PERSON = "titular-ospe"
INSURED_AT_OSPE = "asegurado-ospe"
ONLINE = "en-linea"
TITULAR_OR_REPRESENTATIVE = "titular-o-representante-ospe"
TITULAR_OSPE_OR_MAC = "titular-ospe-mac"
INDEPENDENT_AT_OSPE = "independiente-ospe"
EMPLOYER_SCTR = "empleador-sctr"
NOT_STATED = "no-indicado"
DOERS = (
    EMPLOYER_PAYROLL,
    TITULAR_IN_PERSON,
    INSURED_AT_OSPE,
    ONLINE,
    TITULAR_OR_REPRESENTATIVE,
    TITULAR_OSPE_OR_MAC,
    INDEPENDENT_AT_OSPE,
    EMPLOYER_SCTR,
    NOT_STATED,
)

# Outcomes that are an explanation rather than a list (checklists/explanations/_<code>.html).
AUTOMATIC_REMOVAL = "baja-automatica-gestante"
EXPLANATIONS = (AUTOMATIC_REMOVAL,)

REGULAR_DEPENDANTS = ("conyuge", "concubino", "hijo-menor", "hijo-mayor-incapacitado")
POTESTATIVO_DEPENDANTS = REGULAR_DEPENDANTS


@dataclass(frozen=True)
class Route:
    """Where the source describes one procedure for some persons, and what goes with it.

    Anchors may contain ``{person}``, replaced by the person's slug. ``persons=None`` means
    the procedure is not about a family member (the question is not asked).
    """

    plan: str
    procedure: str
    persons: tuple[str, ...] | None
    doer: str
    doer_sections: tuple[str, ...] = ()
    track: str = ""  # SCTR: the answer to "trabajador"
    only_sections: tuple[str, ...] = ()  # restrict the requirements to these sections
    steps: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    effect: str = ""  # the section whose text says what the procedure does to coverage
    waiting_period: bool = False
    skip: frozenset[str] = frozenset()  # questions the source rules out for this route
    explain: Mapping[tuple[str, str], str] = field(default_factory=dict)
    links_from: tuple[str, ...] = ()  # plan sections that link to this route's checklist

    def matches(self, procedure, person, track=None) -> bool:
        if self.procedure != procedure:
            return False
        if self.persons is None:
            if person is not None:
                return False
        elif person not in self.persons:
            return False
        return track is None or self.track == track

    def anchors(self, names, person) -> tuple[str, ...]:
        return tuple(name.format(person=person or "") for name in names)


ROUTES = (
    # Seguro Regular 5, 6.2...10.2, 12: the employer registers and removes dependants through
    # the Planilla Electrónica (T-Registro); the OSPE only when that record is missing.
    Route(
        "regular",
        "inscripcion",
        REGULAR_DEPENDANTS,
        EMPLOYER_PAYROLL,
        doer_sections=("derechohabientes", "registro-derechohabientes"),
        steps=("{person}-pasos",),
        effect="{person}-inscripcion",
        waiting_period=True,
        links_from=("{person}",),
    ),
    # 5.2 "Importante": the gestante's removal is automatic after the 42 days of puerperium.
    Route(
        "regular",
        "inscripcion",
        ("gestante",),
        EMPLOYER_PAYROLL,
        doer_sections=("derechohabientes", "registro-derechohabientes"),
        steps=("gestante-pasos",),
        notes=("pasos-desafiliacion",),
        effect="gestante-inscripcion",
        waiting_period=True,
        links_from=("gestante",),
    ),
    Route(
        "regular",
        "baja",
        REGULAR_DEPENDANTS,
        EMPLOYER_PAYROLL,
        doer_sections=("derechohabientes", "registro-derechohabientes"),
        steps=("pasos-desafiliacion",),
        effect="{person}-baja",
        links_from=("{person}",),
    ),
    # 5.2 "Importante": the gestante's removal is automatic after 42 days of puerperium;
    # only if she dies does the titular remove her, "yendo él mismo" to an OSPE: no third
    # party, no other motive.
    Route(
        "regular",
        "baja",
        ("gestante",),
        TITULAR_IN_PERSON,
        doer_sections=("pasos-desafiliacion",),
        steps=("pasos-desafiliacion",),
        notes=("pasos-desafiliacion", "gestante-baja"),
        effect="gestante-baja",
        skip=frozenset({"tercero"}),
        explain={("motivo", "otro"): AUTOMATIC_REMOVAL},
        links_from=("gestante",),
    ),
    # 15: the insured person at an OSPE; a spouse, partner, parent or guardian may go instead.
    Route(
        "regular",
        "cambio-establecimiento",
        None,
        INSURED_AT_OSPE,
        doer_sections=("cambio-establecimiento",),
        steps=("cambio-establecimiento-pasos",),
        effect="cambio-establecimiento",
        links_from=("cambio-establecimiento",),
    ),
    # 13: looked up online in "Dónde me atiendo".
    Route(
        "regular",
        "consulta-establecimiento",
        None,
        ONLINE,
        doer_sections=("establecimiento-asignado",),
        effect="establecimiento-asignado",
        links_from=("establecimiento-asignado",),
    ),
    # Potestativo 3.2.1: the titular or a legal representative, at an OSPE.
    Route(
        "potestativo",
        "inscripcion",
        ("titular",),
        TITULAR_OR_REPRESENTATIVE,
        doer_sections=("pasos-afiliacion-individual",),
        steps=("pasos-afiliacion-individual",),
        effect="afiliacion-individual",
        waiting_period=True,
        links_from=("afiliacion-individual",),
    ),
    # Potestativo 4.2.2: the titular, at an OSPE or a Centro MAC.
    Route(
        "potestativo",
        "inscripcion",
        POTESTATIVO_DEPENDANTS,
        TITULAR_OSPE_OR_MAC,
        doer_sections=("pasos-afiliacion-familiares",),
        steps=("pasos-afiliacion-familiares",),
        notes=("pasos-afiliacion-familiares",),
        effect="afiliacion-familiares",
        waiting_period=True,
        links_from=("{person}",),
    ),
    # SCTR 2: the independent worker, at an OSPE.
    Route(
        "sctr",
        "inscripcion",
        ("titular",),
        INDEPENDENT_AT_OSPE,
        doer_sections=("afiliacion-independiente", "pasos-afiliacion-independiente"),
        track="independiente",
        only_sections=("afiliacion-independiente",),
        steps=("pasos-afiliacion-independiente",),
        links_from=("afiliacion-independiente",),
    ),
    # SCTR 7: the employer registers at an OSPE, then enrols its workers through T-Registro.
    Route(
        "sctr",
        "inscripcion",
        ("titular",),
        EMPLOYER_SCTR,
        doer_sections=("afiliacion-dependientes", "pasos-afiliacion-dependientes"),
        track="dependiente",
        only_sections=("requisitos-afiliacion-dependientes",),
        steps=("pasos-afiliacion-dependientes",),
        links_from=("afiliacion-dependientes",),
    ),
    # Agrario 2: the source does not say who files the papers, or where. Section 1's
    # "Importante" (new independent enrolments suspended) goes with every case.
    Route(
        "agrario",
        "inscripcion",
        ("titular",),
        NOT_STATED,
        notes=("descripcion",),
        waiting_period=True,
        links_from=("condiciones",),
    ),
)


# --- Answers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    """Answers in question order; ``implied`` ones had a single possible value."""

    pairs: tuple[tuple[str, str], ...] = ()
    implied: frozenset[str] = frozenset()

    def get(self, question, default=None):
        for name, value in self.pairs:
            if name == question:
                return value
        return default

    def __contains__(self, question):
        return any(name == question for name, _ in self.pairs)

    def with_answer(self, question, value, implied=False) -> "Answers":
        return Answers(
            self.pairs + ((question, value),),
            self.implied | {question} if implied else self.implied,
        )

    def before(self, question) -> "Answers":
        index = QUESTIONS.index(question)
        pairs = tuple((q, v) for q, v in self.pairs if QUESTIONS.index(q) < index)
        return Answers(pairs, self.implied & {q for q, _ in pairs})

    @property
    def asked(self) -> tuple[tuple[str, str], ...]:
        """The answers a person gave (the ones the URL carries)."""
        return tuple((q, v) for q, v in self.pairs if q not in self.implied)

    @property
    def query(self) -> str:
        return urlencode(self.asked)


@dataclass(frozen=True)
class Case:
    """A complete case: every question the plan asks for it is answered."""

    plan: str
    answers: Answers

    def get(self, question, default=None):
        return self.answers.get(question, default)

    @property
    def circumstances(self) -> frozenset[str]:
        return active_circumstances(self.answers)


def active_circumstances(answers: Answers) -> frozenset[str]:
    active = set()
    motive = answers.get("motivo")
    if motive:
        active.add(MOTIVE_CIRCUMSTANCE[motive])
        place = answers.get("lugar")
        if place and motive in PLACED_MOTIVES:
            active.add(f"{motive}-{place}")
    marriage = answers.get("matrimonio")
    if marriage:
        active.add(MARRIAGE_CIRCUMSTANCES[marriage])
    for question, (circumstance, yes) in FLAG_QUESTIONS.items():
        if answers.get(question) == yes:
            active.add(circumstance)
    return frozenset(active)


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
            and (route is None or not route.only_sections or row.anchor in route.only_sections)
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

    def first_question(self, answers: Answers = Answers()) -> NextQuestion:
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
            extra = tuple((q, given[q]) for q in QUESTIONS if q in given and q not in answers)
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

    def outcomes(self, answers: Answers = Answers()) -> Iterator:
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
        path = reverse("insurance:checklist", args=[self.plan])
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


# --- Reading a plan ---------------------------------------------------------------------


def load_flow(plan: Plan) -> Flow:
    """The plan's questions, from its requirements' tags: one query."""
    rows = (
        Requirement.objects.filter(section__plan=plan)
        .order_by("section__order", "order")
        .values_list("procedure", "person__slug", "circumstance", "section__anchor")
    )
    return Flow(plan.slug, (Row(p, person or "", c, a) for p, person, c, a in rows))


@dataclass
class PlanContent:
    """What the checklists of one plan are built from."""

    plan: Plan
    flow: Flow
    sections: tuple[Section, ...]
    requirements: tuple[Requirement, ...]
    steps: tuple[Step, ...]
    notes: tuple[Note, ...]
    contribution_rules: tuple[ContributionRule, ...]

    def __post_init__(self):
        self.section_by_anchor = {section.anchor: section for section in self.sections}

    @property
    def has_checklists(self) -> bool:
        return bool(self.requirements)

    def chapter_of(self, section: Section) -> Section | None:
        """The numbered chapter (level 2) a sub-section belongs to."""
        chapter = None
        for candidate in self.sections:
            if candidate.order > section.order:
                break
            if candidate.level == 2:
                chapter = candidate
        return None if chapter is None or chapter.pk == section.pk else chapter


def load_plan_content(plan: Plan, flow: Flow | None = None) -> PlanContent:
    """Five queries whatever the plan (six without ``flow``): sections, requirements,
    steps, notes, contribution rules."""
    flow = flow or load_flow(plan)
    sections = tuple(Section.objects.filter(plan=plan).order_by("order"))
    by_id = {section.pk: section for section in sections}

    def attach(items):
        items = list(items)
        for item in items:
            item.section = by_id[item.section_id]
        return tuple(sorted(items, key=lambda item: (item.section.order, item.order)))

    requirements = attach(
        Requirement.objects.filter(section__plan=plan).select_related("person", "form")
    )
    steps = attach(Step.objects.filter(section__plan=plan))
    notes = attach(Note.objects.filter(section__plan=plan))
    rules = attach(ContributionRule.objects.filter(section__plan=plan))
    return PlanContent(plan, flow, sections, requirements, steps, notes, rules)


# --- The checklist ----------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    requirement: Requirement
    foreign: bool  # issued abroad: legalised or apostilled, translated
    recent: bool  # must be at most six months old

    @property
    def text(self):
        return self.requirement.text

    @property
    def form(self) -> Form | None:
        return self.requirement.form


@dataclass(frozen=True)
class ChecklistItem:
    """One paper to bring, or a choice: bring one of these."""

    documents: tuple[Document, ...]

    @property
    def is_choice(self) -> bool:
        return len(self.documents) > 1


@dataclass(frozen=True)
class DocumentGroup:
    """The papers one section of the source asks for, kept in its own wording."""

    section: Section
    chapter: Section | None
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class StepItem:
    """A step, with the amounts the source lists right after it (Potestativo 3.2.2)."""

    step: Step
    amounts: tuple[ContributionRule, ...] = ()


@dataclass(frozen=True)
class Checklist:
    plan: Plan
    case: Case
    title: str
    groups: tuple[DocumentGroup, ...]
    forms: tuple[Form, ...]
    doer: str
    doer_sections: tuple[Section, ...]
    steps: tuple[StepItem, ...]
    notes: tuple[Note, ...]
    foreign_documents: bool
    recent_documents: bool
    effect: Section | None
    waiting_period: str
    sources: tuple["SourceRef", ...]

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(d for group in self.groups for item in group.items for d in item.documents)

    @property
    def procedure(self) -> str:
        return self.case.get("tramite")


@dataclass(frozen=True)
class SourceRef:
    """A section the list comes from, and how to name it: "6.1.2", or "15 (Requisitos)"."""

    section: Section
    label: str


def _source_label(content: PlanContent, section: Section) -> str:
    if section.number:
        return section.number
    chapter = content.chapter_of(section)
    return f"{chapter.number} ({section.title})" if chapter else section.title


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def select_requirements(content: PlanContent, case: Case) -> tuple[Requirement, ...]:
    """The requirements of the case, in source order; identical wordings once."""
    flow, answers = content.flow, case.answers
    route = flow.route(answers)
    procedure, person = answers.get("tramite"), answers.get("familiar") or ""
    circumstances = case.circumstances
    chosen, seen = [], set()
    for requirement in content.requirements:
        person_slug = requirement.person.slug if requirement.person_id else ""
        if requirement.procedure != procedure or person_slug not in ("", person):
            continue
        if requirement.circumstance and requirement.circumstance not in circumstances:
            continue
        if route and route.only_sections and requirement.section.anchor not in route.only_sections:
            continue
        key = _normalise(requirement.text)
        if key in seen and not requirement.choice_group:
            continue  # the same words twice: merge (different words stay apart)
        seen.add(key)
        chosen.append(requirement)
    return tuple(chosen)


def _groups(content: PlanContent, requirements) -> tuple[DocumentGroup, ...]:
    groups: list[DocumentGroup] = []
    by_section: dict[int, list[ChecklistItem]] = {}
    choices: dict[tuple[int, str], list[Document]] = {}
    for requirement in requirements:
        document = Document(
            requirement,
            foreign=requirement.circumstance in FOREIGN_CIRCUMSTANCES,
            recent=bool(RECENT_DOCUMENT.search(requirement.text)),
        )
        section = requirement.section
        if section.pk not in by_section:
            by_section[section.pk] = []
            groups.append(DocumentGroup(section, content.chapter_of(section), ()))
        if requirement.choice_group:
            key = (section.pk, requirement.choice_group)
            if key in choices:
                choices[key].append(document)
                continue
            choices[key] = [document]
        by_section[section.pk].append(ChecklistItem((document,)))
    result = []
    for group in groups:
        items = []
        for item in by_section[group.section.pk]:
            group_name = item.documents[0].requirement.choice_group
            if group_name:
                item = ChecklistItem(tuple(choices[(group.section.pk, group_name)]))
            items.append(item)
        result.append(DocumentGroup(group.section, group.chapter, tuple(items)))
    return tuple(result)


def _steps(content: PlanContent, anchors) -> tuple[StepItem, ...]:
    """The steps of these sections; a contribution rule joins the step it follows."""
    items_in = (*content.steps, *content.contribution_rules)
    found = [item for item in items_in if item.section.anchor in anchors]
    items: list[StepItem] = []
    for row in sorted(found, key=lambda item: (item.section.order, item.order)):
        if isinstance(row, Step):
            items.append(StepItem(row))
        elif items:
            items[-1] = StepItem(items[-1].step, (*items[-1].amounts, row))
    return tuple(items)


def _sections(content: PlanContent, anchors) -> tuple[Section, ...]:
    return tuple(content.section_by_anchor[a] for a in anchors if a in content.section_by_anchor)


def build_checklist(content: PlanContent, case: Case) -> Checklist:
    route = content.flow.route(case.answers)
    if route is None:  # a person the fixtures tag but no route names: the papers, no more
        route = Route(content.plan.slug, case.get("tramite"), None, NOT_STATED)
    person = case.get("familiar")
    requirements = select_requirements(content, case)
    groups = _groups(content, requirements)
    documents = [d for g in groups for i in g.items for d in i.documents]
    foreign = any(d.foreign for d in documents)

    note_anchors = set(route.anchors(route.notes, person))
    if foreign:
        note_anchors.update(FOREIGN_NOTE_SECTIONS.get(content.plan.slug, ()))
    notes = tuple(
        n for n in content.notes if n.section.anchor in note_anchors and n.kind in SHOWN_NOTE_KINDS
    )
    step_anchors = route.anchors(route.steps, person)
    steps = _steps(content, step_anchors)

    forms = []
    for requirement in requirements:
        if requirement.form_id and requirement.form not in forms:
            forms.append(requirement.form)

    effect = _sections(content, route.anchors((route.effect,), person) if route.effect else ())
    doer_sections = _sections(content, route.anchors(route.doer_sections, person))
    sources = {g.section.pk: g.section for g in groups}
    for item in (*(s.step for s in steps), *notes):
        sources[item.section.pk] = item.section
    for section in doer_sections:
        sources[section.pk] = section
    return Checklist(
        plan=content.plan,
        case=case,
        title=describe(content.plan, case.answers),
        groups=groups,
        forms=tuple(forms),
        doer=route.doer,
        doer_sections=doer_sections,
        steps=steps,
        notes=notes,
        foreign_documents=foreign,
        recent_documents=any(d.recent for d in documents),
        effect=effect[0] if effect else None,
        waiting_period=content.plan.waiting_period if route.waiting_period else "",
        sources=tuple(
            SourceRef(section, _source_label(content, section))
            for section in sorted(sources.values(), key=lambda s: s.order)
        ),
    )


def explanation_notes(plan: Plan, flow: Flow, outcome: Explained) -> tuple[Note, ...]:
    """The source's "Importante" notes behind an explanation (one query)."""
    route = flow.route(outcome.answers)
    anchors = route.anchors(route.notes, outcome.answers.get("familiar")) if route else ()
    notes = Note.objects.filter(
        section__plan=plan, section__anchor__in=anchors, kind=Note.Kind.IMPORTANT
    ).select_related("section")
    return tuple(notes.order_by("section__order", "order"))


# --- Links in from the plan page --------------------------------------------------------


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def plan_links(plan: Plan, requirements: Iterable[Requirement]) -> dict[str, list[Link]]:
    """The checklists each section of a plan page links to, by section anchor.

    ``requirements`` are the plan's requirements with ``person`` and ``section`` loaded.
    """
    flow = Flow(plan.slug, rows_of(requirements))
    if not flow.rows:
        return {}
    procedures = flow.options("tramite", Answers())
    links: dict[str, list[Link]] = {}
    for route in flow.routes:
        if route.procedure not in procedures:
            continue
        persons = flow.options("familiar", Answers().with_answer("tramite", route.procedure))
        for person in route.persons or (None,):
            if person is not None and person not in persons:
                continue
            given = {"tramite": route.procedure}
            if person is not None:
                given["familiar"] = person
            if route.track:
                given["trabajador"] = route.track
            answers = flow.answers_for(**given)
            link = Link(describe(plan, answers, with_plan=False), flow.url(answers))
            for anchor in route.anchors(route.links_from, person):
                links.setdefault(anchor, []).append(link)
    return links


# --- The case in words ------------------------------------------------------------------

PERSON_OBJECT = {
    "conyuge": _("a tu cónyuge"),
    "concubino": _("a tu concubino(a)"),
    "hijo-menor": _("a tu hijo(a) menor de edad"),
    "hijo-mayor-incapacitado": _("a tu hijo(a) mayor de edad incapacitado(a)"),
    "gestante": _("a la gestante de tu hijo(a) extramatrimonial"),
}
MOTIVE_WORDS = {
    ("fallecimiento", None): _("por fallecimiento"),
    ("fallecimiento", "peru"): _("por fallecimiento en el Perú"),
    ("fallecimiento", "extranjero"): _("por fallecimiento en el extranjero"),
    ("divorcio", None): _("por divorcio"),
    ("divorcio", "peru"): _("por divorcio en el Perú"),
    ("divorcio", "extranjero"): _("por divorcio en el extranjero"),
    ("fin-concubinato", None): _("por fin del concubinato"),
    ("otro", None): _("por otro motivo"),
}
DETAIL_WORDS = {
    ("matrimonio", "peru"): _("casados en el Perú"),
    ("matrimonio", "extranjero"): _("casados en el extranjero"),
    ("tercero", "si"): _("trámite hecho por un tercero"),
    ("nacionalidad", "extranjera"): _("persona extranjera"),
    ("edad", "menos-de-70"): _("menos de 70 años"),
    ("edad", "70-o-mas"): _("70 años o más"),
}


def _action(answers: Answers) -> str:
    procedure, person = answers.get("tramite"), answers.get("familiar")
    if procedure == "cambio-establecimiento":
        if answers.get("laboral") == "si":
            return gettext("Cambiar tu establecimiento de salud por motivos laborales")
        return gettext("Cambiar tu establecimiento de salud")
    if procedure == "consulta-establecimiento":
        return gettext("Consultar tu establecimiento de salud asignado")
    if procedure == "baja":
        if person in PERSON_OBJECT:
            return gettext("Dar de baja %(person)s") % {"person": PERSON_OBJECT[person]}
        return gettext("Dar de baja a un familiar")
    if procedure == "inscripcion":
        if person in PERSON_OBJECT:
            return gettext("Inscribir %(person)s") % {"person": PERSON_OBJECT[person]}
        if person == "titular":
            track = answers.get("trabajador")
            if track == "independiente":
                return gettext("Afiliarte como trabajador independiente")
            if track == "dependiente":
                return gettext("Afiliar a los trabajadores dependientes (lo hace el empleador)")
            return gettext("Afiliarte como titular")
        return gettext("Inscribir a una persona")
    return gettext("Tu trámite")


def describe(plan: Plan, answers: Answers, with_plan: bool = True) -> str:
    """The case in words: "Dar de baja a tu cónyuge por divorcio en el extranjero — ..."."""
    words = _action(answers)
    motive = answers.get("motivo")
    if motive:
        place = answers.get("lugar") if motive in PLACED_MOTIVES else None
        words += " " + str(MOTIVE_WORDS.get((motive, place), MOTIVE_WORDS[(motive, None)]))
    details = [str(DETAIL_WORDS[pair]) for pair in answers.pairs if pair in DETAIL_WORDS]
    if details:
        words += f" ({', '.join(details)})"
    if with_plan:
        words += f" — {plan.name}"
    return words
