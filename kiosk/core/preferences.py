"""A visitor's reading preferences: text size, contrast and motion.

In windowed use they are remembered between runs; on a kiosk they return to the defaults when a
visitor's session ends, so the next visitor never inherits someone else's choices.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

# Three steps a visitor can tell apart at arm's length, the largest still fitting a card title.
TEXT_SCALES = (1.0, 1.2, 1.4)


# A named tuple rather than a frozen dataclass (the same fields, equality and immutability): read at
# every start, where making a dataclass, and importing their module, costs about 1 ms.
class Preferences(NamedTuple):
    text_size: int = 0  # an index into TEXT_SCALES
    high_contrast: bool = False
    reduced_motion: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_size]

    def changed(self, **values: Any) -> Preferences:
        return _checked(self._replace(**values))


def _checked(preferences: Preferences) -> Preferences:
    size = preferences.text_size if preferences.text_size in range(len(TEXT_SCALES)) else 0
    return Preferences(size, bool(preferences.high_contrast), bool(preferences.reduced_motion))


def load_preferences(path: Path) -> Preferences:
    """The saved preferences, or the defaults when the file is missing or was mangled by hand."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    size = data.get("text_size", 0)
    return _checked(
        Preferences(
            text_size=size if isinstance(size, int) and not isinstance(size, bool) else 0,
            high_contrast=data.get("high_contrast") is True,
            reduced_motion=data.get("reduced_motion") is True,
        )
    )


def save_preferences(path: Path, preferences: Preferences) -> bool:
    """Write atomically; False if the folder is not writable (the preferences then last one run)."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as stream:
            json.dump(preferences._asdict(), stream, indent=2)
        os.replace(stream.name, path)
    except OSError:
        return False
    return True
