"""The content as one Markdown text, for the printable handout the kiosk makes of it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.core.localized import list_separator
from kiosk.core.pages import address, localize
from kiosk.core.programme import SESSION, held_sessions


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
    # The credits come from the content (who presents it, its version, its source); the app is
    # named only as the tool that printed it.
    content_by: str = "Content by %1, version %2."
    content_version: str = "Content version %1."
    made_with: str = "Printed with Fair Migration Kiosk."
    # A programme's day as the handout's language writes it; the UI layer passes Qt's (QLocale).
    day: Callable[[datetime.date], str] = field(default=lambda day: f"{day:%A} {day.day} {day:%B %Y}")
    times_note: str = "Times are local time at the venue (%1)."


def _demote(markdown: str, levels: int) -> str:
    """Body headings sit under the handout's own headings."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("#"):
            line = "#" * levels + line
        lines.append(line)
    return "\n".join(lines)


# Full stops, exclamation and question marks of the Latin, CJK (full-width), Devanagari and Arabic scripts.
SENTENCE_ENDS = (".", "!", "?", "\u3002", "\uff01", "\uff1f", "\u0964", "\u061f", "\u06d4")


def _source_line(source: dict[str, Any] | None, language: str, words: HandoutWords) -> str:
    if not source:
        return ""
    text = words.source.replace("%1", localize(source.get("name"), language))
    if source.get("url"):
        text += f" — {address(source['url'], language)}"
    if source.get("note"):
        # What the content says of its own use of the source (e.g. "summarised in our own words").
        text += f". {localize(source['note'], language)}"
    # A sentence ends with a stop, whichever way the editor ended the note (in any script).
    if not text.rstrip().endswith(SENTENCE_ENDS):
        text += "."
    return f"*{text}*"


def credits_line(agenda: dict[str, Any], language: str, words: HandoutWords) -> str:
    organisation = localize((agenda.get("organisation") or {}).get("name"), language)
    version = str(agenda.get("version") or "")
    if organisation:
        credits = words.content_by.replace("%1", organisation).replace("%2", version)
    else:
        credits = words.content_version.replace("%1", version)
    source = agenda.get("source") or {}
    parts = [credits]
    if source.get("name"):
        parts.append(words.source.replace("%1", localize(source["name"], language)) + ".")
    parts.append(words.made_with)
    return " ".join(parts)


def programme_parts(
    sessions: list[dict[str, Any]], programme: dict[str, Any] | None, language: str, words: HandoutWords
) -> list[str]:
    """A programme by day: each day a heading, each session its times and title, room and speakers."""
    from kiosk.core.programme import by_day, local_time, time_range

    parts: list[str] = []
    zone = (programme or {}).get("time_zone")
    if zone:
        parts.append(f"*{words.times_note.replace('%1', zone)}*")
    for day, day_sessions in by_day(sessions):
        parts.append(f"### {words.day(day)}")
        for session in day_sessions:
            start, end = local_time(session["start"]), local_time(session["end"])
            times = time_range(f"{start:%H:%M}", f"{end:%H:%M}")
            parts.append(f"#### {times} · {localize(session['title'], language)}")
            speakers = [
                list_separator(language).join(
                    part
                    for part in (
                        localize(speaker["name"], language),
                        localize(speaker.get("role"), language),
                        localize(speaker.get("organisation"), language),
                    )
                    if part
                )
                for speaker in session.get("speakers") or []
            ]
            where_and_who = " · ".join(
                text for text in [localize(session.get("room"), language), *speakers] if text
            )
            if where_and_who:
                parts.append(f"*{where_and_who}*")
            for text in (session.get("summary"), session.get("body")):
                if text:
                    parts.append(_demote(localize(text, language), 4))
    return parts


def handout_markdown(
    compiled: dict[str, Any],
    language: str = "en",
    exclude: set[str] | None = None,
    words: HandoutWords | None = None,
    logo_url: str | None = None,
) -> str:
    """`logo_url` is where the printer finds the organisation's logo, if it is to be shown."""
    words = words or HandoutWords()
    agenda = compiled["agenda"]
    items = compiled["items"]
    skip = exclude or set()
    parts = []
    organisation = localize((agenda.get("organisation") or {}).get("name"), language)
    if logo_url:
        parts.append(f"![{organisation}]({logo_url})")
    if organisation:
        parts.append(f"**{organisation}**")
    parts.append(f"# {localize(agenda['title'], language)}")
    if agenda.get("subtitle"):
        parts.append(f"*{localize(agenda['subtitle'], language)}*")
    parts += [localize(agenda["lead"], language), _source_line(agenda.get("source"), language, words)]

    def item_parts(item_id: str, depth: int) -> list[str]:
        if item_id in skip:
            return []
        item = items[item_id]
        if item["kind"] == SESSION:
            return []  # in the section's programme, by day
        kind = words.kinds.get(item["kind"], item["kind"])
        found = [f"{'#' * depth} {localize(item['title'], language)}", f"**{kind}**"]
        if item.get("stand_in"):
            found.append(f"*{words.stand_in}*")
        for text in (item.get("summary"), item.get("body")):
            if text and localize(text, language) not in found:
                found.append(_demote(localize(text, language), depth))
        if item.get("url"):
            found.append(words.address.replace("%1", address(item["url"], language)))
        if item.get("source"):
            found.append(_source_line(item["source"], language, words))
        for child in item["children"]:
            found += item_parts(child, min(depth + 1, 6))
        return found

    for section in compiled["sections"]:
        parts.append(f"## {localize(section['title'], language)}")
        if section.get("body"):
            parts.append(_demote(localize(section["body"], language), 2))
        # Every session of the section, its collections' too, once, by day; the other items follow.
        sessions = [s for s in held_sessions(section["items"], items) if s["id"] not in skip]
        if sessions:
            parts += programme_parts(sessions, agenda.get("programme"), language, words)
        for item_id in section["items"]:
            parts += item_parts(item_id, 3)
    parts.append("---")
    parts.append(f"*{credits_line(agenda, language, words)}*")
    return "\n\n".join(part for part in parts if part)
