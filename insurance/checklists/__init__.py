"""Requirement checklists: the exact papers for one case of one plan.

The source (``shared/seeds/003``) scatters the papers of one case over several sections:
removing a spouse divorced abroad takes the general removal papers of Seguro Regular 5.1,
the spouse's papers of 5.1.1, the spouse's own 6.1.2, its divorce case 6.1.2.2 and, if they
married abroad, one of the alternatives of 6.1.2.3. The fixtures tag every requirement with
its procedure, person (empty = everyone) and circumstance (empty = always); this package
turns a case, the answers to a few questions, into the circumstances that hold, and picks
the requirements, steps and notes that apply.

- ``questions``: the questions, their words, and the circumstances the answers bring.
- ``routes``: what the tags cannot say (who carries out the procedure, which steps and notes
  go with which case, SCTR's two routes), citing the source section.
- ``flow``: which questions a plan asks, with which options, given the answers so far;
  ``Flow.resolve`` walks the answers of a request to the next question, an explanation, or
  a complete ``Case``. ``load_flow`` reads it in one query.
- ``content``: ``load_plan_content`` (four more queries), what the checklists are built from.
- ``documents``: the case's requirements as items, a paper asked for by two sections once.
- ``checklist``: ``build_checklist``, the ``Checklist`` of a complete case.
- ``words``: ``describe``, the case in words; ``links``: the plan page's links in.
"""

from .checklist import Checklist, build_checklist, explanation_notes, select_requirements
from .content import PlanContent, load_plan_content
from .flow import (
    INVALID,
    MISSING,
    REQUIRED,
    UNUSED_INVALID,
    Complete,
    Explained,
    Flow,
    NextQuestion,
    NotDescribed,
    Row,
    load_flow,
)
from .links import Link, plan_links
from .questions import QUESTIONS, VOCABULARY, Answers, Case
from .routes import AUTOMATIC_REMOVAL, DOERS, EXPLANATIONS, ROUTES, Doer, Route
from .words import describe

__all__ = [
    "AUTOMATIC_REMOVAL",
    "DOERS",
    "EXPLANATIONS",
    "INVALID",
    "MISSING",
    "QUESTIONS",
    "REQUIRED",
    "ROUTES",
    "UNUSED_INVALID",
    "VOCABULARY",
    "Answers",
    "Case",
    "Checklist",
    "Complete",
    "Doer",
    "Explained",
    "Flow",
    "Link",
    "NextQuestion",
    "NotDescribed",
    "PlanContent",
    "Route",
    "Row",
    "build_checklist",
    "describe",
    "explanation_notes",
    "load_flow",
    "load_plan_content",
    "plan_links",
    "select_requirements",
]
