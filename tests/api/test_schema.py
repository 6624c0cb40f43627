"""The committed OpenAPI document (docs/openapi.json) is the one the code serves."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client

from vodarr.api.api import api

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_the_committed_schema_is_the_one_the_code_generates() -> None:
    generated = json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))
    committed = json.loads(COMMITTED.read_text())
    assert generated == committed, "docs/openapi.json is stale: run `make openapi` and commit it."


def test_the_schema_is_served_without_a_key(db: None) -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Vodarr API"


def test_errors_are_documented_as_problem_documents() -> None:
    schema = json.loads(json.dumps(api.get_openapi_schema()))
    operation = schema["paths"]["/api/v1/downloads/{download_id}"]["get"]
    assert set(operation["responses"]["404"]["content"]) == {"application/problem+json"}
    assert set(operation["responses"]["200"]["content"]) == {"application/json"}
    assert schema["components"]["securitySchemes"]["ApiKeyHeader"]["name"] == "X-Api-Key"


def test_operations_have_short_unique_ids_for_generated_clients() -> None:
    schema = json.loads(json.dumps(api.get_openapi_schema()))
    ids = [op["operationId"] for path in schema["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert "list_downloads" in ids and all("vodarr" not in i for i in ids)
