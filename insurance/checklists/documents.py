"""The papers of a case: its requirements, one item per paper, grouped by the section of
the source that asks for them.

The source asks for some papers in more than one section: removing a spouse who died in
Peru takes the Formulario 1010 of Seguro Regular 5.1 ("firmado por el empleador o
titular"), of 6.1.2 ("llenado y firmado por el asegurado titular y/o cónyuge") and of
6.1.2.1 ("Si falleció en el Perú: Formulario N°1010"). The fixtures give such requirements
the same ``document`` key, and a case shows the paper once: in the words of the requirement
that ``prevails`` (the stricter rule) or else of the first, where the first stands, citing
every section that asks for it, with the Aclaraciones that say how the sections differ.
"""

import re
from dataclasses import dataclass

from ..models import Form, Requirement, Section
from .content import PlanContent

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


@dataclass(frozen=True)
class SourceRef:
    """A section the list comes from, and how to name it: "6.1.2", or "15 (Requisitos)"."""

    section: Section
    label: str


def source_ref(content: PlanContent, section: Section) -> SourceRef:
    if section.number:
        return SourceRef(section, section.number)
    chapter = content.chapter_of(section)
    return SourceRef(section, f"{chapter.number} ({section.title})" if chapter else section.title)


@dataclass(frozen=True)
class Document:
    """One paper: the words of ``requirement``, for every requirement of the case that
    asks for it (``requirements``, in source order, ``requirement`` among them)."""

    requirement: Requirement
    requirements: tuple[Requirement, ...]
    sources: tuple[SourceRef, ...]  # the sections that ask for it, in source order

    @property
    def text(self) -> str:
        return self.requirement.text

    @property
    def form(self) -> Form | None:
        return self.requirement.form

    @property
    def form_url(self) -> str:
        """The form's official address, or "" (a template's lookup through a missing form
        costs a checklist more than the paper's own lines)."""
        form = self.requirement.form
        return form.url if form is not None else ""

    @property
    def key(self) -> str:
        """Stable across content reloads (a row's natural key), for the kept ticks."""
        return f"{self.requirement.section.anchor}-{self.requirement.order}"

    @property
    def foreign(self) -> bool:
        """Issued abroad: legalised or apostilled, and translated."""
        return any(r.circumstance in FOREIGN_CIRCUMSTANCES for r in self.requirements)

    @property
    def recent(self) -> bool:
        """At most six months old, by any section that asks for it. Read in the source's
        Spanish, whatever the page's language: the rule is the source's, not a translation's."""
        return any(RECENT_DOCUMENT.search(r.text_es) for r in self.requirements)

    @property
    def clarifications(self) -> tuple[str, ...]:
        return tuple(r.clarification for r in self.requirements if r.clarification)


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


def _shown(same: list[Requirement]) -> Requirement:
    """The row whose words stand for the paper (a test keeps it to one per case)."""
    return next((r for r in same if r.prevails), same[0])


def _document(content: PlanContent, same: list[Requirement]) -> Document:
    sections = {r.section.pk: r.section for r in same}
    sources = tuple(
        source_ref(content, s) for s in sorted(sections.values(), key=lambda s: s.order)
    )
    return Document(_shown(same), tuple(same), sources)


def group_documents(
    content: PlanContent, requirements: tuple[Requirement, ...]
) -> tuple[DocumentGroup, ...]:
    """The case's requirements (in source order) as items, grouped by section: a paper
    asked for by several sections once, where it is first asked for; a choice once."""
    same: dict[str, list[Requirement]] = {}
    for requirement in requirements:
        if requirement.document:
            same.setdefault(requirement.document, []).append(requirement)
    sections: dict[int, Section] = {}
    items: dict[int, list] = {}  # section pk -> its items; a choice as a list, filled below
    choices: dict[tuple[int, str], list[Document]] = {}
    for requirement in requirements:
        section = requirement.section
        if requirement.document:
            if same[requirement.document][0] is not requirement:
                continue  # shown where the first section asks for it
            document = _document(content, same[requirement.document])
        else:
            document = _document(content, [requirement])
        sections.setdefault(section.pk, section)
        section_items = items.setdefault(section.pk, [])
        if requirement.choice_group:
            key = (section.pk, requirement.choice_group)
            if key not in choices:
                choices[key] = []
                section_items.append(choices[key])
            choices[key].append(document)
        else:
            section_items.append(document)
    return tuple(
        DocumentGroup(
            section,
            content.chapter_of(section),
            tuple(
                ChecklistItem(tuple(item) if isinstance(item, list) else (item,))
                for item in items[pk]
            ),
        )
        for pk, section in sections.items()
    )


def documents_of(groups: tuple[DocumentGroup, ...]) -> tuple[Document, ...]:
    return tuple(d for group in groups for item in group.items for d in item.documents)
