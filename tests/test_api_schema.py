"""Property-based checks of every endpoint against the OpenAPI schema (schemathesis): no server errors, and
responses conform to the documented status codes, content types and shapes.

Cases come from schemathesis' hypothesis strategies per operation (its pytest plugin does not run under this
pytest version), a bounded number of examples each so the whole run stays well under two minutes.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install schemathesis)")
from hypothesis import HealthCheck, given, settings  # noqa: E402

import api_support  # noqa: E402  # tests/ is on sys.path under pytest's default import mode
from wirescope.api import create_app  # noqa: E402

EXAMPLES = 30
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = api_support.write_store(tmp_path_factory.mktemp("schema") / "store.duckdb")
    app = create_app(path, token="schema-test-token")
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_every_operation_without_server_errors(api_schema) -> None:  # type: ignore[no-untyped-def]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    failures: list[str] = []
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case) -> None:  # type: ignore[no-untyped-def]
            if case.method == "POST":  # a right token would load the NLP pipeline per example; tested elsewhere
                case.headers = {**(case.headers or {}), "Authorization": "Bearer wrong"}
            response = case.call()
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:300]}"
            )
            # Semantic rejections (a forged cursor, an inverted bbox) are answered 400 on purpose, so the
            # "schema-valid data is accepted" check does not apply; everything about the responses is checked.
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except (
            AssertionError,
            BaseExceptionGroup,
        ) as exc:  # collect every operation's failure, then fail once with all of them
            failures.append(f"{op.method.upper()} {op.path}: {exc}")
    assert not failures, "\n\n".join(failures)
