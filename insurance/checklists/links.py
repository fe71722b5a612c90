"""Links in from the plan page: the checklists each section of a plan links to."""

from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Plan, Requirement
from .flow import Flow, rows_of
from .questions import Answers
from .words import describe


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
