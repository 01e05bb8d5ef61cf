"""The agenda as one Markdown text, for the printable handout the kiosk makes of its own content."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.core.pages import localize


@dataclass(frozen=True)
class HandoutWords:
    """The handout's own words; the UI layer passes them translated (Qt's .ts files), English here."""

    kinds: dict[str, str] = field(
        default_factory=lambda: {
            "article": "Article",
            "video": "Video",
            "document": "Document",
            "link": "Link",
            "collection": "Collection",
        }
    )
    source: str = "Source: %1"
    address: str = "Address: %1"
    stand_in: str = "On the kiosk this is stand-in media; the original is not bundled."
    made_by: str = (
        "Made by Fair Migration Kiosk from its content, version %1. The texts summarise the sources "
        "named above in the kiosk's own words; quotations are marked."
    )


def _demote(markdown: str, levels: int) -> str:
    """Body headings sit under the handout's own headings."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("#"):
            line = "#" * levels + line
        lines.append(line)
    return "\n".join(lines)


def _source_line(source: dict[str, Any] | None, language: str, words: HandoutWords) -> str:
    if not source:
        return ""
    text = words.source.replace("%1", localize(source.get("name"), language))
    if source.get("url"):
        text += f" — {source['url']}"
    return f"*{text}*"


def handout_markdown(
    compiled: dict[str, Any],
    language: str = "en",
    exclude: set[str] | None = None,
    words: HandoutWords | None = None,
) -> str:
    words = words or HandoutWords()
    agenda = compiled["agenda"]
    items = compiled["items"]
    skip = exclude or set()
    parts = [f"# {localize(agenda['title'], language)}"]
    if agenda.get("subtitle"):
        parts.append(f"*{localize(agenda['subtitle'], language)}*")
    parts += [localize(agenda["lead"], language), _source_line(agenda.get("source"), language, words)]

    def item_parts(item_id: str, depth: int) -> list[str]:
        if item_id in skip:
            return []
        item = items[item_id]
        kind = words.kinds.get(item["kind"], item["kind"])
        found = [f"{'#' * depth} {localize(item['title'], language)}", f"**{kind}**"]
        if item.get("stand_in"):
            found.append(f"*{words.stand_in}*")
        for text in (item.get("summary"), item.get("body")):
            if text and localize(text, language) not in found:
                found.append(_demote(localize(text, language), depth))
        if item.get("url"):
            found.append(words.address.replace("%1", item["url"]))
        if item.get("source"):
            found.append(_source_line(item["source"], language, words))
        for child in item["children"]:
            found += item_parts(child, min(depth + 1, 6))
        return found

    for section in compiled["sections"]:
        parts.append(f"## {localize(section['title'], language)}")
        if section.get("body"):
            parts.append(_demote(localize(section["body"], language), 2))
        for item_id in section["items"]:
            parts += item_parts(item_id, 3)
    parts.append("---")
    parts.append(f"*{words.made_by.replace('%1', str(agenda['version']))}*")
    return "\n\n".join(part for part in parts if part)
