"""From what the UI reports to the events the local record keeps: one visit, scripted step by step."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.core.visits import VisitTracker


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Events:
    """Whatever the tracker sends, in order, as (method, arguments)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        def record(*args: Any) -> None:
            self.calls.append((name, args))

        return record


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def tracker(events: Events, clock: Clock) -> VisitTracker:
    return VisitTracker(events, clock)


def test_a_whole_visit(tracker: VisitTracker, events: Events, clock: Clock) -> None:
    tracker.show("attract", "en")  # the empty booth: no visit yet
    tracker.arrive("en")
    tracker.show("home", "en")
    clock.advance(12)
    tracker.show("section/voices", "en")
    clock.advance(30)
    tracker.show("section/voices", "fr")  # the language switch keeps the page
    clock.advance(5)
    tracker.show("item/clip", "fr", "video")
    for second in range(0, 11):
        tracker.video_position(float(second), 40.0, playing=True)
    clock.advance(10)
    tracker.show("item/paper", "fr", "document")
    clock.advance(20)
    tracker.show("search", "fr")
    for typed in ("m", "mi", "mig", "migr"):
        tracker.search_typed(typed, 3)
    tracker.search_typed("", 0)
    tracker.search_typed("zz", 0)
    clock.advance(8)
    tracker.leave("idle")
    tracker.show("attract", "en")  # after the reset: nobody's visit

    assert events.calls == [
        ("session_start", ("en",)),
        ("page", ("home", 12.0, "en")),
        ("language", ("en", "fr")),
        ("page", ("section/voices", 35.0, "fr")),
        ("page", ("item/clip", 10.0, "fr")),
        ("video", ("clip", "fr", 10.0, 40.0, 0.25)),
        ("document", ("paper", "fr")),
        ("page", ("item/paper", 20.0, "fr")),
        ("search", ("migr", 3, "fr")),
        ("page", ("search", 8.0, "fr")),
        ("search", ("zz", 0, "fr")),
        ("session_end", ("idle", 0.0)),
    ]


def test_a_seek_is_not_seconds_watched(tracker: VisitTracker, events: Events) -> None:
    tracker.arrive("en")
    tracker.show("item/clip", "en", "video")
    tracker.video_position(0.0, 60.0, playing=True)
    tracker.video_position(1.0, 60.0, playing=True)
    tracker.video_position(50.0, 60.0, playing=True)  # dragged the seek bar
    tracker.video_position(51.0, 60.0, playing=True)
    tracker.video_position(51.0, 60.0, playing=False)  # paused
    tracker.video_position(58.0, 60.0, playing=False)  # moved while paused: not watched
    tracker.leave("idle")
    [video] = [args for name, args in events.calls if name == "video"]
    assert video == ("clip", "en", 2.0, 60.0, 51.0 / 60.0)


def test_a_video_page_left_unplayed_is_no_video_event(tracker: VisitTracker, events: Events) -> None:
    tracker.arrive("en")
    tracker.show("item/clip", "en", "video")
    tracker.video_position(0.0, 60.0, playing=False)
    tracker.show("home", "en")
    assert [name for name, _ in events.calls] == ["session_start", "page"]


def test_a_new_search_keeps_the_last_one(tracker: VisitTracker, events: Events) -> None:
    tracker.arrive("es")
    tracker.show("search", "es")
    for typed in ("tra", "trab", "trabajo", "cos", "cosecha"):
        tracker.search_typed(typed, 2)
    tracker.leave("idle")
    searches = [args for name, args in events.calls if name == "search"]
    assert searches == [("trabajo", 2, "es"), ("cosecha", 2, "es")]


def test_nothing_is_recorded_between_visits(tracker: VisitTracker, events: Events) -> None:
    tracker.show("home", "en")
    tracker.search_typed("anything", 1)
    tracker.video_position(3.0, 10.0, playing=True)
    tracker.switch_language("fr")
    tracker.leave("idle")
    assert events.calls == []


def test_a_second_arrival_ends_the_first_visit(tracker: VisitTracker, events: Events, clock: Clock) -> None:
    tracker.arrive("en")
    tracker.show("home", "en")
    clock.advance(4)
    tracker.arrive("fr")
    assert events.calls == [
        ("session_start", ("en",)),
        ("page", ("home", 4.0, "en")),
        ("session_end", ("new visitor", 0.0)),
        ("session_start", ("fr",)),
    ]


def test_an_idle_reset_leaves_out_the_time_nobody_was_there(
    tracker: VisitTracker, events: Events, clock: Clock
) -> None:
    tracker.arrive("en")
    tracker.show("section/voices", "en")
    clock.advance(30 + 100)  # read for 30 s, then the idle wait (90 s) and the countdown (10 s)
    tracker.leave("idle", unattended_seconds=100)
    assert events.calls[1:] == [("page", ("section/voices", 30.0, "en")), ("session_end", ("idle", 100))]


def test_staff_who_wake_the_kiosk_only_to_open_the_admin_panel_are_no_visit(
    tracker: VisitTracker, events: Events, clock: Clock
) -> None:
    tracker.arrive("en")
    tracker.show("home", "en")  # the corner held: the kiosk woke onto home
    clock.advance(8)  # the PIN
    tracker.leave("staff")
    assert events.calls == [("session_start", ("en",)), ("discard_session", ())]


def test_a_visitor_who_did_something_before_staff_came_is_a_visit(
    tracker: VisitTracker, events: Events, clock: Clock
) -> None:
    tracker.arrive("en")
    tracker.show("home", "en")
    clock.advance(5)
    tracker.show("section/voices", "en")
    clock.advance(5)
    tracker.leave("staff")
    assert [name for name, _ in events.calls] == ["session_start", "page", "page", "session_end"]
