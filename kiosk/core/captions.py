"""Captions: WebVTT or SRT files parsed with webvtt-py, and which text shows at a given moment."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError


class CaptionError(Exception):
    """A captions file that cannot be used, with the reason in words."""


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


class CaptionTrack:
    def __init__(self, cues: list[Cue]) -> None:
        self.cues = sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms))
        self._starts = [cue.start_ms for cue in self.cues]
        self._longest = max((cue.end_ms - cue.start_ms for cue in self.cues), default=0)

    def __len__(self) -> int:
        return len(self.cues)

    def text_at(self, position_ms: int) -> str:
        """The text on screen at `position_ms`: every cue that covers it, in order, one per line."""
        last = bisect.bisect_right(self._starts, position_ms)
        showing: list[str] = []
        index = last - 1
        # Only cues that started within the longest cue's length can still be on screen.
        while index >= 0 and self.cues[index].start_ms >= position_ms - self._longest:
            cue = self.cues[index]
            if cue.start_ms <= position_ms < cue.end_ms:
                showing.insert(0, cue.text)
            index -= 1
        return "\n".join(showing)


_VTT_TIME = r"(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}"
_SRT_TIME = r"\d{2,}:\d{2}:\d{2},\d{3}"
_TIMING = {
    ".vtt": re.compile(rf"^\s*{_VTT_TIME}\s+-->\s+{_VTT_TIME}(\s.*)?$"),
    ".srt": re.compile(rf"^\s*{_SRT_TIME}\s+-->\s+{_SRT_TIME}\s*$"),
}


# Two times on one line, whatever stands between them: a timing line, even a misspelt one.
_TWO_TIMES = re.compile(r"^\s*\d+:\d+[\d:.,x]*\s*\S*\s*\d+:\d+[\d:.,x]*\s*$")


def _check_timings(path: Path) -> None:
    """webvtt-py skips a cue whose timing it cannot read without a word: find it for the editor."""
    pattern = _TIMING[".srt" if path.suffix.lower() == ".srt" else ".vtt"]
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if path.suffix.lower() != ".srt" and not (lines and lines[0].startswith("WEBVTT")):
        raise CaptionError("not a WebVTT file: its first line must be 'WEBVTT'")
    for number, line in enumerate(lines, start=1):
        looks_like_timing = "->" in line or _TWO_TIMES.match(line)
        if looks_like_timing and not pattern.match(line):
            example = (
                "00:00:01,000 --> 00:00:04,000"
                if path.suffix.lower() == ".srt"
                else "00:01.000 --> 00:04.000"
            )
            raise CaptionError(
                f"line {number}: cannot read the timing '{line.strip()}' (write it like {example})"
            )


def load_captions(path: Path) -> CaptionTrack:
    """Parse a .vtt or .srt file; raises CaptionError saying what is wrong."""
    try:
        _check_timings(path)
        parsed = webvtt.from_srt(str(path)) if path.suffix.lower() == ".srt" else webvtt.read(str(path))
    except FileNotFoundError:
        raise CaptionError(f"captions file not found: {path.name}") from None
    except (MalformedFileError, MalformedCaptionError) as exc:
        kind = "SRT" if path.suffix.lower() == ".srt" else "WebVTT"
        raise CaptionError(f"not a valid {kind} file ({exc})") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CaptionError(f"cannot be read: {exc}") from None
    cues = []
    for caption in parsed.captions:
        start = caption.start_time.in_milliseconds()
        end = caption.end_time.in_milliseconds()
        if end <= start:
            raise CaptionError(f"the cue at {caption.start} ends before it starts")
        text = caption.text.strip()
        if text:
            cues.append(Cue(start, end, text))
    if not cues:
        raise CaptionError("has no cues")
    return CaptionTrack(cues)
