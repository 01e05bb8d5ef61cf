"""What Listen says on a conference programme: the day on show and each of its sessions, and on a
session's page when, where, who and in which languages, as words a voice reads well.

Times are said, not shown. On screen a range is "10:00", an en dash, "11:30", held in one piece by
isolation marks (LRI ... PDI, see programme.time_range); a voice reads the dash as nothing or as
"dash", and the marks as noise. So a range is the visitor's language's "from %1 to %2", and a whole hour that language's
own words ("10 o'clock", "10 heures"): speech-dispatcher's espeak-ng reads "10:00" as "ten zero zero"
in English, French, Spanish and Arabic, but "11:30" as "eleven thirty" (checked with `espeak-ng -x`).
Numbers stay in Latin digits, as everywhere on the kiosk's pages.

Pure: the app's words, already translated, and the way a day is named come from the UI layer (Qt's
catalogues and locales) in `SpokenWords`; English stands in where none are given (tests, tools).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from kiosk.core.localized import list_separator

# Marks that order text on screen and mean nothing to a voice: LRM, RLM, ALM, embeddings, overrides
# and isolates. (No regular expressions here: compiling them took about a millisecond of the first
# programme page's tap, measured.)
_DIRECTION_MARKS = dict.fromkeys([0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Where a sentence has ended already (Latin, Arabic, Devanagari and CJK full stops, ! ? : ;).
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "\u061f", "\u06d4", "\u0964", "\u3002", "\uff01", "\uff1f")
_FULL_STOPS = {"zh": "\u3002", "ja": "\u3002", "ne": "\u0964 ", "hi": "\u0964 ", "mr": "\u0964 "}


def _english_day(iso_date: str) -> str:
    import datetime

    day = datetime.date.fromisoformat(iso_date)
    return f"{day:%A} {day.day} {day:%B}"


def _english_hour(hour: int) -> str:
    return f"{hour} o'clock"


def twelve_hour_clock(am: str, pm: str) -> Callable[[int, int], str]:
    """A time as English speakers say it: "2 PM", "3:30 PM" (14:00 as "14 o'clock" is nobody's)."""

    def say(hour: int, minute: int) -> str:
        clock = str(hour % 12 or 12) + (f":{minute:02d}" if minute else "")
        return f"{clock} {am if hour < 12 else pm}"

    return say


_ENGLISH_CLOCK = twelve_hour_clock("AM", "PM")


def _code(code: str) -> str:
    return code


class SpokenWords:
    """The app's words Listen says on programme pages, in the visitor's language (English here).

    A plain class, not a dataclass: a dataclass is made by generating code (0.8 ms, measured), paid in
    the tap of the first programme page shown."""

    __slots__ = (
        "clock",
        "day",
        "english_name",
        "from_to",
        "held_in",
        "nothing_more",
        "on_now",
        "room",
        "up_next",
        "whole_hour",
    )

    def __init__(
        self,
        from_to: str = "from %1 to %2",
        whole_hour: Callable[[int], str] = _english_hour,
        room: str = "Room: %1",
        held_in: str = "Held in: %1",
        day: Callable[[str], str] = _english_day,
        english_name: Callable[[str], str] = _code,
        clock: Callable[[int, int], str] | None = None,
        on_now: str = "On now",
        up_next: str = "Next",
        nothing_more: str = "No more sessions today.",
    ) -> None:
        # A time range; %1 and %2 are each a time as `whole_hour` or H:MM says it.
        self.from_to = from_to
        # A time on the hour, by its hour (0-23).
        self.whole_hour = whole_hour
        self.room = room
        self.held_in = held_in
        # A day (ISO date) as the page's heading writes it.
        self.day = day
        # A language (its code) by its English name, for a voice that cannot read its own name's script.
        self.english_name = english_name
        # Where a language says the time on a 12-hour clock (English): any time, by hour and minute;
        # None: a whole hour by `whole_hour`, any other as H:MM.
        # The home page's headings of what is on now and next, and what it says when nothing more is.
        self.on_now = on_now
        self.up_next = up_next
        self.nothing_more = nothing_more
        # English, standing in where no words are given, has its own.
        self.clock = _ENGLISH_CLOCK if clock is None and whole_hour is _english_hour else clock


def said(text: str) -> str:
    """A text as a voice gets it: no direction marks, one space between words."""
    return " ".join(text.translate(_DIRECTION_MARKS).split())


def spoken_time(clock: str, words: SpokenWords) -> str:
    """09:00 as "9 o'clock", 09:45 as "9:45" (a voice reads that well), or on a 12-hour clock "9 AM",
    "9:45 AM"; anything else as it is."""
    hours, _, minutes = clock.strip().partition(":")
    if not (hours.isascii() and hours.isdigit() and len(minutes) == 2 and minutes.isdigit()):
        return said(clock)
    if words.clock is not None:
        return words.clock(int(hours), int(minutes))
    return words.whole_hour(int(hours)) if minutes == "00" else f"{int(hours)}:{minutes}"


def spoken_range(start: str, end: str, words: SpokenWords) -> str:
    return words.from_to.replace("%1", spoken_time(start, words)).replace("%2", spoken_time(end, words))


def sentences(parts: list[str], language: str) -> str:
    """The parts one after the other, each ended as a sentence (so a voice pauses), the last too."""
    stop = _FULL_STOPS.get(language.split("-")[0].split("_")[0], ". ")
    mark, gap = stop.rstrip(), stop[len(stop.rstrip()) :]
    kept = [said(part) for part in parts if said(part)]
    return gap.join(part if part.endswith(_SENTENCE_ENDS) else part + mark for part in kept)


def session_row_words(card: dict[str, Any], language: str, words: SpokenWords) -> str:
    """A programme's row as it reads on screen: times, title, room, speakers."""
    return sentences(
        [
            spoken_range(str(card.get("start") or ""), str(card.get("end") or ""), words),
            str(card.get("title") or ""),
            str(card.get("room") or ""),
            str(card.get("speakers") or ""),
        ],
        language,
    )


def _passage(text: str, target: str) -> dict[str, Any]:
    return {"text": text, "target": target, "block": -1}


def day_on_show(page: dict[str, Any], day_index: int) -> dict[str, Any] | None:
    """The day the programme page shows (ProgrammePage.qml clamps the index the same way)."""
    days = page.get("days") or []
    if not days:
        return None
    return dict(days[min(max(day_index, 0), len(days) - 1)])


def programme_passages(page: dict[str, Any], day_index: int, words: SpokenWords) -> list[dict[str, Any]]:
    """The day on show's heading, then each of its sessions (objectName "session:<route>")."""
    day = day_on_show(page, day_index)
    if day is None:
        return []
    language = str(page.get("language") or "en")
    found = []
    heading = said(words.day(str(day["date"])))
    if heading:
        found.append(_passage(heading, "dayHeading"))
    for card in day.get("sessions") or []:
        text = session_row_words(card, language, words)
        if text:
            found.append(_passage(text, f"session:{card.get('route')}"))
    return found


def now_next_passages(now_next: dict[str, Any], language: str, words: SpokenWords) -> list[dict[str, Any]]:
    """The home page's now and next (the programme view model's nowNext), as NowNext.qml shows them:
    each heading with sessions under it, then each session's row; or that nothing more is on today."""
    if not now_next.get("visible"):
        return []
    found = []
    for key, heading in (("now", words.on_now), ("next", words.up_next)):
        sessions = list(now_next.get(key) or [])
        if not sessions:
            continue
        found.append(_passage(said(heading), f"nowNextHeading:{key}"))
        for card in sessions:
            text = session_row_words(card, language, words)
            if text:
                found.append(_passage(text, f"session:{card.get('route')}"))
    if not found and words.nothing_more:
        found.append(_passage(said(words.nothing_more), "nowNextNothing"))
    return found


def _script(text: str) -> str:
    """The script of a text's first letter, as Unicode names it (LATIN, ARABIC, CJK, DEVANAGARI...)."""
    for character in text:
        if character.isalpha():
            return unicodedata.name(character, "").split(" ")[0]
    return ""


def spoken_language_names(codes: list[str], language: str, words: SpokenWords) -> list[str]:
    """The languages a session is held in, as the visitor's voice can say them: each by its own name
    (as on screen) where it is written in the visitor's language's script, else by its English name.
    A voice meets a name in another script letter by letter at best (espeak-ng in English says
    "Arabic alif, Arabic lam..." for العربية); Latin letters every voice reads. In English, all English
    names ("English, Arabic")."""
    from kiosk.core.languages import base, native_name

    own_script = _script(native_name(language))
    names = []
    for code in codes:
        name = native_name(code)
        if base(language) == "en" or _script(name) != own_script:
            name = words.english_name(code) or name
        names.append(name)
    return names


def session_passages(page: dict[str, Any], words: SpokenWords) -> list[dict[str, Any]]:
    """A session page's day and times, room, languages and speakers (each with their role and
    organisation), in the order the page shows them, each on the item that shows it."""
    language = str(page.get("language") or "en")
    separator = list_separator(language)
    found = []
    times = spoken_range(str(page.get("start") or ""), str(page.get("end") or ""), words)
    day = said(words.day(str(page["day"]))) if page.get("day") else ""
    when = separator.join(part for part in (day, times) if part)
    if when:
        found.append(_passage(when, "sessionWhen"))
    room = said(str(page.get("room") or ""))
    if room:
        found.append(_passage(words.room.replace("%1", room), "sessionRoom"))
    codes = [str(code) for code in page.get("heldInLanguages") or []]
    if codes:
        names = separator.join(spoken_language_names(codes, language, words))
        found.append(_passage(words.held_in.replace("%1", names), "sessionLanguages"))
    for index, speaker in enumerate(page.get("speakers") or []):
        parts = [said(str(speaker.get(key) or "")) for key in ("name", "role", "organisation")]
        text = separator.join(part for part in parts if part)
        if text:
            found.append(_passage(text, f"speakerEntry:{index}"))
    return found
