"""Schemathesis over the OpenAPI schema of the real app (page mounted, seed corpus, real index):
every operation, positive and negative cases, all of Schemathesis's default checks (not only
'no 5xx'). Bounded: at most MAX_EXAMPLES generated cases per operation and mode."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from assistant.service import AssistantService
from eduqa.server import create_server
from tests.conftest import make_settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]
MAX_EXAMPLES = 20


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    app_settings = make_settings(tmp_path_factory.mktemp("schemathesis"))
    service = AssistantService(app_settings, owner="pytest-schemathesis")
    service.ingest()
    yield schemathesis.openapi.from_asgi("/openapi.json", create_server(app_settings, service))
    service.close()


def run_operation(operation, mode: GenerationMode) -> str | None:
    """Generated cases of one operation through every default check; the first failure."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def check(case):
        case.call_and_validate()

    try:
        check()
    except Unsatisfiable:  # no invalid input exists (an operation without parameters)
        return None
    except (Exception, BaseExceptionGroup) as exc:  # all failing operations in the report below
        return f"{mode} {operation.label}: {type(exc).__name__}: {str(exc)[:1500]}"
    return None


def test_api_conforms_to_its_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    failures = [failure for operation in operations for mode in GenerationMode
                if (failure := run_operation(operation, mode))]  # fmt: skip
    assert not failures, "\n\n".join(failures)
