"""Each worker's copy of the plan content (insurance.snapshot) is never older than the
database: every save or delete of content moves the version, and the next page rebuilds."""

import pytest

from insurance import checklists
from insurance import snapshot as snapshots
from insurance.models import ContentVersion, Plan, Requirement

pytestmark = pytest.mark.django_db


def test_a_page_reads_the_version_only_while_nothing_changes(django_assert_num_queries):
    snapshots.snapshot()
    with django_assert_num_queries(1):
        first = snapshots.snapshot()
    assert snapshots.snapshot() is first


def test_a_saved_or_deleted_row_rebuilds_the_copy(client):
    plan = Plan.objects.get(slug="potestativo")
    flow = checklists.load_flow(plan)
    url = flow.url(next(iter(flow.outcomes())).answers)
    assert client.get(url).status_code == 200
    before = ContentVersion.current()
    requirement = Requirement.objects.create(
        section=Requirement.objects.filter(section__plan=plan).first().section,
        order=99,
        procedure=Requirement.objects.filter(section__plan=plan).first().procedure,
        text_es="Papel añadido en una prueba.",
    )
    assert ContentVersion.current() != before
    assert "Papel añadido en una prueba." in client.get(url).content.decode()
    requirement.delete()
    assert "Papel añadido en una prueba." not in client.get(url).content.decode()


def test_a_rolled_back_change_never_looks_current():
    """Tokens, not a counter: undoing a change and making another never reuses a version."""
    ContentVersion.bump()
    first = ContentVersion.current()
    ContentVersion.bump()
    assert ContentVersion.current() not in ("", first)
