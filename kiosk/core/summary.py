"""The one-screen summary `kiosk validate` prints for content that passed."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

from kiosk.core.appwords import AppWordsCoverage
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


def summary_lines(
    root: Path, result: LoadResult, app_words: dict[str, AppWordsCoverage] | None = None
) -> list[str]:
    """`app_words`: per language, the app's own words (buttons, messages) it lacks."""
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
        *app_words_lines(app_words, root),
        f"  manifests  {len(result.manifests)} file(s)",
        f"  media      {len(result.referenced_files)} file(s), {_size_text(referenced_bytes)}",
    ]
    if warnings:
        lines.append(f"  warnings   {warnings} (listed above)")
    return lines


# The summary names this many missing app words per language; the warnings above list them all.
APP_WORDS_SHOWN = 5


def app_words_lines(app_words: dict[str, AppWordsCoverage] | None, root: Path) -> list[str]:
    if not app_words:
        return []
    total = next(iter(app_words.values())).total
    parts = [f"{code} {_percent(found.done, found.total)}" for code, found in app_words.items()]
    lines = [f"  app words  {', '.join(parts)} of {total} texts (buttons and messages)"]
    for code, found in app_words.items():
        if not found.missing:
            continue
        shown = "; ".join(word.describe() for word in found.missing[:APP_WORDS_SHOWN])
        more = len(found.missing) - APP_WORDS_SHOWN
        lines.append(
            f"  app words missing in {code} ({len(found.missing)}; shown in English): {shown}"
            + (f"; and {more} more" if more > 0 else "")
        )
        lines.append(f"    to translate them: kiosk app-words {code} --content {root}")
    return lines
