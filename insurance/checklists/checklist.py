"""The checklist of a complete case: the papers, steps and notes that apply to it.

A case's papers are scattered over several sections of the source; the fixtures tag every
requirement with its procedure, person (empty = everyone) and circumstance (empty =
always), and ``select_requirements`` keeps those the case's answers bring. Steps are tagged
the same way (``circumstance``, ``unless``), so a case shows only the steps that fit it.
"""

from dataclasses import dataclass

from ..models import ContributionRule, Form, Note, Plan, Requirement, Section, Step
from .content import PlanContent
from .documents import (
    Document,
    DocumentGroup,
    SourceRef,
    documents_of,
    group_documents,
    source_ref,
)
from .flow import Explained, Flow
from .questions import Case
from .routes import NOT_STATED, Doer, Route
from .words import describe

# Notes that apply to every paper issued abroad, wherever the source happens to state them:
# Regular 10.1.2 ends with "Importante: se requiere traducción de los documentos redactados
# en idioma distinto al español".
FOREIGN_NOTE_SECTIONS = {"regular": ("gestante-baja-fallecimiento",)}
SHOWN_NOTE_KINDS = (Note.Kind.IMPORTANT, Note.Kind.EDITORIAL)


@dataclass(frozen=True)
class StepItem:
    """A step, with the amounts the source lists right after it (Potestativo 3.2.2) and
    the notes that explain it (an Aclaración where the site departs from its words)."""

    step: Step
    amounts: tuple[ContributionRule, ...] = ()
    notes: tuple[Note, ...] = ()


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
    sources: tuple[SourceRef, ...]

    @property
    def documents(self) -> tuple[Document, ...]:
        return documents_of(self.groups)

    @property
    def procedure(self) -> str:
        return self.case.get("tramite")


def select_requirements(content: PlanContent, case: Case) -> tuple[Requirement, ...]:
    """The requirements of the case, in source order."""
    answers = case.answers
    route = content.flow.route(answers)
    procedure, person = answers.get("tramite"), answers.get("familiar") or ""
    circumstances = case.circumstances
    return tuple(
        requirement
        for requirement in content.requirements
        if requirement.procedure == procedure
        and (requirement.person.slug if requirement.person_id else "") in ("", person)
        and (not requirement.circumstance or requirement.circumstance in circumstances)
        and (route is None or route.includes(requirement.section.anchor))
    )


def _fits(step: Step, circumstances) -> bool:
    if step.circumstance and step.circumstance not in circumstances:
        return False
    return not (step.unless and step.unless in circumstances)


def _steps(content: PlanContent, anchors, circumstances) -> tuple[StepItem, ...]:
    """The steps of these sections that fit the case; a contribution rule joins the step it
    follows, a note the step it names."""
    items_in = (*content.steps, *content.contribution_rules)
    found = [item for item in items_in if item.section.anchor in anchors]
    items: list[StepItem] = []
    shown = False  # whether the last step was shown (its amounts go with it)
    for row in sorted(found, key=lambda item: (item.section.order, item.order)):
        if isinstance(row, Step):
            shown = _fits(row, circumstances)
            if shown:
                notes = tuple(
                    n for n in content.notes if n.step_id == row.pk and n.kind in SHOWN_NOTE_KINDS
                )
                items.append(StepItem(row, notes=notes))
        elif shown and items:
            last = items[-1]
            items[-1] = StepItem(last.step, (*last.amounts, row), last.notes)
    return tuple(items)


def _sections(content: PlanContent, anchors) -> tuple[Section, ...]:
    return tuple(content.section_by_anchor[a] for a in anchors if a in content.section_by_anchor)


def build_checklist(content: PlanContent, case: Case) -> Checklist:
    route = content.flow.route(case.answers)
    if route is None:  # a person the fixtures tag but no route names: the papers, no more
        route = Route(content.plan.slug, case.get("tramite"), None, Doer(NOT_STATED))
    person = case.get("familiar")
    doer = route.doer_for(case.get("titular"))
    requirements = select_requirements(content, case)
    groups = group_documents(content, requirements)
    documents = documents_of(groups)
    foreign = any(d.foreign for d in documents)

    note_anchors = set(route.anchors(route.notes, person))
    if foreign:
        note_anchors.update(FOREIGN_NOTE_SECTIONS.get(content.plan.slug, ()))
    notes = tuple(
        n
        for n in content.notes
        if n.section.anchor in note_anchors and n.kind in SHOWN_NOTE_KINDS and not n.step_id
    )
    steps = _steps(content, route.anchors(route.steps, person), case.circumstances)

    forms = []
    for requirement in requirements:
        if requirement.form_id and requirement.form not in forms:
            forms.append(requirement.form)

    effect = _sections(content, route.anchors((route.effect,), person) if route.effect else ())
    doer_sections = _sections(content, route.anchors(doer.sections, person))
    sources = {s.section.pk: s.section for d in documents for s in d.sources}
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
        doer=doer.code,
        doer_sections=doer_sections,
        steps=steps,
        notes=notes,
        foreign_documents=foreign,
        recent_documents=any(d.recent for d in documents),
        effect=effect[0] if effect else None,
        waiting_period=content.plan.waiting_period if route.waiting_period else "",
        sources=tuple(
            source_ref(content, section)
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
