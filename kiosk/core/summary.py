"""The one-screen summary `kiosk validate` prints for content that passed."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

from kiosk.core.loader import summarize_languages
from kiosk.core.pages import localize
from kiosk.core.problems import LoadResult, Severity


def _size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"


def summary_lines(root: Path, result: LoadResult) -> list[str]:
    compiled = result.compiled
    assert compiled is not None
    agenda = compiled["agenda"]
    items = compiled["items"].values()
    kinds = Counter(item["kind"] for item in items)
    stand_ins = sum(1 for item in items if item.get("stand_in"))
    languages = summarize_languages(compiled)
    total_titles = 1 + len(compiled["sections"]) + len(compiled["items"])
    referenced_bytes = 0
    for relative in result.referenced_files:
        with contextlib.suppress(OSError):
            referenced_bytes += (root / relative).stat().st_size
    warnings = sum(1 for p in result.problems if p.severity is Severity.WARNING)
    lines = [
        f"{localize(agenda['title'], 'en')} (version {agenda['version']}): content is valid.",
        f"  folder     {root}",
        f"  sections   {len(compiled['sections'])}",
        f"  items      {len(compiled['items'])}: "
        + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())),
        f"  stand-ins  {stand_ins} item(s) marked as stand-in media",
        "  languages  "
        + ", ".join(f"{code} {100 * languages[code] // total_titles}%" for code in agenda["languages"])
        + " of titles",
        f"  manifests  {len(result.manifests)} file(s)",
        f"  media      {len(result.referenced_files)} file(s), {_size_text(referenced_bytes)}",
    ]
    if warnings:
        lines.append(f"  warnings   {warnings} (listed above)")
    return lines
