"""Contract tests of the open-data API with Schemathesis: it reads ``/api/v1/openapi.json``
and generates requests for every operation (valid and invalid query strings and paths);
every answer must be no 500, a status code, content type and body the schema documents.

The number of examples is bounded (``EXAMPLES`` per operation and phase) so CI stays fast;
the run reports how many requests it made.
"""

from collections import Counter
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = 25
# Not positive_data_acceptance: a value the schema allows (any text for `monto`) may be one
# the form refuses, with a 400 the schema documents.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
GENERATED: Counter[str] = Counter()


pytestmark = pytest.mark.django_db
# Read once, at collection: the schema view reads no table. (schemathesis.pytest.from_fixture
# would load it inside a test, but breaks on pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI app closes the database connection at the end of each request, as a server
    does; inside a test that ends the test's transaction (on PostgreSQL the next request
    finds the connection closed). Django's test client disconnects the same handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.RULES_DATE = date(2025, 6, 15)


@pytest.fixture(scope="module", autouse=True)
def _report(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter and capture and GENERATED:
        counts = ", ".join(f"{label} {count}" for label, count in sorted(GENERATED.items()))
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nSchemathesis: {sum(GENERATED.values())} requests ({counts})")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_is_documented_and_never_a_500(case):
    GENERATED[case.operation.label] += 1
    case.call_and_validate(checks=CHECKS)
