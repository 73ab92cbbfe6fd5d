"""The OpenAPI schema documents every field of every response, and the vocabularies reach it as enums."""

from __future__ import annotations

from typing import Any

import pytest

import api_support  # tests/ is on sys.path under pytest's default import mode
from wirescope.api import create_app
from wirescope.records import MODALITIES, QUOTE_TYPES


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = api_support.write_store(tmp_path_factory.mktemp("docs") / "store.duckdb")
    app = create_app(path, token="docs-test-token")
    return app.openapi()


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _undescribed(schema: dict[str, Any], node: dict[str, Any], where: str, seen: set[str]) -> list[str]:
    """Properties without a description, following $ref, arrays, unions and nested objects."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return []
        seen.add(name)
        return _undescribed(schema, _resolve(schema, node), name, seen)
    out: list[str] = []
    for key, prop in node.get("properties", {}).items():
        if not prop.get("description") and not _resolve(schema, prop).get("description"):
            out.append(f"{where}.{key}")
        out += _undescribed(schema, prop, f"{where}.{key}", seen)
    for sub in (node.get("items"), node.get("additionalProperties")):
        if isinstance(sub, dict):
            out += _undescribed(schema, sub, where, seen)
    for sub in node.get("anyOf", []) + node.get("oneOf", []) + node.get("allOf", []):
        out += _undescribed(schema, sub, where, seen)
    return out


def test_every_response_field_is_described(schema: dict[str, Any]) -> None:
    missing: list[str] = []
    documented = 0
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for status, response in op.get("responses", {}).items():
                body = response.get("content", {}).get("application/json", {}).get("schema")
                if body is None:
                    continue
                if str(status).startswith("2"):
                    assert "properties" in _resolve(schema, body), f"{method} {path} {status}: an open object"
                    documented += 1
                missing += [f"{method.upper()} {path} {status}: {m}" for m in _undescribed(schema, body, "", set())]
    assert documented >= 19  # every endpoint, the ingest endpoint included
    assert not missing, "fields without a description:\n" + "\n".join(sorted(set(missing)))


def test_vocabularies_are_enums_in_the_schema(schema: dict[str, Any]) -> None:
    event = schema["components"]["schemas"]["EventRow"]["properties"]
    modality = next(s for s in event["modality"]["anyOf"] if "enum" in s)
    assert tuple(modality["enum"]) == MODALITIES
    quote = schema["components"]["schemas"]["QuoteRow"]["properties"]
    assert tuple(next(s for s in quote["type"]["anyOf"] if "enum" in s)["enum"]) == QUOTE_TYPES


def test_the_test_sees_an_undescribed_field() -> None:
    node = {"properties": {"a": {"type": "string", "description": "x"}, "b": {"type": "integer"}}}
    assert _undescribed({"components": {"schemas": {}}}, node, "T", set()) == ["T.b"]


