"""Run `kiosk snapshot --all` on a content folder and, on every page as it is grabbed, find letters
drawn as boxes. Run in its own process by test_world_content.py, so the font set it sees can be cut
down to the kiosk's own fonts and the content's (FONTCONFIG_FILE): a booth PC has no Noto fonts.

    python tests/ui/world_probe.py CONTENT_DIR OUT_DIR

Prints the snapshot's own lines, then one JSON line: {"pages": N, "boxes": [...], "drawn_by": {...},
"language_buttons": {...}}: each box names the language, route, the item's objectName and the text;
drawn_by counts which font family drew the letters of the pages; language_buttons holds what the
language switch says for each language code.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

TEXT_CLASSES = ("QQuickText", "QQuickTextEdit", "QQuickTextInput")


def _items(root: Any) -> Iterator[Any]:
    yield root
    for child in root.childItems():
        yield from _items(child)


def _shown(item: Any) -> bool:
    # Seen by a person: visible, not see-through, and with a size.
    return bool(item.isVisible() and item.opacity() > 0.01 and item.width() > 0 and item.height() > 0)


class Glyphs:
    """Which of the fonts Qt can use has a letter: the item's own family first, then every other
    family Qt knows (its fallback list), as Qt itself looks. Laying the text out and reading the
    glyph runs would be closer still, but Qt 6.11 crashes shaping Devanagari with no font at all."""

    def __init__(self) -> None:
        from PySide6.QtGui import QFont, QFontDatabase, QRawFont

        self._raw = {family: QRawFont.fromFont(QFont(family)) for family in QFontDatabase.families()}
        self._found: dict[tuple[str, str], str] = {}

    def family_for(self, character: str, first: str) -> str:
        key = (character, first)
        if key not in self._found:
            order = [first, *(family for family in self._raw if family != first)]
            self._found[key] = next(
                (f for f in order if f in self._raw and self._raw[f].supportsCharacter(ord(character))), ""
            )
        return self._found[key]


def _drawn(character: str) -> bool:
    # Spaces, line breaks and format characters (bidi marks, joiners) have no glyph of their own.
    return not character.isspace() and unicodedata.category(character) not in ("Cc", "Cf")


def inspect(
    window: Any, language: str, route: str, glyphs: Glyphs, drawn_by: Counter[str]
) -> list[dict[str, str]]:
    boxes = []
    for item in _items(window.contentItem()):
        if not any(item.inherits(name) for name in TEXT_CLASSES) or not _shown(item):
            continue
        text = str(item.property("text") or "")
        family = item.property("font").family()
        missing = ""
        for character in filter(_drawn, text):
            found = glyphs.family_for(character, family)
            if found:
                drawn_by[found] += 1
            elif character not in missing:
                missing += character
        if missing:
            boxes.append(
                {
                    "language": language,
                    "route": route,
                    "item": item.objectName() or item.metaObject().className(),
                    "missing": missing,
                    "text": text[:120],
                }
            )
    return boxes


def main() -> int:
    content, out = Path(sys.argv[1]), Path(sys.argv[2])
    from PySide6.QtGui import QGuiApplication

    import kiosk.ui.snapshot as snapshot
    from kiosk.cli import main as kiosk_main

    real_render_routes = snapshot.render_routes
    report: dict[str, Any] = {"pages": 0, "boxes": [], "drawn_by": Counter(), "language_buttons": {}}
    glyphs: list[Glyphs] = []

    def render_and_inspect(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for shot in real_render_routes(*args, **kwargs):
            if not glyphs:  # once the kiosk has loaded its fonts and the content's
                glyphs.append(Glyphs())
            windows = [w for w in QGuiApplication.topLevelWindows() if hasattr(w, "contentItem")]
            report["pages"] += 1
            for window in windows:
                report["boxes"] += inspect(window, shot.language, shot.route, glyphs[0], report["drawn_by"])
                for item in _items(window.contentItem()):
                    # The button itself, not its parts (its chevron is "language:ar.chevron").
                    if item.objectName().startswith("language:") and "." not in item.objectName():
                        code = item.objectName().removeprefix("language:")
                        report["language_buttons"][code] = str(item.property("label"))
            yield shot

    # The command looks the function up when it runs: the real `kiosk snapshot --all`, watched.
    snapshot.render_routes = render_and_inspect  # type: ignore[assignment]
    status = kiosk_main(["snapshot", "--all", str(out), "--content", str(content), "--no-cache"])
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
