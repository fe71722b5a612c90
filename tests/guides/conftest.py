from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed_guide.txt"
# The original, beside the repository in CI and on the developers' machines.
SHARED_SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_111a2401a56468ce.txt"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts and ends in Spanish: a request to /en/ leaves English active in the
    thread (LocaleMiddleware activates it, nothing deactivates it), and the next test's
    ``guide.title`` would read the English column."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def seed_path():
    return SEED


@pytest.fixture
def make_guide(db):
    """A published guide saved through save(), so its HTML and search data are built."""
    from guides.models import Category, Guide

    def make(key, title, body="## Procedimiento\n\n1. Un paso.\n", categories=(), **fields):
        guide = Guide(
            translation_key=key,
            slug=fields.pop("slug", key),
            title_es=title,
            body_es=body,
            draft=fields.pop("draft", False),
            **fields,
        )
        guide.save()
        for name in categories:
            category, _ = Category.objects.get_or_create(
                slug=name.lower().replace(" ", "-"), defaults={"name_es": name}
            )
            guide.categories.add(category)
        return guide

    return make
