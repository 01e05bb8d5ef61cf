"""Captions: WebVTT read by the W3C WebVTT parsing rules (SRT too), and which text shows at a given moment.

Our own parser rather than webvtt-py: the standard reads a file block by block, and a block it cannot
read is dropped alone, where webvtt-py refused the whole file for one unusual line (a one-digit hour, a
text line holding "-->", a form feed that Python's splitlines() takes for a line break) and left the
character references (`&amp;`) for the visitor to read. The rules fit in a page: following them
step by step is clearer than patching around a library that reads the format its own way.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from pathlib import Path


class CaptionError(Exception):
    """A captions file that cannot be used, with the reason in words."""


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class SkippedBlock:
    """A block of the file that is not shown (as a browser would not show it), and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class CaptionTrack:
    def __init__(self, cues: list[Cue], skipped: list[SkippedBlock] | None = None) -> None:
        self.cues = sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms))
        self.skipped = list(skipped or [])
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


def load_captions(path: Path) -> CaptionTrack:
    """Parse a .vtt or .srt file. Blocks that cannot be read are left out and listed in `skipped`;
    CaptionError, saying what is wrong, when the file cannot be used at all."""
    srt = path.suffix.lower() == ".srt"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CaptionError(f"captions file not found: {path.name}") from None
    except OSError as exc:
        raise CaptionError(f"cannot be read: {exc.strerror or exc}") from None
    text, skipped = _decoded(data)
    cues, dropped = _parse_srt(text) if srt else _parse_webvtt(text)
    skipped += dropped
    if not cues:
        first = f"; {skipped[0]}" if skipped else ""
        raise CaptionError(f"has no cues that can be shown{first}")
    return CaptionTrack(cues, skipped)


# --- the WebVTT parser (https://www.w3.org/TR/webvtt1/#file-parsing) ----------------------------------

_EXAMPLE_TIMING = {"vtt": "00:01.000 --> 00:04.000", "srt": "00:00:01,000 --> 00:00:04,000"}
# ASCII whitespace as the standard skips it (no Unicode spaces, unlike str.strip()).
_WHITESPACE = " \t\n\x0c\r"
# Two times on one line, whatever stands between them: a timing line, even a misspelt one.
_TWO_TIMES = re.compile(r"^\s*\d+:\d+[\d:.,x]*\s*[^\w\s]{0,4}(?:\s*[^\w\s]{1,2})?\s*\d+:\d+[\d:.,x]*(\s.*)?$")


def _decoded(data: bytes) -> tuple[str, list[SkippedBlock]]:
    """UTF-8 as the standard decodes it: one byte order mark dropped, a broken byte shown as U+FFFD
    (and reported, since an editor most likely saved the file in another encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        note = SkippedBlock(line, "not UTF-8 text: the bytes that are not are shown as \ufffd")
        return _lines_normalised(data.decode("utf-8", errors="replace")), [note]
    return _lines_normalised(text), []


def _lines_normalised(text: str) -> str:
    return text.replace("\0", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class _Block:
    first_line: int
    lines: list[str] = field(default_factory=list)
    timing: tuple[int, int] | None = None
    timing_line: int = 0
    unreadable_timing: tuple[int, str] | None = None


def _parse_webvtt(text: str) -> tuple[list[Cue], list[SkippedBlock]]:
    # Split on LF alone: str.splitlines() would also break lines at a form feed, U+2028 and others.
    lines = text.split("\n")
    signature = lines[0]
    if not signature.startswith("WEBVTT") or (len(signature) > 6 and signature[6] not in " \t"):
        raise CaptionError("not a WebVTT file: its first line must be 'WEBVTT'")
    index = 1
    if index < len(lines) and lines[index] != "":
        index, _header = _collect_block(lines, index, in_header=True)
    cues: list[Cue] = []
    skipped: list[SkippedBlock] = []
    while index < len(lines):
        while index < len(lines) and lines[index] == "":
            index += 1
        if index >= len(lines):
            break
        index, block = _collect_block(lines, index, in_header=False)
        _keep_or_skip(block, cues, skipped, "vtt")
    return cues, skipped


def _collect_block(lines: list[str], index: int, *, in_header: bool) -> tuple[int, _Block]:
    """The standard's "collect a WebVTT block", a line at a time: returns where the next block starts."""
    block = _Block(first_line=index + 1)
    seen_arrow = False
    line_count = 0
    while index < len(lines):
        line = lines[index]
        line_count += 1
        if "-->" in line:
            if in_header or not (line_count == 1 or (line_count == 2 and not seen_arrow)):
                # A timing line where text should be: it starts the next block.
                return index, block
            seen_arrow = True
            timing = _timings(line)
            block.timing = timing
            if timing is None:
                block.unreadable_timing = block.unreadable_timing or (index + 1, line)
            else:
                block.lines = []  # what stood before was the cue's identifier
                block.timing_line = index + 1
        elif line == "":
            return index + 1, block
        else:
            block.lines.append(line)
        index += 1
    return index, block


def _keep_or_skip(block: _Block, cues: list[Cue], skipped: list[SkippedBlock], kind: str) -> None:
    if block.timing is not None:
        start, end = block.timing
        if end <= start:
            skipped.append(
                SkippedBlock(
                    block.timing_line,
                    f"the cue ends at {_clock(end)}, not after it starts at {_clock(start)}: it is left out",
                )
            )
            return
        text = cue_text("\n".join(block.lines)).strip()
        if text:
            cues.append(Cue(start, end, text))
        return
    if block.unreadable_timing is not None:
        at, written = block.unreadable_timing
        skipped.append(SkippedBlock(at, _timing_problem(written, kind)))
        return
    first = block.lines[0] if block.lines else ""
    if kind == "vtt" and re.match(r"(NOTE|STYLE|REGION)([ \t]|$)", first):
        return  # a comment, a style sheet or a region: nothing to show, nothing wrong
    # A block with no timing line: every line in it was read as text (no arrow broke it up).
    for offset, line in enumerate(block.lines[:2]):
        if "->" in line or _TWO_TIMES.match(line):
            skipped.append(SkippedBlock(block.first_line + offset, _timing_problem(line, kind)))
            return
    if first.strip():
        skipped.append(
            SkippedBlock(
                block.first_line,
                f"text without a timing line before it (like {_EXAMPLE_TIMING[kind]}): it is left out",
            )
        )


