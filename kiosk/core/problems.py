"""Validation problems, reported the way an editor's tools expect: file:line:column: field: message."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        field = self.field or "(file)"
        return f"{self.file}:{self.line}:{self.column}: {field}: {prefix}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def format_field(path: tuple[str | int, ...]) -> str:
    """('items', 2, 'title') -> 'items[2].title'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass
class LoadResult:
    compiled: dict[str, Any] | None
    problems: list[Problem]
    manifests: list[str] = field(default_factory=list)
    referenced_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.compiled is not None
