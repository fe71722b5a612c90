"""What the checklists and the wizard read of the plan content, kept by each worker.

A checklist page used to read its plan's sections, requirements, steps and notes on every
request (seven queries and about two hundred rows) to build a list that changes only when
``loadcontent`` runs. Each process now keeps those rows, built once, and rebuilds them when
``ContentVersion`` moves: every save or delete of plan content moves it (signals below), so
a worker never serves a list older than the database. Model instances are kept, not
rendered text, so each language still reads its own translated fields.
"""

from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import models
from .checklists import Flow, PlanContent, load_flow, load_plan_content

# The models whose rows the snapshot holds (and the plan pages show).
CONTENT_MODELS = (
    models.Plan,
    models.Person,
    models.Form,
    models.Section,
    models.InsuredKind,
    models.CoverageItem,
    models.Exclusion,
    models.ContributionRule,
    models.Requirement,
    models.Step,
    models.Note,
    models.Benefit,
)


@dataclass
class Snapshot:
    version: str
    plans: dict[str, models.Plan]
    flows: dict[str, Flow]
    _contents: dict[str, PlanContent] = field(default_factory=dict)

    def content(self, slug: str) -> PlanContent:
        """The plan's checklist content, read the first time a worker needs it."""
        if slug not in self._contents:
            self._contents[slug] = load_plan_content(self.plans[slug], self.flows[slug])
        return self._contents[slug]


_current: Snapshot | None = None


def snapshot() -> Snapshot:
    """This process's copy, rebuilt if the content changed since it was read."""
    global _current
    version = models.ContentVersion.current()
    if _current is None or _current.version != version:
        plans = {plan.slug: plan for plan in models.Plan.objects.order_by("order")}
        _current = Snapshot(version, plans, {slug: load_flow(p) for slug, p in plans.items()})
    return _current


@receiver(post_save)
@receiver(post_delete)
def _content_changed(sender, raw=False, **kwargs):
    if sender in CONTENT_MODELS:
        models.ContentVersion.bump()
