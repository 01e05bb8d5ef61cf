"""Captions read as the W3C WebVTT standard says (https://www.w3.org/TR/webvtt1/): its own examples, its
parsing rules for blocks, timestamps and cue text, and the unusual lines that once lost a whole file's
captions. What a browser shows for each file is what a visitor reads here."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.captions import CaptionError, CaptionTrack, cue_text, load_captions
from kiosk.core.problems import Severity
from tests.core.contentkit import ContentFolder


def read(tmp_path: Path, text: str, name: str = "track.vtt") -> CaptionTrack:
    file = tmp_path / name
    file.write_bytes(text.encode("utf-8"))
    return load_captions(file)


def shown(track: CaptionTrack) -> list[tuple[int, int, str]]:
    return [(cue.start_ms, cue.end_ms, cue.text) for cue in track.cues]


# --- the standard's own examples ------------------------------------------------------------------


def test_the_interview_example_with_voices_settings_and_italics(tmp_path: Path) -> None:
    # The introduction's example: voice spans, cue settings after the times, an <i> inside a voice.
    track = read(
        tmp_path,
        "WEBVTT\n\n"
        "00:11.000 --> 00:13.000\n<v Roger Bingham>We are in New York City\n\n"
        "00:30.000 --> 00:31.500 align:right size:50%\n<v Roger Bingham>When we e-mailed\u2014\n\n"
        "00:30.500 --> 00:32.500 align:left size:50%\n"
        "<v Neil deGrasse Tyson>Didn\u2019t we talk about enough in that conversation?\n\n"
        "00:32.500 --> 00:33.500 align:left size:50%\n<v Neil deGrasse Tyson><i>Laughs</i>\n",
    )
    assert shown(track) == [
        (11_000, 13_000, "We are in New York City"),
        (30_000, 31_500, "When we e-mailed\u2014"),
        (30_500, 32_500, "Didn\u2019t we talk about enough in that conversation?"),
        (32_500, 33_500, "Laughs"),
    ]
    assert (
        track.text_at(31_000)
        == "When we e-mailed\u2014\nDidn\u2019t we talk about enough in that conversation?"
    )
    assert track.skipped == []


def test_cue_identifiers_are_not_shown(tmp_path: Path) -> None:
    # The standard's example of identifiers: a number, and words with accents and a trademark sign.
    track = read(
        tmp_path,
        "WEBVTT\n\n1\n00:00.000 --> 00:02.000\nThat\u2019s an, an, that\u2019s an L!\n\n"
        "cr\u00e9dit de transcription\n00:04.000 --> 00:05.000\nTranscrit par C\u00e9lestes\u2122\n",
    )
    assert [cue.text for cue in track.cues] == [
        "That\u2019s an, an, that\u2019s an L!",
        "Transcrit par C\u00e9lestes\u2122",
    ]


def test_multi_line_cues_keep_their_line_breaks(tmp_path: Path) -> None:
    track = read(
        tmp_path,
        "WEBVTT\n\n00:01.000 --> 00:04.000\nNever drink liquid nitrogen.\n\n"
        "00:05.000 --> 00:09.000\n\u2014 It will perforate your stomach.\n\u2014 You could die.\n",
    )
    assert track.text_at(6_000) == "\u2014 It will perforate your stomach.\n\u2014 You could die."


def test_comments_styles_and_regions_are_read_past_without_a_warning(tmp_path: Path) -> None:
    track = read(
        tmp_path,
        "WEBVTT - This file has cues.\n\n"
        "STYLE\n::cue {\n  background-image: linear-gradient(to bottom, dimgray, lightgray);\n}\n\n"
        "REGION\nid:fred\nwidth:40%\nlines:3\n\n"
        "NOTE This file was written by Jill. I hope\nyou enjoy reading it. Some things to\nbear in mind:\n"
        "- I was lip-reading, so the cues may\nnot be 100% accurate\n\n"
        "1\n00:01.000 --> 00:04.000 region:fred\nNever drink liquid nitrogen.\n\n"
        "NOTE\nThis is the last line in the file\n",
    )
    assert shown(track) == [(1_000, 4_000, "Never drink liquid nitrogen.")]
    assert track.skipped == []


def test_the_karaoke_example_shows_the_words_without_the_inner_timestamps(tmp_path: Path) -> None:
    track = read(
        tmp_path,
        "WEBVTT\n\n00:16.500 --> 00:18.500\nWhen the moon <00:17.500>hits your eye\n\n"
        "00:00:18.500 --> 00:00:20.500\nLike a <00:19.000>big-a <00:19.500>pizza <00:20.000>pie\n",
    )
    assert [cue.text for cue in track.cues] == ["When the moon hits your eye", "Like a big-a pizza pie"]


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        # The standard's ruby example: each annotation after its base, as HTML's <rp> fallback.
        (
            "<ruby>\u6ce3<rt>\u306a</ruby>\u304d<ruby>\u866b<rt>\u3080\u3057</rt></ruby>",
            "\u6ce3(\u306a)\u304d\u866b(\u3080\u3057)",
        ),
        (
            "<c.yellow.bg_blue>This is yellow text on a blue background</c>",
            "This is yellow text on a blue background",
        ),
        ("<lang en-GB>colour</lang> and <b>bold</b> <u>under</u>", "colour and bold under"),
        ("<v.loud Esme>It\u2019s a blue apple tree!", "It\u2019s a blue apple tree!"),
        ("<font color=red>unknown tags</font> are dropped too", "unknown tags are dropped too"),
        ("an <rt>rt</rt> outside ruby is plain text", "an rt outside ruby is plain text"),
        ("a tag left open at the end <b", "a tag left open at the end "),
    ],
)
def test_cue_text_tags(written: str, read_as: str) -> None:
    assert cue_text(written) == read_as


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("A &amp; B", "A & B"),
        ("&lt;i&gt; is a tag", "<i> is a tag"),
        ("\u05e9\u05dc\u05d5\u05dd&lrm;!", "\u05e9\u05dc\u05d5\u05dd\u200e!"),
        ("&rlm;\u0645\u0631\u062d\u0628\u0627", "\u200f\u0645\u0631\u062d\u0628\u0627"),
        ("10&nbsp;km", "10\u00a0km"),
        ("&#38; &#x26; &#X26;", "& & &"),
        ("&eacute;t&eacute;", "\u00e9t\u00e9"),
        ("fish & chips, &unknown; and &#0;", "fish & chips, &unknown; and \ufffd"),
    ],
)
def test_character_references_are_decoded(written: str, read_as: str) -> None:
    assert cue_text(written) == read_as


# --- timestamps ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timing", "start", "end"),
    [
        ("00:01.000 --> 00:04.000", 1_000, 4_000),
        ("00:00:01.000 --> 00:00:04.000", 1_000, 4_000),
        ("1:02:03.004 --> 1:02:05.000", 3_723_004, 3_725_000),  # one-digit hour
        ("123:00:00.000 --> 123:00:01.000", 442_800_000, 442_801_000),  # hours of any length
        ("00:01.000-->00:04.000", 1_000, 4_000),  # the spaces are optional
        ("00:01.000\t-->\t00:04.000 line:0 position:10%", 1_000, 4_000),
        ("00:59.999 --> 01:00:00.000", 59_999, 3_600_000),
    ],
)
def test_the_timestamp_forms_the_standard_accepts(tmp_path: Path, timing: str, start: int, end: int) -> None:
    assert shown(read(tmp_path, f"WEBVTT\n\n{timing}\nWords\n")) == [(start, end, "Words")]


@pytest.mark.parametrize(
    "timing",
    [
        "00:00:01,000 --> 00:00:04,000",  # a comma: SRT's form, not WebVTT's
        "00:01.00 --> 00:04.000",  # two digits of fraction
        "00:01.0000 --> 00:04.000",  # four
        "0:01.000 --> 0:04.000",  # a one-digit first unit is an hour: minutes and seconds must follow
        "00:60.000 --> 01:00.000",  # sixty seconds
        "00:00:60.000 --> 00:01:00.000",
        "00:1.000 --> 00:4.000",
        "60:00.000 --> 61:00.000",  # past 59 the first unit is an hour, and needs its seconds
        "00:01.000 --> ",
        "-00:01.000 --> 00:04.000",
        "00:01.000 -- > 00:04.000",
    ],
)
def test_the_timestamp_forms_the_standard_refuses_drop_only_their_block(tmp_path: Path, timing: str) -> None:
    track = read(tmp_path, f"WEBVTT\n\n{timing}\nLost\n\n00:05.000 --> 00:06.000\nKept\n")
    assert shown(track) == [(5_000, 6_000, "Kept")]
    assert [skipped.line for skipped in track.skipped] == [3]
    assert "cannot read the timing" in track.skipped[0].reason


# --- the file's first line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start",
    [
        "WEBVTT\n\n",
        "\ufeffWEBVTT\n\n",
        "WEBVTT Some header text\n\n",
        "WEBVTT\tx\nKind: captions\n\n",
        "WEBVTT\n",
    ],
)
def test_the_signature_lines_the_standard_accepts(tmp_path: Path, start: str) -> None:
    assert shown(read(tmp_path, f"{start}00:01.000 --> 00:02.000\nHi\n")) == [(1_000, 2_000, "Hi")]


@pytest.mark.parametrize(
    "start", ["WEBVTTX\n\n", "webvtt\n\n", " WEBVTT\n\n", "\n\nWEBVTT\n\n", "WEB VTT\n\n"]
)
def test_the_signature_lines_the_standard_refuses(tmp_path: Path, start: str) -> None:
    with pytest.raises(CaptionError, match="its first line must be 'WEBVTT'"):
        read(tmp_path, f"{start}00:01.000 --> 00:02.000\nHi\n")


# --- the unusual lines that once lost every caption of a video ----------------------------------------


def test_a_text_line_holding_an_arrow_ends_its_cue_and_starts_a_block_that_is_dropped(tmp_path: Path) -> None:
    track = read(
        tmp_path,
        "WEBVTT\n\n00:01.000 --> 00:02.000\nBefore\nA --> B\nafter\n\n00:03.000 --> 00:04.000\nNext\n",
    )
    # A browser keeps the cue up to that line, and the one after the block.
    assert shown(track) == [(1_000, 2_000, "Before"), (3_000, 4_000, "Next")]
    assert [str(skipped) for skipped in track.skipped] == [
        "line 5: cannot read the timing 'A --> B' (write it like 00:01.000 --> 00:04.000): its cue is left out"
    ]


def test_an_identifier_holding_an_arrow_loses_only_itself(tmp_path: Path) -> None:
    track = read(tmp_path, "WEBVTT\n\nintro --> part one\n00:01.000 --> 00:02.000\nHello\n")
    assert shown(track) == [(1_000, 2_000, "Hello")]
    assert [skipped.line for skipped in track.skipped] == [3]


def test_a_nul_is_shown_as_a_replacement_character(tmp_path: Path) -> None:
    track = read(tmp_path, "WEBVTT\n\n00:01.000 --> 00:02.000\nA\0B\n\n00:03.000 --> 00:04.000\nC\n")
    assert [cue.text for cue in track.cues] == ["A\ufffdB", "C"]


@pytest.mark.parametrize("odd", ["\x0c", "\u2028", "\u2029", "\x85", "\x1c", "\x0b"])
def test_characters_python_breaks_lines_at_stay_inside_their_line(tmp_path: Path, odd: str) -> None:
    # Only LF, CR and CR LF end a line in WebVTT; str.splitlines() also breaks at these.
    track = read(
        tmp_path,
        f"WEBVTT\n\n00:01.000 --> 00:02.000\nPage{odd}one\n\n00:03.000{odd}--> 00:04.000\nTwo\n",
    )
    assert track.cues[0].text == f"Page{odd}one"
    assert len(track) == 2 if odd == "\x0c" else len(track) == 1  # a form feed is whitespace in a timing


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_cr_and_crlf_end_lines(tmp_path: Path, ending: str) -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\nTwo\n\n00:03.000 --> 00:04.000\nThree\n"
    track = read(tmp_path, text.replace("\n", ending))
    assert [cue.text for cue in track.cues] == ["One\nTwo", "Three"]


def test_a_cue_that_ends_before_it_starts_is_dropped_alone(tmp_path: Path) -> None:
    track = read(
        tmp_path,
        "WEBVTT\n\n00:05.000 --> 00:04.000\nBackwards\n\n00:06.000 --> 00:06.000\nNo time at all\n\n"
        "00:07.000 --> 00:08.000\nFine\n",
    )
    assert shown(track) == [(7_000, 8_000, "Fine")]
    assert [str(skipped) for skipped in track.skipped] == [
        "line 3: the cue ends at 00:00:04.000, not after it starts at 00:00:05.000: it is left out",
        "line 6: the cue ends at 00:00:06.000, not after it starts at 00:00:06.000: it is left out",
    ]


def test_text_with_no_timing_line_is_dropped_with_a_warning(tmp_path: Path) -> None:
    track = read(
        tmp_path, "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n\nStray words\n\n00:03.000 --> 00:04.000\nTwo\n"
    )
    assert [cue.text for cue in track.cues] == ["One", "Two"]
    assert [skipped.line for skipped in track.skipped] == [7]


def test_a_file_that_is_not_utf8_is_still_shown_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "latin1.vtt"
    file.write_bytes("WEBVTT\n\n00:01.000 --> 00:02.000\nmigration \u00e9quitable\n".encode("latin-1"))
    track = load_captions(file)
    assert track.cues[0].text == "migration \ufffdquitable"
    assert [skipped.line for skipped in track.skipped] == [4]


def test_srt_keeps_working_and_drops_only_a_broken_block(tmp_path: Path) -> None:
    track = read(
        tmp_path,
        "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Hello</i> &amp; welcome\r\n\r\n"
        "2\r\n00:00:03,000 -> 00:00:04,000\r\nBroken arrow\r\n\r\n"
        "3\r\n0:00:05.5 --> 0:00:06,000 X1:10 X2:20\r\nLast\r\n",
        name="track.srt",
    )
    assert shown(track) == [(1_000, 2_000, "Hello & welcome"), (5_500, 6_000, "Last")]
    assert [skipped.line for skipped in track.skipped] == [6]


def test_validate_warns_at_the_line_of_a_dropped_block_and_keeps_the_rest(content: ContentFolder) -> None:
    content.write_bytes(
        "captions/clip.en.vtt",
        b"WEBVTT\n\n00:01.000 --> 00:02.000\nKept\n\n00:05.000 --> 00:04.000\nBackwards\n",
    )
    problems = content.load().problems
    warnings = [p for p in problems if p.file == "captions/clip.en.vtt"]
    assert [(p.line, p.severity) for p in warnings] == [(6, Severity.WARNING)]
    assert str(warnings[0]).startswith(
        "captions/clip.en.vtt:6:1: (file): warning: the cue ends at 00:00:04.000"
    )
    assert not [p for p in problems if p.severity is Severity.ERROR]
