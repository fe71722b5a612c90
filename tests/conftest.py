import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.template.backends import jinja2 as jinja2_backend
from django.test.signals import template_rendered
from django.utils import translation
from hypothesis import settings as hypothesis_settings

# Tests never assert on wall time: hypothesis's default 200 ms deadline per example failed
# a property test on a loaded 2-core machine. Speed is measured in benchmarks/.
hypothesis_settings.register_profile("tramitit", deadline=None)
hypothesis_settings.load_profile("tramitit")


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are deselected, not skipped, on SQLite: CI runs them on its
    PostgreSQL pass, and a skip would only hide them."""
    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    kept = [item for item in items if item.get_closest_marker("postgresql") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def _jinja_pages_are_recorded():
    """The test client's ``response.templates`` and ``response.context``, for the Jinja2
    pages too: Django instruments only its own engine while testing."""
    render = jinja2_backend.Template.render

    def recorded(self, context=None, request=None):
        context = {} if context is None else context
        output = render(self, context, request)  # fills in the request and processors
        template_rendered.send(sender=self, template=self.template, context=context)
        return output

    jinja2_backend.Template.render = recorded
    yield
    jinja2_backend.Template.render = render


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the real content, loaded once per run."""
    with django_db_blocker.unblock():
        call_command("loadcontent", verbosity=0)


@pytest.fixture(autouse=True)
def _spanish_to_start():
    """Each test starts in Spanish: a request to /en/ leaves English active in the thread
    (LocaleMiddleware activates, nothing resets), and reverse() would then give /en/ paths."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with no post counted against the suggestion form's rate limit."""
    caches[settings.RATELIMIT_USE_CACHE].clear()
