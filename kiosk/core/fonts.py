"""The fonts the kiosk draws with: its bundled ones, then a content folder's own `fonts/*.ttf|*.otf`.

Both the app (which loads them into Qt at start) and validation (which reads their character maps)
take the list from here, so what validation promises is what the app loads.
"""

from __future__ import annotations

from pathlib import Path

CONTENT_FONTS_DIR = "fonts"
FONT_SUFFIXES = (".ttf", ".otf")
# A font's licence travels with it: OFL.txt for the SIL Open Font License, LICENSE* for the others.
LICENCE_PREFIXES = ("ofl", "license", "licence")


def font_files(folder: Path) -> list[Path]:
    """The font files directly in `folder`, in name order (the order they are loaded and fall back in)."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        entry
        for entry in entries
        if entry.suffix.lower() in FONT_SUFFIXES and not entry.name.startswith(".") and entry.is_file()
    ]


def content_font_files(content_root: Path) -> list[Path]:
    return font_files(content_root / CONTENT_FONTS_DIR)


def is_licence(name: str) -> bool:
    return name.lower().startswith(LICENCE_PREFIXES)
