"""This kiosk's own office or venue, for its visitors: the `office:` block of the machine's kiosk.yaml.

Checked like content (file:line:column: field: message), but a mistake here is a warning that leaves
only the card out: a wrong phone number must never put a booth into safe mode.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, ValidationError

from kiosk.core.model import FALLBACK_LANGUAGE, LANGUAGE_CODE, Localized, Strict
from kiosk.core.problems import Severity

if TYPE_CHECKING:
    from kiosk.core.loader import _Loader, _Manifest

LEFT_OUT = "(the office card is left out)"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEB = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
# Digits with the usual separators; a leading + for the country code.
PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{3,30}$")


def _per_language(value: Any) -> Any:
    # One value for every language: stored as the English one, which every language falls back to.
    return {FALLBACK_LANGUAGE: value} if isinstance(value, str) else value


def _checked(pattern: re.Pattern[str], what: str, example: str) -> Any:
    def check(value: dict[str, str]) -> dict[str, str]:
        if not value:
            raise ValueError(f"give {what}, or one per language ({{en: ..., ar: ...}})")
        for code, text in value.items():
            if not LANGUAGE_CODE.match(code):
                raise ValueError(f"'{code}' is not a language code (use e.g. en, fr, es)")
            if not pattern.match(text.strip()):
                raise ValueError(f"{text!r} is not {what}, e.g. {example}")
        return {code: text.strip() for code, text in value.items()}

    return check


Phone = Annotated[
    dict[str, str],
    BeforeValidator(_per_language),
    AfterValidator(_checked(PHONE, "a phone number", "+49 561 123 4567")),
    Field(description="A phone number, or one per language"),
]
Email = Annotated[
    dict[str, str],
    BeforeValidator(_per_language),
    AfterValidator(_checked(EMAIL, "an e-mail address", "advice@example.org")),
    Field(description="An e-mail address, or one per language"),
]
Web = Annotated[
    dict[str, str],
    BeforeValidator(_per_language),
    AfterValidator(_checked(WEB, "a web address", "https://example.org/kassel")),
    Field(description="A web address (http/https), or one per language; shown as a QR code"),
]


class Office(Strict):
    """The office or venue where this kiosk stands, shown to its visitors on a card and a slide."""

    kind: Literal["office", "venue"] = Field("office", description="office (a 'This office' card) or venue")
    name: Localized
    address: Localized | None = Field(None, description="Street, town: one line per line of the address")
    hours: Localized | None = Field(None, description="Opening hours, as visitors read them")
    phone: Phone | None = None
    email: Email | None = None
    web: Web | None = None


def check_office(loader: _Loader, manifest: _Manifest) -> dict[str, Any] | None:
    """The `office:` block of a kiosk.yaml, validated, or None (with warnings at its lines) when it has
    a mistake. The loader's own messages and positions are used, so it reads like any content error."""
    raw = manifest.positions.data.get("office") if isinstance(manifest.positions.data, dict) else None
    if raw is None:
        return None
    before = len(loader.problems)
    try:
        office = Office.model_validate(raw)
    except ValidationError as exc:
        # "Did you mean" among the card's own keys, not every key of the content.
        known, loader._known_keys = loader._known_keys, sorted(Office.model_fields)
        try:
            for error in exc.errors(include_url=False):
                loader.report_validation_error(
                    manifest.relative, manifest.positions, {**error, "loc": ("office", *error["loc"])}
                )
        finally:
            loader._known_keys = known
        loader.problems[before:] = [
            dataclasses.replace(problem, message=f"{problem.message} {LEFT_OUT}", severity=Severity.WARNING)
            for problem in loader.problems[before:]
        ]
        return None
    return office.model_dump(mode="json", exclude_none=True)
