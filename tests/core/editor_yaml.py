"""YAML read as an editor's YAML tooling reads it (YAML 1.2 core schema, as the Red Hat YAML extension
for VS Code does by default), to check the published JSON Schema against what an editor sees.

The kiosk reads YAML 1.1 (PyYAML): there `2026-12-31` is a date, `yes` is true and `10:30` is the
number 630; in YAML 1.2 all three are text. Everything else reads the same.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml


class EditorLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2's core schema: no timestamps, no yes/no/on/off, no base-60 numbers."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag.rsplit(":", 1)[-1] not in ("bool", "int", "float", "timestamp")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        if text.startswith("0o"):
            return int(text[2:], 8)
        return int(text, 16) if text.startswith("0x") else int(text)


EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
EditorLoader.add_constructor("tag:yaml.org,2002:int", EditorLoader.construct_yaml_int)


def read_as_editor(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)
