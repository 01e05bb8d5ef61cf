"""A conference programme: sessions grouped by day, what is on now and next, and a session as a calendar event.

Works on compiled content (see loader): a session item keeps its `start` and `end` as the local times the
editor wrote (ISO text, no offset), read in the programme's time zone (`agenda.yaml` programme.time_zone).
"Now" is always passed in, from the clock the wiring gives (never read here), so tests and snapshots can
set it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kiosk.core.problems import Severity

SESSION = "session"
# How many sessions "next" shows: those starting at the next start time, at most this many.
NEXT_LIMIT = 3
NOW_LIMIT = 4


def time_zone(programme: dict[str, Any] | None) -> datetime.tzinfo | None:
    """The programme's time zone, or None where none is declared (times are then the kiosk's own)."""
    name = (programme or {}).get("time_zone")
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def time_zone_problem(name: str) -> str | None:
    """Why `name` is no time zone the kiosk can use, or None."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown time zone '{name}': use an IANA name such as Europe/Zurich or Asia/Kathmandu"
    return None


def moment_at(text: str, programme: dict[str, Any] | None) -> datetime.datetime:
    """`--at 2027-03-10T10:30`: a time at the venue (the programme's zone), or with its own offset."""
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        return moment
    return aware(moment, time_zone(programme))


def local_time(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=None)


def aware(local: datetime.datetime, zone: datetime.tzinfo | None) -> datetime.datetime:
    """A programme time as an instant: in the programme's zone, else in the kiosk's own."""
    return local.replace(tzinfo=zone) if zone is not None else local.astimezone()


def sessions(items: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every session, by start time, then end, then title."""
    found = [item for item in items.values() if item.get("kind") == SESSION]
    return sorted(found, key=lambda s: (s["start"], s["end"], s["id"]))


def held_sessions(item_ids: Iterable[str], items: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The sessions among `item_ids` and inside their collections, however deep, each once, in the
    order the content lists them: an editor may group sessions (a track, a day's workshops) in
    collections, and they belong to the section's programme all the same."""
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    pending = list(item_ids)
    while pending:
        item_id = pending.pop(0)
        if item_id in seen or item_id not in items:
            continue
        seen.add(item_id)
        item = items[item_id]
        if item["kind"] == SESSION:
            found.append(item)
        pending[0:0] = item.get("children") or []
    return found


def time_range(start: str, end: str) -> str:
    """A time range (10:00, en dash, 11:30) that stays in one piece, start then end, in a
    right-to-left paragraph too.

    Unicode's bidi algorithm treats the en dash between two numbers as a neutral that takes the
    paragraph's direction: in an Arabic line the two times swap places (11:30 at the left, 10:00 at
    the right). The programme writes its numbers in Latin digits in every language (as the rest of
    the app does, see Theme.dayLabel), and a run of Latin digits is read left to right: the range is
    isolated left to right (LRI ... PDI), as a hyphen would make it ("10:00-11:30" is one number run
    to the algorithm), and the isolate leaves the direction of the text around it as it was. The
    pages do the same (SessionRow.qml, SessionPage.qml).
    """
    return f"\u2066{start}\u2013{end}\u2069"


def programme_days(
    programme: dict[str, Any] | None, all_sessions: list[dict[str, Any]]
) -> list[datetime.date]:
    """The programme's days: first_day to last_day where declared, else the days that have sessions."""
    programme = programme or {}
    session_days = sorted({local_time(s["start"]).date() for s in all_sessions})
    first = _date(programme.get("first_day")) or (session_days[0] if session_days else None)
    last = _date(programme.get("last_day")) or (session_days[-1] if session_days else None)
    if first is None or last is None or last < first:
        return session_days
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value) if isinstance(value, str) and value else None


def by_day(section_sessions: list[dict[str, Any]]) -> list[tuple[datetime.date, list[dict[str, Any]]]]:
    """Sessions grouped by the day they start on, days in order, each day's sessions by time."""
    days: dict[datetime.date, list[dict[str, Any]]] = {}
    for session in sorted(section_sessions, key=lambda s: (s["start"], s["end"], s["id"])):
        days.setdefault(local_time(session["start"]).date(), []).append(session)
    return sorted(days.items())


def day_index(days: list[datetime.date], now: datetime.datetime, zone: datetime.tzinfo | None) -> int:
    """Which day the programme page opens at: today's (in the programme's zone), else the first."""
    today = now.astimezone(zone).date() if zone is not None else now.astimezone().date()
    return days.index(today) if today in days else 0


