"""Validation problems, reported the way an editor's tools expect: file:line:column: field: message."""

from __future__ import annotations

import json
import re
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

    def __post_init__(self) -> None:
        # One problem, one line: editors' tools read the output line by line.
        object.__setattr__(self, "message", " ".join(self.message.split()))

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        field = self.field or "(file)"
        return f"{self.file}:{self.line}:{self.column}: {field}: {prefix}{self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def format_field(path: tuple[str | int, ...]) -> str:
    """('items', 2, 'title') -> 'items[2].title'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            text += f".{part}" if text else part
        else:
            # A key with spaces or punctuation is quoted, so the field stays one word on the line.
            text += "[" + json.dumps(part, ensure_ascii=True).replace(" ", "\\u0020") + "]"
    return text


@dataclass(frozen=True)
class MediaReference:
    """A media file named in a manifest, and where, so later checks can point back to the line."""

    kind: str  # video, image, pdf, captions, markdown
    relative: str
    file: str
    line: int
    column: int
    field: str

    def problem(self, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(self.file, self.line, self.column, self.field, message, severity)


@dataclass(frozen=True)
class TranslatableText:
    """A text (or per-language file) in a manifest, and the languages it is written in."""

    file: str
    line: int
    column: int
    field: str
    languages: frozenset[str]


@dataclass
class LoadResult:
    compiled: dict[str, Any] | None
    problems: list[Problem]
    manifests: list[str] = field(default_factory=list)
    referenced_files: list[str] = field(default_factory=list)
    media: list[MediaReference] = field(default_factory=list)
    texts: list[TranslatableText] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.compiled is not None
