"""Captions: WebVTT read by the standard's parsing rules, SRT, and which words are on screen when."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.booth import paths
from kiosk.core.captions import CaptionError, CaptionTrack, Cue, load_captions
from tests.core.contentkit import ContentFolder, only_error

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "media"


@pytest.mark.parametrize("name", ["ok.en.vtt", "ok.en.srt"])
def test_cues_show_exactly_between_their_start_and_end(name: str) -> None:
    track = load_captions(FIXTURES / name)
    assert len(track) == 3
    assert track.text_at(0) == "First cue"
    assert track.text_at(599) == "First cue"
    assert track.text_at(600) == ""  # the end time is not part of the cue
    assert track.text_at(650) == ""  # a gap between cues shows nothing
    assert track.text_at(700) == "Second cue,\non two lines"
    assert track.text_at(1999) == "Third cue: migration équitable"
    assert track.text_at(2000) == "" and track.text_at(99_000) == ""
    assert track.text_at(-5) == ""


def test_overlapping_cues_are_both_shown_in_order() -> None:
    track = CaptionTrack([Cue(1000, 5000, "long"), Cue(0, 9000, "whole"), Cue(2000, 3000, "short")])
    assert track.text_at(500) == "whole"
    assert track.text_at(2500) == "whole\nlong\nshort"
    assert track.text_at(4000) == "whole\nlong"
    assert track.text_at(8999) == "whole"


def test_voice_and_style_tags_are_not_shown(tmp_path: Path) -> None:
    file = tmp_path / "tags.vtt"
    file.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Narrator>Hello <i>there</i>\n", encoding="utf-8")
    assert load_captions(file).text_at(1500) == "Hello there"


def test_a_file_that_is_not_webvtt_is_refused_with_a_reason() -> None:
    with pytest.raises(CaptionError, match="its first line must be 'WEBVTT'"):
        load_captions(FIXTURES / "bad.vtt")


def test_a_file_whose_every_timing_is_broken_is_refused_naming_the_first() -> None:
    with pytest.raises(CaptionError) as refused:
        load_captions(FIXTURES / "bad-timestamps.vtt")
    assert (
        "has no cues that can be shown; line 3: cannot read the timing '00:00:00.000 --> 00:00:00,600'"
        in str(refused.value)
    )


def test_missing_and_empty_caption_files(tmp_path: Path) -> None:
    with pytest.raises(CaptionError, match="not found"):
        load_captions(tmp_path / "nope.vtt")
    empty = tmp_path / "empty.vtt"
    empty.write_text("WEBVTT\n", encoding="utf-8")
    with pytest.raises(CaptionError, match=r"has no cues that can be shown$"):
        load_captions(empty)


def test_every_bundled_caption_file_parses_with_short_lines() -> None:
    files = sorted((paths.bundled_content() / "captions").glob("*.vtt"))
    assert files, "the bundled stand-in videos have captions"
    for file in files:
        track = load_captions(file)
        assert len(track) >= 3, file.name
        starts = [cue.start_ms for cue in track.cues]
        assert starts == sorted(starts)
        for cue in track.cues:
            # Legible at a glance: two lines at most, of a length a visitor can read in a moment.
            lines = cue.text.split("\n")
            assert len(lines) <= 2 and all(len(line) <= 42 for line in lines), (file.name, cue)


def test_validation_names_the_manifest_line_of_a_broken_captions_file(content: ContentFolder) -> None:
    section = "sections/10-one.yaml"
    content.write_bytes("captions/clip.en.vtt", (FIXTURES / "bad-timestamps.vtt").read_bytes())
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (section, "items[1].captions.en")
    assert (problem.line, problem.column) == content.position(section, "captions/clip.en.vtt")
    assert "'captions/clip.en.vtt': has no cues that can be shown; line 3: cannot read the timing" in (
        problem.message
    )


def test_a_timing_with_a_misspelt_arrow_drops_its_block_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "arrow.vtt"
    file.write_text(
        "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nOne dash\n\n00:00:03.000 --> 00:00:04.000\nFine\n",
        encoding="utf-8",
    )
    track = load_captions(file)
    assert [cue.text for cue in track.cues] == ["Fine"]
    assert [str(skipped) for skipped in track.skipped] == [
        "line 3: cannot read the timing '00:00:01.000 -> 00:00:02.000' (write it like 00:01.000 --> "
        "00:04.000): its cue is left out"
    ]
    # A cue whose text merely starts with a time of day is not a timing.
    fine = tmp_path / "lunch.vtt"
    fine.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n12:30 is lunch time\n", encoding="utf-8")
    assert load_captions(fine).text_at(1500) == "12:30 is lunch time"
    assert load_captions(fine).skipped == []
