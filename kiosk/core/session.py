"""A visitor's session at the booth: when to ask "Still there?", when to reset, when to attract.

Pure logic on an injected clock (seconds, monotonic): the UI feeds it touches and ticks and acts on
what it returns, so every timing can be tested without waiting.
"""

from __future__ import annotations

import math
from enum import Enum


class Phase(Enum):
    ACTIVE = "active"  # someone is using the kiosk
    PROMPT = "prompt"  # "Still there?" counting down
    ATTRACT = "attract"  # nobody: the attract loop runs until the next touch


class Event(Enum):
    PROMPT = "prompt"  # show "Still there?"
    CONTINUE = "continue"  # the visitor answered the prompt: carry on where they were
    RESET = "reset"  # the session is over: everything back to the defaults, then attract
    WAKE = "wake"  # a touch during the attract loop: open the home page for the new visitor


class VisitorSession:
    # A plain class, not a dataclass: made at every start, where making a dataclass costs about 0.5 ms.
    def __init__(
        self,
        idle_seconds: float = 90.0,
        prompt_seconds: float = 10.0,
        phase: Phase = Phase.ATTRACT,
        last_activity: float = 0.0,
        prompt_started: float = 0.0,
        visited: bool = False,
        resets: int = 0,
    ) -> None:
        self.idle_seconds = idle_seconds
        self.prompt_seconds = prompt_seconds
        self.phase = phase
        self.last_activity = last_activity
        self.prompt_started = prompt_started
        # Whether anyone touched the kiosk since the last reset: with nobody there, no one needs asking.
        self.visited = visited
        self.resets = resets

    def start(self, now: float, attract: bool) -> None:
        self.phase = Phase.ATTRACT if attract else Phase.ACTIVE
        self.last_activity = now
        self.visited = False

    def touch(self, now: float) -> Event | None:
        """Any touch, click or key. Returns what the touch means beyond itself, if anything."""
        self.last_activity = now
        if self.phase is Phase.ATTRACT:
            self.phase = Phase.ACTIVE
            self.visited = True
            return Event.WAKE
        self.visited = True
        if self.phase is Phase.PROMPT:
            self.phase = Phase.ACTIVE
            return Event.CONTINUE
        return None

    def busy(self, now: float) -> None:
        """Something the visitor is watching (a video playing) counts as being there."""
        if self.phase is Phase.ACTIVE:
            self.last_activity = now

    def tick(self, now: float) -> Event | None:
        if self.phase is Phase.ACTIVE and now - self.last_activity >= self.idle_seconds:
            if not self.visited:
                return self._reset(now)
            self.phase = Phase.PROMPT
            self.prompt_started = now
            return Event.PROMPT
        if self.phase is Phase.PROMPT and now - self.prompt_started >= self.prompt_seconds:
            return self._reset(now)
        return None

    def seconds_left(self, now: float) -> int:
        """What the prompt's countdown shows."""
        if self.phase is not Phase.PROMPT:
            return 0
        return max(0, math.ceil(self.prompt_seconds - (now - self.prompt_started)))

    def _reset(self, now: float) -> Event:
        self.phase = Phase.ATTRACT
        self.last_activity = now
        self.visited = False
        self.resets += 1
        return Event.RESET
