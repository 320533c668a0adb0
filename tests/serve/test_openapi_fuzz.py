"""Schemathesis against the OpenAPI schema of the running server: no input it generates makes
the server fail (no 500). Driven through its Python API, one strategy per operation."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

EXAMPLES = 40


def test_no_input_breaks_the_server(server: str) -> None:
    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call(base_url=server)
            assert response.status_code < 500, (case.path, case.query, response.text[:200])
            if response.status_code >= 400:
                assert "error" in response.json()

        call()
