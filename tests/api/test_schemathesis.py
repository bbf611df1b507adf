"""Property-based: schemathesis generates valid and invalid requests for every operation of
the OpenAPI document and checks each answer: no server error (5xx), a status code the
document lists, its content type, and a body that matches its schema. Run as an
administrator with a read-write token (every write reaches the services) and as the
public. A bounded number of examples keeps it well under a minute. One pytest test; each
operation is a subtest, named by its method and path in a failure."""

from __future__ import annotations

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

from accord.api.tokens import token_create

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 8


@pytest.fixture(autouse=True)
def _one_connection(settings):
    """Like Django's test client, the requests keep the test's database connection open
    (it holds the test's transaction); and no throttle gets in the way."""
    settings.ACCORD_API_RATE = settings.ACCORD_API_PUBLIC_RATE = "1000000/m"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def alice_key(world) -> str:
    return token_create(user=world.users["alice"], name="fuzz", scope="read-write", days=1)[1]


@pytest.fixture
def api_schema():
    """The document as the WSGI application serves it (no database is read to make it)."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


# Loaded when the test runs, each operation a subtest: built at collection instead, the
# tests of the 31 operations and their 1,861 coverage cases took each xdist worker 2.7 s
# of its start (every worker collects every test).
schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_by_its_schema(case, alice_key):
    key = (
        alice_key
        if "writes" in (case.operation.tags or []) or case.operation.path.endswith("}")
        else None
    )
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    case.call_and_validate(headers=headers, checks=CHECKS)