@dataclass(frozen=True)
class NowAndNext:
    visible: bool
    now: list[dict[str, Any]]
    next: list[dict[str, Any]]


def now_and_next(
    items: dict[str, dict[str, Any]], programme: dict[str, Any] | None, now: datetime.datetime
) -> NowAndNext:
    """What is on at `now` (an aware instant) and what starts next, shown only within the programme's days.

    "Next" is every session starting at the next start time still to come that day (parallel sessions
    start together), so a visitor sees all the rooms they could walk to.
    """
    all_sessions = sessions(items)
    zone = time_zone(programme)
    today = now.astimezone(zone).date() if zone is not None else now.astimezone().date()
    if not all_sessions or today not in programme_days(programme, all_sessions):
        return NowAndNext(False, [], [])
    running: list[dict[str, Any]] = []
    upcoming: list[dict[str, Any]] = []
    for session in all_sessions:
        start = aware(local_time(session["start"]), zone)
        end = aware(local_time(session["end"]), zone)
        if start <= now < end:
            running.append(session)
        elif start > now and local_time(session["start"]).date() == today:
            upcoming.append(session)
    if upcoming:
        first_start = upcoming[0]["start"]
        upcoming = [s for s in upcoming if s["start"] == first_start]
    return NowAndNext(True, running[:NOW_LIMIT], upcoming[:NEXT_LIMIT])


