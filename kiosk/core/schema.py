"""JSON Schema for editors' YAML tooling (completion and checks as they type)."""

from __future__ import annotations

from typing import Any

from kiosk.core.model import Agenda, KioskSettings, Section


def manifest_schema() -> dict[str, Any]:
    """One schema that accepts any manifest: agenda.yaml, a file under sections/, or kiosk.yaml."""
    definitions: dict[str, Any] = {}
    for model in (Agenda, Section, KioskSettings):
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        definitions.update(schema.pop("$defs", {}))
        definitions[model.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://fair-migration-kiosk.invalid/content.schema.json",
        "title": "Fair Migration Kiosk content manifest",
        "description": "agenda.yaml, a section file under sections/, or kiosk.yaml",
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in ("Agenda", "Section", "KioskSettings")],
        "$defs": definitions,
    }
