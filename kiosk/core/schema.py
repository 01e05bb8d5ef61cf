"""JSON Schema for editors' YAML tooling (completion and checks as they type).

The schema says what the loader accepts as an editor's YAML tooling reads the file: YAML 1.2, where a
date and `yes` are text, while the loader reads YAML 1.1, where they are a date and true.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from kiosk.core.model import Agenda, KioskSettings, Section

DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
# The loader's YAML 1.1 reads these bare words as true or false; an editor's YAML 1.2 sees text.
YAML_11_BOOLEAN_WORDS = [
    word for base in ("yes", "no", "on", "off") for word in (base, base.capitalize(), base.upper())
]


class _EditorSchema(GenerateJsonSchema):
    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        # "format": "date" alone is not checked by every validator; the pattern is.
        return {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "description": "A date written YYYY-MM-DD, e.g. 2026-12-31",
            "examples": ["2026-12-31"],
        }

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return {"anyOf": [{"type": "boolean"}, {"enum": YAML_11_BOOLEAN_WORDS}], "examples": [True, False]}


def manifest_schema() -> dict[str, Any]:
    """One schema that accepts any manifest: agenda.yaml, a file under sections/, or kiosk.yaml."""
    definitions: dict[str, Any] = {}
    for model in (Agenda, Section, KioskSettings):
        schema = model.model_json_schema(ref_template="#/$defs/{model}", schema_generator=_EditorSchema)
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
