"""Schemathesis fuzzes every /api/v1 operation against the live app, as a member with a key.

The real stack: uvicorn serving Vodarr, the real aria2c and the fake provider with a small
catalogue, so starts, actions and detail pages do real work. For every operation it sends
schema-valid requests and requests that break the schema, a bounded number of each, and
checks that nothing answers 5xx and every answer (status, content type, body) is the one
the OpenAPI document promises.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fixtures.provider import use_real_stack
from tests.fixtures.server import LiveApp
from vodarr.accounts.models import User
from vodarr.api.api import api
from vodarr.api.keys import create_key
from vodarr.catalog.provider import forget_client
from vodarr.catalog.sync import sync_now
from vodarr.demo.provider import FakeProvider
from vodarr.integrations.aria2 import EmbeddedAria2

KIB = 1024
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 6}


@pytest.mark.slow
def test_every_operation_answers_as_its_schema_says(
    live_app: LiveApp, settings, aria2: EmbeddedAria2, fake_provider: FakeProvider
) -> None:  # type: ignore[no-untyped-def]
    use_real_stack(settings, aria2, fake_provider)
    settings.API_RATE_LIMIT = 100_000  # the fuzzer is one key making many requests
    for stream_id in (1, 2, 3):  # the test catalogue's films stay active while it runs
        fake_provider.set_throttle("movie", stream_id, 16 * KIB)
    forget_client()
    sync_now()
    member = User.objects.create_user("fuzz@example.test", "pw", name="Fuzz", verified=True)
    headers = {"X-Api-Key": create_key(member, "fuzz").plain}

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        for mode, examples in EXAMPLES.items():

            @given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis_settings(
                max_examples=examples,
                deadline=None,
                database=None,
                derandomize=True,  # the same examples on every run: a failure reproduces
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(
                    base_url=live_app.url, headers=headers, checks=CHECKS, timeout=20
                )

            try:
                check()
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as failure:  # schemathesis raises a (base) exception group
                failures.append(f"{operation.label} ({mode.value}): {failure}")
    forget_client()
    assert not failures, "\n\n".join(failures)
