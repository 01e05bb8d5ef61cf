"""This kiosk's own office or venue, for its visitors: the `office:` block of the machine's kiosk.yaml.

Checked like content (file:line:column: field: message), but a mistake here is a warning that leaves
only the card out: a wrong phone number must never put a booth into safe mode.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from kiosk.core.model import Office
from kiosk.core.problems import Severity

if TYPE_CHECKING:
    from kiosk.core.loader import _Loader, _Manifest

LEFT_OUT = "(the office card is left out)"


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
        # In the file's order, as an editor reads it.
        loader.problems[before:] = sorted(
            (
                dataclasses.replace(
                    problem, message=f"{problem.message} {LEFT_OUT}", severity=Severity.WARNING
                )
                for problem in loader.problems[before:]
            ),
            key=lambda problem: (problem.line, problem.column),
        )
        return None
    return office.model_dump(mode="json", exclude_none=True)