def _timing_problem(written: str, kind: str) -> str:
    return f"cannot read the timing '{written.strip()}' (write it like {_EXAMPLE_TIMING[kind]}): its cue is left out"


def _timings(line: str) -> tuple[int, int] | None:
    """The standard's "collect WebVTT cue timings and settings"; the settings (position, size...) are
    not used: captions always show in the same place on this screen."""
    position = _skip_whitespace(line, 0)
    start, position = _timestamp(line, position)
    if start is None:
        return None
    position = _skip_whitespace(line, position)
    if not line.startswith("-->", position):
        return None
    position = _skip_whitespace(line, position + 3)
    end, position = _timestamp(line, position)
    if end is None:
        return None
    return start, end


def _skip_whitespace(line: str, position: int) -> int:
    while position < len(line) and line[position] in _WHITESPACE:
        position += 1
    return position


def _digits(line: str, position: int) -> tuple[str, int]:
    end = position
    while end < len(line) and "0" <= line[end] <= "9":
        end += 1
    return line[position:end], end


def _timestamp(line: str, position: int) -> tuple[int | None, int]:
    """The standard's "collect a WebVTT timestamp", in milliseconds: mm:ss.ttt or h:mm:ss.ttt with
    hours of any number of digits; None when the text there is not one."""
    if position >= len(line) or not "0" <= line[position] <= "9":
        return None, position
    first, position = _digits(line, position)
    hours_first = len(first) != 2 or int(first) > 59
    if not line.startswith(":", position):
        return None, position
    second, position = _digits(line, position + 1)
    if len(second) != 2:
        return None, position
    if hours_first or line.startswith(":", position):
        if not line.startswith(":", position):
            return None, position
        third, position = _digits(line, position + 1)
        if len(third) != 2:
            return None, position
        hours, minutes, seconds = int(first), int(second), int(third)
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    if not line.startswith(".", position):
        return None, position
    fraction, position = _digits(line, position + 1)
    if len(fraction) != 3 or minutes > 59 or seconds > 59:
        return None, position
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction), position


def _clock(milliseconds: int) -> str:
    seconds, thousandths = divmod(milliseconds, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02}:{minutes:02}:{seconds:02}.{thousandths:03}"


# --- cue text (https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules) ---------------------------------

# A tag runs from "<" to the next ">" or the end of the text, as the standard's tokenizer reads it.
_TAG = re.compile(r"<([^>]*)(?:>|$)")
_TAG_NAME_END = re.compile(r"[\t\n\x0c .]")
_NODE_TAGS = {"c", "i", "b", "u", "ruby", "v", "lang"}


def cue_text(raw: str) -> str:
    """What a visitor reads: the plain text of a cue, its character references decoded (`&amp;` is &)
    and its tags gone (voice, italic, class, language, karaoke timestamps). The caption box draws one
    plain font, so a ruby annotation follows its base in brackets, as HTML's <rp> fallback writes it."""
    out: list[str] = []
    open_nodes: list[str] = []
    position = 0
    for tag in _TAG.finditer(raw):
        out.append(html.unescape(raw[position : tag.start()]))
        position = tag.end()
        token = tag.group(1)
        if token.startswith("/"):
            name = token[1:]
            if open_nodes and open_nodes[-1] == name:
                open_nodes.pop()
                if name == "rt":
                    out.append(")")
            elif name == "ruby" and open_nodes[-2:] == ["ruby", "rt"]:
                del open_nodes[-2:]
                out.append(")")
        elif token and not token[0].isdigit():  # a digit starts a timestamp tag: <00:19.000>
            name = _TAG_NAME_END.split(token, maxsplit=1)[0]
            if name in _NODE_TAGS:
                open_nodes.append(name)
            elif name == "rt" and open_nodes and open_nodes[-1] == "ruby":
                open_nodes.append(name)
                out.append("(")
    out.append(html.unescape(raw[position:]))
    if "rt" in open_nodes:
        out.append(")")
    return "".join(out)


# --- SRT (no standard: what players commonly accept) ----------------------------------------------

_SRT_TIME = r"(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_SRT_TIMING = re.compile(rf"^\s*{_SRT_TIME}\s*-->\s*{_SRT_TIME}(?:\s.*)?$")


def _parse_srt(text: str) -> tuple[list[Cue], list[SkippedBlock]]:
    lines = text.split("\n")
    cues: list[Cue] = []
    skipped: list[SkippedBlock] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block = _Block(first_line=index + 1)
        while index < len(lines) and lines[index].strip():
            line = lines[index]
            timing = _SRT_TIMING.match(line)
            if timing and block.timing is None and block.unreadable_timing is None:
                block.timing = _srt_ms(timing.groups()[:4]), _srt_ms(timing.groups()[4:])
                block.timing_line = index + 1
                block.lines = []  # the number before it
            elif "-->" in line and block.timing is None and block.unreadable_timing is None:
                block.unreadable_timing = (index + 1, line)
            else:
                block.lines.append(line)
            index += 1
        _keep_or_skip(block, cues, skipped, "srt")
    return cues, skipped


def _srt_ms(parts: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, fraction = (part or "0" for part in parts)
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0"))
