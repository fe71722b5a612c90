import pytest

from insurance.checklists import load_plan_content
from insurance.models import Plan

from .checklist_cases import DOCUMENTS


@pytest.fixture
def contents(db):
    """What each plan's checklists are built from, by plan slug."""
    return {slug: load_plan_content(Plan.objects.get(slug=slug)) for slug in DOCUMENTS}
