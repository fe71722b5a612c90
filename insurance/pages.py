"""Assemble a plan page from its sections and items in a fixed number of queries.

Items of every kind are fetched once per kind (not once per section), merged into their
sections by ``order`` and grouped into blocks of consecutive items of one kind, so the
template can render a list of requirements as one list and a note as its own box.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .checklists import Link, plan_links
from .costs import CostLine, monthly_cost
from .models import (
    Benefit,
    ContributionRule,
    CoverageItem,
    Exclusion,
    InsuredKind,
    Note,
    Plan,
    Requirement,
    Section,
    Step,
)

# (model, block kind); the kind names the template fragment insurance/blocks/_<kind>.html.
ITEM_KINDS = (
    (InsuredKind, "insured_kinds"),
    (CoverageItem, "coverage"),
    (ContributionRule, "contributions"),
    (Exclusion, "exclusions"),
    (Requirement, "requirements"),
    (Step, "steps"),
    (Note, "note"),
    (Benefit, "benefits"),
)
# Kinds whose consecutive items are still shown one box each.
UNGROUPED = {"note"}


@dataclass
class Block:
    kind: str
    items: list = field(default_factory=list)

    @property
    def template(self):
        return f"insurance/blocks/_{self.kind}.html"


@dataclass
class PageSection:
    section: Section
    blocks: list[Block]
    checklist_links: list[Link] = field(default_factory=list)
    tool_link: Link | None = None


# Estimators that answer a section's question for the reader's own case.
SECTION_TOOLS = {
    ("regular", "desempleo"): (
        "insurance:latency",
        "",
        _("Calcula cuántos meses de cobertura por desempleo te corresponden"),
    ),
}
# Plans whose coverage start the waiting-period estimator computes.
WAITING_PERIOD_PLANS = {"regular", "potestativo", "agrario"}


def _tool_link(plan: Plan, anchor: str) -> Link | None:
    tool = SECTION_TOOLS.get((plan.slug, anchor))
    if tool is None:
        return None
    name, query, label = tool
    return Link(label=label, url=reverse(name) + query)


@dataclass
class PlanPage:
    plan: Plan
    sections: list[PageSection]
    cost: list[CostLine] = field(default_factory=list)
    checklist_url: str = ""  # the plan's checklist builder, when it has requirements
    waiting_period_url: str = ""  # the estimator of when coverage starts, where it applies

    @property
    def toc(self):
        return [s.section for s in self.sections if s.section.level == 2]

    @cached_property
    def section_urls(self) -> dict[str, str]:
        """Section number -> its #fragment, so "(sección 11)" in a text links there."""
        return {s.section.number: f"#{s.section.anchor}" for s in self.sections if s.section.number}


@dataclass
class PlanCard:
    """A plan on the home page and the plans list: the four things people come for."""

    plan: Plan
    cost: list[CostLine]
    section_urls: dict[str, str]  # number -> the section on the plan's page


def plan_cards(on: date) -> list[PlanCard]:
    """Every plan, with its cost on ``on`` and its sections' addresses: two queries."""
    plans = list(Plan.objects.all())
    urls = defaultdict(dict)
    numbered = Section.objects.exclude(number="").values_list("plan_id", "number", "anchor")
    for plan_id, number, anchor in numbered:
        urls[plan_id][number] = anchor
    return [
        PlanCard(
            plan,
            monthly_cost(plan.slug, on),
            {n: f"{plan.get_absolute_url()}#{a}" for n, a in urls[plan.pk].items()},
        )
        for plan in plans
    ]


def _blocks(items):
    blocks = []
    for _order, kind, item in sorted(items, key=lambda row: row[0]):
        if blocks and blocks[-1].kind == kind and kind not in UNGROUPED:
            blocks[-1].items.append(item)
        else:
            blocks.append(Block(kind, [item]))
    return blocks


def build_plan_page(plan: Plan, on: date) -> PlanPage:
    items = defaultdict(list)
    requirements = []
    for model, kind in ITEM_KINDS:
        queryset = model.objects.filter(section__plan=plan)
        if model is Requirement:
            # person and section (joined, no extra query) tell which checklists to link to
            queryset = queryset.select_related("form", "person", "section")
        for item in queryset:
            if model is Requirement:
                requirements.append(item)
                if item.step_id:  # named in a step's text: the page shows the step instead
                    continue
            items[item.section_id].append((item.order, kind, item))
    links = plan_links(plan, requirements)
    sections = [
        PageSection(
            section,
            _blocks(items[section.pk]),
            links.get(section.anchor, []),
            _tool_link(plan, section.anchor),
        )
        for section in Section.objects.filter(plan=plan).order_by("order")
    ]
    checklist_url = reverse("insurance:checklist", args=[plan.slug]) if requirements else ""
    waiting_period_url = (
        f"{reverse('insurance:waiting_period')}?plan={plan.slug}"
        if plan.slug in WAITING_PERIOD_PLANS
        else ""
    )
    return PlanPage(plan, sections, monthly_cost(plan.slug, on), checklist_url, waiting_period_url)
