"""Reading a plan: what its checklists are built from, in a fixed number of queries."""

from dataclasses import dataclass

from ..models import ContributionRule, Note, Plan, Requirement, Section, Step
from .flow import Flow, load_flow


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
