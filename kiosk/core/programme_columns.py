"""The columns `kiosk programme import` reads: plain data, so `kiosk --help` can list them without loading
the importer (or pydantic) at every start."""

from __future__ import annotations

# name: what it holds (listed by `kiosk programme import --help`, and in the README).
COLUMNS: dict[str, str] = {
    "id": "optional: lower-case letters, digits and hyphens; made from the English title when empty",
    "day": "the day, YYYY-MM-DD (or a date cell); may be left out when start and end hold the day too",
    "start": "the start time, HH:MM (24-hour), in the programme's time zone",
    "end": "the end time, HH:MM, after the start",
    "title": "the session's title in English (required); title_fr, title_ar... in other languages",
    "room": "the room or place; room_fr, room_ar... in other languages",
    "speakers": "one speaker per line or separated by ';', each 'Name | Role | Organisation' "
    "(role and organisation optional); speakers_fr... in the same order, in other languages",
    "languages": "the language codes the session is held in, e.g. 'en, fr'",
    "summary": "one or two lines for the session's card; summary_fr... in other languages",
    "body": "a longer text (Markdown); body_fr... in other languages",
    "related": "ids of related items (its video, its documents), separated by spaces or commas",
}
