"""The one-screen summary `kiosk validate` prints for content that passed."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

from kiosk.core.pages import localize
from kiosk.core.problems import LoadResult, Severity, TranslatableText

# Beyond this many, the list of missing texts is cut: the count says the rest.
MISSING_SHOWN = 25


def translation_coverage(
    texts: list[TranslatableText], languages: list[str]
) -> dict[str, tuple[int, list[TranslatableText]]]:
    """Per language: how many of the texts it has, and which it lacks (shown in English instead)."""
    return {
        language: (
            sum(1 for text in texts if language in text.languages),
            [text for text in texts if language not in text.languages],
        )
        for language in languages
    }


def coverage_lines(texts: list[TranslatableText], languages: list[str]) -> list[str]:
    total = len(texts)
    coverage = translation_coverage(texts, languages)
    parts = [f"{code} {_percent(done, total)}" for code, (done, _missing) in coverage.items()]
    lines = [f"  languages  {', '.join(parts)} of {total} texts"]
    for code, (_done, missing) in coverage.items():
        if not missing:
            continue
        lines.append(f"  missing in {code} ({len(missing)}; shown in English until translated):")
        lines.extend(f"    {t.file}:{t.line}:{t.column}: {t.field}" for t in missing[:MISSING_SHOWN])
        if len(missing) > MISSING_SHOWN:
            lines.append(f"    ... and {len(missing) - MISSING_SHOWN} more")
    return lines


def _percent(done: int, total: int) -> str:
    if total == 0 or done == total:
        return "100%"
    # Never round a gap away: 99.9% is not complete.
    return f"{min(99, 100 * done // total)}%"


def _size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"


def summary_lines(root: Path, result: LoadResult, app_languages: set[str] | None = None) -> list[str]:
    """`app_languages`: the languages the app's own words (buttons, messages) are translated into."""
    compiled = result.compiled
    assert compiled is not None
    agenda = compiled["agenda"]
    items = compiled["items"].values()
    kinds = Counter(item["kind"] for item in items)
    stand_ins = sum(1 for item in items if item.get("stand_in"))
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
        *coverage_lines(result.texts, agenda["languages"]),
        *_app_words_lines(agenda["languages"], app_languages),
        f"  manifests  {len(result.manifests)} file(s)",
        f"  media      {len(result.referenced_files)} file(s), {_size_text(referenced_bytes)}",
    ]
    if warnings:
        lines.append(f"  warnings   {warnings} (listed above)")
    return lines


def _app_words_lines(languages: list[str], app_languages: set[str] | None) -> list[str]:
    if app_languages is None:
        return []
    missing = [code for code in languages if code not in app_languages]
    if not missing:
        return []
    return [
        f"  app words  not translated into {', '.join(missing)}: buttons and messages show in English "
        "(README: 'The app's own words in other languages')"
    ]
