"""What an editor sees for each kind of mistake: the file, the line and column, the field and the words.

Each test breaks the valid folder from conftest in one way. Lines and columns are found by searching the
file for the text the test wrote, never typed in by hand.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from kiosk.core.loader import load_content
from kiosk.core.problems import Problem, Severity

from .contentkit import ContentFolder, fake_mp4, only_error, problems_in

A = "agenda.yaml"
S = "sections/10-one.yaml"


def column_after(content: ContentFolder, relative: str, marker: str) -> tuple[int, int]:
    """(line, column) of the character just after `marker`: where a value follows its key."""
    line, column = content.position(relative, marker)
    return line, column + len(marker)


def errors_in(content: ContentFolder, relative: str) -> list[Problem]:
    result = content.load()
    assert result.compiled is None
    return [p for p in problems_in(result, relative) if p.severity is Severity.ERROR]


def test_the_fixture_folder_is_valid(content: ContentFolder) -> None:
    result = content.load()
    assert result.problems == []
    assert result.compiled is not None


# -- YAML syntax ---------------------------------------------------------------------------------


def test_unclosed_bracket(content: ContentFolder) -> None:
    content.replace(S, "related: [clip, nested]", "related: [clip, nested")
    [problem] = errors_in(content, S)
    # The parser notices further down; the editor is sent to where the bracket was opened.
    assert problem.line == content.line(S, "related: [clip, nested")
    assert problem.field == ""
    assert "YAML syntax error" in problem.message
    assert "flow sequence" in problem.message
    assert str(problem).startswith(f"{S}:{problem.line}:{problem.column}: (file): YAML syntax error")


def test_key_indented_too_far(content: ContentFolder) -> None:
    content.replace(S, "    summary: What this", "      summary: What this")
    [problem] = errors_in(content, S)
    # Points at the ':' of the over-indented key, which cannot start a mapping there.
    assert (problem.line, problem.column) == column_after(content, S, "      summary")
    assert "mapping values are not allowed" in problem.message


def test_key_indented_too_little(content: ContentFolder) -> None:
    content.replace(S, "    kind: video", "   kind: video")
    [problem] = errors_in(content, S)
    assert (problem.line, problem.column) == content.position(S, "kind: video")
    assert "YAML syntax error" in problem.message


def test_tab_used_for_indentation(content: ContentFolder) -> None:
    content.replace(S, "    title: A paper", "\ttitle: A paper")
    [problem] = errors_in(content, S)
    assert (problem.line, problem.column) == content.position(S, "\ttitle: A paper")
    assert "tab" in problem.message


def test_syntax_error_in_agenda(content: ContentFolder) -> None:
    content.replace(A, 'version: "1.0"', 'version: "1.0')
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "")
    assert problem.line >= content.line(A, 'version: "1.0')
    assert "YAML syntax error" in problem.message
    assert "quoted scalar" in problem.message


def test_unclosed_quote_names_the_line_where_it_opened(content: ContentFolder) -> None:
    content.replace(A, 'version: "1.0"', 'version: "1.0')
    problem = only_error(content.load())
    opened = content.line(A, 'version: "1.0')
    assert problem.line == opened or f"line {opened}" in problem.message


def test_control_character_is_reported_on_its_line(content: ContentFolder) -> None:
    content.replace(A, "subtitle: A folder built", "subtitle: A folder\x07 built")
    problem = only_error(content.load())
    assert problem.line == content.line(A, "\x07")


# -- keys and types ------------------------------------------------------------------------------


def test_misspelt_key_suggests_the_right_one(content: ContentFolder) -> None:
    content.replace(S, "    summary: What this", "    sumary: What this")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[0].sumary")
    assert (problem.line, problem.column) == content.position(S, "sumary:")
    assert "unknown key 'sumary'" in problem.message
    assert "did you mean 'summary'?" in problem.message


def test_misspelt_key_in_agenda_and_nested_item(content: ContentFolder) -> None:
    content.replace(A, "subtitle:", "subtitel:")
    content.replace(S, "        body: Inside the group.", "        bdy: Inside the group.")
    result = content.load()
    by_field = {p.field: p for p in result.problems}
    assert set(by_field) == {"subtitel", "items[4].items[0].bdy"}
    agenda_problem = by_field["subtitel"]
    assert (agenda_problem.file, agenda_problem.line, agenda_problem.column) == (
        A,
        *content.position(A, "subtitel:"),
    )
    assert "did you mean 'subtitle'?" in agenda_problem.message
    nested = by_field["items[4].items[0].bdy"]
    assert (nested.file, nested.line, nested.column) == (S, *content.position(S, "bdy:"))
    assert "did you mean 'body'?" in nested.message


def test_unknown_key_without_a_close_match_has_no_suggestion(content: ContentFolder) -> None:
    content.replace(S, "    summary: What this", "    zzzqqq: What this")
    problem = only_error(content.load())
    assert "unknown key 'zzzqqq'" in problem.message
    assert "did you mean" not in problem.message


def test_list_where_text_is_expected(content: ContentFolder) -> None:
    content.replace(S, "    title: A paper", "    title: [a, b]")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[2].title")
    assert (problem.line, problem.column) == content.position(S, "[a, b]")
    assert "got a list" in problem.message


def test_string_where_a_list_is_expected(content: ContentFolder) -> None:
    content.replace(S, "related: [clip, nested]", "related: clip")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[0].related")
    assert (problem.line, problem.column) == column_after(content, S, "related: ")
    assert "valid list" in problem.message
    assert "'clip'" in problem.message


def test_string_where_a_list_is_expected_in_agenda(content: ContentFolder) -> None:
    content.replace(A, "languages: [en, fr]", "languages: en")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "languages")
    assert (problem.line, problem.column) == column_after(content, A, "languages: ")
    assert "valid list" in problem.message


def test_missing_title(content: ContentFolder) -> None:
    content.replace(S, "    title: A paper\n", "")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[2].title")
    # Reported at the start of the item that lacks it.
    assert (problem.line, problem.column) == content.position(S, "id: paper")
    assert "required field is missing" in problem.message


def test_missing_section_title(content: ContentFolder) -> None:
    content.replace(S, "title:\n  en: Section one\n  fr: Section un\n", "")
    problem = only_error(content.load())
    assert (problem.file, problem.field, problem.line) == (S, "title", 1)
    assert "required field is missing" in problem.message


def test_link_without_url(content: ContentFolder) -> None:
    content.replace(S, "    url: https://example.org/site\n", "")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[3].url")
    assert (problem.line, problem.column) == content.position(S, "id: site")
    assert "required field is missing" in problem.message


def test_agenda_without_version(content: ContentFolder) -> None:
    content.replace(A, 'version: "1.0"\n', "")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "version")
    assert "required field is missing" in problem.message


def test_duplicate_yaml_key(content: ContentFolder) -> None:
    content.replace(S, "    title: A paper\n", "    title: A paper\n    title: Another paper\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[2].title")
    # The second occurrence is the one to remove.
    assert (problem.line, problem.column) == content.position(S, "title: Another paper")
    assert "appears twice" in problem.message


def test_duplicate_top_level_key_in_agenda(content: ContentFolder) -> None:
    content.replace(A, "lead: >-", "title: Second title\nlead: >-")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "title")
    assert (problem.line, problem.column) == content.position(A, "title: Second title")


# -- ids and references --------------------------------------------------------------------------


def test_duplicate_section_id_across_files(content: ContentFolder) -> None:
    two = "sections/20-two.yaml"
    content.write(two, "id: one\ntitle: Two\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (two, "id")
    assert (problem.line, problem.column) == column_after(content, two, "id: ")
    assert "section id 'one' is already used in sections/10-one.yaml" in problem.message


def test_duplicate_item_id_across_files(content: ContentFolder) -> None:
    two = "sections/20-two.yaml"
    [clip_line] = content.write_marked(
        two,
        """\
        id: two
        title: Two
        items:
          - id: clip
            kind: article
            title: Clip again
        """,
        "- id: clip",
    )
    content.replace(A, "  - one\n", "  - one\n  - two\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (two, "items[0].id")
    assert (problem.line, problem.column) == (clip_line, len("  - id: ") + 1)
    first_line = content.line(S, "- id: clip")
    assert f"item id 'clip' is already used at {S}:{first_line}" in problem.message


def test_duplicate_item_id_in_nested_collection(content: ContentFolder) -> None:
    content.replace(S, "      - id: nested-link", "      - id: intro")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[4].items[1].id")
    assert (problem.line, problem.column) == content.position(S, "intro", nth=2)
    assert f"already used at {S}:{content.line(S, '- id: intro')}" in problem.message


def test_agenda_lists_a_section_that_does_not_exist(content: ContentFolder) -> None:
    content.replace(A, "  - one\n", "  - one\n  - onee\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "sections[1]")
    assert (problem.line, problem.column) == content.position(A, "onee")
    assert "no section has the id 'onee'" in problem.message
    assert "did you mean 'one'?" in problem.message


def test_related_names_an_item_that_does_not_exist(content: ContentFolder) -> None:
    content.replace(S, "related: [clip, nested]", "related: [clip, nestd]")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[0].related[1]")
    assert (problem.line, problem.column) == content.position(S, "nestd")
    assert "no item has the id 'nestd'" in problem.message
    assert "did you mean 'nested'?" in problem.message


def test_related_in_nested_item(content: ContentFolder) -> None:
    content.replace(
        S, "        body: Inside the group.", "        body: Inside the group.\n        related: [nowhere]"
    )
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[4].items[0].related[0]")
    assert (problem.line, problem.column) == content.position(S, "nowhere")


def test_an_invalid_item_is_still_a_valid_related_target(content: ContentFolder) -> None:
    # 'intro' names 'clip' in related; a mistake inside 'clip' must not add an error on 'intro'.
    content.replace(S, "stand_in: true", "stand_in: maybe")
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[1].stand_in", content.line(S, "stand_in: maybe"))
    assert "'maybe'" in problem.message


def test_an_invalid_nested_item_is_still_a_valid_related_target(content: ContentFolder) -> None:
    content.replace(S, "        title: Nested item\n", "")
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[4].items[0].title", content.line(S, "- id: nested\n"))


def test_unreadable_section_file_does_not_make_the_agenda_wrong(content: ContentFolder) -> None:
    content.replace(S, "related: [clip, nested]", "related: [clip, nested")
    problem = only_error(content.load())
    assert problem.file == S


def test_a_section_listed_twice_is_reported(content: ContentFolder) -> None:
    content.replace(A, "  - one\n", "  - one\n  - one\n")
    result = content.load()
    assert [(p.file, p.field, p.line) for p in result.problems] == [
        (A, "sections[1]", content.line(A, "  - one", nth=2))
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "marker"),
    [
        ("id: site", "id: My Site", "items[3].id", "My Site"),
        ("id: site", "id: site_2", "items[3].id", "site_2"),
        ("id: site", "id: -site", "items[3].id", "-site"),
        ("related: [clip, nested]", "related: [clip, Nested]", "items[0].related[1]", "Nested"),
    ],
)
def test_invalid_id(content: ContentFolder, old: str, new: str, field: str, marker: str) -> None:
    content.replace(S, old, new)
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, field)
    assert (problem.line, problem.column) == content.position(S, marker)
    assert f"'{marker}' is not a valid id" in problem.message
    assert "lower-case letters, digits and hyphens" in problem.message


def test_invalid_section_id(content: ContentFolder) -> None:
    content.replace(S, "id: one", "id: One")
    problems = errors_in(content, S)
    assert [(p.field, p.line, p.column) for p in problems] == [("id", 1, 5)]
    assert "'One' is not a valid id" in problems[0].message


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (S, "url: https://example.org/site", "url: example.org/site", "items[3].url"),
        (S, "url: https://example.org/site", "url: ftp://example.org/site", "items[3].url"),
        (S, "url: https://example.org/site", "url: https://", "items[3].url"),
        (S, "url: https://example.org/paper", "url: https://exa mple.org", "items[2].source.url"),
        (A, "url: https://example.org/agenda", "url: www.example.org", "source.url"),
    ],
)
def test_bad_url(content: ContentFolder, file: str, old: str, new: str, field: str) -> None:
    content.replace(file, old, new)
    problem = only_error(content.load())
    value = new.removeprefix("url: ")
    assert (problem.file, problem.field) == (file, field)
    line, column = content.position(file, new + "\n")
    assert (problem.line, problem.column) == (line, column + len("url: "))
    assert f"'{value}' is not a web address" in problem.message


def test_unknown_kind_with_suggestion(content: ContentFolder) -> None:
    content.replace(S, "kind: document", "kind: documnet")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[2].kind")
    assert (problem.line, problem.column) == content.position(S, "documnet")
    assert "unknown kind 'documnet'" in problem.message
    assert "did you mean 'document'?" in problem.message
    for kind in ("article", "video", "document", "link", "collection"):
        assert kind in problem.message


def test_item_without_kind(content: ContentFolder) -> None:
    content.replace(S, "    kind: document\n", "")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[2]")
    assert problem.line == content.line(S, "id: paper")
    assert "kind" in problem.message


def test_translations_without_english(content: ContentFolder) -> None:
    content.replace(S, "  en: Section one\n", "")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "title")
    assert (problem.line, problem.column) == content.position(S, "fr: Section un")
    assert "needs an English text" in problem.message


def test_translations_without_english_in_item(content: ContentFolder) -> None:
    content.replace(S, "    title: A paper", "    title:\n      fr: Un article")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[2].title")
    assert problem.line == content.line(S, "fr: Un article")
    assert "'en:'" in problem.message


def test_language_code_that_is_not_one(content: ContentFolder) -> None:
    content.replace(S, "  fr: Section un", "  French: Section un")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "title")
    assert "'French' is not a language code" in problem.message


def test_both_body_and_body_file_on_item(content: ContentFolder) -> None:
    content.replace(
        S, "    body: Hello **world**.\n", "    body: Hello **world**.\n    body_file: text/en/one.md\n"
    )
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[0].body_file")
    assert (problem.line, problem.column) == content.position(S, "body_file: text/en/one.md")
    assert "either 'body' or 'body_file', not both" in problem.message


def test_both_body_and_body_file_on_section(content: ContentFolder) -> None:
    content.replace(S, "summary: The first section.\n", "summary: The first section.\nbody: Inline.\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "body_file")
    assert (problem.line, problem.column) == content.position(S, "body_file:")


# -- media paths ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fragments"),
    [
        ("media/clips.mp4", ["file not found: 'media/clips.mp4'", "did you mean", "clip.mp4"]),
        ("media/nothing-like-it.mp4", ["file not found: 'media/nothing-like-it.mp4'"]),
        ("../clip.mp4", ["points outside the content folder", "'..'"]),
        ("media/../../clip.mp4", ["points outside the content folder"]),
        ("/etc/hostname", ["must be relative to the content folder", "absolute"]),
        ("C:/media/clip.mp4", ["must be relative to the content folder"]),
        ("media\\\\clip.mp4", ["use '/' between folders"]),
        ("media", ["'media' is a folder, not a file"]),
    ],
)
def test_bad_media_path(content: ContentFolder, path: str, fragments: list[str]) -> None:
    content.replace(S, "file: media/clip.mp4", f"file: {path}")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[1].file")
    assert (problem.line, problem.column) == content.position(S, path)
    for fragment in fragments:
        assert fragment in problem.message


def test_missing_file_hint_when_nothing_is_close(content: ContentFolder) -> None:
    content.replace(S, "file: media/clip.mp4", "file: media/zzz.mp4")
    problem = only_error(content.load())
    assert "did you mean" not in problem.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_leading_outside_the_folder(content: ContentFolder, tmp_path: Path) -> None:
    outside = tmp_path / "outside.mp4"
    outside.write_bytes(fake_mp4())
    os.symlink(outside, content.path("media/escape.mp4"))
    content.replace(S, "file: media/clip.mp4", "file: media/escape.mp4")
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[1].file", content.line(S, "media/escape.mp4"))
    assert "leads outside the content folder through a symbolic link" in problem.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlinked_folder_leading_outside(content: ContentFolder, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "clip.mp4").write_bytes(fake_mp4())
    os.symlink(outside, content.path("media/linked"))
    content.replace(S, "file: media/clip.mp4", "file: media/linked/clip.mp4")
    problem = only_error(content.load())
    assert "symbolic link" in problem.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_inside_the_folder_is_fine(content: ContentFolder) -> None:
    os.symlink(content.path("media/clip.mp4"), content.path("media/alias.mp4"))
    content.replace(S, "file: media/clip.mp4", "file: media/alias.mp4")
    result = content.load()
    assert result.problems == []
    assert "media/alias.mp4" in result.referenced_files


def test_path_that_is_a_folder_with_a_media_extension(content: ContentFolder) -> None:
    content.path("media/folder.mp4").mkdir()
    content.replace(S, "file: media/clip.mp4", "file: media/folder.mp4")
    problem = only_error(content.load())
    assert "'media/folder.mp4' is a folder, not a file" in problem.message


def test_media_files_are_listed_as_referenced(content: ContentFolder) -> None:
    result = content.load()
    assert result.referenced_files == sorted(
        [
            "captions/clip.en.vtt",
            "documents/paper.pdf",
            "media/clip.mp4",
            "media/poster.png",
            "text/en/one.md",
        ]
    )


# -- file types ----------------------------------------------------------------------------------


def test_avi_given_as_video(content: ContentFolder) -> None:
    content.write_bytes("media/clip.avi", b"RIFF\x00\x00\x00\x00AVI LIST" + b"\x00" * 32)
    content.replace(S, "file: media/clip.mp4", "file: media/clip.avi")
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[1].file", content.line(S, "media/clip.avi"))
    assert "should be a video file" in problem.message
    assert ".mp4" in problem.message
    assert "'.avi'" in problem.message


def test_pdf_given_as_video(content: ContentFolder) -> None:
    content.replace(S, "file: media/clip.mp4", "file: documents/paper.pdf")
    problem = only_error(content.load())
    assert "should be a video file" in problem.message


def test_mp4_whose_bytes_are_not_mp4(content: ContentFolder) -> None:
    content.write_bytes("media/clip.mp4", b"<html>Not found</html>\n" * 4)
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[1].file", content.line(S, "media/clip.mp4"))
    assert "'media/clip.mp4' is not a valid MP4 file" in problem.message


def test_empty_media_file(content: ContentFolder) -> None:
    content.write_bytes("media/clip.mp4", b"")
    problem = only_error(content.load())
    assert "'media/clip.mp4' is empty" in problem.message


def test_png_poster_that_is_really_text(content: ContentFolder) -> None:
    content.write("media/poster.png", "This is a text file named poster.png\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "items[1].poster")
    assert (problem.line, problem.column) == content.position(S, "media/poster.png")
    assert "not a valid PNG file" in problem.message


def test_jpeg_bytes_in_a_png_file(content: ContentFolder) -> None:
    content.write_bytes("media/poster.png", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32)
    problem = only_error(content.load())
    assert "not a valid PNG file" in problem.message


def test_pdf_that_is_not_a_pdf(content: ContentFolder) -> None:
    content.write("documents/paper.pdf", "Error 404\n")
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[2].file", content.line(S, "documents/paper.pdf"))
    assert "not a valid PDF file" in problem.message


def test_captions_that_are_not_webvtt(content: ContentFolder) -> None:
    content.write("captions/clip.en.vtt", "1\n00:00:00,000 --> 00:00:01,000\nHello\n")
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[1].captions.en", content.line(S, "captions/clip.en.vtt"))
    assert "is not a WebVTT file: its first line must be 'WEBVTT'" in problem.message


def test_markdown_body_that_is_not_utf8(content: ContentFolder) -> None:
    latin1 = ("Caf\xe9 cr\xe8me, d\xe9j\xe0 vu.\n" * 3).encode("latin-1")
    content.write_bytes("text/en/one.md", latin1)
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "body_file.en")
    assert (problem.line, problem.column) == content.position(S, "text/en/one.md")
    assert "'text/en/one.md'" in problem.message


def test_markdown_body_not_utf8_in_its_last_bytes(content: ContentFolder) -> None:
    # The sniffer tolerates a cut character at the end of what it read; reading the body still fails.
    content.write_bytes("text/en/one.md", "Caf\xe9".encode("latin-1"))
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (S, "body_file.en")
    assert "'text/en/one.md' is not UTF-8 text" in problem.message


def test_captions_not_utf8_in_their_last_bytes(content: ContentFolder) -> None:
    content.write_bytes(
        "captions/clip.en.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nCaf\xe9".encode("latin-1")
    )
    problem = only_error(content.load())
    assert problem.field == "items[1].captions.en"


def test_file_types_are_recognised_regardless_of_extension_case(content: ContentFolder) -> None:
    content.write_bytes("media/CLIP.MP4", fake_mp4())
    content.replace(S, "file: media/clip.mp4", "file: media/CLIP.MP4")
    assert content.load().problems == []


# -- whole files ---------------------------------------------------------------------------------


def test_manifest_that_is_not_utf8(content: ContentFolder) -> None:
    text = content.read(A).replace("Lead text", "L\xe9ad text")
    content.write_bytes(A, text.encode("latin-1"))
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "")
    # Points at the offending byte (here one byte is one character).
    assert problem.line == text[: text.index("\xe9")].count("\n") + 1
    assert problem.column == len(text[: text.index("\xe9")].rsplit("\n", 1)[-1]) + 1
    assert "not UTF-8" in problem.message
    assert (
        str(problem)
        == f"{A}:{problem.line}:{problem.column}: (file): not UTF-8 text (save the file as UTF-8)"
    )


def test_manifest_saved_as_utf16(content: ContentFolder) -> None:
    content.write_bytes(A, content.read(A).encode("utf-16"))
    problem = only_error(content.load())
    assert (problem.file, problem.line, problem.column) == (A, 1, 1)
    assert "not UTF-8" in problem.message


def test_manifest_with_utf8_bom_is_fine(content: ContentFolder) -> None:
    content.write_bytes(A, content.read(A).encode("utf-8-sig"))
    assert content.load().problems == []


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_manifest(content: ContentFolder, text: str) -> None:
    content.write(A, text)
    problem = only_error(content.load())
    assert (problem.file, problem.field, problem.line, problem.column) == (A, "", 1, 1)
    assert "file is empty" in problem.message


def test_empty_section_file(content: ContentFolder) -> None:
    content.write(S, "")
    problems = errors_in(content, S)
    assert [(p.line, p.column, p.message) for p in problems] == [(1, 1, "file is empty")]


def test_top_level_list_instead_of_mapping(content: ContentFolder) -> None:
    content.write(A, "# agenda\n- title: Test agenda\n- lead: Lead\n")
    problem = only_error(content.load())
    assert (problem.file, problem.field) == (A, "")
    assert (problem.line, problem.column) == content.position(A, "- title")
    assert "expected keys and values" in problem.message


def test_top_level_text_instead_of_mapping(content: ContentFolder) -> None:
    content.write(S, "just a sentence\n")
    [problem] = errors_in(content, S)
    assert (problem.line, problem.column) == (1, 1)
    assert "expected keys and values" in problem.message


def test_missing_agenda(content: ContentFolder) -> None:
    content.path(A).unlink()
    problem = only_error(content.load())
    assert (problem.file, problem.line, problem.column, problem.field) == (A, 1, 1, "")
    assert "missing" in problem.message
    assert "agenda.yaml" in problem.message


def test_missing_sections_folder(content: ContentFolder) -> None:
    shutil.rmtree(content.path("sections"))
    result = content.load()
    assert result.compiled is None
    [problem] = problems_in(result, "sections")
    assert (problem.line, problem.column, problem.severity) == (1, 1, Severity.ERROR)
    assert "sections/ folder" in problem.message
    # The agenda still names a section that now cannot be found.
    assert [p.field for p in problems_in(result, A)] == ["sections[0]"]


def test_content_folder_missing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = load_content(missing)
    assert result.compiled is None
    assert [(p.file, p.line, p.column, p.message) for p in result.problems] == [
        (str(missing), 1, 1, "content folder not found")
    ]


def test_content_folder_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "content.zip"
    not_a_folder.write_bytes(b"PK\x03\x04")
    result = load_content(not_a_folder)
    assert result.compiled is None
    assert "content folder not found" in result.problems[0].message


# -- all at once, warnings -----------------------------------------------------------------------


def test_every_problem_in_every_file_is_reported_in_one_run(content: ContentFolder) -> None:
    two = "sections/20-two.yaml"
    content.replace(A, "lead: >-", "laed: >-")
    content.replace(S, "related: [clip, nested]", "related: [clip, nestd]")
    content.replace(S, "file: media/clip.mp4", "file: media/missing.mp4")
    content.write(two, "id: two\ntitle: [unclosed\n")
    content.replace(A, "  - one\n", "  - one\n  - two\n")
    result = content.load()
    assert result.compiled is None
    found = {(p.file, p.field) for p in result.problems}
    assert {
        (A, "laed"),
        (S, "items[0].related[1]"),
        (S, "items[1].file"),
        (two, ""),
    } <= found
    # One mistake, one line: the misspelt key's hint covers the required key it left out.
    assert (A, "lead") not in found
    # Agenda first, then the other files in order, each by line: as `kiosk validate` prints them.
    files = [p.file for p in result.problems]
    assert files == sorted(files, key=lambda f: (f != A, f))
    for name in {A, S, two}:
        lines = [(p.line, p.column) for p in result.problems if p.file == name]
        assert lines == sorted(lines)


def test_stray_file_in_sections_is_only_a_warning(content: ContentFolder) -> None:
    content.write("sections/notes.txt", "remember to add the French text\n")
    content.write("sections/.hidden.yaml", "not: [valid\n")
    result = content.load()
    assert result.compiled is not None
    [problem] = result.problems
    assert (problem.file, problem.line, problem.column, problem.severity) == (
        "sections/notes.txt",
        1,
        1,
        Severity.WARNING,
    )
    assert "only .yaml files belong in sections/" in problem.message
    assert str(problem).startswith("sections/notes.txt:1:1: (file): warning: ")


def test_yml_extension_is_read_too(content: ContentFolder) -> None:
    content.write("sections/20-two.yml", "id: two\ntitle: [broken\n")
    result = content.load()
    assert [p.file for p in result.problems] == ["sections/20-two.yml"]
    assert result.compiled is None


def test_unlisted_section_is_a_warning(content: ContentFolder) -> None:
    two = "sections/20-two.yaml"
    [id_line] = content.write_marked(two, "# not yet in the agenda\nid: two\ntitle: Two\n", "id: two")
    result = content.load()
    assert result.compiled is not None
    assert [s["id"] for s in result.compiled["sections"]] == ["one"]
    [problem] = result.problems
    assert (problem.file, problem.field, problem.severity) == (two, "id", Severity.WARNING)
    assert (problem.line, problem.column) == (id_line, len("id: ") + 1)
    assert "not listed under 'sections' in agenda.yaml" in problem.message


# -- message quality -----------------------------------------------------------------------------


def test_unreadable_tagged_value_is_placed(content: ContentFolder) -> None:
    content.replace(A, "subtitle: A folder", "subtitle: !foo A folder")
    problem = only_error(content.load())
    assert (problem.file, problem.line, problem.column) == (A, *content.position(A, "!foo"))
    assert "!foo" in problem.message


@pytest.mark.parametrize(
    ("old", "new"),
    [("subtitle: A folder", "subtitle: !foo A folder"), ("sections:\n  - one", "sections: !!omap x")],
)
def test_problem_messages_are_single_lines(content: ContentFolder, old: str, new: str) -> None:
    content.replace(A, old, new)
    problem = only_error(content.load())
    assert "\n" not in str(problem)
    assert "<unicode string>" not in problem.message


def test_key_of_another_kind_is_not_suggested_as_itself(content: ContentFolder) -> None:
    content.replace(
        S, "    body: Hello **world**.\n", "    body: Hello **world**.\n    file: media/clip.mp4\n"
    )
    problem = only_error(content.load())
    assert (problem.field, problem.line) == ("items[0].file", content.line(S, "file: media/clip.mp4"))
    assert "did you mean 'file'" not in problem.message


def test_a_section_file_that_does_not_parse_causes_no_knock_on_errors(content: ContentFolder) -> None:
    # The ids written in a file that fails to parse still count: references to them are not errors.
    content.write(
        "sections/20-two.yaml", "id: two\ntitle: Two\nitems:\n  - id: far\n    kind: article\n     title: x\n"
    )
    content.replace(A, "  - one\n", "  - one\n  - two\n")
    content.replace(S, "related: [clip, nested]", "related: [clip, far]")
    result = content.load()
    assert [(p.file, p.field) for p in result.problems if p.severity is Severity.ERROR] == [
        ("sections/20-two.yaml", "")
    ]


# -- dates ------------------------------------------------------------------------------------------


def test_an_expired_item_is_a_warning_at_its_expires_line(content: ContentFolder) -> None:
    content.replace(
        S, "    summary: What this is about.\n", "    summary: What this is about.\n    expires: 2026-03-01\n"
    )
    result = load_content(content.root, today=datetime.date(2026, 3, 1))
    assert result.compiled is not None, "an expired item is still shown: staff decide"
    [problem] = problems_in(result, S)
    assert problem.severity is Severity.WARNING
    assert problem.line == content.line(S, "expires: 2026-03-01")
    assert problem.field.endswith("expires")
    assert "'intro' expired on 2026-03-01" in problem.message
    assert result.compiled["items"]["intro"]["expires"] == "2026-03-01"


def test_an_item_expiring_tomorrow_is_not_yet_a_warning(content: ContentFolder) -> None:
    content.replace(
        S, "    summary: What this is about.\n", "    summary: What this is about.\n    expires: 2026-03-02\n"
    )
    assert load_content(content.root, today=datetime.date(2026, 3, 1)).problems == []


@pytest.mark.parametrize("written", ["next spring", "31/01/2024", "2024-13-01", "2024-01-31 10:00"])
def test_a_malformed_expiry_date_is_an_error_that_says_how_to_write_one(
    content: ContentFolder, written: str
) -> None:
    content.replace(
        S,
        "    summary: What this is about.\n",
        f"    summary: What this is about.\n    expires: {written}\n",
    )
    [problem] = errors_in(content, S)
    assert problem.line == content.line(S, f"expires: {written}")
    assert "is not a date: write it as YYYY-MM-DD" in problem.message, problem
