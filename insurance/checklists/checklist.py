"""The checklist of a complete case: the requirements, steps and notes that apply to it.

A case's papers are scattered over several sections of the source; the fixtures tag every
requirement with its procedure, person (empty = everyone) and circumstance (empty =
always), and ``select_requirements`` keeps those the case's answers bring.
"""

import re
from dataclasses import dataclass

from ..models import ContributionRule, Form, Note, Plan, Requirement, Section, Step
from .content import PlanContent
from .flow import Explained, Flow
from .questions import Case
from .routes import NOT_STATED, Route
from .words import describe

# Papers issued abroad: legalised by a Peruvian consulate or apostilled, and translated.
FOREIGN_CIRCUMSTANCES = frozenset(
    {
        Requirement.Circumstance.DEATH_ABROAD,
        Requirement.Circumstance.DIVORCE_ABROAD,
        Requirement.Circumstance.MARRIED_ABROAD,
    }
)
# "con una antigüedad no mayor de seis meses", "no mayor a 6 meses", "no mayor de 6 meses"
RECENT_DOCUMENT = re.compile(r"no mayor (?:de|a) (?:6|seis) meses", re.IGNORECASE)
# Notes that apply to every paper issued abroad, wherever the source happens to state them:
# Regular 10.1.2 ends with "Importante: se requiere traducción de los documentos redactados
# en idioma distinto al español".
FOREIGN_NOTE_SECTIONS = {"regular": ("gestante-baja-fallecimiento",)}
SHOWN_NOTE_KINDS = (Note.Kind.IMPORTANT, Note.Kind.EDITORIAL)


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
        return _documents(self.groups)

    @property
    def procedure(self) -> str:
        return self.case.get("tramite")


@dataclass(frozen=True)
class SourceRef:
    """A section the list comes from, and how to name it: "6.1.2", or "15 (Requisitos)"."""

    section: Section
    label: str


def _documents(groups: tuple[DocumentGroup, ...]) -> tuple[Document, ...]:
    return tuple(d for group in groups for item in group.items for d in item.documents)


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
        if route and not route.includes(requirement.section.anchor):
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
    documents = _documents(groups)
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