def calendar_event(
    session: dict[str, Any], programme: dict[str, Any] | None, language: str, address: str = ""
) -> str:
    """The session as an iCalendar object holding one VEVENT, for a phone to add to its calendar.

    DTSTART/DTEND are written in UTC: every calendar reads them, with no VTIMEZONE to carry (a QR code
    holds little); the phone shows them in its own zone. DTSTAMP is the start time, so the same session
    always gives the same code (RFC 5545 asks for a stamp; a changing one would change the QR code on every
    visit for nothing).
    """
    from icalendar import Calendar, Event

    from kiosk.core.localized import localize

    zone = time_zone(programme)
    start = aware(local_time(session["start"]), zone).astimezone(datetime.UTC)
    end = aware(local_time(session["end"]), zone).astimezone(datetime.UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//Fair Migration Kiosk//Programme//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{session['id']}@fair-migration-kiosk")
    event.add("dtstamp", start)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", localize(session["title"], language))
    room = localize(session.get("room"), language)
    if room:
        event.add("location", room)
    if address:
        event.add("url", address)
    calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text


# -- checks the loader makes ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionPlace:
    """A session as written, and a way to find the line of any of its fields."""

    session: Any  # kiosk.core.model.Session
    where: Callable[[tuple[str | int, ...]], tuple[str, tuple[int, int], tuple[str | int, ...]]]


@dataclass(frozen=True)
class Finding:
    file: str
    position: tuple[int, int]
    path: tuple[str | int, ...]
    message: str
    severity: Severity


def check_sessions(
    programme: Any, places: Iterable[SessionPlace], agenda_where: Callable[..., Any]
) -> list[Finding]:
    """End before start (an error); overlaps in one room, days outside the programme and no time zone
    (warnings): each at the line that says so."""
    found: list[Finding] = []
    placed = list(places)
    if not placed:
        return found
    if programme is None or not programme.time_zone:
        file, position, path = (
            agenda_where(("programme",)) if programme is not None else placed[0].where(("start",))
        )
        found.append(
            Finding(
                file,
                position,
                path,
                "the programme has no time zone: session times are read in each kiosk's own clock; "
                "add to agenda.yaml 'programme: {time_zone: Europe/Zurich}' (the venue's zone)",
                Severity.WARNING,
            )
        )
    first = programme.first_day if programme is not None else None
    last = programme.last_day if programme is not None else None
    for place in placed:
        session = place.session
        if session.end <= session.start:
            file, position, path = place.where(("end",))
            word = "before" if session.end < session.start else "at"
            found.append(
                Finding(
                    file,
                    position,
                    path,
                    f"'{session.id}' ends {word} its start ({_clock(session.end)} {word} "
                    f"{_clock(session.start)})",
                    Severity.ERROR,
                )
            )
            continue
        day = session.start.date()
        if (first is not None and day < first) or (last is not None and day > last):
            file, position, path = place.where(("start",))
            span = f"{first or '...'} to {last or '...'}"
            found.append(
                Finding(
                    file,
                    position,
                    path,
                    f"'{session.id}' is on {day.isoformat()}, outside the programme's days ({span})",
                    Severity.WARNING,
                )
            )
    declared = {
        text.strip().casefold()
        for room in (programme.rooms if programme is not None else [])
        for text in room.values()
    }
    for place in placed if declared else []:
        written = place.session.room or {}
        if written and not any(text.strip().casefold() in declared for text in written.values()):
            file, position, path = place.where(("room",))
            names = ", ".join(room.get("en") or next(iter(room.values())) for room in programme.rooms)
            found.append(
                Finding(
                    file,
                    position,
                    path,
                    f"'{next(iter(written.values()))}' is not one of the programme's rooms ({names}) "
                    "in agenda.yaml",
                    Severity.WARNING,
                )
            )
    rooms: dict[str, list[SessionPlace]] = {}
    for place in placed:
        room = (place.session.room or {}).get("en") or next(iter((place.session.room or {}).values()), "")
        if room and place.session.end > place.session.start:
            rooms.setdefault(room.casefold(), []).append(place)
    for same_room in rooms.values():
        same_room.sort(key=lambda p: (p.session.start, p.session.end))
        for earlier_index, earlier in enumerate(same_room):
            for later in same_room[earlier_index + 1 :]:
                if later.session.start >= earlier.session.end:
                    break
                file, position, path = later.where(("start",))
                room_name = (later.session.room or {}).get("en") or next(iter(later.session.room.values()))
                found.append(
                    Finding(
                        file,
                        position,
                        path,
                        f"'{later.session.id}' overlaps '{earlier.session.id}' in {room_name} "
                        f"({_clock(later.session.start)} before {_clock(earlier.session.end)})",
                        Severity.WARNING,
                    )
                )
    return found


def _clock(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


# -- what the pages show -------------------------------------------------------------------------


def session_card(session: dict[str, Any], language: str) -> dict[str, Any]:
    from kiosk.core.localized import is_fallback, list_separator, localize

    start = local_time(session["start"])
    end = local_time(session["end"])
    return {
        "route": f"item/{session['id']}",
        "kind": SESSION,
        "title": localize(session["title"], language),
        "summary": localize(session.get("summary"), language),
        "day": start.date().isoformat(),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
        "endDay": end.date().isoformat(),
        "room": localize(session.get("room"), language),
        "speakers": list_separator(language).join(
            localize(s["name"], language) for s in session.get("speakers") or []
        ),
        "untranslated": is_fallback(session["title"], language),
    }


def programme_page(
    section: dict[str, Any], items: dict[str, dict[str, Any]], programme: dict[str, Any] | None, language: str
) -> dict[str, Any]:
    """A section holding sessions (directly or in its collections): its sessions by day (a day switch
    chooses), its other items as cards."""
    held = held_sessions(section["items"], items)
    return {
        "kind": "programme",
        "days": [
            {"date": day.isoformat(), "sessions": [session_card(s, language) for s in day_sessions]}
            for day, day_sessions in by_day(held)
        ],
        "timeZone": (programme or {}).get("time_zone") or "",
    }


def session_page(
    session: dict[str, Any], programme: dict[str, Any] | None, language: str, address: str
) -> dict[str, Any]:
    """What a session page adds to an item page: when, where, who, in which languages, and its
    calendar event for the QR code."""
    from kiosk.core.languages import native_name
    from kiosk.core.localized import localize

    card = session_card(session, language)
    return {
        "kind": SESSION,
        "day": card["day"],
        "start": card["start"],
        "end": card["end"],
        "endDay": card["endDay"],
        "room": card["room"],
        "speakers": [
            {
                "name": localize(s["name"], language),
                "role": localize(s.get("role"), language),
                "organisation": localize(s.get("organisation"), language),
            }
            for s in session.get("speakers") or []
        ],
        "heldIn": [native_name(code) for code in session.get("languages") or []],
        "timeZone": (programme or {}).get("time_zone") or "",
        "calendarText": calendar_event(session, programme, language, address),
        # Their codes, for Listen: a voice says a name written in another script badly.
        "heldInLanguages": list(session.get("languages") or []),
    }


def now_and_next_cards(
    items: dict[str, dict[str, Any]], programme: dict[str, Any] | None, now: datetime.datetime, language: str
) -> dict[str, Any]:
    """Now and next as the home page and the attract loop show them."""
    found = now_and_next(items, programme, now)
    return {
        "visible": found.visible,
        "now": [session_card(s, language) for s in found.now],
        "next": [session_card(s, language) for s in found.next],
    }
