"""JSON Schema for editors' YAML tooling (completion and checks as they type)."""

from __future__ import annotations

from typing import Any

from kiosk.core.model import Agenda, Section


def manifest_schema() -> dict[str, Any]:
    """One schema that accepts either manifest: agenda.yaml or a file under sections/."""
    agenda = Agenda.model_json_schema(ref_template="#/$defs/{model}")
    section = Section.model_json_schema(ref_template="#/$defs/{model}")
    definitions: dict[str, Any] = {}
    definitions.update(agenda.pop("$defs", {}))
    definitions.update(section.pop("$defs", {}))
    definitions["Agenda"] = agenda
    definitions["Section"] = section
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://fair-migration-kiosk.invalid/content.schema.json",
        "title": "Fair Migration Kiosk content manifest",
        "description": "agenda.yaml or a section file under sections/",
        "anyOf": [{"$ref": "#/$defs/Agenda"}, {"$ref": "#/$defs/Section"}],
        "$defs": definitions,
    }
